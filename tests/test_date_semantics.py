"""Date-range semantics (issue 6): an imprecise date ("2024-SU", "2024-06", "2024") *overlaps* a range
by default; ``dates=within`` keeps only events whose whole interval lies inside it. The choice is
part of the permalink and of the JSON ``filter``."""

from __future__ import annotations

import pytest

from app.store.filters import EventFilter, FilterError


def ids(client, query: str) -> set[int]:
    r = client.get("/api/events" + query)
    assert r.status_code == 200, r.text
    return {e["id"] for e in r.json()["events"]}


def test_overlap_is_the_default(web_client, web_data):
    ev = web_data.events
    june = {ev["visit"], ev["arms"], ev["pact"], ev["kursk"]}  # day, month, season (summer), year
    assert ids(web_client, "?from=2024-06&to=2024-06") == june
    assert ids(web_client, "?from=2024-06&to=2024-06&dates=overlap") == june


def test_within_keeps_only_intervals_inside_the_range(web_client, web_data):
    ev = web_data.events
    # June 2024: the day (19 June) and the month (June) lie within; summer and "2024" only overlap.
    assert ids(web_client, "?from=2024-06&to=2024-06&dates=within") == {ev["visit"], ev["arms"]}
    # Summer 2024 (2024-06-01 … 2024-08-31) lies within June–August, the year 2024 does not.
    assert ids(web_client, "?from=2024-06&to=2024-08&dates=within") == {ev["visit"], ev["arms"], ev["pact"]}
    assert ids(web_client, "?from=2024&to=2024&dates=within") == {ev["visit"], ev["arms"], ev["pact"], ev["kursk"]}
    # one-sided ranges: "from" needs the start inside, "to" the end inside
    assert ids(web_client, "?from=2024-06-15&dates=within") == {ev["visit"], ev["troops"], ev["econ"], ev["call"]}
    assert ids(web_client, "?from=2024-06-15") >= {ev["arms"], ev["pact"], ev["kursk"]}  # overlap
    assert ids(web_client, "?to=2024-06-30&dates=within") == {ev["visit"], ev["arms"]}
    # undated events match neither mode
    assert ev["praise"] not in ids(web_client, "?from=1900&dates=within")


def test_mode_is_in_permalink_filter_json_and_sentence(web_client, web_data):
    r = web_client.get("/api/events?from=2024-06&to=2024-08&dates=within").json()
    assert r["filter"]["dates"] == "within"
    assert r["description"] == "3 Ereignisse ganz im Zeitraum Juni 2024 bis August 2024"
    assert "dates=within" in r["html"]
    html = web_client.get("/?from=2024-06&to=2024-08&dates=within").text
    assert '<input type="radio" name="dates" value="within" checked>' in html
    # facet and chip links keep the mode
    assert "type=agreement&amp;from=2024-06&amp;to=2024-08&amp;dates=within" in html
    # without a range the mode has no effect and is left out of URLs
    assert EventFilter.parse(dates="within").items() == []
    assert EventFilter.parse(date_from="2024", dates="overlap").items() == [("from", "2024")]
    assert EventFilter.parse(date_from="2024", dates="within").describe(2) == "2 Ereignisse frühestens ab 2024"
    assert EventFilter.parse(date_to="2024", dates="within").describe(2) == "2 Ereignisse spätestens bis 2024"


def test_year_facet_follows_the_mode(web_client, web_data):
    def years(q: str) -> dict[str, int]:
        f = {f["name"]: f for f in web_client.get("/api/events" + q).json()["facets"]}
        return {v["value"]: v["count"] for v in f["year"]["values"]}

    # "2025-W01"-style intervals crossing a year boundary would count in both years under overlap
    assert years("?from=2024&to=2024&dates=within") == {"2024": 4, "2025": 3}
    assert years("") == {"2024": 4, "2025": 3}


def test_bad_mode_is_422(web_client):
    r = web_client.get("/api/events?dates=inside")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "dates"]
    with pytest.raises(FilterError):
        EventFilter.parse(dates="sometimes")
