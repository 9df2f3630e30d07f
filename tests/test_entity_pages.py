"""Actor, country and bilateral pages and their JSON twins: facts, roles, the events grouped as on
the timeline, the both-countries semantics of the bilateral view, paging, 404s and escaping."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from app.store.models import Actor, Country, Event, EventActor, EventCountry
from tests.test_web import main_of, parse
from tests.web_fixtures import HOSTILE_IMG


def test_actor_page_shows_names_roles_countries_and_events(web_client, web_data):
    aid = web_data.actors["putin"]
    r = web_client.get(f"/actors/{aid}")
    assert r.status_code == 200
    html = r.text
    parse(html)
    main = main_of(html)
    assert "<h1" in main and ">Wladimir Putin</h1>" in main
    assert "„Putin“" in main  # alias
    assert '<a href="/countries/RUS">Russland</a>' in main  # home country
    assert f'<a href="/actors/{aid}?role=source">handelnd</a>' in main
    assert '<a href="/countries/PRK">Nordkorea</a>' in main  # country of its events
    assert f'href="/actors/{web_data.actors["kim"]}">Kim Jong-un</a>' in main  # co-actor
    assert f'href="/?actor={aid}"' in main  # filter the timeline
    assert f'id="event-{web_data.events["visit"]}"' in main and main.count('class="event ') == 1
    assert '<h2 class="year__title" id="y-2024">' in main and ">Juni</h3>" in main
    assert f'<link rel="alternate" type="application/json" href="/api/actors/{aid}">' in html


def test_actor_role_narrows_the_events(web_client, web_data):
    kim = web_data.actors["kim"]
    both = web_client.get(f"/api/actors/{kim}").json()
    assert {e["id"] for e in both["events_page"]["events"]} == {web_data.events["visit"], web_data.events["praise"]}
    assert {r["role"]: r["count"] for r in both["roles"]} == {"source": 1, "target": 1}
    src = web_client.get(f"/api/actors/{kim}?role=source").json()
    assert [e["id"] for e in src["events_page"]["events"]] == [web_data.events["praise"]]
    html = web_client.get(f"/actors/{kim}?role=source").text
    assert "Ereignisse als handelnd" in html and "Alle Rollen zeigen" in html
    assert web_client.get(f"/actors/{kim}?role=boss").status_code == 422


def test_actor_json_twin(web_client, web_data):
    aid = web_data.actors["putin"]
    d = web_client.get(f"/api/actors/{aid}").json()
    assert d["name"] == "Wladimir Putin" and d["aliases"] == ["Putin"] and d["kind"] == "person"
    assert d["country"]["code"] == "RUS" and d["event_count"] == 1
    assert {k: d["span"][k] for k in ("first", "last")} == {"first": "2024-06-19", "last": "2024-06-19"}
    assert d["span"]["first_label"] == "19. Juni 2024" and d["span"]["first_attr"] == "2024-06-19"
    ev = d["events_page"]["events"][0]
    assert ev["headline"] == "Putin besucht Pjöngjang" and ev["citations"][0]["quote"]  # export shape


def test_actor_span_of_one_day_is_shown_once_and_a_range_to_its_last_day(web_client, web_data, engine):
    aid = web_data.actors["putin"]
    main = main_of(web_client.get(f"/actors/{aid}").text)
    assert '<dt>Zeitraum</dt><dd><time datetime="2024-06-19">19. Juni 2024</time></dd>' in main
    with Session(engine) as s:  # Putin's visit told as "vom 19. bis 21. Juni"
        e = s.get(Event, web_data.events["visit"])
        e.date_last = date(2024, 6, 21)
        s.add(e)
        s.commit()
    span = web_client.get(f"/api/actors/{aid}").json()["span"]
    assert (span["first_label"], span["last_label"], span["last_attr"]) == ("19. Juni 2024", "21. Juni 2024",
                                                                           "2024-06-21")
    main = main_of(web_client.get(f"/actors/{aid}").text)
    assert ('<time datetime="2024-06-19">19. Juni 2024</time> bis '
            '<time datetime="2024-06-21">21. Juni 2024</time>') in main
    assert "19.–21. Juni 2024" in main  # the event card


def test_many_spellings_fold_into_a_details(web_client, engine):
    with Session(engine) as s:
        a = Actor(name="Sergej Naryschkin", kind="person", aliases=[f"Naryschkin {i}" for i in range(7)])
        s.add(a)
        s.commit()
        aid = a.id
    main = main_of(web_client.get(f"/actors/{aid}").text)
    assert "„Naryschkin 3“" in main and '<details class="more-names"><summary>3 weitere Schreibweisen</summary>' in main
    assert main.index("„Naryschkin 3“") < main.index("more-names") < main.index("„Naryschkin 4“")


def test_unknown_actor_and_country_are_404(web_client):
    assert web_client.get("/actors/9999").status_code == 404
    assert "gibt es nicht" in web_client.get("/actors/9999").text
    assert web_client.get("/api/actors/9999").json() == {"detail": "Akteur 9999 gibt es nicht."}
    assert web_client.get("/countries/CHN").status_code == 404
    assert web_client.get("/api/countries/CHN").status_code == 404
    assert web_client.get("/countries/P1K").status_code == 404
    assert web_client.get("/api/bilateral/RUS/CHN").status_code == 404
    assert web_client.get("/bilateral/RUS/RUS").status_code == 404
    assert web_client.get("/actors/0").status_code == 422


def test_country_page(web_client, web_data):
    html = web_client.get("/countries/PRK").text
    parse(html)
    main = main_of(html)
    assert ">Nordkorea</h1>" in main and "<code>PRK</code>" in main
    assert f'href="/actors/{web_data.actors["kim"]}">Kim Jong-un</a>' in main  # actors from PRK
    assert '<a href="/bilateral/PRK/RUS"' in main and '<a href="/countries/USA">Vereinigte Staaten</a>' in main
    assert main.count('class="event ') == len(web_data.events)  # PRK is in every fixture event
    assert 'href="/?country=PRK"' in main
    # undated last, as on the timeline
    assert main.rindex(f'id="event-{web_data.events["praise"]}"') > main.rindex(f'id="event-{web_data.events["call"]}"')


def test_country_code_is_case_insensitive(web_client):
    r = web_client.get("/countries/prk", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/countries/PRK"
    assert web_client.get("/api/countries/prk").json()["code"] == "PRK"


def test_country_json_twin(web_client, web_data):
    d = web_client.get("/api/countries/USA").json()
    assert d["name"] == "Vereinigte Staaten" and d["event_count"] == 1
    assert [e["id"] for e in d["events_page"]["events"]] == [web_data.events["arms"]]
    assert {p["code"] for p in d["partners"]} == {"PRK", "RUS", "KOR"}


def test_bilateral_view_requires_both_countries(web_client, web_data, engine):
    with Session(engine) as s:  # an event with Russia only, and one with North Korea only
        art = s.get(Event, web_data.events["visit"]).article_id
        for code in ("RUS", "PRK"):
            e = Event(article_id=art, type="statement", status="reported", headline=f"nur {code}",
                      date_value="2024-07", date_first=date(2024, 7, 1), date_last=date(2024, 7, 31),
                      date_precision="month")
            s.add(e)
            s.flush()
            s.add(EventCountry(event_id=e.id, country_code=code))
        s.commit()
    both = web_client.get("/api/bilateral/RUS/PRK").json()
    ids = {e["id"] for e in both["events_page"]["events"]}
    assert ids == set(web_data.events.values()) - {web_data.events["praise"]}  # praise is PRK only
    assert all(e["headline"] not in ("nur RUS", "nur PRK") for e in both["events_page"]["events"])
    either = web_client.get("/api/events?country=RUS&country=PRK&limit=100").json()["total"]
    assert either == len(ids) + 3  # the timeline's "either" semantics differ
    assert {t["type"]: t["count"] for t in both["types"]}["visit"] == 1
    usa = web_client.get("/api/bilateral/USA/UKR").json()
    assert usa["events_page"]["total"] == 0


def test_bilateral_page_and_nav_link(web_client, web_data):
    html = web_client.get("/bilateral/RUS/PRK").text
    parse(html)
    assert '<a href="/bilateral/RUS/PRK" aria-current="page">Russland ↔ Nordkorea</a>' in html
    main = main_of(html)
    assert ">Russland ↔ Nordkorea</h1>" in main and "<strong>beide</strong>" in main
    assert 'href="/?country=RUS&amp;country=PRK"' in main
    assert main.count('class="event ') == len(web_data.events) - 1
    assert '<a href="/bilateral/RUS/PRK">Russland ↔ Nordkorea</a>' in web_client.get("/").text  # header nav
    r = web_client.get("/bilateral/rus/prk", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/bilateral/RUS/PRK"


def test_entity_pages_page_through_events(web_client, engine, monkeypatch):
    from app.settings import get_settings

    monkeypatch.setattr(get_settings(), "page_size", 3)
    d = web_client.get("/api/countries/RUS").json()["events_page"]
    assert len(d["events"]) == 3 and d["next"] == "/countries/RUS?page=2" and d["prev"] is None
    d3 = web_client.get("/api/countries/RUS?page=3").json()["events_page"]
    assert d3["next"] is None and d3["prev"] == "/countries/RUS?page=2"
    html = web_client.get("/countries/RUS?page=2").text
    assert 'href="/countries/RUS?page=3" rel="next"' in html and "Seite 2 von 3" in html


def test_event_cards_link_to_actor_and_country_pages(web_client, web_data):
    html = web_client.get("/").text
    putin = web_data.actors["putin"]
    assert f'<a class="entity-link" href="/actors/{putin}" aria-label="Seite über Wladimir Putin"' in html
    assert '<a class="entity-link" href="/countries/PRK" aria-label="Seite über Nordkorea"' in html
    ev = web_client.get(f"/events/{web_data.events['visit']}").text
    assert f'href="/actors/{web_data.actors["putin"]}"' in ev and 'href="/countries/RUS"' in ev


def test_hostile_names_are_escaped(web_client, engine):
    with Session(engine) as s:
        s.add(Country(code="XXX", name=f"Land {HOSTILE_IMG}"))
        a = Actor(name=f"<script>alert(1)</script> {HOSTILE_IMG}", country_code="XXX", aliases=[HOSTILE_IMG])
        s.add(a)
        s.commit()
        aid = a.id
    for path in (f"/actors/{aid}", "/countries/XXX"):
        html = web_client.get(path).text
        t = parse(html)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert t.scripts == 1  # only app.js


def test_actor_events_shown_once_even_with_two_roles(web_client, web_data, engine):
    with Session(engine) as s:
        s.add(EventActor(event_id=web_data.events["visit"], actor_id=web_data.actors["putin"], role="participant"))
        s.commit()
    d = web_client.get(f"/api/actors/{web_data.actors['putin']}").json()
    assert [e["id"] for e in d["events_page"]["events"]] == [web_data.events["visit"]]
    assert d["event_count"] == 1


def test_actor_and_country_indexes_list_every_entity_with_its_event_count(web_client, web_data):
    actors = web_client.get("/api/actors").json()["actors"]
    assert {a["id"] for a in actors} >= set(web_data.actors.values())
    counts = [a["event_count"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    for a in actors:
        assert a["event_count"] == web_client.get(f"/api/events?actor={a['id']}&limit=1").json()["total"]
    html = web_client.get("/actors").text
    parse(html)
    main = main_of(html)
    putin = web_data.actors["putin"]
    assert f'<a href="/actors/{putin}">Wladimir Putin</a>' in main and f'href="/?actor={putin}"' in main
    assert 'href="/actors" aria-current="page"' in html
    countries = web_client.get("/api/countries").json()["countries"]
    for c in countries:
        assert c["event_count"] == web_client.get(f"/api/events?country={c['code']}&limit=1").json()["total"]
    main = main_of(web_client.get("/countries").text)
    assert '<a href="/countries/PRK">Nordkorea</a>' in main and 'href="/bilateral/RUS/PRK"' in main
    # the actor page's breadcrumb leads back to the index
    assert '<a href="/actors">Akteure</a>' in web_client.get(f"/actors/{putin}").text
