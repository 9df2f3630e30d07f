"""Facet speed (issue 6): the indexed head flag, the count cache and its invalidation, and the facet
time limit (a cut facet says so and never shows partial counts)."""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from app.settings import get_settings
from app.store import facets, queries
from app.store.facets import compute_facets
from app.store.filters import EventFilter
from app.store.models import Event, EventCountry

pytest_plugins = ["tests.web_fixtures"]


def counts(result: list[facets.Facet]) -> dict[str, dict[str, int]]:
    return {f.name: {v.value: v.count for v in f.values} for f in result}


def uncached(s: Session, flt: EventFilter) -> dict[str, dict[str, int]]:
    return counts([facets._country(s, flt, "sqlite"), facets._actor(s, flt, "sqlite"),
                   facets._column(s, flt, "sqlite", "type"), facets._column(s, flt, "sqlite", "status"),
                   facets._year(s, flt, "sqlite")])


def test_is_head_follows_group_id(engine, web_data):
    with Session(engine) as s:
        ids = sorted(s.exec(select(Event.id)).all())
        a, b = ids[0], ids[1]
        assert s.exec(select(Event.is_head).where(Event.id == b)).one() == 1
        s.exec(text("UPDATE event SET group_id = :a WHERE id = :b").bindparams(a=a, b=b))
        s.commit()
        assert s.exec(select(Event.is_head).where(Event.id == b)).one() == 0
        s.exec(text("UPDATE event SET group_id = id WHERE id = :b").bindparams(b=b))
        s.commit()
        assert s.exec(select(Event.is_head).where(Event.id == b)).one() == 1
        # A row stored as a merged mention right away is not a head either.
        src = s.get(Event, a)
        data = src.model_dump(exclude={"id", "is_head"}) | {"group_id": a}
        m = Event(**data)
        s.add(m)
        s.commit()
        assert s.exec(select(Event.is_head).where(Event.id == m.id)).one() == 0
        assert all((e.group_id is None or e.group_id == e.id) == bool(e.is_head) for e in s.exec(select(Event)))


def test_merged_mention_still_matches_its_group(engine, web_data):
    """Group-level country filter: a merged mention's country makes its real event match."""
    with Session(engine) as s:
        ukr = set(s.exec(select(EventCountry.event_id).where(EventCountry.country_code == "UKR")).all())
        head = next(e for e in s.exec(select(Event).order_by(Event.id)) if e.id not in ukr)
        mention = s.get(Event, sorted(ukr)[0])
        before = {e["id"] for e in queries.list_events(s, EventFilter.parse(country=["UKR"])).events}
        assert head.id not in before
        mention.group_id = head.id
        s.add(mention)
        s.commit()
        after = {e["id"] for e in queries.list_events(s, EventFilter.parse(country=["UKR"])).events}
        assert head.id in after and mention.id not in after


def test_cached_counts_are_invalidated_by_any_change(engine, web_data, monkeypatch):
    monkeypatch.setattr(get_settings(), "facet_time_limit_ms", 0)
    flt = EventFilter.parse(country=["PRK"])
    with Session(engine) as s:
        v1 = queries.data_version(s)
        first = counts(compute_facets(s, flt))
        assert queries.cache_get(v1, ("type", queries.count_key(flt.without("type")))) is not None
        assert counts(compute_facets(s, flt)) == first == uncached(s, flt)
        # a new event with PRK: the version moves, the counts follow
        src = s.exec(select(Event).order_by(Event.id)).first()
        e = Event(**src.model_dump(exclude={"id", "is_head", "group_id"}) | {"type": "meeting"})
        s.add(e)
        s.commit()
        s.add(EventCountry(event_id=e.id, country_code="PRK"))
        s.commit()
        assert queries.data_version(s) != v1
        second = counts(compute_facets(s, flt))
        assert second == uncached(s, flt)
        assert second["type"].get("meeting", 0) == first["type"].get("meeting", 0) + 1
        # a replacement that keeps the number and the largest id of the events still invalidates
        v2 = queries.data_version(s)
        s.exec(text("UPDATE event SET type = 'visit' WHERE id = :i").bindparams(i=e.id))
        s.commit()
        assert queries.data_version(s) != v2
        assert counts(compute_facets(s, flt)) == uncached(s, flt)


def test_list_total_uses_the_cache_only_when_counting_is_slow(engine, web_data, monkeypatch):
    # The SQL path (no bitset index yet, e.g. while it is rebuilt after a load).
    monkeypatch.setattr(get_settings(), "facet_index", False)
    flt = EventFilter.parse(country=["PRK"])
    with Session(engine) as s:
        exact = queries.list_events(s, flt).total
        @contextmanager
        def no_time(*args):  # every quick count "too slow": the cached path
            raise queries.TimeUp
            yield

        monkeypatch.setattr(queries, "time_limit", no_time)
        assert queries.list_events(s, flt).total == exact
        assert queries.cache_get(queries.data_version(s), ("total", queries.count_key(flt))) == exact


def test_time_limit_interrupts_a_long_query(engine):
    with Session(engine) as s:
        slow = text("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50000000) "
                    "SELECT count(*) FROM c")
        t = time.perf_counter()
        with pytest.raises(queries.TimeUp), queries.time_limit(s, time.perf_counter() + 0.02):
            s.exec(slow).one()
        assert time.perf_counter() - t < 1.0
        assert s.exec(text("SELECT 1")).one()[0] == 1  # the session is still usable


def test_cut_facets_say_so_and_are_computed_in_the_background(engine, web_data, web_client, monkeypatch):
    # The time limit guards the SQL path (no bitset index yet, e.g. while it is rebuilt after a load).
    monkeypatch.setattr(get_settings(), "facet_index", False)
    monkeypatch.setattr(get_settings(), "facet_time_limit_ms", 1)
    real = facets._country_counts

    def slow_country(*args, **kwargs):
        time.sleep(0.01)  # uses up the whole budget: the facets after it are cut
        return real(*args, **kwargs)

    monkeypatch.setattr(facets, "_country_counts", slow_country)
    body = web_client.get("/api/events?type=visit").json()
    by_name = {f["name"]: f for f in body["facets"]}
    assert by_name["country"]["complete"] and by_name["country"]["values"]
    cut = [f for f in body["facets"] if not f["complete"]]
    assert cut, "the 1 ms budget must cut some facet"
    for f in cut:  # no partial counts, a note instead
        assert f["values"] == [] and f["note"] == facets.INCOMPLETE_NOTE
    monkeypatch.setattr(get_settings(), "facet_background", False)
    html = web_client.get("/?type=call").text  # a filter not counted yet
    assert "zu aufwendig" in html
    monkeypatch.setattr(get_settings(), "facet_background", True)
    # the background thread fills the cache: soon every facet is complete and exact
    flt = EventFilter.parse(type=["visit"])
    for _ in range(100):
        body = web_client.get("/api/events?type=visit").json()
        if all(f["complete"] for f in body["facets"]):
            break
        time.sleep(0.05)
    assert all(f["complete"] for f in body["facets"])
    got = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in body["facets"]}
    with Session(engine) as s:
        assert got == uncached(s, flt)
    assert "zu aufwendig" not in web_client.get("/?type=visit").text
