"""Gold regression: the seed and dev evaluation (direct mode) must not fall below what was reached.

Skipped when the shared folder (``../shared`` beside the repo, or SHARED_DIR) is absent.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared")
ROOT = Path(__file__).resolve().parents[1]

# floors: the figures reached when this test was last raised, minus a small margin
FLOORS = {
    "seeds": {"event_f1": 0.915, "all_correct": 0.68, "date_compatible": 0.905, "country_f1": 0.935,
              "actor_f1": 0.905, "type_acc": 0.935, "status_acc": 0.945},
    "dev": {"event_f1": 0.89, "all_correct": 0.605, "date_compatible": 0.92, "country_f1": 0.93,
            "actor_f1": 0.965, "type_acc": 0.895, "status_acc": 0.92},
}

def _load_eval():
    spec = importlib.util.spec_from_file_location("events_eval", ROOT / "benchmarks" / "events_eval.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists() or not (SHARED / "tools").exists(),
                    reason="shared gold data not available")
def test_gold_figures_do_not_regress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHARED_DIR", str(SHARED))
    results = _load_eval().evaluate(direct=True)
    for name, floors in FLOORS.items():
        for key, floor in floors.items():
            assert results[name][key] >= floor, f"{name} {key} {results[name][key]} < {floor}"
