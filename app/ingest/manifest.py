"""The optional manifest beside article files: CSV with columns file, outlet, url, published."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError

_PUBLISHED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?")


@dataclass(frozen=True)
class ArticleMeta:
    file: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD, YYYY-MM, YYYY-Www or None


def read_manifest(path: Path) -> dict[str, ArticleMeta]:
    """Rows keyed by file name. A malformed ``published`` value is an error naming the row."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"cannot read manifest {path}: {exc}") from exc
    reader = csv.DictReader(raw.splitlines())
    missing = {"file", "outlet", "url", "published"} - set(reader.fieldnames or [])
    if missing:
        raise IngestError(f"manifest {path.name} lacks columns: {', '.join(sorted(missing))}")
    out: dict[str, ArticleMeta] = {}
    for lineno, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        published = (row.get("published") or "").strip() or None
        if published and not _PUBLISHED.fullmatch(published):
            raise IngestError(f"manifest {path.name} line {lineno}: bad published value {published!r}")
        out[Path(name).name] = ArticleMeta(
            file=Path(name).name,
            outlet=(row.get("outlet") or "").strip() or None,
            url=(row.get("url") or "").strip() or None,
            published=published,
        )
    return out
