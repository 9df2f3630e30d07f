"""Batch driver for the temporal tagger: ``timeline timex DOCS.jsonl -o OUT.jsonl``.

Reads one JSON object per line ``{"doc", "text", "dct"}`` (the format of KRAUTS ``docs.jsonl``) and
writes ``{"doc", "timexes": [{"start", "end", "text", "type", "value", "mod"}]}`` per document, the
format ``timex_score.py`` reads (offsets into ``text``, end exclusive).
"""

from __future__ import annotations

import json
from pathlib import Path

from app.extract.model import Timex
from app.extract.timevalue import interval
from app.extract.timex import tag


def timex_to_json(t: Timex) -> dict:
    d: dict = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value or ""}
    if t.mod:
        d["mod"] = t.mod
    return d


def timex_record(t: Timex) -> dict:
    """A time expression as an article's ingest report keeps it: ``timex_to_json`` plus what it was
    resolved against (``basis``, ``anchor``) and, for a range that dates events ("vom 12. bis 17.
    September"), its ``last`` day."""
    d = timex_to_json(t)
    d["basis"] = t.basis
    if t.anchor and t.basis != "explicit":
        d["anchor"] = t.anchor
    own = interval(t.value) if t.value else None
    if own is not None and t.last is not None and t.last > own[1]:
        d["last"] = t.last.isoformat()
    return d


def run(docs_path: Path, out_path: Path) -> int:
    """Tag every document of ``docs_path`` and write the results to ``out_path``; returns the number
    of documents."""
    n = 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with docs_path.open(encoding="utf-8") as src, out_path.open("w", encoding="utf-8") as dst:
        for line in src:
            line = line.strip()
            if not line:
                continue
            doc = json.loads(line)
            timexes = tag(doc.get("text") or "", doc.get("dct") or None)
            dst.write(json.dumps({"doc": doc["doc"], "timexes": [timex_to_json(t) for t in timexes]},
                                 ensure_ascii=False) + "\n")
            n += 1
    return n
