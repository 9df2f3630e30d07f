"""Latency of the timeline page and the events API on a synthetic database of ≥10,000 events.

Builds a temp SQLite file (migrated by Alembic), fills it through the model tables with articles,
actors, countries and events that vary in date (all precisions, some undated), type, status,
countries, actors and citations, then times ~200 requests per route through FastAPI's TestClient
(in-process: measures the app, not the network) and prints p50/p95.

    .venv/bin/python benchmarks/web_latency.py [--events 10000] [--requests 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session

from app.extract.model import EVENT_TYPES, STATUSES
from app.extract.timevalue import interval
from app.store.database import make_engine
from app.store.migrate import upgrade
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry

COUNTRIES = [("RUS", "Russland"), ("PRK", "Nordkorea"), ("KOR", "Südkorea"), ("USA", "Vereinigte Staaten"),
             ("CHN", "China"), ("UKR", "Ukraine"), ("JPN", "Japan"), ("IRN", "Iran")]
ACTORS = ["Wladimir Putin", "Kim Jong-un", "Sergej Lawrow", "Choe Son-hui", "Sergej Schoigu", "KCNA",
          "Kim Yo-jong", "Andrej Beloussow", "Pak Jong-chon", "Dmitri Peskow", "Antony Blinken", "Yoon Suk-yeol"]
SENTENCES = [
    "Russlands Präsident {a} traf am {d} in Pjöngjang mit {b} zusammen.",
    "Nordkorea soll nach Angaben aus Seoul weitere Artilleriegranaten an Russland geliefert haben.",
    "Beide Länder unterzeichneten ein Abkommen über umfassende strategische Partnerschaft.",
    "Die USA werfen Moskau vor, nordkoreanische Raketen in der Ukraine einzusetzen.",
    "Der Kreml bestreitet die Berichte über nordkoreanische Soldaten im Gebiet Kursk.",
    "{a} und {b} telefonierten über die wirtschaftliche Zusammenarbeit.",
]


def _value(rng: random.Random) -> tuple[str | None, str | None]:
    y = rng.choice([2023, 2024, 2024, 2025, 2025])
    m = rng.randint(1, 12)
    r = rng.random()
    if r < 0.55:
        d = date(y, m, 1) + timedelta(days=rng.randint(0, 27))
        return d.isoformat(), f"am {d.day}. {m}."
    if r < 0.70:
        return f"{y}-{m:02d}", f"im Monat {m}"
    if r < 0.75:
        return f"{y}-W{rng.randint(1, 52):02d}", "in der vergangenen Woche"
    if r < 0.80:
        return f"{y}-{rng.choice(['SP', 'SU', 'FA', 'WI'])}", "im Sommer"
    if r < 0.84:
        return f"{y}-Q{rng.randint(1, 4)}", "im zweiten Quartal"
    if r < 0.92:
        return str(y), f"{y}"
    return None, None


def build(url: str, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    n_articles = max(1, n_events // 8)
    with Session(engine) as s:
        s.execute(insert(Country), [{"code": c, "name": n} for c, n in COUNTRIES])
        s.execute(insert(Actor), [{"id": i + 1, "name": a, "kind": "person", "aliases": []}
                                  for i, a in enumerate(ACTORS)])
        articles, texts = [], {}
        for i in range(n_articles):
            a, b = rng.sample(ACTORS, 2)
            sents = [rng.choice(SENTENCES).format(a=a, b=b, d=f"{rng.randint(1, 28)}. Juni") for _ in range(10)]
            text = f"Artikel {i}: Russland und Nordkorea\n" + " ".join(sents) + "\n"
            texts[i + 1] = (text, sents)
            articles.append({"id": i + 1, "file_name": f"{i:05d}_synthetic.txt", "content_hash": f"{i:064d}",
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
            text, sents = texts[art]
            sent = rng.choice(sents)
            start = text.index(sent)
            events.append({"id": eid, "article_id": art, "type": rng.choice(EVENT_TYPES),
                           "status": rng.choice(STATUSES), "headline": sent[:80], "date_value": value,
                           "date_first": iv[0] if iv else None, "date_last": iv[1] if iv else None,
                           "date_precision": iv[2] if iv else None, "date_expression": expr,
                           "date_basis": "explicit" if value else "none", "claims": [], "position": 0})
            for aid in rng.sample(range(1, len(ACTORS) + 1), rng.randint(0, 3)):
                ea.append({"event_id": eid, "actor_id": aid, "role": rng.choice(["source", "target"])})
            for code in {"RUS", "PRK"} | {c for c, _ in rng.sample(COUNTRIES, rng.randint(0, 2))}:
                ec.append({"event_id": eid, "country_code": code, "role": "participant"})
            cites.append({"event_id": eid, "article_id": art, "start": start, "end": start + len(sent),
                          "quote": sent, "sentence_index": 0})
        s.execute(insert(Event), events)
        s.execute(insert(EventActor), ea)
        s.execute(insert(EventCountry), ec)
        s.execute(insert(Citation), cites)
        s.commit()
    engine.dispose()


ROUTES = [
    "/",
    "/?country=PRK&type=visit&from=2024-06",
    "/?q=pj%C3%B6ngjang&status=reported",
    "/api/events",
    "/api/events?country=PRK&type=visit&from=2024-06",
    "/api/events?actor=Wladimir%20Putin&country=USA&country=CHN&to=2024-12",
    "/api/events?q=pj%C3%B6ngjang&status=reported",
    "/api/events?page=50",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from app.main import app
    from app.store.database import get_session

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        build(url, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s ({url})")
        engine = make_engine(url)

        def _session():
            with Session(engine) as s:
                yield s

        app.dependency_overrides[get_session] = _session
        client = TestClient(app)
        print(f"\n{'route':<72} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  result")
        for route in ROUTES:
            r = client.get(route)  # warm-up
            assert r.status_code == 200, (route, r.status_code, r.text[:200])
            total = r.json()["total"] if route.startswith("/api") else None
            times = []
            for _ in range(args.requests):
                t = time.perf_counter()
                client.get(route)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p50 = statistics.median(times)
            p95 = times[int(0.95 * (len(times) - 1))]
            info = f"total={total}" if total is not None else f"{len(r.content) // 1024} KiB"
            print(f"{route:<72} {len(times):>4} {p50:>8.1f} {p95:>8.1f} {times[-1]:>8.1f}  {info}")
        app.dependency_overrides.clear()
        engine.dispose()


if __name__ == "__main__":
    main()
