"""Exports of the current selection: CSV (csv module, BOM, one row per filtered event, formula
neutralisation), TimelineJS JSON (dates at their precision, German display dates, escaped HTML) and
PLOVER-style JSONL (keys, type mapping, offsets that match the article text)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app.extract.model import EVENT_TYPES
from app.web import exports
from tests.web_fixtures import HOSTILE_IMG


def api_ids(client, query: str = "") -> list[int]:
    return [e["id"] for e in client.get(f"/api/events?limit=1000&{query}").json()["events"]]


def read_csv(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    assert resp.content.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    text = resp.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("query", ["", "country=PRK", "country=USA&country=UKR", "type=visit&type=call",
                                   "from=2024-06&to=2024-08", "status=planned", "q=Kursk"])
def test_csv_has_one_row_per_event_of_the_selection_in_timeline_order(web_client, query):
    rows = read_csv(web_client.get(f"/export.csv?{query}"))
    assert [int(r["id"]) for r in rows] == api_ids(web_client, query)
    assert list(rows[0].keys()) == exports.CSV_COLUMNS if rows else True


def test_csv_columns_and_quoting(web_client, web_data):
    rows = {int(r["id"]): r for r in read_csv(web_client.get("/export.csv"))}
    arms = rows[web_data.events["arms"]]
    assert arms["date_value"] == "2024-06" and arms["date_precision"] == "month"
    assert arms["date_start"] == "2024-06-01" and arms["date_end"] == "2024-06-30"
    assert arms["date_label"] == "Juni 2024" and arms["date_basis"] == "dct"
    assert arms["type"] == "arms_transfer" and arms["type_label"] == "Waffenlieferung"
    assert arms["countries"] == "KOR; PRK; RUS; USA"
    assert "vermutet: USA, Südkorea" in arms["claims"] and "bestritten" in arms["claims"]
    assert arms["citation_count"] == "2"
    # the quote (with a comma) survives quoting, and it is the exact text span
    quote = "Die USA und Südkorea werfen Nordkorea vor, Russland mit Artilleriegranaten zu beliefern."
    assert arms["source_quote"] == quote
    assert arms["source_url"].endswith(f"/articles/{web_data.articles['a']}#cite-{web_data.citations['arms0']}")
    assert arms["event_url"].endswith(f"/events/{web_data.events['arms']}")
    visit = rows[web_data.events["visit"]]
    assert visit["actors"] == "Kim Jong-un (target); Wladimir Putin (source)"
    assert visit["date_expression"] == "am Mittwoch"
    econ = rows[web_data.events["econ"]]
    assert HOSTILE_IMG in econ["headline"]  # CSV is data, not HTML: kept verbatim
    praise = rows[web_data.events["praise"]]
    assert praise["date_start"] == "" and praise["date_label"] == "ohne Datum"


def test_csv_semicolon_and_formula_neutralisation():
    events = [{"id": 1, "date": {"value": None, "start": None, "end": None, "precision": None, "expression": None,
                                 "basis": "none"},
               "type": "other", "status": "reported", "headline": "=HYPERLINK(\"http://x\")", "actors": [],
               "countries": [], "claims": [], "citations": [], "url": "/events/1", "labels": {}}]
    text = exports.to_csv(events, "http://h", ";")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert row["headline"] == "'=HYPERLINK(\"http://x\")"


def test_csv_semicolon_parameter(web_client):
    r = web_client.get("/export.csv?sep=semicolon&country=USA")
    text = r.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1 and rows[0]["type"] == "arms_transfer"
    assert web_client.get("/export.csv?sep=tab").status_code == 422


def test_exports_reject_malformed_filters_like_the_timeline(web_client):
    for path in ("/export.csv", "/export/timelinejs.json", "/export/plover.jsonl"):
        assert web_client.get(f"{path}?from=2024-13").status_code == 422
        assert web_client.get(f"{path}?type=parade").status_code == 422


def test_timelinejs_required_fields_and_precision(web_client, web_data):
    r = web_client.get("/export/timelinejs.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    data = r.json()
    assert data["title"]["text"]["headline"]
    assert "ohne Datum" in data["title"]["text"]["text"]  # the undated event is left out, and said so
    slides = {s["unique_id"]: s for s in data["events"]}
    ev = web_data.events
    assert len(slides) == len(ev) - 1 and f"event-{ev['praise']}" not in slides
    for s in data["events"]:
        assert isinstance(s["start_date"]["year"], int)
        assert s["text"]["headline"] and s["group"]
    visit = slides[f"event-{ev['visit']}"]
    assert visit["start_date"] == {"year": 2024, "month": 6, "day": 19, "display_date": "19. Juni 2024"}
    assert "end_date" not in visit and visit["group"] == "Besuch"
    arms = slides[f"event-{ev['arms']}"]  # month: no day
    assert arms["start_date"] == {"year": 2024, "month": 6, "display_date": "Juni 2024"}
    pact = slides[f"event-{ev['pact']}"]  # season: start and end month
    assert pact["start_date"] == {"year": 2024, "month": 6, "display_date": "Sommer 2024"}
    assert pact["end_date"] == {"year": 2024, "month": 8, "display_date": "Sommer 2024"}
    kursk = slides[f"event-{ev['kursk']}"]  # year only
    assert kursk["start_date"] == {"year": 2024, "display_date": "2024"} and "end_date" not in kursk
    call = slides[f"event-{ev['call']}"]  # week: first and last day
    assert call["start_date"]["day"] == 21 and call["end_date"]["day"] == 27 and call["display_date"] == "KW 30/2025"
    # the quote and a link to the passage
    assert "„Russlands Präsident Wladimir Putin reist am Mittwoch" in visit["text"]["text"]
    assert f"/articles/{web_data.articles['a']}#cite-{web_data.citations['visit0']}" in visit["text"]["text"]


def test_timelinejs_escapes_untrusted_text(web_client, web_data):
    raw = web_client.get("/export/timelinejs.json").text
    assert "<img" not in raw and "<script" not in raw
    econ = {s["unique_id"]: s for s in json.loads(raw)["events"]}[f"event-{web_data.events['econ']}"]
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in econ["text"]["headline"]
    assert "&lt;img src=x" in econ["text"]["text"]


def test_timelinejs_follows_the_filter(web_client, web_data):
    data = web_client.get("/export/timelinejs.json?type=visit").json()
    assert [s["unique_id"] for s in data["events"]] == [f"event-{web_data.events['visit']}"]
    assert "Besuch" in data["title"]["text"]["text"]


PLOVER_KEYS = {"id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "text_info", "cite_info"}
PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND",
                 "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}


def plover(client, query: str = "") -> list[dict]:
    r = client.get(f"/export/plover.jsonl?{query}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = r.text.splitlines()
    assert r.text == "" or r.text.endswith("\n")
    return [json.loads(line) for line in lines]


def test_plover_lines_parse_and_have_the_keys(web_client, web_data):
    recs = plover(web_client)
    assert [int(r["id"].removeprefix("rkt-")) for r in recs] == api_ids(web_client)
    for r in recs:
        assert PLOVER_KEYS <= set(r), r["id"]
        assert r["event"] in PLOVER_EVENTS
        for side in ("actor", "recipient"):
            for a in r[side]:
                assert a["code"] is None or (len(a["code"]) == 3 and a["code"].isupper())
        assert r["actor"] == r["source"]
    by_id = {int(r["id"].removeprefix("rkt-")): r for r in recs}
    visit = by_id[web_data.events["visit"]]
    assert visit["date"] == "2024-06-19" and visit["enddate"] == "2024-06-19"
    assert visit["event"] == "CONSULT" and visit["mode"] == "visit" and visit["quad_code"] == 1
    assert [a["code"] for a in visit["actor"]] == ["RUS"] and [a["code"] for a in visit["recipient"]] == ["PRK"]
    assert visit["actor"][0]["actor_text"] == "Wladimir Putin" and visit["direction"] == "roles"
    assert visit["timex3"]["value"] == "2024-06-19" and visit["timex3"]["expression"] == "am Mittwoch"
    assert visit["cite_info"]["url"] == "https://example.org/putin-besuch"
    assert visit["cite_info"]["publication"] == "nau.ch (dpa)" and visit["cite_info"]["article_id"]
    pact = by_id[web_data.events["pact"]]
    assert pact["event"] == "AGREE" and "future" in pact["context"]  # planned agreement: a promise
    assert by_id[web_data.events["arms"]]["event"] == "AID" and by_id[web_data.events["arms"]]["mode"] == "military"
    assert by_id[web_data.events["troops"]]["event"] == "AID"
    assert by_id[web_data.events["call"]]["mode"] == "phone"
    assert by_id[web_data.events["econ"]]["event"] == "COOPERATE"
    assert "economic" in by_id[web_data.events["econ"]]["context"]
    praise = by_id[web_data.events["praise"]]
    assert praise["date"] is None and praise["event"] == "OTHER"
    # javascript: URLs never become cite_info.url
    assert by_id[web_data.events["econ"]]["cite_info"]["url"] is None


def test_plover_text_offsets_point_into_the_article(web_client, web_data):
    for r in plover(web_client):
        ti = r["text_info"]
        art = r["cite_info"]["article_id"]
        assert web_data.texts[art][ti["start"]:ti["end"]] == ti["quote"]


def test_plover_follows_the_filter(web_client, web_data):
    recs = plover(web_client, "country=USA")
    assert [r["id"] for r in recs] == [f"rkt-{web_data.events['arms']}"]
    assert plover(web_client, "country=CHN") == []


def test_every_type_has_a_plover_mapping():
    assert set(exports.PLOVER_TYPES) == set(EVENT_TYPES)
    for etype, _mode, contexts in exports.PLOVER_TYPES.values():
        assert etype in PLOVER_EVENTS and isinstance(contexts, tuple)


def test_export_links_carry_the_query_string(web_client):
    html = web_client.get("/?country=PRK&type=visit&from=2024").text
    for path in ("/export.csv", "/export/timelinejs.json", "/export/plover.jsonl"):
        assert f'href="{path}?country=PRK&amp;type=visit&amp;from=2024"' in html
    assert "Auswahl exportieren" in html


def test_plover_puts_each_actor_on_one_side_of_a_merged_event():
    from app.web.exports import _plover_sides

    putin, kim = {"id": 1, "name": "Wladimir Putin"}, {"id": 2, "name": "Kim Jong Un"}
    e = {"actors": [{**putin, "role": "source"}, {**kim, "role": "target"},
                    {**putin, "role": "target"}, {**kim, "role": "source"}],
         "countries": [{"code": "RUS", "name": "Russland", "role": "source"},
                       {"code": "PRK", "name": "Nordkorea", "role": "source"}]}
    src, tgt, direction = _plover_sides(e, {1: "RUS", 2: "PRK"})
    assert [o["actor_text"] for o in src] == ["Wladimir Putin"] and [o["actor_text"] for o in tgt] == ["Kim Jong Un"]
    assert direction == "roles"
