"""The web layer on real extraction output: load /work/main/seeds with the loader, then every page
and its JSON twin must render, and every citation must be highlighted with exactly its quote."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def seeded(engine, client_for):
    loader = pytest.importorskip("app.loader")
    if not (SEEDS / "manifest.csv").exists():
        pytest.skip("seeds not present")
    report = loader.load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    assert not report.failed, report.failed
    return client_for(engine)


def test_seed_pages_render_and_citations_are_highlighted(seeded):
    client = seeded
    api = client.get("/api/events?limit=1000").json()
    assert api["total"] > 0
    html = client.get("/?limit=1000").text
    for e in api["events"]:
        assert f'id="event-{e["id"]}"' in html
        assert client.get(f"/events/{e['id']}").status_code == 200
    for a in client.get("/api/articles").json()["articles"]:
        art = client.get(f"/api/articles/{a['id']}").json()
        page = client.get(f"/articles/{a['id']}").text
        body = re.search(r'<div class="article-text" lang="de">(.*?)</div>', page, re.S).group(1)
        assert unescape(re.sub(r"<[^>]+>", "", body)) == art["text"]
        for c in art["citations"]:
            assert art["text"][c["start"]:c["end"]] == c["quote"]
            assert f'<mark id="cite-{c["id"]}"' in page
    # the seed events are about Russia and North Korea, so the country filter finds them
    prk = client.get("/api/events?country=PRK").json()
    assert prk["total"] > 0 and prk["description"].startswith(f"{prk['total']} Ereign")


def test_entity_pages_count_real_events_as_the_timeline_does(seeded):
    """Actor, country and bilateral pages list and count real (merged) events, exactly the events the
    timeline shows for the same actor or country, never a merged mention as a card of its own."""
    client = seeded
    real = {e["id"] for e in client.get("/api/events?limit=1000").json()["events"]}
    mentions = sum(e["group"]["mentions"] if e.get("group") else 1
                   for e in client.get("/api/events?limit=1000").json()["events"])
    assert mentions > len(real), "the seeds should contain merged reports"
    checked = 0
    for a in client.get("/api/events?limit=1000").json()["facets"]:
        if a["name"] != "actor":
            continue
        for v in a["values"][:8]:
            page = client.get(f"/api/actors/{v['value']}").json()
            timeline = client.get(f"/api/events?actor={v['value']}&limit=1000").json()
            assert page["event_count"] == timeline["total"] == page["events_page"]["total"]
            assert {e["id"] for e in page["events_page"]["events"]} == {e["id"] for e in timeline["events"]}
            assert sum(r["count"] for r in page["roles"]) >= page["event_count"]
            checked += 1
    assert checked
    for code in ("PRK", "RUS"):
        page = client.get(f"/api/countries/{code}").json()
        timeline = client.get(f"/api/events?country={code}&limit=1000").json()
        assert page["event_count"] == timeline["total"]
        assert {e["id"] for e in page["events_page"]["events"]} <= real
    both = client.get("/api/bilateral/RUS/PRK").json()
    prk = {e["id"] for e in client.get("/api/events?country=PRK&limit=1000").json()["events"]}
    rus = {e["id"] for e in client.get("/api/events?country=RUS&limit=1000").json()["events"]}
    assert both["events_page"]["total"] == len(prk & rus)
    assert sum(t["count"] for t in both["types"]) == len(prk & rus)


def test_actor_and_country_facet_counts_are_what_a_click_gives(seeded):
    """On merged data: a facet value's count is the number of events its toggle link shows (actor,
    country and status match a real event through any of its reports)."""
    client = seeded
    for base in ("", "type=statement", "country=PRK"):
        body = client.get(f"/api/events?{base}&limit=1").json()
        for f in body["facets"]:
            if f["name"] not in ("actor", "country", "status"):
                continue
            for v in f["values"]:
                if v["active"]:
                    continue
                params = [p for p in base.split("&") if p and not p.startswith(f["name"] + "=")]
                url = "/api/events?" + "&".join([*params, f"{f['name']}={v['value']}", "limit=1"])
                assert client.get(url).json()["total"] == v["count"], (base, f["name"], v)


def test_merged_events_show_every_stance_and_each_actor_once(seeded):
    client = seeded
    events = client.get("/api/events?limit=1000").json()["events"]
    with_stances = 0
    for e in events:
        mention_claims = {(c["stance"], tuple(c.get("holders") or ())) for cit in e["citations"]
                          for c in (cit.get("claims") or [])}
        assert {(c["stance"], tuple(c.get("holders") or ())) for c in e["group"]["claims"]} == mention_claims
        if len({s for s, _ in mention_claims}) > 1:
            with_stances += 1
            page = client.get(f"/events/{e['id']}").text
            status_box = page[page.index('id="h-status"'):page.index('id="h-sources"')]
            for stance, _ in mention_claims:
                assert f"claim--{stance}" in status_box, (e["id"], stance)
        html = client.get(f"/events/{e['id']}").text
        facts = html[html.index("<dt>Akteure</dt>"):html.index("<dt>Länder</dt>")]
        ids = re.findall(r'href="/actors/(\d+)"', facts)
        assert len(ids) == len(set(ids)), (e["id"], ids)
    assert with_stances, "the seeds hold an event alleged by some and denied by others"


@pytest.mark.parametrize("typed", ["Kim Jong-un", "kim dschong un", "Kim Jong Un"])
def test_an_actor_is_found_under_any_of_its_names(seeded, typed):
    client = seeded
    by_id = client.get("/api/events?limit=1000").json()
    kim = next(v for f in by_id["facets"] if f["name"] == "actor" for v in f["values"] if v["label"] == "Kim Jong Un")
    expected = client.get(f"/api/events?actor={kim['value']}&limit=1").json()["total"]
    got = client.get("/api/events", params={"actor": typed, "limit": 1}).json()
    assert got["total"] == expected > 0
    assert "Kim Jong Un" in got["description"]
    actor = client.get(f"/api/actors/{kim['value']}").json()
    assert "Kim Jong-un" in actor["aliases"] and "Kim Dschong Un" in actor["aliases"]
    assert client.get("/api/events", params={"actor": "Kim", "limit": 1}).json()["total"] == 0  # ambiguous


def test_exports_carry_the_whole_merged_event(seeded):
    import csv
    import io
    import json

    client = seeded
    events = {e["id"]: e for e in client.get("/api/events?limit=1000").json()["events"]}
    merged = [e for e in events.values() if e["group"]["mentions"] > 1]
    assert merged
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").content.decode("utf-8-sig"))))
    assert len(rows) == len(events)
    plover = {json.loads(line)["id"]: json.loads(line) for line in client.get("/export/plover.jsonl").text.splitlines()}
    for e in merged:
        row = next(r for r in rows if int(r["id"]) == e["id"])
        assert int(row["citation_count"]) == len(e["citations"])
        assert int(row["report_count"]) == e["group"]["mentions"]
        assert sorted(map(int, row["report_ids"].split())) == sorted({c["mention_id"] for c in e["citations"]})
        assert row["status"] == e["group"]["status"]
        assert int(row["source_count"]) == e["group"]["source_count"]
        p = plover[f"rkt-{e['id']}"]
        assert len(p["citations"]) == len(e["citations"]) == len(p["event_text"])
        assert p["status"] == e["group"]["status"] and len(p["reports"]) == e["group"]["mentions"]
        assert {(c["stance"], tuple(c["holders"] or ())) for c in p["claims"]} == \
            {(c["stance"], tuple(c["holders"] or ())) for c in e["group"]["claims"]}


def test_a_publication_date_taken_as_event_date_is_marked(seeded):
    client = seeded
    events = client.get("/api/events?limit=1000").json()["events"]
    html = client.get("/?limit=1000").text
    dct = [e for e in events if e["date"]["basis"] == "dct"]
    explicit = [e for e in events if e["date"]["basis"] == "explicit"]
    assert dct and explicit
    for e in dct + explicit:
        card = html[html.index(f'id="event-{e["id"]}"'):]
        card = card[:card.index("</article>")]
        assert ("badge--dct" in card) == (e["date"]["basis"] == "dct"), e["id"]


def test_citation_context_never_shows_boilerplate(seeded):
    client = seeded
    seen = 0
    for a in client.get("/api/articles").json()["articles"]:
        art = client.get(f"/api/articles/{a['id']}").json()
        report = art.get("report") or {}
        dropped = [d["text"].strip() for d in report.get("dropped", []) if len(d["text"].strip()) > 4]
        for c in art["citations"]:
            e = client.get(f"/api/events/{c['event_id']}", follow_redirects=True).json() if "event_id" in c else None
            if not e:
                continue
            for cit in e["citations"]:
                ctx = cit.get("context") or {}
                text = ctx.get("before", "") + " " + ctx.get("after", "")
                seen += 1
                assert not any(d in text for d in dropped), (cit["id"], text)
    assert seen


def test_status_filter_finds_an_event_by_any_of_its_stances(seeded):
    client = seeded
    events = client.get("/api/events?limit=1000").json()["events"]
    mixed = [e for e in events if {c["stance"] for c in e["citations"]} - {e["group"]["status"]}]
    assert mixed, "the seeds hold events whose reports take different stances"
    for e in mixed:
        for stance in {c["stance"] for c in e["citations"]}:
            found = {x["id"] for x in client.get(f"/api/events?status={stance}&limit=1000").json()["events"]}
            assert e["id"] in found, (e["id"], stance)


def test_a_merged_events_headline_carries_its_derived_status(seeded):
    from app.store.queries import _status_suffixes

    marks = {s: m for s, m in _status_suffixes().items() if m}
    events = seeded.get("/api/events?limit=1000").json()["events"]
    for e in events:
        expected = marks.get(e["group"]["status"])
        present = [s for s, m in marks.items() if e["headline"].endswith(m)]
        assert present == ([e["group"]["status"]] if expected else []), (e["id"], e["headline"], e["group"]["status"])


@pytest.mark.parametrize("headline, old, new, expected", [
    ("Nordkorea entsendet Soldaten nach Russland (mutmaßlich)", "alleged", "reported",
     "Nordkorea entsendet Soldaten nach Russland"),
    ("Putin besucht Nordkorea", "reported", "planned", "Putin besucht Nordkorea (geplant)"),
    ("Kim trifft Putin (geplant)", "planned", "alleged", "Kim trifft Putin (mutmaßlich)"),
    ("Russland liefert Waffen (mutmaßlich)", "alleged", "alleged", "Russland liefert Waffen (mutmaßlich)"),
])
def test_headline_with_status(headline, old, new, expected):
    from app.store.queries import headline_with_status

    assert headline_with_status(headline, old, new) == expected


def test_citations_csv_has_every_report_of_every_event(seeded):
    import csv
    import io

    client = seeded
    events = client.get("/api/events?limit=1000").json()["events"]
    rows = list(csv.DictReader(io.StringIO(client.get("/export/citations.csv").content.decode("utf-8-sig"))))
    assert len(rows) == sum(len(e["citations"]) for e in events)
    texts = {a["file_name"]: client.get(f"/api/articles/{a['id']}").json()["text"]
             for a in client.get("/api/articles").json()["articles"]}
    for r in rows:
        quote = r["source_quote"][1:] if r["source_quote"].startswith("'") else r["source_quote"]
        assert texts[r["source_file"]][int(r["source_start"]):int(r["source_end"])] == quote
    merged = [e for e in events if e["group"]["mentions"] > 1]
    e = merged[0]
    mine = [r for r in rows if int(r["event_id"]) == e["id"]]
    assert {int(r["report_id"]) for r in mine} == {c["mention_id"] for c in e["citations"]}
    only = client.get("/export/citations.csv?country=USA").content.decode("utf-8-sig")
    usa = client.get("/api/events?country=USA&limit=1000").json()["events"]
    assert len(list(csv.DictReader(io.StringIO(only)))) == sum(len(x["citations"]) for x in usa)
