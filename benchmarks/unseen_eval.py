"""Event extraction on self-written unseen articles (expectations in each folder's expected.json).

    python benchmarks/unseen_eval.py [--detail] [--set unseen|heldout|heldout2|...|heldout10]

--set unseen (default): tests/fixtures/unseen (u01…u11; tuned on, so no longer a generalisation measure).
--set heldout: tests/fixtures/heldout (v01…v08; written before running the system; used as development data since).
--set heldout2: tests/fixtures/heldout2 (w01…w08; written before running the system, never tuned on).
  Measured only before and after pass 9 (recall rules): event F1 .752 -> .830, recall .667 -> .786,
  precision .862 -> .880, all-correct .274 -> .310 (84 gold events; 65 -> 75 system events).
  Used as development data from pass 10 on: event F1 .830 -> .899, all-correct .310 -> .405.
--set heldout3: tests/fixtures/heldout3 (x01…x06, 42 gold events; written before running the system; measured
  only before and after pass 10, its per-event errors looked at only after the last code change).
  Pass 10: event F1 .701 -> .709, recall .643 -> .667, precision .771 -> .757, all-correct .357 -> .381,
  date compatible .875 -> .920, country F1 .971 -> .972, actor F1 .929 -> .897, type .778 -> .786,
  status .852 -> .857. Note: its gold has no events for the six headlines (the other sets annotate them),
  so six of its spurious events are headline events; precision is understated by that.
  Used as development data from pass 11 on: event F1 .709 -> .725, all-correct .381 -> .452.
--set heldout4: tests/fixtures/heldout4 (y01…y05, 40 gold events incl. headline events; written before running the
  system; measured only before and after pass 11, its per-event errors looked at only after the last code change).
  Pass 11: event F1 .771 -> .761, recall .675 -> .675, precision .900 -> .871 (30 -> 31 system events),
  all-correct .325 -> .375, date exact/compatible 1.0 -> 1.0, country F1 .904 -> .925, actor F1 .875 -> .875,
  type .704 -> .741, status .815 -> .889. The extra spurious event is an observers' judgement ("Beobachter ...
  werteten die Reise als Zeichen"), made a statement by the new "werten" trigger.
  Used as development data from pass 12 on; pass 13: event F1 .811 -> .872, all-correct .400 -> .450.
--set heldout5: tests/fixtures/heldout5 (z01…z06, 101 gold events incl. headline events, with manifest.csv; longer
  texts in varied styles: agency text with boilerplate, analysis, live ticker, interview, 2014-2025; written
  before running the system). First, untouched measurement (before pass 13): event F1 .843, recall .822,
  precision .865 (96 system events), all-correct .317, date compatible .915, country F1 .885, actor F1 .844,
  type .723, status .819. Its per-event errors were looked at for pass 13 (so it is development data now):
  event F1 .873, recall .851, precision .896, all-correct .416, date .946, country .885, actor .850, type .779,
  status .907.
--set heldout6: tests/fixtures/heldout6 (q01…q05, 104 gold events incl. headline events, with manifest.csv; a 2009
  agency text, a live ticker with "Name: claim" subheads, an agency text full of hedges and denials, a 2026
  correspondent's report, an Austrian analysis; written before running the system). First, untouched measurement
  (before pass 14): event F1 .814, recall .779, precision .853 (95 system events), all-correct .337, date
  compatible .922, country F1 .906, actor F1 .850, type .741, status .827. Pass 14 was built on the seed/dev
  defects and sentences written for its tests; heldout6 was only re-measured for regressions, except that its
  miss list was read once near the end (the "kam ... nach Moskau" visit verbs came from it). After pass 14:
  event F1 .830, all-correct .404, date .924, country .912, actor .857, type .771, status .880.
  Pass 15 looked at its per-event errors (development data now): event F1 .850, all-correct .510, date .985,
  country .908, actor .899, type .882, status .941.
--set heldout7: tests/fixtures/heldout7 (r01…r05, 111 gold events incl. headline events, with manifest.csv; a 2000
  agency report of Putin in Pjöngjang, a Swiss report of Kim Jong Il in Siberia 2011, an Austrian report on
  resolution 2375 (2017), a 2023 agency text on Schoigu's visit, a 2025 Swiss interview on workers and tourism;
  written before running the system; its per-event errors were not looked at). First, untouched measurement
  (before pass 15): event F1 .762, recall .694, precision .846 (91 system events), all-correct .297, date
  compatible .877, country F1 .907, actor F1 .863, type .662, status .909. After pass 15 (built on heldout5/6,
  seeds/dev and sentences written for its tests): event F1 .776, recall .703, precision .867, all-correct .333,
  date .909, country .918, actor .865, type .654, status .897.
--set heldout8: tests/fixtures/heldout8 (s01…s05, 91 gold events incl. headline events, with manifest.csv; a 2016 dpa
  report on resolution 2270 with copyright/photo lines, a Swiss report of the 2019 Wladiwostok summit, a 2024 Reuters
  text on North Korean soldiers in Kursk, a 2025 APA report on pioneers for Kursk (Syria background), a 2026 analysis
  on Moscow/Pyongyang/Tehran; verbs chosen outside the lexicons where natural; written before running the system).
  First, untouched measurement (before pass 17): event F1 .875, recall .846, precision .906 (85 system events),
  all-correct .352, date exact/compatible .869, date wrong .049, missing .082, country F1 .924, actor F1 .894,
  type .675, status .844. Pass 17 looked at its per-event errors and those of heldout7 (development data now); after
  pass 17: event F1 .900, recall .890, precision .910 (89 system events), all-correct .451, date .892, country .925,
  actor .898, type .790, status .901. heldout7 after pass 17: event F1 .776, all-correct .414, date .909, country
  .921, actor .865, type .769, status .949. Gold caveat: heldout8 types North Korean soldiers "kämpfen"/"in Kämpfe
  verwickelt" as attack and state-media attribution ("nach Angaben ... KCNA") as alleged, unlike the other sets
  (troop_deployment, reported); the system follows the other sets.
--set heldout9: tests/fixtures/heldout9 (t01…t05, 91 gold events incl. headline events, with manifest.csv; a 2006 AP
  report of Moscow's reaction to the first nuclear test, a 2018 correspondent's report of Lawrow in Pjöngjang, a
  2024 Reuters text on the Duma ratifying the partnership treaty, a 2025 Austrian feature on the train, flights,
  tourism and workers, a 2026 dpa report on a sanctions-monitoring report of arms deliveries; agency boilerplate,
  hedges, denials, plans, relative dates, background recalls; written before running the system). First,
  untouched measurement (before pass 18): event F1 .814, recall .791, precision .837 (86 system events),
  all-correct .429, date exact/compatible .925, date wrong .045, missing .030, country F1 .918, actor F1 .914,
  type .819, status .889. Pass 18 was built on heldout7/8 errors, known gaps and sentences written for its tests;
  heldout9's per-event errors were looked at only after its last code change. After pass 18: event F1 .807, recall
  .780, precision .835 (85 system events), all-correct .429, date .924, country .917, actor .914, type .831,
  status .887 (the one event lost: "Die Arbeiter seien auf Baustellen ... tätig", formerly matched as troop
  presence with the wrong type; plain "Arbeiter" are no troops since pass 18, and a presence of workers is not
  yet an event). Pass 18 on heldout7: all-correct .414 -> .450, type .769 -> .833, status .949 -> .962, country
  .921 -> .927 (F1 .776 unchanged); heldout8: event F1 .900 -> .906, all-correct .451 -> .495, type .790 -> .829,
  status .901 -> .890.
  After pass 19 (built on heldout9's known gaps, heldout5-9 misses and sentences written for its tests): event F1
  .807 -> .854, recall .780 -> .868, precision .835 -> .840 (94 system events), all-correct .429 -> .462, date
  .924 -> .919, country .917 -> .919, actor .914 -> .916, type .831 -> .823, status .887 -> .886. Pass 19 on
  heldout6: event F1 .860 -> .866, recall .827 -> .837, all-correct .510 -> .519, actor .899 -> .889; heldout7: event
  F1 .776 -> .782, recall .703 -> .712, type .833 -> .823; unseen, heldout…heldout5 and heldout8 unchanged.
--set heldout10: tests/fixtures/heldout10 (u01…u05, 112 gold events incl. headline events, with manifest.csv; a Swiss
  2001 report of Kim Jong Il's train journey to Moscow, a 2013 AFP text on the debt write-off and Rason, a 2017 AFP text
  on the Russian-Chinese "double freeze", an Austrian 2024 report of Putin in Pjöngjang, a 2026 dpa text with a date
  range, plans and speculation; written by a helper that never ran or read the extractor). Measured before pass 18
  (untouched): event F1 .808, recall .732, precision .901 (91 system events), all-correct .375, date .912, country
  .909, actor .911, type .768, status .854. After pass 18 (which never saw it): event F1 .814, recall .741, precision
  .902 (92 system events), all-correct .384, date .913, country .910, actor .911, type .783, status .843. Its
  per-event errors have not been looked at. After pass 19 (which never saw it, measured once without detail):
  unchanged (event F1 .814, recall .741, precision .902, all-correct .384).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.events_eval import direct_export, shared_dir  # noqa: E402

SETS = {"unseen": ROOT / "tests" / "fixtures" / "unseen", "heldout": ROOT / "tests" / "fixtures" / "heldout",
        "heldout2": ROOT / "tests" / "fixtures" / "heldout2", "heldout3": ROOT / "tests" / "fixtures" / "heldout3",
        "heldout4": ROOT / "tests" / "fixtures" / "heldout4", "heldout5": ROOT / "tests" / "fixtures" / "heldout5",
        "heldout6": ROOT / "tests" / "fixtures" / "heldout6", "heldout7": ROOT / "tests" / "fixtures" / "heldout7",
        "heldout8": ROOT / "tests" / "fixtures" / "heldout8", "heldout9": ROOT / "tests" / "fixtures" / "heldout9",
        "heldout10": ROOT / "tests" / "fixtures" / "heldout10"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--set", choices=sorted(SETS), default="unseen")
    a = ap.parse_args()
    folder = SETS[a.set]
    import subprocess

    export, _ = direct_export(folder)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "unseen.json"
        out.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(shared_dir() / "tools" / "eval_events.py"), str(folder / "expected.json"), str(out),
               str(folder)] + (["--detail"] if a.detail else [])
        print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
