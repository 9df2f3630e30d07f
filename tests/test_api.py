"""JSON API and query layer: filters (each, combined, repeated), validation (422), 404s, the export
contract shape, pagination, and the absence of N+1 queries."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event
from sqlmodel import Session

from app.store import queries
from app.store.filters import EventFilter, FilterError, escape_like
from tests.web_fixtures import HOSTILE_IMG

CONTRACT_KEYS = {"id", "headline", "type", "status", "date", "actors", "countries", "citations"}
DATE_KEYS = {"value", "start", "end", "precision", "expression", "basis"}


def ids(client, query: str = "") -> list[int]:
    r = client.get("/api/events" + query)
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["events"]]


def test_event_json_has_the_export_contract_shape(web_client, web_data):
    body = web_client.get("/api/events").json()
    assert set(body) >= {"events", "total", "filter", "description", "next"}
    assert body["total"] == len(web_data.events) == len(body["events"])
    visit = next(e for e in body["events"] if e["id"] == web_data.events["visit"])
    assert set(visit) >= CONTRACT_KEYS
    assert set(visit["date"]) >= DATE_KEYS
    assert visit["headline"] == "Putin besucht Pjöngjang"
    assert (visit["type"], visit["status"]) == ("visit", "reported")
    assert {k: visit["date"][k] for k in DATE_KEYS} == {
        "value": "2024-06-19", "start": "2024-06-19", "end": "2024-06-19", "precision": "day",
        "expression": "am Mittwoch", "basis": "relative_to_dct"}
    assert [(a["name"], a["role"]) for a in visit["actors"]] == [("Kim Jong-un", "target"),
                                                                  ("Wladimir Putin", "source")]
    assert {(c["code"], c["name"]) for c in visit["countries"]} == {("RUS", "Russland"), ("PRK", "Nordkorea")}
    (cit,) = visit["citations"]
    assert cit["source"] == "a_putin_besuch.txt"
    text = web_data.texts[web_data.articles["a"]]
    assert cit["quote"] == text[cit["start"]:cit["end"]]
    assert cit["quote"].startswith("Russlands Präsident Wladimir Putin reist am Mittwoch")


def test_events_are_chronological_with_undated_last(web_client, web_data):
    events = web_client.get("/api/events").json()["events"]
    starts = [e["date"]["start"] for e in events]
    dated = [s for s in starts if s]
    assert dated == sorted(dated)
    assert starts[-1] is None and events[-1]["id"] == web_data.events["praise"]


def test_filter_country_single_and_repeated_means_either(web_client, web_data):
    ev = web_data.events
    assert set(ids(web_client, "?country=USA")) == {ev["arms"]}
    assert set(ids(web_client, "?country=UKR")) == {ev["kursk"]}
    assert set(ids(web_client, "?country=USA&country=UKR")) == {ev["arms"], ev["kursk"]}
    assert set(ids(web_client, "?country=prk")) == set(ev.values())  # case-insensitive code
    assert ids(web_client, "?country=CHN") == []  # well-formed but absent


def test_filter_type_status_actor(web_client, web_data):
    ev, act = web_data.events, web_data.actors
    assert ids(web_client, "?type=visit") == [ev["visit"]]
    assert set(ids(web_client, "?type=visit&type=call")) == {ev["visit"], ev["call"]}
    assert ids(web_client, "?status=alleged") == [ev["arms"]]
    assert set(ids(web_client, "?status=planned&status=alleged")) == {ev["arms"], ev["pact"]}
    assert set(ids(web_client, "?actor=Kim%20Jong-un")) == {ev["visit"], ev["praise"]}
    assert set(ids(web_client, "?actor=kim%20jong-un")) == {ev["visit"], ev["praise"]}
    assert web_client.get("/api/events?actor=kim%20jong-un").json()["description"] == (
        "2 Ereignisse mit Beteiligung von Kim Jong-un")
    assert ids(web_client, f"?actor={act['lawrow']}") == [ev["call"]]
    assert set(ids(web_client, f"?actor={act['lawrow']}&actor=KCNA")) == {ev["call"], ev["troops"]}


def test_filter_dates_overlap_intervals(web_client, web_data):
    ev = web_data.events
    # June 2024 overlaps the day (19 June), the month (June), the season (summer) and the year 2024.
    assert set(ids(web_client, "?from=2024-06&to=2024-06")) == {ev["visit"], ev["arms"], ev["pact"], ev["kursk"]}
    # A single day inside summer still finds the season and the year, not the June-19 visit.
    assert set(ids(web_client, "?from=2024-08-15&to=2024-08-15")) == {ev["pact"], ev["kursk"]}
    assert set(ids(web_client, "?from=2025")) == {ev["troops"], ev["econ"], ev["call"]}
    assert set(ids(web_client, "?to=2024-05-31")) == {ev["kursk"]}
    # undated events never match a date filter
    assert ev["praise"] not in ids(web_client, "?from=1900")


def test_text_search_is_case_insensitive_unicode_and_literal(web_client, web_data):
    ev = web_data.events
    both = {ev["pact"], ev["kursk"], ev["econ"], ev["call"]}  # "über" / "Über" in headline or quote
    assert set(ids(web_client, "?q=über")) == both
    assert set(ids(web_client, "?q=%C3%9CBER")) == both  # ÜBER
    assert ids(web_client, "?q=PJ%C3%96NGJANG") == [ev["arms"], ev["visit"]]  # PJÖNGJANG; June before 19 June
    assert ids(web_client, "?q=%25") == [ev["pact"]]  # a literal "%", not a wildcard
    assert ids(web_client, "?q=_") == []  # a literal "_"
    assert ids(web_client, "?q=%27%20OR%201%3D1%20--") == []  # ' OR 1=1 --  is just text
    assert ids(web_client, "?q=Heldentaten") == [ev["praise"]]  # found in the quote only


def test_combined_filters(web_client, web_data):
    ev = web_data.events
    assert ids(web_client, "?country=PRK&type=visit&from=2024-06") == [ev["visit"]]
    assert ids(web_client, "?country=PRK&type=visit&from=2024-07") == []
    assert ids(web_client, "?country=RUS&status=reported&q=kursk&to=2024-12") == [ev["kursk"]]
    r = web_client.get("/api/events?country=PRK&type=visit&from=2024-06").json()
    assert r["filter"] == {"actor": [], "country": ["PRK"], "type": ["visit"], "status": [], "from": "2024-06",
                           "to": None, "q": None, "dates": "overlap", "min_sources": None, "sort": "date"}
    assert r["description"] == "1 Ereignis mit Nordkorea, Typ Besuch, ab Juni 2024"


def test_empty_form_values_are_ignored(web_client, web_data):
    assert len(ids(web_client, "?country=&type=&status=&actor=&from=&to=&q=")) == len(web_data.events)


@pytest.mark.parametrize(
    "query, param",
    [
        ("from=2024-13", "from"),
        ("from=Juni", "from"),
        ("to=2024-02-30", "to"),
        ("from=2025&to=2024", "to"),
        ("type=parade", "type"),
        ("status=confirmed", "status"),
        ("country=PR", "country"),
        ("country=PRK1", "country"),
        ("country=P%3BK", "country"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("page=0", "page"),
        ("page=abc", "page"),
    ],
)
def test_malformed_parameters_are_422(web_client, query, param):
    r = web_client.get("/api/events?" + query)
    assert r.status_code == 422, (query, r.text)
    assert r.headers["content-type"].startswith("application/json")
    assert any(e["loc"][-1] == param for e in r.json()["detail"])


def test_pagination_and_next_link(web_client, web_data):
    r = web_client.get("/api/events?limit=3").json()
    assert len(r["events"]) == 3 and r["total"] == len(web_data.events)
    assert "/api/events?after=" in r["next"] and r["next"].endswith("&limit=3")  # keyset token
    seen = [e["id"] for e in r["events"]]
    url = r["next"]
    while url:
        page = web_client.get(url).json()
        seen += [e["id"] for e in page["events"]]
        url = page["next"]
    assert seen == ids(web_client)  # same order, no gaps, no duplicates
    filtered = web_client.get("/api/events?country=RUS&limit=2").json()
    assert "country=RUS" in filtered["next"]


def test_event_and_article_detail_and_404(web_client, web_data):
    eid = web_data.events["arms"]
    e = web_client.get(f"/api/events/{eid}").json()
    assert set(e) >= CONTRACT_KEYS
    assert [c["stance"] for c in e["claims"]] == ["alleged", "denied"]
    assert len(e["citations"]) == 2
    assert all(c["url"] == f"/articles/{c['article_id']}#cite-{c['id']}" for c in e["citations"])

    aid = web_data.articles["a"]
    a = web_client.get(f"/api/articles/{aid}").json()
    assert a["text"] == web_data.texts[aid]
    assert a["citations"] and all(a["text"][c["start"]:c["end"]] == c["quote"] for c in a["citations"])
    assert a["report"]["dropped"][0]["reason"] == "copyright"
    assert a["dct"] == {"value": "2024-06-14", "precision": "day", "source": "manifest", "detail": "published"}

    for url in ("/api/events/99999", "/api/articles/99999"):
        r = web_client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
        assert "detail" in r.json()
    assert web_client.get("/api/events/abc").status_code == 422


def test_hostile_values_come_back_verbatim_in_json(web_client, web_data):
    e = web_client.get(f"/api/events/{web_data.events['econ']}").json()
    assert HOSTILE_IMG in e["headline"]  # JSON is data; escaping is the renderer's job


def test_docs_and_openapi(web_client):
    assert web_client.get("/docs").status_code == 200
    spec = web_client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "status", "from", "to", "q", "page", "limit"} <= params


def test_export_events_all_in_contract_shape(engine, web_data):
    with Session(engine) as s:
        out = queries.export_events(s)
    events = out["events"]
    assert len(events) == len(web_data.events)
    assert all(set(e) >= CONTRACT_KEYS and set(e["date"]) >= DATE_KEYS for e in events)
    keys = [(e["date"]["start"] is None, e["date"]["start"] or "", e["id"]) for e in events]
    assert keys == sorted(keys)
    for e in events:
        for c in e["citations"]:
            assert set(c) >= {"source", "start", "end", "quote"}


def test_list_events_uses_a_constant_number_of_queries(engine, web_data):
    """4 data queries (+ count + filter names) whatever the page size: no N+1."""

    def count_for(limit: int) -> int:
        statements: list[str] = []

        def before(conn, cursor, statement, *args):
            statements.append(statement)

        sa_event.listen(engine, "before_cursor_execute", before)
        try:
            with Session(engine) as s:
                page = queries.list_events(s, EventFilter.parse(country=["PRK"]), limit=limit)
                assert len(page.events) == min(limit, 8)
        finally:
            sa_event.remove(engine, "before_cursor_execute", before)
        return len(statements)

    assert count_for(1) == count_for(8) <= 8


def test_filter_object_unit():
    f = EventFilter.parse(country=["prk", "RUS", ""], type=["visit"], date_from="2024-06", date_to="2025-07")
    assert f.country == ("PRK", "RUS")
    assert f.items() == [("country", "PRK"), ("country", "RUS"), ("type", "visit"), ("from", "2024-06"),
                         ("to", "2025-07")]
    assert f.describe(12, {"PRK": "Nordkorea", "RUS": "Russland"}) == (
        "12 Ereignisse mit Nordkorea oder Russland, Typ Besuch, zwischen Juni 2024 und Juli 2025")
    assert f.without("country", "PRK").country == ("RUS",)
    assert f.without("from").date_from is None and f.without("from")._first is None
    assert EventFilter().describe(0) == "Keine Ereignisse"
    assert EventFilter.parse(type=["visit", "call"]).describe(2) == "2 Ereignisse vom Typ Besuch oder Telefonat"
    assert EventFilter.parse(q="Putin", status=["alleged", "denied"]).describe(1) == (
        "1 Ereignis mit Status mutmaßlich oder bestritten, mit dem Text „Putin“")
    assert EventFilter.parse(date_to="2024-06-19").describe(3) == "3 Ereignisse bis 19. Juni 2024"
    with pytest.raises(FilterError) as err:
        EventFilter.parse(type=["nope"], country=["XX"])
    assert {e["loc"][-1] for e in err.value.errors} == {"type", "country"}
    assert escape_like("50%_a\\b") == "50\\%\\_a\\\\b"


def test_filter_sql_uses_bound_parameters_only():
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from app.store.models import Event

    evil = "x'; DROP TABLE event; --"
    f = EventFilter.parse(q=evil, actor=[evil])
    sql = str(select(Event.id).where(*f.conditions()).compile(dialect=sqlite.dialect()))
    assert "DROP TABLE" not in sql and "?" in sql
