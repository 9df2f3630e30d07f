"""Full-text search (issue 6): FTS5 on SQLite kept in sync by triggers, PostgreSQL text search with
folding; case and umlaut folding, word-prefix matching, safe quoting, LIKE fallback for punctuation."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.store.search import fold_text, fts5_query, tsquery_terms
from tests.web_fixtures import populate


def ids(client, query: str) -> set[int]:
    r = client.get("/api/events", params={"q": query})
    assert r.status_code == 200, r.text
    return {e["id"] for e in r.json()["events"]}


def test_case_and_umlaut_folding(web_client, web_data):
    ev = web_data.events
    pj = {ev["arms"], ev["visit"]}
    for q in ("Pjöngjang", "PJÖNGJANG", "pjöngjang", "pjongjang", "Pjoengjang", "pjöng"):
        assert ids(web_client, q) == pj, q
    assert ids(web_client, "Ueber") == ids(web_client, "über") == {ev["pact"], ev["kursk"], ev["econ"], ev["call"]}


def test_words_are_anded_across_headline_and_quotes_as_prefixes(web_client, web_data):
    ev = web_data.events
    assert ids(web_client, "Putin Staatsbesuch") == {ev["visit"]}  # headline + quote
    assert ids(web_client, "Kurs") == {ev["troops"], ev["kursk"]}  # word prefix
    assert ids(web_client, "ursk") == set()  # no infix matches
    assert ids(web_client, "Putin Kursk") == set()


def test_fts_query_is_quoted_and_bound(web_client, web_data):
    assert fts5_query('a"b OR c*') == '"a"* AND "b"* AND "or"* AND "c"*'
    assert fts5_query("Gespraeche") == '("gespraeche"* OR "gesprache"*)'
    assert fts5_query("Straße") == '("straße"* OR "strasse"*)'
    assert fts5_query("%") is None and fts5_query("„“") is None
    for evil in ('"', "NEAR(", "a AND", "*", "') OR 1=1 --", "event_fts MATCH '*'"):
        assert web_client.get("/api/events", params={"q": evil}).status_code == 200, evil
    assert tsquery_terms("Pjöngjang & Straße!") == ["pjongjang:*", "strasse:*"]
    assert fold_text("GESPRÄCHE Gespraeche") == "gesprache gesprache"


def test_punctuation_only_falls_back_to_substring(web_client, web_data):
    assert ids(web_client, "%") == {web_data.events["pact"]}
    assert ids(web_client, "„") == {web_data.events["praise"]}


def test_triggers_keep_the_index_in_sync(engine, web_data, web_client):
    ev = web_data.events
    with Session(engine) as s:
        s.execute(text("UPDATE event SET headline = 'Wladiwostok-Gipfel' WHERE id = :i"), {"i": ev["call"]})
        s.execute(text("UPDATE citation SET quote = 'Treffen in Wladiwostok' WHERE event_id = :i"),
                  {"i": ev["praise"]})
        s.commit()
    assert ids(web_client, "wladiwostok") == {ev["call"], ev["praise"]}
    assert ev["call"] not in ids(web_client, "Lawrow")  # the old headline left the index
    with Session(engine) as s:
        s.execute(text("DELETE FROM citation WHERE event_id = :i"), {"i": ev["praise"]})
        s.execute(text("DELETE FROM event WHERE id = :i"), {"i": ev["call"]})
        s.commit()
        assert s.execute(text("SELECT count(*) FROM event_fts")).scalar() == len(ev) - 1
    assert ids(web_client, "wladiwostok") == set()
    assert ids(web_client, "Heldentaten") == set()  # the quote went with its citation


@pytest.mark.postgres
def test_fulltext_and_facets_on_postgres(client_for):
    from app.store.database import make_engine
    from app.store.migrate import upgrade
    from tests.pg_cluster import require_postgres, throwaway_cluster

    require_postgres()
    with throwaway_cluster() as url:
        upgrade(url)
        engine = make_engine(url)
        try:
            with Session(engine) as s:
                data = populate(s)
            client = client_for(engine)
            ev = data.events
            for q in ("PJÖNGJANG", "pjöngjang", "pjongjang", "Pjöng"):
                assert ids(client, q) == {ev["arms"], ev["visit"]}, q
            assert ids(client, "Putin Staatsbesuch") == {ev["visit"]}
            assert ids(client, "%") == {ev["pact"]}
            r = client.get("/api/events?country=UKR&q=kursk").json()
            f = {x["name"]: {v["value"]: v["count"] for v in x["values"]} for x in r["facets"]}
            assert r["total"] == 1 and f["country"]["PRK"] == 2 and f["type"] == {"military_cooperation": 1}
            assert f["year"] == {"2024": 1}
            with Session(engine) as s:  # the GIN expression indexes exist
                names = set(s.execute(text("SELECT indexname FROM pg_indexes")).scalars())
            assert {"ix_event_headline_fts", "ix_citation_quote_fts", "ix_event_country_code_event"} <= names
            page = client.get("/api/events?limit=3").json()
            seen = [e["id"] for e in page["events"]]
            while page["next"]:
                page = client.get(page["next"]).json()
                seen += [e["id"] for e in page["events"]]
            assert sorted(seen) == sorted(ev.values()) and len(seen) == len(set(seen))
        finally:
            engine.dispose()
