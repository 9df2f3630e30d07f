"""The bitset index of app/store/facet_index.py answers exactly as SQL does (issue 6).

Random data with merged groups (group-level actor/country/text matching), undated and multi-year
events, several precisions and source counts; random filters. For each: every facet's counts, the
total, pages walked forward and back with keyset cursors, the OFFSET and ``sort=sources`` paths and
the time axis, once from the index and once from SQL (``facet_index`` off). Then the index's life
cycle: rebuilt after every change (a newly loaded article changes the counts), built in the
background for a big database while SQL answers.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlmodel import Session, select

from app.extract.model import EVENT_TYPES, STATUSES
from app.extract.timevalue import interval
from app.settings import get_settings
from app.store import facet_index, facets, queries
from app.store.filters import EventFilter
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry
from app.web import axis

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

COUNTRIES = [("RUS", "Russland"), ("PRK", "Nordkorea"), ("KOR", "Südkorea"), ("USA", "Vereinigte Staaten"),
             ("UKR", "Ukraine")]
ACTORS = ["Wladimir Putin", "Kim Jong-un", "Sergej Lawrow", "Choe Son-hui", "Ödön Ürge", "KCNA", "Xi Jinping",
          "Joe Biden", "Yoon Suk-yeol", "Kim Yo-jong"]
WORDS = ["Pjöngjang", "Moskau", "Kursk", "Granaten", "Abkommen", "Gespräche", "Soldaten", "Straße", "Öl"]


def _value(rng: random.Random) -> str | None:
    y = rng.choice([2019, 2023, 2024, 2024, 2025])
    m = rng.randint(1, 12)
    r = rng.random()
    if r < 0.4:
        return (date(y, m, 1) + timedelta(days=rng.randint(0, 27))).isoformat()
    if r < 0.5:
        return f"{y}-{m:02d}"
    if r < 0.55:
        return f"{y}-W{rng.randint(1, 52):02d}"
    if r < 0.65:
        return f"{y}-{rng.choice(['SP', 'SU', 'FA', 'WI'])}"
    if r < 0.7:
        return f"{y}-Q{rng.randint(1, 4)}"
    if r < 0.75:
        return f"{y}-H{rng.randint(1, 2)}"
    if r < 0.82:
        return str(y)
    if r < 0.85:
        return "201"  # a decade: an interval over many years
    return None


def fill(engine, n_events: int = 300, seed: int = 7) -> None:
    """Random events (a quarter of them merged into an earlier one) with links and quotes."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with Session(engine) as s:
        s.execute(insert(Country), [{"code": c, "name": n} for c, n in COUNTRIES])
        s.execute(insert(Actor), [{"id": i + 1, "name": a, "kind": "person", "aliases": []}
                                  for i, a in enumerate(ACTORS)])
        s.execute(insert(Article), [{"id": i, "file_name": f"{i:03d}.txt", "content_hash": f"{i:064d}",
                                     "outlet": "dpa", "title": f"Artikel {i}", "encoding": "utf-8",
                                     "text": " ".join(WORDS) * 3, "report": {}, "loaded_at": now}
                                    for i in range(1, 11)])
        events, ea, ec, cites = [], [], [], []
        for eid in range(1, n_events + 1):
            value = _value(rng)
            iv = interval(value) if value else None
            merged = eid > 10 and rng.random() < 0.25
            group = rng.randint(1, eid - 1) if merged else rng.choice([None, eid])
            events.append({
                "id": eid, "article_id": rng.randint(1, 10), "type": rng.choice(EVENT_TYPES[:6]),
                "status": rng.choice(STATUSES), "headline": " ".join(rng.sample(WORDS, 2)),
                "date_value": value, "date_first": iv[0] if iv else None, "date_last": iv[1] if iv else None,
                "date_precision": iv[2] if iv else None, "date_basis": "explicit" if value else "none",
                "claims": [], "position": 0, "group_id": group,
                "group_status": rng.choice([None, None, *STATUSES]), "source_count": rng.randint(1, 4),
                "sources": [],
            })
            for aid in set(rng.choices(range(1, len(ACTORS) + 1), k=rng.randint(0, 3))):
                ea.append({"event_id": eid, "actor_id": aid, "role": rng.choice(["source", "target"])})
            for code, _ in rng.sample(COUNTRIES, rng.randint(0, 3)):
                ec.append({"event_id": eid, "country_code": code, "role": "participant"})
            for k in range(rng.randint(0, 2)):
                cites.append({"event_id": eid, "article_id": 1, "start": 10 * k, "end": 10 * k + 5,
                              "quote": " ".join(rng.sample(WORDS, 2)), "sentence_index": k})
        # Through the ORM table so the migrations' triggers (is_head, FTS, data version) fire.
        s.execute(insert(Event), events)
        s.execute(insert(EventActor), ea)
        s.execute(insert(EventCountry), ec)
        s.execute(insert(Citation), cites)
        s.commit()


def random_filter(rng: random.Random) -> EventFilter:
    kw: dict = {}
    if rng.random() < 0.4:
        kw["country"] = [c for c, _ in rng.sample(COUNTRIES, rng.randint(1, 2))]
    if rng.random() < 0.3:
        kw["actor"] = [rng.choice([str(rng.randint(1, 12)), rng.choice(ACTORS).lower(), rng.choice(ACTORS)])
                       for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.3:
        kw["type"] = rng.sample(EVENT_TYPES[:7], rng.randint(1, 2))
    if rng.random() < 0.3:
        kw["status"] = rng.sample(list(STATUSES), rng.randint(1, 2))
    if rng.random() < 0.4:
        kw["date_from"] = rng.choice(["2019", "2023-06", "2024-02-29", "2024", "2015"])
    if rng.random() < 0.4:
        kw["date_to"] = rng.choice(["2024", "2024-08", "2025-03-15", "2025"])
        if kw.get("date_from", "") > kw["date_to"]:
            del kw["date_to"]
    if rng.random() < 0.3:
        kw["dates"] = "within"
    if rng.random() < 0.3:
        kw["q"] = rng.choice(["pjöng", "Kursk", "gespraeche", "strasse", "Öl moskau", "%", "xyz"])
    if rng.random() < 0.2:
        kw["min_sources"] = rng.randint(2, 4)
    return EventFilter.parse(**kw)


def snapshot(engine, flt: EventFilter) -> dict:
    """Everything the index can answer for ``flt``: facets, pages, offsets, the axis."""
    out: dict = {}
    with Session(engine) as s:
        out["facets"] = [(f.name, f.complete, [(v.value, v.count, v.active) for v in f.values])
                         for f in facets.compute_facets(s, flt)]
        pages = []
        page = queries.list_events(s, flt, limit=7)
        pages.append(page)
        for _ in range(3):
            if page.next_cursor is None:
                break
            page = queries.list_events(s, flt, limit=7, after=page.next_cursor)
            pages.append(page)
        if page.prev_cursor is not None:
            pages.append(queries.list_events(s, flt, limit=7, before=page.prev_cursor))
        pages.append(queries.list_events(s, flt, limit=7, page=2))
        pages.append(queries.list_events(s, dataclasses.replace(flt, sort="sources"), limit=7))
        out["pages"] = [(p.total, p.offset, [e["id"] for e in p.events], p.next_cursor, p.prev_cursor,
                         p.next_page, p.prev_page, p.description) for p in pages]
        out["events"] = pages[0].events
        out["axis"] = axis.build_axis(s, flt)
        out["choices"] = facets.form_choices(s, facets.compute_facets(s, flt))
    return out


@pytest.fixture
def exact(monkeypatch):
    """No count cache (each path computes) and no time limit."""
    monkeypatch.setattr(get_settings(), "count_cache_size", 0)
    monkeypatch.setattr(get_settings(), "facet_time_limit_ms", 0)
    facet_index.clear()
    yield
    facet_index.clear()


def compare(engine, monkeypatch, filters) -> int:
    used = 0
    for flt in filters:
        monkeypatch.setattr(get_settings(), "facet_index", True)
        with Session(engine) as s:
            assert facet_index.current(s, queries.read_version(s)) is not None
        got = snapshot(engine, flt)
        monkeypatch.setattr(get_settings(), "facet_index", False)
        want = snapshot(engine, flt)
        assert got == want, flt.items()
        used += got["pages"][0][0] > 0
    return used


def test_index_answers_as_sql_on_random_filters(engine, exact, monkeypatch):
    fill(engine)
    rng = random.Random(3)
    filters = [EventFilter.parse(), EventFilter.parse(country=["PRK"]), EventFilter.parse(q="pjöng"),
               EventFilter.parse(date_from="2024", date_to="2024", dates="within")]
    filters += [random_filter(rng) for _ in range(45)]
    assert compare(engine, monkeypatch, filters) > 25  # most filters match something


def test_index_maps_merged_mentions_to_their_group(engine, exact):
    fill(engine, n_events=120, seed=11)
    with Session(engine) as s:
        idx = facet_index.current(s, queries.read_version(s))
        merged = s.exec(select(Event).where(Event.is_head == 0)).all()
        assert merged
        for m in merged:
            head = s.get(Event, m.group_id)
            want = idx.ids.index(m.group_id) if head is not None and head.is_head else -1
            assert idx.position_of[m.id] == want
            if want >= 0:
                assert idx.position_of[m.group_id] == want
        # a merged mention's country makes its real event match
        m = next(m for m in merged if idx.position_of[m.id] >= 0)
        codes = set(s.exec(select(EventCountry.country_code).where(EventCountry.event_id == m.id)).all())
        own = set(s.exec(select(EventCountry.country_code).where(EventCountry.event_id == m.group_id)).all())
        for code in codes - own:
            ids = {e["id"] for e in queries.list_events(s, EventFilter.parse(country=[code]), limit=1000).events}
            assert m.group_id in ids


def test_sorted_columns_and_bit_helpers():
    rng = random.Random(1)
    n = 5000
    values = [rng.randint(0, 300) for _ in range(n)]
    col = facet_index._Sorted([(v, p) for p, v in enumerate(values) if p % 7], (n + 7) // 8)
    for x in (-1, 0, 1, 150, 299, 300, 301):
        assert col.ge(x) == sum(1 << p for p, v in enumerate(values) if p % 7 and v >= x)
        assert col.gt(x) == sum(1 << p for p, v in enumerate(values) if p % 7 and v > x)
        assert col.le(x) == sum(1 << p for p, v in enumerate(values) if p % 7 and v <= x)
    bits = sum(1 << p for p in (0, 3, 64, 65, 900, 4999))
    assert facet_index._lowest(bits, 4) == [0, 3, 64, 65]
    assert facet_index._highest(bits, 3) == [4999, 900, 65]
    assert facet_index._lowest(0, 3) == facet_index._highest(0, 3) == []


def _load(engine, names: list[str], tmp_path: Path):
    from app.loader import load_paths

    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, folder / name)
    report = load_paths([folder], engine, SEEDS / "manifest.csv")
    assert report.count("failed") == 0


def test_loading_an_article_rebuilds_the_index_and_changes_the_counts(engine, exact, monkeypatch, tmp_path):
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    _load(engine, seeds[:2], tmp_path)
    with Session(engine) as s:
        v1 = queries.read_version(s)
        idx1 = facet_index.current(s, v1)
        before = snapshot(engine, EventFilter.parse())
    _load(engine, seeds[:3], tmp_path)  # one more article
    with Session(engine) as s:
        v2 = queries.read_version(s)
        idx2 = facet_index.current(s, v2)
    assert v2 != v1 and idx2 is not idx1 and idx2.version == v2 and idx2.n > idx1.n
    after = snapshot(engine, EventFilter.parse())
    assert after["pages"][0][0] > before["pages"][0][0]
    assert after["facets"] != before["facets"]
    # and the counts are those of SQL, with the count cache on as well
    monkeypatch.setattr(get_settings(), "count_cache_size", 2048)
    assert compare(engine, monkeypatch, [EventFilter.parse(), EventFilter.parse(country=["PRK"])])


def test_a_big_database_is_indexed_in_the_background(engine, exact, monkeypatch):
    fill(engine, n_events=150, seed=5)
    monkeypatch.setattr(get_settings(), "facet_index_sync_max", 10)  # "big"
    flt = EventFilter.parse(country=["RUS"])
    with Session(engine) as s:
        assert facet_index.current(s, queries.read_version(s)) is None  # SQL answers meanwhile
        sql = snapshot(engine, flt)
        deadline = time.monotonic() + 30
        while facet_index.current(s, queries.read_version(s)) is None and time.monotonic() < deadline:
            time.sleep(0.02)
        idx = facet_index.current(s, queries.read_version(s))
    assert idx is not None and idx.n > 0
    assert snapshot(engine, flt) == sql


def test_the_index_can_be_turned_off(engine, exact, monkeypatch):
    fill(engine, n_events=50)
    monkeypatch.setattr(get_settings(), "facet_index", False)
    with Session(engine) as s:
        assert facet_index.current(s, queries.read_version(s)) is None


@pytest.mark.postgres
def test_index_answers_as_sql_on_postgres(exact, monkeypatch):
    from app.store.database import make_engine
    from app.store.migrate import upgrade

    from .pg_cluster import require_postgres, throwaway_cluster

    require_postgres()
    with throwaway_cluster() as url:
        upgrade(url)
        engine = make_engine(url)
        try:
            fill(engine, n_events=200, seed=9)
            rng = random.Random(4)
            filters = [EventFilter.parse(), EventFilter.parse(q="Kursk", country=["PRK"])]
            filters += [random_filter(rng) for _ in range(12)]
            assert compare(engine, monkeypatch, filters) > 6
        finally:
            facet_index.clear()
            engine.dispose()


def test_an_index_read_across_a_change_is_dropped(engine, exact, monkeypatch):
    """Its statements need not see one snapshot: when the data version moved while it was read, the
    index is not kept and SQL answers."""
    fill(engine, n_events=60)
    with Session(engine) as s:
        version = queries.read_version(s)
        real = facet_index.build

        def build_during_a_load(session, v):
            idx = real(session, v)
            session.exec(text("UPDATE event SET type = 'visit' WHERE id = 1"))  # bumps the version
            return idx

        monkeypatch.setattr(facet_index, "build", build_during_a_load)
        assert facet_index._build_checked(s, version[0], version) is None
        assert facet_index.current(s, version) is None  # built again, dropped again
        monkeypatch.setattr(facet_index, "build", real)
        version = queries.read_version(s)
        assert facet_index.current(s, version) is not None
