"""The segmenter's shortcuts (a quoted word before the final punctuation, a day number before a month
name) give exactly the sentences SoMaJo gives on the same pieces."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.ingest.segment import split_line

REPO = Path(__file__).resolve().parents[1]


def _texts(shared: Path | None) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "fixtures").rglob("*.txt"))]
    if shared is not None:
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "dev").glob("*.txt"))]
        docs = shared / "krauts" / "jsonl" / "docs.jsonl"
        if docs.exists():
            texts += [json.loads(x)["text"] for x in docs.read_text(encoding="utf-8").splitlines() if x.strip()]
    return texts


def _disagreements(lines: list[str]) -> list[str]:
    return [ln for ln in lines if split_line(ln) != split_line(ln, shortcuts=False)]


def test_shortcuts_agree_with_somajo_on_news(shared_dir) -> None:
    lines = sorted({ln for t in _texts(shared_dir) for ln in t.splitlines() if ln.strip()})
    assert not _disagreements(lines)


def test_shortcuts_agree_on_varied_articles() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from load_throughput import variants

    lines = sorted({ln for _, t in variants(300) for ln in t.splitlines() if ln.strip()})
    assert not _disagreements(lines)


def test_shortcut_cases() -> None:
    months = ["Januar", "März", "Mai", "Oktober", "Dezember"]
    lines = [f"{pre} {d}. {mo}{post}" for d in (1, 9, 16, 31) for mo in months
             for pre in ("Er kam am", "Am", "bis zum", "Seit dem") for post in (" 2020 an.", ". Dann ging er.", " an.")]
    lines += [f"Er las die «{w}{q}. {nxt} war es gut." for w in ("Rundschau", "gesagt", "usw", "dpa", "Reuters")
              for q in "»«“”\")" for nxt in ("Dabei", "»Dabei", "„Dabei", "(Dabei", "Ärger")]
    lines += ["Siehe www.spiegel.com». Dann mehr.", "Er sagte «ja 2». Dann ging er.", "Am 2.-3. Mai war es."]
    assert not _disagreements(lines)
    cut = split_line("Das schreibt die «Frankfurter Rundschau». Dabei blieb es.")
    assert len(cut) == 2
