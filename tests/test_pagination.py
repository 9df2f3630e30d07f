"""Keyset pagination (issue 6): ``after=``/``before=`` tokens encode the sort key (date_first nulls
last, id) of the last/first row, so paging stays free of duplicates and gaps while new events are
inserted; ``page=`` (OFFSET) still works for old links."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from app.store.models import Event
from app.store.queries import Cursor


def walk(client, url: str) -> list[int]:
    seen: list[int] = []
    while url:
        r = client.get(url).json()
        seen += [e["id"] for e in r["events"]]
        url = r["next"]
    return seen


def test_walking_next_links_gives_the_full_order(web_client, web_data):
    everything = [e["id"] for e in web_client.get("/api/events").json()["events"]]
    for limit in (1, 2, 3, 7):
        assert walk(web_client, f"/api/events?limit={limit}") == everything


def test_inserting_between_requests_causes_no_duplicates_or_skips(engine, web_client, web_data):
    first = web_client.get("/api/events?limit=3").json()
    shown = [e["id"] for e in first["events"]]
    before = [e["id"] for e in web_client.get("/api/events").json()["events"]]
    with Session(engine) as s:  # a new article arrives: one event early in the order, one late, one undated
        art = s.get(Event, web_data.events["visit"]).article_id
        for value, d in (("2024-01-01", date(2024, 1, 1)), ("2025-12-01", date(2025, 12, 1)), (None, None)):
            s.add(Event(article_id=art, type="meeting", status="reported", headline=f"Neu {value}",
                        date_value=value, date_first=d, date_last=d, date_precision="day" if d else None,
                        claims=[]))
        s.commit()
    rest = walk(web_client, first["next"])
    seen = shown + rest
    assert len(seen) == len(set(seen))  # no duplicates
    assert set(before) <= set(seen)  # nothing that was there is skipped
    now = {e["id"]: e["headline"] for e in web_client.get("/api/events").json()["events"]}
    assert [i for i in seen if i in before] == before  # same relative order
    # only the new event that sorts before the cursor is (necessarily) not shown; the others are
    assert [now[i] for i in set(now) - set(seen)] == ["Neu 2024-01-01"]


def test_prev_links_go_back_exactly(web_client, web_data):
    pages = []
    r = web_client.get("/api/events?limit=3").json()
    assert r["prev"] is None and r["offset"] == 0
    while True:
        pages.append([e["id"] for e in r["events"]])
        if not r["next"]:
            break
        r = web_client.get(r["next"]).json()
    assert r["offset"] == 6 and r["page"] == 3
    for expected in reversed(pages[:-1]):
        r = web_client.get(r["prev"]).json()
        assert [e["id"] for e in r["events"]] == expected
    assert r["prev"] is None


def test_html_pagination_and_page_compatibility(web_client, web_data):
    html = web_client.get("/?limit=3").text
    assert "Ereignisse 1–3 von 8" in html and 'rel="next"' in html and 'rel="prev"' not in html
    page = web_client.get("/api/events?limit=3&page=2").json()  # old OFFSET links still work
    assert page["offset"] == 3 and len(page["events"]) == 3
    token = page["cursor"]["next"]
    assert Cursor.decode(token).id == page["events"][-1]["id"]
    html = web_client.get(f"/?limit=3&after={token}").text
    assert "Ereignisse 7–8 von 8" in html and "Seite 3 von 3" in html and "zum Anfang" in html


def test_bad_tokens_are_422(web_client):
    for bad in ("xyz", "W10=", "WyIyMDI0LTEzLTAxIiwxXQ", "bnVsbA"):
        r = web_client.get("/api/events", params={"after": bad})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "after"], bad
    assert web_client.get("/?before=%%%").status_code == 422
