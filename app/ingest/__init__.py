"""Ingest: read an article file, decode it, find boilerplate, date it, split it into sentences.

Everything here keeps offsets into the original decoded text; nothing is rewritten.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.extract.model import Document

from .clean import find_boilerplate, kept_spans
from .dct import find_dct
from .decode import decode
from .errors import IngestError
from .manifest import ArticleMeta, read_manifest
from .segment import sentences

__all__ = ["ArticleMeta", "IngestError", "Document", "read_document", "parse_document", "read_manifest",
           "content_hash", "MAX_BYTES"]

MAX_BYTES = 5_000_000  # a news article is a few KB; larger files are not articles
MIN_WORDS = 20


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _title(text: str, spans: list[tuple[int, int]]) -> str | None:
    if not spans:
        return None
    s, e = spans[0]
    line = text[s:e].strip()
    if len(line) <= 200 and not line.endswith((".", "!", "?", ":", "»", "“", '"')):
        return line
    return None


def _mostly_letters(text: str, spans: list[tuple[int, int]]) -> bool:
    """At least half of the kept characters are letters (counting stops once that is certain)."""
    need = 0.5 * sum(e - s for s, e in spans)
    letters = 0
    for s, e in spans:
        letters += sum(map(str.isalpha, text[s:e]))
        if letters >= need:
            return True
    return letters >= need


def parse_document(name: str, data: bytes, meta: ArticleMeta | None = None) -> Document:
    """Bytes of one file → Document. Raises IngestError (with a reason) for what is not an article."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"file too large for a news article ({len(data):,} bytes > {MAX_BYTES:,})")
    text, encoding = decode(data)
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    dropped = find_boilerplate(text)
    spans = kept_spans(text, dropped)
    words = sum(len(text[s:e].split()) for s, e in spans)
    if words < MIN_WORDS:
        raise IngestError(f"not an article: only {words} words of running text")
    if not _mostly_letters(text, spans):
        raise IngestError("not an article: mostly non-letters (table, code or data?)")
    dct = find_dct(text, published=meta.published if meta else None, url=meta.url if meta else None)
    if dct is None:
        warnings.append("no document creation time: relative dates stay unresolved")
    sents = sentences(text, spans)
    return Document(
        name=name, text=text, dct=dct, sentences=sents, dropped=tuple(dropped),
        title=_title(text, spans), encoding=encoding, warnings=tuple(warnings),
    )


def read_document(path: Path, meta: ArticleMeta | None = None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return parse_document(path.name, data, meta)
