"""The fast path of the segmenter agrees with SoMaJo run on whole lines."""

from __future__ import annotations

import json
from pathlib import Path

from app.ingest.segment import sentences, split_line

REPO = Path(__file__).resolve().parents[1]


def _lines(shared: Path | None) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    if shared is not None:
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "dev").glob("*.txt"))]
        docs = shared / "krauts" / "jsonl" / "docs.jsonl"
        if docs.exists():
            texts += [json.loads(x)["text"] for x in docs.read_text(encoding="utf-8").splitlines()]
    return [ln for t in texts for ln in t.splitlines() if ln.strip()]


def _agreement(lines: list[str]) -> float:
    same = 0
    for ln in lines:
        a = [ln[s:e].strip() for s, e in split_line(ln, exact=True)]
        b = [ln[s:e].strip() for s, e in split_line(ln)]
        same += a == b
    return same / len(lines)


def test_agrees_with_somajo_on_seeds():
    assert _agreement(_lines(None)) >= 0.95


def test_agrees_with_somajo_on_news(shared_dir):
    assert _agreement(_lines(shared_dir)) >= 0.97


def test_known_cases():
    line = ("Am 19. Juni reiste Putin nach Pjöngjang. Dort traf er Kim Jong Un, u.a. zu Gesprächen. "
            "Prof. Dr. Lee sagte: „Das ist neu.“ Die USA bzw. Südkorea protestierten.Die Lage bleibt ernst.")
    got = [line[s:e] for s, e in split_line(line)]
    assert got == [
        "Am 19. Juni reiste Putin nach Pjöngjang.",
        "Dort traf er Kim Jong Un, u.a. zu Gesprächen.",
        "Prof. Dr. Lee sagte: „Das ist neu.“",
        "Die USA bzw. Südkorea protestierten.",
        "Die Lage bleibt ernst.",
    ]


def test_offsets_index_the_text():
    text = "Titel ohne Punkt\nErster Satz hier. Zweiter Satz dort.\n"
    sents = sentences(text, [(0, 16), (17, len(text) - 1)])
    assert [s.text for s in sents] == ["Titel ohne Punkt", "Erster Satz hier.", "Zweiter Satz dort."]
    assert all(text[s.start:s.end] == s.text for s in sents)
