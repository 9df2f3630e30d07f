"""Merge quality: load ../shared/seeds and ../shared/dev into a fresh SQLite file, then score the
event groups pairwise against tests/fixtures/merge_gold.json (targets: precision ≥ 0.95, recall
≥ 0.80).

    python benchmarks/merge_eval.py [--detail]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from sqlmodel import Session

from app.evaluation import merge_scores
from app.loader import load_paths
from app.store.database import make_engine
from app.store.migrate import upgrade

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))


def run(detail: bool = False) -> dict:
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())["articles"]
    gold += json.loads((SHARED / "gold" / "dev.json").read_text())["articles"]
    groups = json.loads((REPO / "tests" / "fixtures" / "merge_gold.json").read_text())["groups"]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'merge.db'}"
        upgrade(url)
        engine = make_engine(url)
        for part in ("seeds", "dev"):
            load_paths([SHARED / part], engine, SHARED / part / "manifest.csv")
        with Session(engine) as session:
            res = merge_scores(session, gold, groups)
        engine.dispose()
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--detail", action="store_true")
    res = run()
    args = ap.parse_args()
    brief = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in res.items()
             if k not in ("false_pairs", "missed_pairs")}
    print(json.dumps(brief))
    if args.detail:
        for a, b in res["false_pairs"]:
            print("FALSE", a[0][:12], a[1][:60], "||", b[0][:12], b[1][:60])
        for a, b in res["missed_pairs"]:
            print("MISSED", a[0][:12], a[1][:60], "||", b[0][:12], b[1][:60])


if __name__ == "__main__":
    main()
