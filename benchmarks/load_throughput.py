"""Load throughput: seeds varied to ≥ 1,000 distinct articles, loaded into a fresh SQLite file.

Prints articles/s for the whole load (one process, one core) and the time per stage (decode+clean+
DCT, sentence segmentation, extraction, database), so the bottleneck is visible. With
``--stored N`` the database first holds N synthetic articles (about 20 mentions each, with dates,
actors, countries and fingerprints), so merge candidates must come from indexes.

    python benchmarks/load_throughput.py [--n 1000] [--stored 10000] [--no-merge] [--cpu]

The full load also reports where its time went, per article: ingest (decode, boilerplate, DCT,
sentences), extraction, merging (``app/store/merge.py``: group assignment, repair, refresh), the
near-duplicate sketch and lookup (``app/store/sources.py``), and the rest: the database writes of
the loader (article row, events, links, citations, FTS and version triggers, commit).
``--cpu`` adds a second full load into a fresh database timed by this process's CPU time (stable
when other processes share the cores; wall time also counts waiting). ``--no-merge`` adds a second
load into a fresh database with merging switched off in this process only, to measure ingest +
extraction + database writes on their own.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.extract.pipeline import extract
from app.ingest import parse_document
from app.ingest import segment as segment_mod
from app.loader import load_paths
from app.store.database import make_engine
from app.store.migrate import upgrade

REPO = Path(__file__).resolve().parents[1]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def variants(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Distinct articles from the seeds: paragraphs shuffled, weekdays/months/years swapped."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    out = []
    for i in range(n):
        text = bases[i % len(bases)]
        paras = text.split("\n\n")
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = re.sub("|".join(DAYS), lambda _m: rng.choice(DAYS), text)
        text = re.sub("|".join(MONTHS), lambda _m: rng.choice(MONTHS), text)
        text = re.sub(r"\b20(1\d|2[0-5])\b", lambda _m: str(rng.randint(2000, 2025)), text)
        out.append((f"v{i:05d}.txt", text + f"\nMeldung Nummer {i}.\n"))
    return out


def preload(engine, n: int, seed: int = 11) -> None:
    """N synthetic stored articles with ~20 mentions each, written with Core bulk inserts."""
    from datetime import date, timedelta

    from sqlalchemy import insert

    from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry

    rng = random.Random(seed)
    types = ["visit", "meeting", "talks", "call", "agreement", "statement", "arms_transfer",
             "troop_deployment", "accusation", "other"]
    codes = ["RUS", "PRK", "KOR", "USA", "CHN", "UKR", "IRN", "JPN"]
    with engine.begin() as conn:
        conn.execute(insert(Country.__table__), [{"code": c, "name": c} for c in codes])
        conn.execute(insert(Actor.__table__), [{"name": f"Person {i}", "kind": "person", "aliases": []}
                                               for i in range(1, 501)])
        eid = 0
        for a0 in range(0, n, 500):
            arts, evs, cits, links_a, links_c = [], [], [], [], []
            for aid in range(a0 + 1, min(n, a0 + 500) + 1):
                arts.append({"id": aid, "file_name": f"stored{aid:06d}.txt", "content_hash": f"{aid:064x}",
                             "text": "x" * 2000, "report": {}, "encoding": "utf-8", "loaded_at": date.today(),
                             "source_group": f"outlet{aid % 40}", "fingerprint": "0" * 128,
                             "fp_b0": rng.getrandbits(31), "fp_b1": rng.getrandbits(31),
                             "fp_b2": rng.getrandbits(31), "fp_b3": rng.getrandbits(31)})
                for k in range(20):
                    eid += 1
                    first = date(2000, 1, 1) + timedelta(days=rng.randrange(9500))
                    last = first + timedelta(days=rng.choice([0, 0, 6, 30, 364]))
                    evs.append({"id": eid, "group_id": eid, "article_id": aid, "type": rng.choice(types),
                                "status": "reported", "headline": "h", "date_first": first, "date_last": last,
                                "date_value": first.isoformat(), "date_precision": "day", "date_basis": "explicit",
                                "claims": [], "position": k, "source_count": 1, "sources": []})
                    cits.append({"event_id": eid, "article_id": aid, "start": 0, "end": 10, "quote": "x" * 10,
                                 "sentence_index": k})
                    links_a.append({"event_id": eid, "actor_id": rng.randint(1, 500), "role": "source"})
                    for c in rng.sample(codes, 2):
                        links_c.append({"event_id": eid, "country_code": c, "role": "participant"})
            conn.execute(insert(Article.__table__), arts)
            conn.execute(insert(Event.__table__), evs)
            conn.execute(insert(Citation.__table__), cits)
            conn.execute(insert(EventActor.__table__), links_a)
            conn.execute(insert(EventCountry.__table__), links_c)


class Timers:
    """Wraps functions the loader calls (by module attribute) and adds up their time, by ``clock``
    (wall time here; ``extract_speed.py`` passes ``time.process_time``)."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.total: dict[str, float] = {}
        self._saved: list[tuple[object, str, object]] = []
        self._clock = clock

    def wrap(self, module, attr: str, label: str, replacement=None) -> None:
        real = getattr(module, attr)
        inner = replacement or real
        clock, totals = self._clock, self.total
        totals.setdefault(label, 0.0)

        def timed(*a, **k):
            t0 = clock()
            try:
                return inner(*a, **k)
            finally:
                totals[label] += clock() - t0

        self._saved.append((module, attr, real))
        setattr(module, attr, timed)

    def restore(self) -> None:
        for module, attr, real in reversed(self._saved):
            setattr(module, attr, real)
        self._saved.clear()


def timed_load(paths: list[Path], engine, *, merging: bool = True,
               clock: Callable[[], float] = time.perf_counter):
    """load_paths with per-stage timers; merging=False replaces the merge steps by no-ops. ``clock``:
    wall time, or ``time.process_time`` (this process's CPU time, unaffected by other processes)."""
    import app.loader as loader_mod
    from app.store import merge

    timers = Timers(clock)
    timers.wrap(loader_mod, "parse_document", "ingest")
    timers.wrap(loader_mod, "extract", "extract")
    noop = {"assign_groups": lambda *a, **k: set(), "repair_groups": lambda *a, **k: set(),
            "refresh_groups": lambda *a, **k: None}
    for attr in ("assign_groups", "repair_groups", "refresh_groups"):
        timers.wrap(merge, attr, "merge", None if merging else noop[attr])
    timers.wrap(loader_mod, "_set_source", "sources")
    try:
        t0 = clock()
        report = load_paths(paths, engine)
        wall = clock() - t0
    finally:
        timers.restore()
    return report, wall, timers.total


def _stage_line(n: int, wall: float, parts: dict[str, float]) -> str:
    rest = wall - sum(parts.values())
    cells = [f"{k} {v / n * 1000:.2f}" for k, v in parts.items()] + [f"db writes {rest / n * 1000:.2f}"]
    return "  ms/article: " + ", ".join(cells) + f"  (total {wall / n * 1000:.2f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--stored", type=int, default=0, help="synthetic articles already in the database")
    ap.add_argument("--cpu", action="store_true",
                    help="also time a second full load (fresh database) by this process's CPU time")
    ap.add_argument("--no-merge", action="store_true",
                    help="also load into a fresh database with merging switched off (this process only)")
    args = ap.parse_args()
    arts = variants(args.n)
    assert len({t for _, t in arts}) == len(arts)
    chars = sum(len(t) for _, t in arts)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "articles"
        d.mkdir()
        for name, text in arts:
            (d / name).write_text(text, encoding="utf-8")

        # Stage timings on the same texts (no database).
        t_seg = 0.0
        real = segment_mod.sentences

        def timed(*a, **k):
            nonlocal t_seg
            t0 = time.perf_counter()
            r = real(*a, **k)
            t_seg += time.perf_counter() - t0
            return r

        segment_mod.sentences = timed
        import app.ingest as ingest_pkg

        ingest_pkg.sentences = timed
        t0 = time.perf_counter()
        docs = [parse_document(name, text.encode()) for name, text in arts]
        t_ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_events = sum(len(extract(doc).events) for doc in docs)
        t_extract = time.perf_counter() - t0
        segment_mod.sentences = ingest_pkg.sentences = real

        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        if args.stored:
            t0 = time.perf_counter()
            preload(engine, args.stored)
            print(f"preloaded {args.stored} synthetic articles in {time.perf_counter() - t0:.1f} s")
        report, t_load, parts = timed_load([d], engine)
        t0 = time.perf_counter()
        again = load_paths([d], engine)
        t_reload = time.perf_counter() - t0

        def fresh(name: str):
            """Another migrated database with the same stored articles, for a second full load."""
            url2 = f"sqlite:///{Path(tmp) / name}"
            upgrade(url2)
            engine2 = make_engine(url2)
            if args.stored:
                preload(engine2, args.stored)
            return engine2

        if args.cpu:
            report3, t_load3, parts3 = timed_load([d], fresh("bench_cpu.db"), clock=time.process_time)
        if args.no_merge:
            report2, t_load2, parts2 = timed_load([d], fresh("bench_nomerge.db"), merging=False)
    n = len(arts)
    print(f"articles: {n}  chars: {chars:,}  events extracted: {n_events}  already stored: {args.stored}")
    print(f"full load (ingest + extract + SQLite): {t_load:.2f} s  →  {n / t_load:,.0f} articles/s"
          f"  ({report.count('loaded')} loaded, {report.count('failed')} failed)")
    print(_stage_line(n, t_load, parts))
    print(f"re-load of unchanged files:            {t_reload:.2f} s  →  {n / t_reload:,.0f} articles/s"
          f"  ({again.count('unchanged')} unchanged)")
    if args.cpu:
        print(f"full load, CPU time of this process:   {t_load3:.2f} s  →  {n / t_load3:,.0f} articles/s"
              f"  ({report3.count('loaded')} loaded, {report3.count('failed')} failed)")
        print(_stage_line(n, t_load3, parts3))
    if args.no_merge:
        print(f"load without merging (benchmark only): {t_load2:.2f} s  →  {n / t_load2:,.0f} articles/s"
              f"  ({report2.count('loaded')} loaded, {report2.count('failed')} failed)")
        print(_stage_line(n, t_load2, parts2))
    print("stages without database:")
    print(f"  ingest total  {t_ingest:.2f} s  ({n / t_ingest:,.0f}/s), of which SoMaJo segmentation "
          f"{t_seg:.2f} s ({n / t_seg:,.0f}/s)")
    print(f"  extraction    {t_extract:.2f} s  ({n / t_extract:,.0f}/s)")
    print(f"  database      ≈{max(t_load - t_ingest - t_extract, 0):.2f} s")


if __name__ == "__main__":
    main()
