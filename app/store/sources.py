"""Which newsroom a text comes from, and which stored texts are near-identical copies of it.

Corroboration counts *independent* sources. Three outlets running the same Reuters story are one
source, so:

- ``source_key``: the agency an outlet credits ("onvista.de (Reuters)" → "Reuters"; agencies are
  listed in ``app/extract/resources/merge.toml``), else the outlet name without notes in
  parentheses, else the URL's host, else an agency trailer or dateline in the text ("(Reuters)").
- near-duplicates: a MinHash sketch (16 minima of seeded 31-bit hashes over word trigrams of the
  kept text). Candidates come from the database through four indexed columns holding the first four
  minima (texts with Jaccard similarity J share a given minimum with probability J, so near-copies
  share at least one of four almost surely); the estimate over all 16 minima then decides (≥ 0.75).
- ``source_group``: the unit counted once: a near-duplicate's group if there is one, else the
  ``source_key``, else the article itself.

False-positive policy: a shared agency credit merges sources even when the stories differ — one
newsroom is one witness. Near-duplicate detection needs about three quarters of the word trigrams in common, so
two agencies' independent reports of the same event stay two sources.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from app.extract.model import Document
from app.store import merge
from app.store.models import Article

_WORD = re.compile(r"\w+")


@cache
def _agencies() -> list[tuple[str, re.Pattern[str]]]:
    data = merge.config()["agencies"]
    out = []
    for name, forms in data.items():
        alts = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
        out.append((name, re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)))
    return out


def agency_in(text: str) -> str | None:
    for name, rx in _agencies():
        if rx.search(text):
            return name
    return None


def source_key(outlet: str | None, url: str | None, doc: Document | None = None) -> str | None:
    if outlet:
        if agency := agency_in(outlet):
            return agency
        name = re.sub(r"\s*\([^)]*\)", "", outlet).strip(" ,;")
        if name:
            return name
    if url:
        host = urlparse(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if doc is not None:
        for d in doc.dropped:
            if d.reason in ("agency-trailer", "dateline", "copyright", "reporter-line"):
                if agency := agency_in(d.text):
                    return agency
    return None


_MASK = (1 << 31) - 1
_SEEDS = tuple(int.from_bytes(hashlib.blake2b(str(i).encode(), digest_size=4).digest(), "big") & _MASK
               for i in range(16))
MIN_SIMILARITY = 0.75


def minhash(text: str) -> tuple[int, ...]:
    """16 MinHash values (31-bit) over the word trigrams of ``text``."""
    words = [w.lower() for w in _WORD.findall(text)] or [""]
    grams = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
    blake = hashlib.blake2b
    hs = [int.from_bytes(blake(g.encode(), digest_size=4).digest(), "big") & _MASK for g in grams]
    return tuple(min(map(seed.__xor__, hs)) for seed in _SEEDS)  # map: no generator frame per value


def encode(sketch: tuple[int, ...]) -> str:
    return "".join(f"{v:08x}" for v in sketch)


def decode(fingerprint: str) -> tuple[int, ...]:
    return tuple(int(fingerprint[i:i + 8], 16) for i in range(0, len(fingerprint), 8))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def kept_text(doc: Document) -> str:
    return " ".join(s.text for s in doc.sentences)


@dataclass(frozen=True)
class Twin:
    """A stored near-duplicate: its id and the source group it counts in."""

    id: int
    source_group: str | None


# Built once: candidates share one of the four indexed minima.
_CANDIDATES = select(Article.id, Article.fingerprint, Article.source_group).where(
    Article.file_name != bindparam("name"),
    or_(Article.fp_b0 == bindparam("b0"), Article.fp_b1 == bindparam("b1"), Article.fp_b2 == bindparam("b2"),
        Article.fp_b3 == bindparam("b3")),
).limit(50)


def near_duplicate(session: Session, sketch: tuple[int, ...], file_name: str) -> Twin | None:
    """The most similar stored article (another file) with estimated Jaccard ≥ MIN_SIMILARITY."""
    b = sketch[:4]
    rows = merge.fetch(session.connection(), _CANDIDATES, {"name": file_name, "b0": b[0], "b1": b[1], "b2": b[2],
                                                           "b3": b[3]})
    best, best_sim = None, MIN_SIMILARITY
    for aid, fingerprint, group in rows:
        if not fingerprint:
            continue
        sim = similarity(decode(fingerprint), sketch)
        if sim >= best_sim:
            best, best_sim = Twin(aid, group), sim
    return best
