"""Benchmark of the German temporal tagger on KRAUTS (Dolomiten-42 and Dolomiten-100).

Runs ``app.extract.timex.tag`` over ``krauts/jsonl/docs.jsonl``, writes the output to
``benchmarks/out/timex_krauts.jsonl``, scores it with the shared ``tools/timex_score.py`` (run as a
subprocess, unchanged) and prints per part strict / relaxed / value F1, per-type recall, the targets
(relaxed F1 >= 0.88 and value F1 >= 0.80 on each part) and single-process speed (docs/s, chars/s).

    python benchmarks/timex_bench.py [--errors] [--repeat N]

The shared data directory is ``../shared`` next to the repository, or ``$SHARED_DIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.extract.timex import tag  # noqa: E402
from app.extract.timex_io import timex_to_json  # noqa: E402

SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
OUT = REPO / "benchmarks" / "out"
PARTS = ("KRAUTS_Dolomiten-42", "KRAUTS_Dolomiten-100")
TARGETS = {"relaxed": 0.88, "value": 0.80, "chars_per_s": 200_000}


def run_tagger(docs: list[dict], repeat: int = 1) -> tuple[list[dict], float]:
    best = float("inf")
    out: list[dict] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = [{"doc": d["doc"], "timexes": [timex_to_json(t) for t in tag(d["text"], d.get("dct"))]}
               for d in docs]
        best = min(best, time.perf_counter() - t0)
    return out, best


def score(gold: Path, system: Path, errors: Path | None = None) -> dict:
    js = OUT / "timex_score.json"
    cmd = [sys.executable, str(SHARED / "tools" / "timex_score.py"), str(gold), str(system), "--json", str(js)]
    if errors is not None:
        cmd += ["--errors", str(errors)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(js.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="also write benchmarks/out/timex_errors.tsv")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (best is reported)")
    args = ap.parse_args(argv)

    krauts = SHARED / "krauts" / "jsonl"
    if not (krauts / "docs.jsonl").exists():
        print(f"KRAUTS data not found under {krauts}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in (krauts / "docs.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = [d for d in docs if d.get("part") in PARTS]
    out, secs = run_tagger(docs, args.repeat)
    OUT.mkdir(parents=True, exist_ok=True)
    sys_path = OUT / "timex_krauts.jsonl"
    sys_path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
    result = score(krauts / "gold.jsonl", sys_path, OUT / "timex_errors.tsv" if args.errors else None)

    ok = True
    print(f"{'part':22s} {'gold':>5s} {'sys':>5s} | {'strict':>6s} {'relax':>6s} {'value':>6s} {'type':>6s}"
          f" | per gold type: relaxed recall / value recall")
    for part in (*PARTS, "ALL"):
        m = result.get(part)
        if m is None:
            continue
        types = "  ".join(f"{t}:{v['relaxed_recall']:.2f}/{v['value_recall']:.2f}({v['gold']})"
                          for t, v in m["by_gold_type"].items() if v["gold"])
        print(f"{part:22s} {m['gold']:5d} {m['system']:5d} | {m['strict']['f1']:6.3f} {m['relaxed']['f1']:6.3f} "
              f"{m['value']['f1']:6.3f} {m['type']['f1']:6.3f} | {types}")
        if part != "ALL":
            ok &= m["relaxed"]["f1"] >= TARGETS["relaxed"] and m["value"]["f1"] >= TARGETS["value"]
    chars = sum(len(d["text"]) for d in docs)
    cps = chars / secs
    print(f"speed: {len(docs)} docs, {chars} chars in {secs:.3f}s single process = "
          f"{len(docs) / secs:.0f} docs/s, {cps:,.0f} chars/s")
    ok &= cps >= TARGETS["chars_per_s"]
    print(f"targets (relaxed F1 >= {TARGETS['relaxed']}, value F1 >= {TARGETS['value']} per part, "
          f">= {TARGETS['chars_per_s']:,} chars/s): {'MET' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
