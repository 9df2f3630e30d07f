"""Ingest and extraction speed per article, split by stage (CPU time, no database).

Runs ``parse_document`` and ``extract`` over the varied articles of ``load_throughput.py`` and prints
ms/article for ingest (decode + boilerplate + DCT, sentence segmentation with SoMaJo) and for
extraction with its main stages. Process time, best of ``--repeat`` runs after one warm-up run, so
other processes on the machine disturb the figures less than wall time would.

    python benchmarks/extract_speed.py [--n 300] [--repeat 3] [--no-stages]

Stage timers wrap module attributes (``app.extract.pipeline`` calls them by name) and cost a little
themselves; ``--no-stages`` gives the plain totals.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from load_throughput import Timers, variants  # noqa: E402

import app.ingest as ingest_pkg  # noqa: E402
from app.extract import pipeline  # noqa: E402
from app.ingest import parse_document  # noqa: E402

# (module, attribute, label): what the stage lines measure
_INGEST = [(ingest_pkg, "sentences", "segmentation (SoMaJo)"), (ingest_pkg, "find_boilerplate", "boilerplate"),
           (ingest_pkg, "find_dct", "DCT")]
_EXTRACT = [(pipeline, "_safe_tag", "timex tagging"), (pipeline, "_safe_mentions", "entity mentions"),
            (pipeline, "split_clauses", "clauses (tokens)"), (pipeline, "_candidates", "candidates (triggers)"),
            (pipeline.status, "attributions", "attributions"), (pipeline.status, "decide", "status"),
            (pipeline, "headline", "headlines"), (pipeline, "_actors", "actors"),
            (pipeline, "_corefer_dates", "date coreference"), (pipeline.knowledge, "date_background", "background")]


def run(arts: list[tuple[str, str]], stages: bool) -> tuple[float, float, dict[str, float]]:
    """(ingest seconds, extraction seconds, seconds per stage) for one pass over the articles."""
    timers = Timers(time.process_time)
    if stages:
        for module, attr, label in _INGEST + _EXTRACT:
            timers.wrap(module, attr, label)
    try:
        clock = time.process_time
        t0 = clock()
        docs = [parse_document(name, text.encode("utf-8")) for name, text in arts]
        t1 = clock()
        for doc in docs:
            pipeline.extract(doc)
        t2 = clock()
    finally:
        timers.restore()
    return t1 - t0, t2 - t1, timers.total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-stages", action="store_true")
    args = ap.parse_args()
    arts = variants(args.n)
    n = len(arts)
    run(arts, False)  # warm-up: lexicons, compiled patterns, per-word memos
    best_i = best_e = float("inf")
    parts: dict[str, float] = {}
    for _ in range(args.repeat):
        ti, te, st = run(arts, not args.no_stages)
        best_i, best_e = min(best_i, ti), min(best_e, te)
        parts = {k: min(v, parts.get(k, v)) for k, v in st.items()}
    ms = 1000 / n
    print(f"articles: {n}  (CPU time, best of {args.repeat})")
    print(f"ingest      {best_i * ms:6.2f} ms/article")
    for _, _, label in _INGEST if parts else ():
        print(f"  {label:26s}{parts[label] * ms:6.2f}")
    if parts:
        rest = best_i - sum(parts[label] for _, _, label in _INGEST)
        print(f"  {'decode, spans, other':26s}{rest * ms:6.2f}")
    print(f"extraction  {best_e * ms:6.2f} ms/article")
    if parts:
        for _, _, label in _EXTRACT:
            print(f"  {label:26s}{parts[label] * ms:6.2f}")
        rest = best_e - sum(parts[label] for _, _, label in _EXTRACT)
        print(f"  {'rest of extract()':26s}{rest * ms:6.2f}")
    print(f"total       {(best_i + best_e) * ms:6.2f} ms/article  →  {1000 / ((best_i + best_e) * ms):.0f} articles/s")


if __name__ == "__main__":
    main()
