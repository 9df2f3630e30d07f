"""Facets (issue 6): counts beside the results that ignore the facet's own filter, toggle links that
add or remove exactly one value, and the describing sentence whose conditions link to their removal."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from sqlmodel import Session

from app.store.facets import compute_facets
from app.store.filters import EventFilter


def facets_of(client, query: str = "") -> dict[str, dict[str, dict]]:
    r = client.get("/api/events" + query)
    assert r.status_code == 200, r.text
    return {f["name"]: {v["value"]: v for v in f["values"]} for f in r.json()["facets"]}


def params(url: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(urlsplit(url.replace("&amp;", "&")).query))


def total(client, query: str) -> int:
    return client.get("/api/events" + query).json()["total"]


def test_unfiltered_facets_count_every_event(web_client, web_data):
    f = facets_of(web_client)
    assert set(f) == {"country", "actor", "type", "status", "year"}
    assert f["country"]["PRK"]["count"] == 8 and f["country"]["RUS"]["count"] == 7
    assert f["country"]["UKR"]["count"] == 1 and f["country"]["PRK"]["label"] == "Nordkorea"
    assert f["status"]["reported"]["count"] == 6 and f["status"]["alleged"]["count"] == 1
    assert f["type"]["visit"]["count"] == 1 and f["type"]["visit"]["label"] == "Besuch"
    kim = str(web_data.actors["kim"])
    assert f["actor"][kim]["count"] == 2 and f["actor"][kim]["label"] == "Kim Jong-un"
    # year: the undated event has none; "2024" (year), "Sommer 2024" etc. all in 2024
    assert {y: v["count"] for y, v in f["year"].items()} == {"2024": 4, "2025": 3}
    assert not any(v["active"] for fac in f.values() for v in fac.values())


def test_each_facet_ignores_its_own_filter_but_not_the_others(web_client, web_data):
    f = facets_of(web_client, "?country=UKR")
    # country counts ignore country=UKR: the alternatives stay visible with their full counts
    assert f["country"]["PRK"]["count"] == 8 and f["country"]["UKR"]["count"] == 1
    assert f["country"]["UKR"]["active"] and not f["country"]["PRK"]["active"]
    # the other facets count only the one UKR event (Kursk, military cooperation, 2024)
    assert {k: v["count"] for k, v in f["type"].items()} == {"military_cooperation": 1}
    assert {k: v["count"] for k, v in f["year"].items()} == {"2024": 1}
    f = facets_of(web_client, "?type=visit&status=reported")
    assert f["type"]["call"]["count"] == 1  # counted under status=reported only
    assert "arms_transfer" not in f["type"]  # alleged → excluded by the status filter
    assert {k: v["count"] for k, v in f["status"].items()} == {"reported": 1}  # type=visit only


def test_facet_count_equals_result_after_toggling(web_client, web_data):
    for query in ("", "?country=PRK", "?type=visit&type=call", "?from=2024-06&to=2024-08&dates=within",
                  "?q=Kursk", "?status=reported&country=RUS"):
        f = facets_of(web_client, query)
        for name, values in f.items():
            for v in values.values():
                if v["active"]:
                    continue
                toggled = web_client.get(v["toggle"]).json()["total"]
                if name in ("country", "actor", "type", "status") and getattr_list(query, name):
                    # adding an alternative: the union grows by at most the facet count
                    assert toggled <= total(web_client, query) + v["count"], (query, name, v)
                else:
                    assert toggled == v["count"], (query, name, v)


def getattr_list(query: str, name: str) -> list[str]:
    return [v for k, v in parse_qsl(query.lstrip("?")) if k == name]


def test_toggle_links_add_and_remove_one_value(web_client, web_data):
    f = facets_of(web_client, "?country=PRK&type=visit&limit=5")
    assert params(f["country"]["RUS"]["toggle"]) == sorted(
        [("country", "PRK"), ("country", "RUS"), ("type", "visit"), ("limit", "5")])
    assert params(f["country"]["PRK"]["toggle"]) == sorted([("type", "visit"), ("limit", "5")])
    assert params(f["type"]["visit"]["toggle"]) == sorted([("country", "PRK"), ("limit", "5")])
    assert params(f["year"]["2024"]["toggle"]) == sorted(
        [("country", "PRK"), ("type", "visit"), ("from", "2024"), ("to", "2024"), ("limit", "5")])
    # an active year removes the range
    f = facets_of(web_client, "?from=2024&to=2024")
    assert f["year"]["2024"]["active"] and params(f["year"]["2024"]["toggle"]) == []
    assert params(f["year"]["2025"]["toggle"]) == [("from", "2025"), ("to", "2025")]
    # an actor typed by name is recognised as the active facet value and removed by its own spelling
    kim = str(web_data.actors["kim"])
    f = facets_of(web_client, "?actor=kim%20jong-un")
    assert f["actor"][kim]["active"] and params(f["actor"][kim]["toggle"]) == []


def test_facets_in_the_html_page_are_links_without_javascript(web_client, web_data):
    html = web_client.get("/?country=PRK").text
    nav = html[html.index('<nav class="facets"'):html.index("</nav>", html.index('<nav class="facets"'))]
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*>(?:<span aria-hidden="true">✓ </span>)?([^<]+)</a>', nav))
    by_label = {label: href for href, label in links.items()}
    assert params(by_label["Nordkorea"]) == []  # active → remove
    assert params(by_label["Russland"]) == [("country", "PRK"), ("country", "RUS")]
    assert params(by_label["Besuch"]) == [("country", "PRK"), ("type", "visit")]
    assert 'aria-current="true"' in nav and "Eingrenzen" in nav


def test_describing_sentence_links_drop_each_condition(web_client, web_data):
    r = web_client.get("/api/events?country=PRK&type=visit&from=2024-06&to=2025-07").json()
    assert r["description"] == "1 Ereignis mit Nordkorea, Typ Besuch, zwischen Juni 2024 und Juli 2025"
    parts = {p["text"]: params(p["drop"]) for p in r["description_parts"]}
    assert parts == {
        "mit Nordkorea": [("from", "2024-06"), ("to", "2025-07"), ("type", "visit")],
        "Typ Besuch": [("country", "PRK"), ("from", "2024-06"), ("to", "2025-07")],
        "zwischen Juni 2024 und Juli 2025": [("country", "PRK"), ("type", "visit")],
    }
    html = web_client.get("/?country=PRK&type=visit&from=2024-06&to=2025-07&dates=within").text
    h1 = html[html.index('<h1 id="results-h"'):html.index("</h1>")]
    links = re.findall(r'<a class="description__part" href="([^"]+)"[^>]*>([^<]+)</a>', h1)
    assert [text for _, text in links] == ["mit Nordkorea", "Typ Besuch", "ganz im Zeitraum Juni 2024 bis Juli 2025"]
    assert params(links[2][0]) == [("country", "PRK"), ("type", "visit")]  # drops from, to and dates
    assert re.sub(r"<[^>]+>", "", h1).endswith(
        "1 Ereignis mit Nordkorea, Typ Besuch, ganz im Zeitraum Juni 2024 bis Juli 2025")


def test_facets_are_counted_in_sql_over_the_filtered_set(engine, web_data, monkeypatch):
    """Without the bitset index (app/store/facet_index.py; tests/test_facet_index.py) facets are
    counted in SQL: one GROUP BY per facet."""
    from sqlalchemy import event as sa_event

    from app.settings import get_settings

    monkeypatch.setattr(get_settings(), "facet_index", False)
    statements: list[str] = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    sa_event.listen(engine, "before_cursor_execute", before)
    try:
        with Session(engine) as s:
            result = compute_facets(s, EventFilter.parse(country=["PRK"], q="Kursk"))
    finally:
        sa_event.remove(engine, "before_cursor_execute", before)
    counting = [st for st in statements if "GROUP BY" in st]
    assert len(counting) == 5 and len(statements) <= 9  # one GROUP BY per facet, plus name look-ups
    assert all("MATCH" in st for st in counting if "event_fts" in st)
    assert {f.name: sum(v.count for v in f.values) for f in result}["type"] == 2
