"""Regression guard: the tagger's scores on KRAUTS Dolomiten must not fall below what it reached.

Runs the tagger over the shared ``krauts/jsonl/docs.jsonl`` and scores it with the shared
``tools/timex_score.py`` (as a subprocess, unchanged). Skips when ../shared (or $SHARED_DIR) is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.extract.timex_io import run

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
KRAUTS = SHARED / "krauts" / "jsonl"
SCORER = SHARED / "tools" / "timex_score.py"

# part -> (strict F1, relaxed F1, value F1) reached; the floor is these minus a rounding margin
REACHED = {
    "KRAUTS_Dolomiten-42": (0.91, 0.96, 0.84),
    "KRAUTS_Dolomiten-100": (0.86, 0.93, 0.84),
}
MARGIN = 0.005


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (KRAUTS / "docs.jsonl").exists() or not SCORER.exists():
        pytest.skip(f"KRAUTS data or scorer not found under {SHARED}")
    out = tmp_path_factory.mktemp("timex") / "sys.jsonl"
    assert run(KRAUTS / "docs.jsonl", out) > 0
    js = out.with_suffix(".json")
    subprocess.run([sys.executable, str(SCORER), str(KRAUTS / "gold.jsonl"), str(out), "--json", str(js)],
                   check=True, capture_output=True, text=True)
    return json.loads(js.read_text(encoding="utf-8"))


@pytest.mark.parametrize("part", sorted(REACHED))
def test_scores_do_not_regress(scores: dict, part: str) -> None:
    m = scores[part]
    strict, relaxed, value = REACHED[part]
    got = (m["strict"]["f1"], m["relaxed"]["f1"], m["value"]["f1"])
    assert got[0] >= strict - MARGIN, f"{part} strict F1 {got[0]:.3f}"
    assert got[1] >= relaxed - MARGIN, f"{part} relaxed F1 {got[1]:.3f}"
    assert got[2] >= value - MARGIN, f"{part} value F1 {got[2]:.3f}"


@pytest.mark.parametrize("part", sorted(REACHED))
def test_issue_targets(scores: dict, part: str) -> None:
    assert scores[part]["relaxed"]["f1"] >= 0.88
    assert scores[part]["value"]["f1"] >= 0.80
