"""`timeline timex DOCS.jsonl -o OUT.jsonl`: the contract timex_score.py reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_timex_cli_roundtrip(tmp_path):
    docs = tmp_path / "docs.jsonl"
    lines = [
        {"doc": "a", "text": "Putin reiste am 19. Juni 2024 nach Pjöngjang.", "dct": "2024-06-20"},
        {"doc": "b", "text": "Kim kommt kommende Woche, hieß es am Donnerstag.", "dct": None},
    ]
    docs.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "app.cli", "timex", str(docs), "-o", str(out)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["doc"] for g in got] == ["a", "b"]
    a = got[0]["timexes"]
    assert any(t["value"] == "2024-06-19" and t["type"] == "DATE" for t in a)
    for g, src in zip(got, lines, strict=True):
        for t in g["timexes"]:
            assert src["text"][t["start"]:t["end"]] == t["text"]
            assert set(t) >= {"start", "end", "text", "type", "value"}
