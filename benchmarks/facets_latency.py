"""Server time of a filtered timeline page *with facets* on 100,000 events in SQLite (issue 6).

Builds a temp SQLite file (Alembic-migrated, so the FTS5 table, its triggers and the composite
facet indexes of migration 0002 exist) through Core bulk inserts — the FTS triggers fire for every
row, as they do for the loader — with dates at every precision (some undated), all types and
statuses, 8 countries, 150 actors and 1–3 quotes per event. Then it times ~200 requests per route
for ``/`` and ``/api/events`` with 1–3 filters and a ``q``, each request with a different value
(different country/type/year/search word), in-process through FastAPI's TestClient, and prints
p50/p95/max per route and overall. Target: p95 ≤ 50 ms.

    .venv/bin/python benchmarks/facets_latency.py [--events 100000] [--requests 200] [--limit 100] [--db FILE]
        [--paths / /api/events] [--mode cold|warm|both] [--no-index]

``--db FILE`` reuses a SQLite file built earlier (migrated to the newest revision first) instead of
building a temporary one. ``cut`` counts the responses in which the facet time limit (setting
``facet_time_limit_ms``) left a facet uncounted ("zu aufwendig").

Two modes (``--mode both``, the default, runs both on the same requests):

- **cold**: the count cache off (``count_cache_size = 0``) and no facet time limit, so every total,
  facet count and time axis of every request is computed, and no facet is ever cut;
- **warm**: the settings as they are (count cache and facet time limit): what a server that has seen
  a filter before answers.

``cpu`` is the process's CPU time per request (server and in-process client): on a shared machine
the wall-clock figures also hold the time other processes had the CPU; both are printed. ``srv`` is
the server's own time, from the ``Server-Timing`` header (``app/web/timing.py``): arrival of the
request to the start of the response, without the test client's thread hand-offs and body copies.

Both use the bitset index of ``app/store/facet_index.py`` (``--no-index``: SQL only, the figures
before it). It is built once per data version; its build time is printed first and is not part of
the request figures (a server answers from SQL while it is built after a load).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import insert
from sqlmodel import Session

from app.extract.model import EVENT_TYPES, STATUSES
from app.extract.timevalue import interval
from app.store.database import make_engine
from app.store.migrate import upgrade
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry
from app.web.timing import duration_ms

COUNTRIES = [("RUS", "Russland"), ("PRK", "Nordkorea"), ("KOR", "Südkorea"), ("USA", "Vereinigte Staaten"),
             ("CHN", "China"), ("UKR", "Ukraine"), ("JPN", "Japan"), ("IRN", "Iran")]
N_ACTORS = 150
WORDS = ["Pjöngjang", "Moskau", "Kursk", "Artilleriegranaten", "Abkommen", "Gespräche", "Soldaten",
         "Sanktionen", "Raketen", "Partnerschaft", "Kreml", "Wladiwostok", "Straße", "Öl", "Überläufer"]
SENTENCES = [
    "Russlands Präsident {a} traf am {d} in {w} mit {b} zusammen.",
    "Nordkorea soll nach Angaben aus Seoul weitere {w} an Russland geliefert haben.",
    "Beide Länder unterzeichneten ein Abkommen über {w} und strategische Partnerschaft.",
    "Die USA werfen Moskau vor, nordkoreanische {w} in der Ukraine einzusetzen.",
    "Der Kreml bestreitet die Berichte über {w} im Gebiet Kursk.",
    "{a} und {b} führten Gespräche über {w} und die wirtschaftliche Zusammenarbeit.",
]


def _value(rng: random.Random) -> tuple[str | None, str | None]:
    y = rng.choice([2019, 2020, 2021, 2022, 2023, 2023, 2024, 2024, 2024, 2025, 2025])
    m = rng.randint(1, 12)
    r = rng.random()
    if r < 0.50:
        d = date(y, m, 1) + timedelta(days=rng.randint(0, 27))
        return d.isoformat(), f"am {d.day}. {m}."
    if r < 0.66:
        return f"{y}-{m:02d}", f"im Monat {m}"
    if r < 0.71:
        return f"{y}-W{rng.randint(1, 52):02d}", "in der vergangenen Woche"
    if r < 0.77:
        return f"{y}-{rng.choice(['SP', 'SU', 'FA', 'WI'])}", "im Sommer"
    if r < 0.81:
        return f"{y}-Q{rng.randint(1, 4)}", "im zweiten Quartal"
    if r < 0.83:
        return f"{y}-H{rng.randint(1, 2)}", "im ersten Halbjahr"
    if r < 0.92:
        return str(y), f"{y}"
    return None, None


def build(url: str, n_events: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    n_articles = max(1, n_events // 10)
    actors = [f"Akteur {i:03d}" for i in range(N_ACTORS)]
    actor_weights = [1 / (i + 1) for i in range(N_ACTORS)]  # Zipf-like: a few actors dominate
    with Session(engine) as s:
        s.execute(insert(Country), [{"code": c, "name": n} for c, n in COUNTRIES])
        s.execute(insert(Actor), [{"id": i + 1, "name": a, "kind": "person", "aliases": []}
                                  for i, a in enumerate(actors)])
        articles, texts = [], {}
        for i in range(n_articles):
            a, b = rng.sample(actors[:20], 2)
            sents = [rng.choice(SENTENCES).format(a=a, b=b, d=f"{rng.randint(1, 28)}. Juni", w=rng.choice(WORDS))
                     for _ in range(12)]
            head = f"Artikel {i}: Russland und Nordkorea\n"
            offsets, pos = [], len(head)
            for sent in sents:
                offsets.append(pos)
                pos += len(sent) + 1
            text = head + " ".join(sents) + "\n"
            texts[i + 1] = (text, sents, offsets)
            articles.append({"id": i + 1, "file_name": f"{i:06d}_synthetic.txt", "content_hash": f"{i:064d}",
                             "outlet": rng.choice(["dpa", "Reuters", "nau.ch", "AFP"]), "url": None,
                             "title": f"Artikel {i}", "dct_value": "2024-06-14", "dct_precision": "day",
                             "dct_source": "manifest", "encoding": "utf-8", "text": text,
                             "report": {"dropped": [], "warnings": [], "encoding": "utf-8"}, "loaded_at": now})
        s.execute(insert(Article), articles)
        events, ea, ec, cites = [], [], [], []
        for eid in range(1, n_events + 1):
            art = rng.randint(1, n_articles)
            value, expr = _value(rng)
            iv = interval(value)
            text, sents, offsets = texts[art]
            picked = rng.sample(range(len(sents)), rng.randint(1, 3))
            events.append({"id": eid, "article_id": art, "type": rng.choice(EVENT_TYPES),
                           "status": rng.choices(STATUSES, weights=[6, 2, 1, 1, 1][: len(STATUSES)])[0],
                           "headline": sents[picked[0]][:80], "date_value": value,
                           "date_first": iv[0] if iv else None, "date_last": iv[1] if iv else None,
                           "date_precision": iv[2] if iv else None, "date_expression": expr,
                           "date_basis": "explicit" if value else "none", "claims": [], "position": 0})
            for aid in set(rng.choices(range(1, N_ACTORS + 1), weights=actor_weights, k=rng.randint(0, 3))):
                ea.append({"event_id": eid, "actor_id": aid, "role": rng.choice(["source", "target"])})
            for code in {"RUS", "PRK"} | {c for c, _ in rng.sample(COUNTRIES, rng.randint(0, 2))}:
                ec.append({"event_id": eid, "country_code": code, "role": "participant"})
            for k, si in enumerate(picked):
                start = offsets[si]
                cites.append({"event_id": eid, "article_id": art, "start": start, "end": start + len(sents[si]),
                              "quote": sents[si], "sentence_index": k})
        s.execute(insert(Event), events)
        s.execute(insert(EventActor), ea)
        s.execute(insert(EventCountry), ec)
        s.execute(insert(Citation), cites)
        s.commit()
    engine.dispose()


def _q(**params: object) -> str:
    return urlencode([(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])])


# Each scenario makes a different query string per request (rng), so no two are alike.
SCENARIOS: list[tuple[str, Callable[[random.Random], str]]] = [
    ("no filter", lambda r: ""),
    ("1 filter: country", lambda r: _q(country=r.choice(COUNTRIES)[0])),
    ("2 filters: country+type", lambda r: _q(country=r.choice(COUNTRIES)[0], type=r.choice(EVENT_TYPES))),
    ("3 filters: country+status+year", lambda r: _q(country=r.choice(COUNTRIES)[0], status=r.choice(STATUSES),
                                                     **{"from": str(y := r.randint(2019, 2024))},
                                                     to=str(y + 1))),
    ("3 filters: actor+type+within", lambda r: _q(actor=str(r.randint(1, 30)), type=r.choice(EVENT_TYPES),
                                                   **{"from": f"2024-{r.randint(1, 6):02d}"}, to="2024-12",
                                                   dates="within")),
    ("q", lambda r: _q(q=r.choice(WORDS).lower())),
    ("q + 2 filters", lambda r: _q(q=r.choice(WORDS)[:5], country=r.choice(COUNTRIES)[0],
                                   type=r.choice(EVENT_TYPES))),
]


def run(client, paths: list[str], requests: int, extra: str, label: str) -> list[float]:
    """Time every scenario on every path; print one table. Returns all request times."""
    rng = random.Random(3)  # the same requests in every mode
    gc_stats = _GcTimer()
    print(f"\n[{label}]\n{'path':<12} {'scenario':<34} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
          f"  {'cpu p50':>8} {'cpu p95':>8}  {'srv p50':>8} {'srv p95':>8}  mean total  cut", flush=True)
    everything: list[float] = []
    everything_cpu: list[float] = []
    everything_srv: list[float] = []
    for path in paths:
        for name, make in SCENARIOS:
            times, cpu, srv, totals, cut = [], [], [], [], 0
            for i in range(requests + 3):
                qs = "&".join(x for x in (make(rng), extra) if x)
                c = time.process_time()
                t = time.perf_counter()
                r = client.get(path + ("?" + qs if qs else ""))
                ms = (time.perf_counter() - t) * 1000
                cpu_ms = (time.process_time() - c) * 1000
                assert r.status_code == 200, (path, qs, r.status_code, r.text[:300])
                if path.startswith("/api"):
                    body = r.json()
                    assert "facets" in body
                    totals.append(body["total"])
                    cut += i >= 3 and any(not f.get("complete", True) for f in body["facets"])
                elif path == "/":
                    cut += i >= 3 and "zu aufwendig" in r.text
                if i >= 3:  # the first three warm caches
                    times.append(ms)
                    cpu.append(cpu_ms)
                    server_ms = duration_ms(r.headers.get("server-timing"))
                    assert server_ms is not None, "no Server-Timing header"
                    srv.append(server_ms)
            times.sort()
            cpu.sort()
            srv.sort()
            everything += times
            everything_cpu += cpu
            everything_srv += srv
            info = f"{statistics.mean(totals):>10,.0f}  {cut}" if totals else f"{'':>10}  {cut}"
            print(f"{path:<12} {name:<34} {len(times):>4} {_p(times, 50):>8.1f} {_p(times, 95):>8.1f} "
                  f"{times[-1]:>8.1f}  {_p(cpu, 50):>8.1f} {_p(cpu, 95):>8.1f}  "
                  f"{_p(srv, 50):>8.1f} {_p(srv, 95):>8.1f}  {info}", flush=True)
    everything.sort()
    everything_cpu.sort()
    everything_srv.sort()
    print(f"all {len(everything)} requests [{label}]: p50 {_p(everything, 50):.1f} ms, "
          f"p95 {_p(everything, 95):.1f} ms (target p95 ≤ 50 ms); CPU time p50 {_p(everything_cpu, 50):.1f} ms, "
          f"p95 {_p(everything_cpu, 95):.1f} ms; server time (Server-Timing) p50 {_p(everything_srv, 50):.1f} ms, "
          f"p95 {_p(everything_srv, 95):.1f} ms", flush=True)
    print(f"  Python's cyclic GC meanwhile: {gc_stats.full} full collections ({gc_stats.full_ms:.0f} ms, the longest "
          f"{gc_stats.longest:.0f} ms), {gc_stats.young} young ones ({gc_stats.young_ms:.0f} ms)", flush=True)
    gc_stats.stop()
    return everything


class _GcTimer:
    """Counts and times the garbage collector's runs (a full collection of a process this size takes
    tens of milliseconds and lands in whichever request is running)."""

    def __init__(self) -> None:
        self.full = self.young = 0
        self.full_ms = self.young_ms = self.longest = 0.0
        self._t = 0.0
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t = time.perf_counter()
            return
        ms = (time.perf_counter() - self._t) * 1000
        if info["generation"] == 2:
            self.full += 1
            self.full_ms += ms
            self.longest = max(self.longest, ms)
        else:
            self.young += 1
            self.young_ms += ms

    def stop(self) -> None:
        gc.callbacks.remove(self)


def _p(sorted_values: list[float], q: int) -> float:
    if q == 50:
        return statistics.median(sorted_values)
    return sorted_values[int(q / 100 * (len(sorted_values) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--limit", type=int, default=None, help="page size (default: the PAGE_SIZE setting)")
    ap.add_argument("--paths", nargs="+", default=["/", "/api/events"], help="routes to time")
    ap.add_argument("--db", type=Path, default=None, help="reuse this SQLite file instead of building one")
    ap.add_argument("--mode", choices=["cold", "warm", "both"], default="both",
                    help="cold: no count cache (every count of every request computed); warm: the settings as "
                         "they are (count cache, facet time limit)")
    ap.add_argument("--no-index", action="store_true", help="SQL only (setting facet_index off)")
    ap.add_argument("--gc-freeze", action="store_true",
                    help="gc.freeze() once everything is loaded, as a server could do after its start-up: "
                         "full collections then skip the ~110,000 long-lived objects of the app's modules")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from app.main import app
    from app.settings import get_settings
    from app.store import facet_index
    from app.store.database import get_engine

    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            url = f"sqlite:///{args.db.resolve()}"
            upgrade(url)
            print(f"reusing {url}", flush=True)
        else:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            t0 = time.perf_counter()
            build(url, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s ({url})", flush=True)
        # The app's own engine on this file, as ``DATABASE_URL=… uvicorn`` would run it. (A
        # ``dependency_overrides`` entry would make FastAPI re-analyse every dependency of every
        # request, about 5 ms that a real server does not spend.)
        settings.database_url = url
        get_engine.cache_clear()
        engine = get_engine()
        settings.facet_index = not args.no_index
        if settings.facet_index:
            # Built once per data version (after every load), in a background thread; requests use
            # SQL meanwhile. Timed here, outside the request figures.
            with Session(engine) as s:
                t0 = time.perf_counter()
                idx = facet_index.wait_ready(s)
            assert idx is not None
            print(f"facet index: {idx.n:,} events, built in {idx.build_ms:.0f} ms "
                  f"(ready {1000 * (time.perf_counter() - t0):.0f} ms after the first request)", flush=True)

        if args.gc_freeze:
            gc.collect()
            gc.freeze()
            print(f"gc.freeze(): {gc.get_freeze_count():,} objects left out of collections", flush=True)

        client = TestClient(app)
        extra = f"limit={args.limit}" if args.limit else ""
        index = "bitset index" if settings.facet_index else "SQL only"
        if args.mode in ("cold", "both"):
            cache, budget = settings.count_cache_size, settings.facet_time_limit_ms
            settings.count_cache_size, settings.facet_time_limit_ms = 0, 0
            run(client, args.paths, args.requests, extra,
                f"cold: no count cache, no facet time limit, {index}")
            settings.count_cache_size, settings.facet_time_limit_ms = cache, budget
        if args.mode in ("warm", "both"):
            run(client, args.paths, args.requests, extra,
                f"warm: count cache {settings.count_cache_size}, facet time limit "
                f"{settings.facet_time_limit_ms} ms, {index}")
        engine.dispose()
        get_engine.cache_clear()


if __name__ == "__main__":
    main()
