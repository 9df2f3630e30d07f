"""HTML pages: timeline grouping and date rendering, the filter form as permalink state, event and
article pages (highlighted citations, boilerplate, ingest report), escaping of hostile text, and
German 404/422 pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.web_fixtures import HOSTILE_IMG, HOSTILE_SCRIPT

REPO = Path(__file__).resolve().parents[1]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Tree(HTMLParser):
    """Checks that elements nest properly and collects the text of every <mark> and <input> state."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.marks: list[dict] = []  # {"attrs", "text"} in document order
        self.open_marks: list[dict] = []
        self.inputs: list[dict] = []
        self.links: list[str] = []
        self.scripts: int = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input":
            self.inputs.append(a)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        self.stack.append((tag, a))
        if tag == "mark":
            m = {"attrs": a, "text": ""}
            self.marks.append(m)
            self.open_marks.append(m)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}>, open: {[t for t, _ in self.stack[-3:]]}")
            return
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        for m in self.open_marks:
            m["text"] += data


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.errors, t.errors[:5]
    assert [tag for tag, _ in t.stack] == [], "unclosed elements"
    return t


def main_of(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


# ---------------------------------------------------------------------------- timeline


def test_timeline_is_german_grouped_and_well_formed(web_client, web_data):
    r = web_client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html lang="de">' in html
    assert "<header" in html and "<nav" in html and '<main id="main"' in html
    parse(html)
    # years and German month names, in order; undated events last in "ohne Datum"
    heads = re.findall(r'<h[23] class="(?:year|month)__title[^"]*"[^>]*>([^<]+)', html)
    heads = [h.strip() for h in heads]
    assert heads == ["2024", "2024 – ohne genaueren Zeitpunkt", "Juni", "Sommer 2024", "2025", "April",
                     "Juli", "ohne Datum"]
    body = main_of(html)
    assert body.index("Kim Jong-un lobt die Soldaten") > body.index("Telefonat zwischen Lawrow")
    assert "8 Ereignisse" in body


def test_dates_show_expression_and_normalised_value_at_their_precision(web_client, web_data):
    html = web_client.get("/").text
    assert '<time datetime="2024-06-19"' in html and ">19. Juni 2024</time>" in html
    assert "„am Mittwoch“" in html
    assert '<time datetime="2024-06"' in html and ">Juni 2024</time>" in html
    assert ">Sommer 2024</time>" in html and "„im Sommer 2024“" in html
    assert '<time datetime="2025-W30"' in html and ">KW 30/2025</time>" in html
    assert ">Juli 2025</time>" in html and ">28. April 2025</time>" in html
    assert '<time datetime="2024"' in html
    # imprecise dates look imprecise: a class for the dashed style and a precision badge
    assert 'class="date date--month date--imprecise"' in html
    assert 'class="date date--day"' in html
    for badge in ("Monat", "Jahreszeit", "Woche", "Jahr"):
        assert f'title="Genauigkeit der Datumsangabe">{badge}</span>' in html
    assert '<span class="date date--none">ohne Datum</span>' in html


def test_event_card_has_type_status_claims_actors_countries_and_source_links(web_client, web_data):
    html = web_client.get("/").text
    assert "Waffenlieferung" in html and "mutmaßlich" in html
    assert "vermutet: USA, Südkorea" in html and "bestritten: Nordkorea, Russland" in html
    assert "Truppenentsendung" in html and "Militärische Zusammenarbeit" in html
    assert ">Wladimir Putin</a>" in html and f'href="/?actor={web_data.actors["putin"]}"' in html
    for key, cites in (("visit", ["visit0"]), ("arms", ["arms0", "arms1"])):
        art = web_data.articles["a"]
        for c in cites:
            assert f'href="/articles/{art}#cite-{web_data.citations[c]}"' in html, key


def test_filters_render_the_permalink_state_and_remove_links(web_client, web_data):
    url = "/?country=PRK&country=RUS&type=visit&from=2024-06&q=Putin"
    html = web_client.get(url).text
    t = parse(html)
    checked = {(i["name"], i["value"]) for i in t.inputs if i.get("type") == "checkbox" and "checked" in i}
    assert checked == {("country", "PRK"), ("country", "RUS"), ("type", "visit")}
    values = {i["name"]: i.get("value") for i in t.inputs if i.get("type") in ("text", "search")
              and i["name"] in ("from", "to", "q")}
    assert values == {"from": "2024-06", "to": "", "q": "Putin"}
    assert "1 Ereignis mit Nordkorea oder Russland, Typ Besuch, ab Juni 2024, mit dem Text „Putin“" in html
    # each active filter has a link that removes exactly it
    chips = re.findall(r'<li class="chip">(.*?)<a href="([^"]+)" class="chip__remove"', html)
    assert len(chips) == 5
    removals = {label.strip(): dict_multi(href.replace("&amp;", "&")) for label, href in chips}
    assert removals["Land: Nordkorea"] == {"country": ["RUS"], "type": ["visit"], "from": ["2024-06"],
                                           "q": ["Putin"]}
    assert removals["Typ: Besuch"]["country"] == ["PRK", "RUS"] and "type" not in removals["Typ: Besuch"]
    assert "from" not in removals["ab: 2024-06"]
    assert 'href="/" class="button button--secondary">Alle Filter entfernen' in html
    # the form submits by GET to / (no JavaScript needed), every control has a label
    assert '<form class="filters" method="get" action="/"' in html
    for control in ("f-q", "f-from", "f-to", "f-actor"):
        assert f'<label for="{control}"' in html


def dict_multi(href: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in parse_qsl(urlsplit(href).query):
        out.setdefault(k, []).append(v)
    return out


def test_filtered_timeline_matches_api(web_client, web_data):
    for q in ("?country=USA&country=UKR", "?type=visit&type=call", "?actor=KCNA", "?status=planned",
              "?from=2025-07&to=2025-07", "?q=%C3%BCber"):
        api = web_client.get("/api/events" + q).json()
        html = main_of(web_client.get("/" + q).text)
        shown = [int(x) for x in re.findall(r'<article class="event [^"]*" id="event-(\d+)"', html)]
        assert shown == [e["id"] for e in api["events"]], q
        assert api["description"] in re.sub(r"<[^>]+>", "", html), q  # conditions are links


def test_actor_filter_shows_name_for_id_and_keeps_it_in_form(web_client, web_data):
    aid = web_data.actors["lawrow"]
    html = web_client.get(f"/?actor={aid}").text
    assert "1 Ereignis mit Beteiligung von Sergej Lawrow" in html
    assert f'<input type="checkbox" name="actor" value="{aid}" checked> Sergej Lawrow' in html


def test_pagination_links_keep_filters(web_client, web_data):
    html = web_client.get("/?country=PRK&limit=3").text
    assert re.search(r'href="/\?country=PRK&amp;after=[\w-]+&amp;limit=3" rel="next"', html)  # keyset token
    assert "Seite 1 von 3" in html
    html2 = web_client.get("/?country=PRK&limit=3&page=3").text
    assert 'rel="prev"' in html2 and 'rel="next"' not in html2


def test_empty_result_is_explained(web_client, web_data):
    html = web_client.get("/?country=CHN").text
    assert "Keine Ereignisse mit CHN" in html and "Keine Ereignisse passen" in html


# ---------------------------------------------------------------------------- event page


def test_event_page_shows_citations_date_details_and_claims(web_client, web_data):
    eid = web_data.events["visit"]
    r = web_client.get(f"/events/{eid}")
    assert r.status_code == 200
    html = r.text
    parse(html)
    assert "<h1>Putin besucht Pjöngjang</h1>" in html
    for s in ("„am Mittwoch“", "<code>2024-06-19</code>", "relativ zum Erscheinungsdatum aufgelöst",
              "<code>2024-06-14</code>", "Tag", "19. Juni 2024 bis 19. Juni 2024"):
        assert s in html, s
    assert "Russlands Präsident Wladimir Putin reist am Mittwoch zu einem Staatsbesuch nach Nordkorea." in html
    assert f'href="/articles/{web_data.articles["a"]}#cite-{web_data.citations["visit0"]}"' in html
    assert "nau.ch (dpa)" in html and "a_putin_besuch.txt" in html
    html2 = web_client.get(f"/events/{web_data.events['arms']}").text
    assert "vermutet: USA, Südkorea" in html2 and "(„werfen vor“)" in html2


# ---------------------------------------------------------------------------- article page


@pytest.mark.parametrize("key", ["a", "b", "c"])
def test_article_page_marks_every_citation_with_its_quote(web_client, web_data, key):
    aid = web_data.articles[key]
    api = web_client.get(f"/api/articles/{aid}").json()
    html = web_client.get(f"/articles/{aid}").text
    t = parse(html)
    assert "white-space: pre-wrap" in (REPO / "static" / "style.css").read_text()
    by_id = {m["attrs"]["id"]: m for m in t.marks if m["attrs"].get("id", "").startswith("cite-")}
    assert set(by_id) == {f"cite-{c['id']}" for c in api["citations"]}
    for c in api["citations"]:
        pieces = "".join(m["text"] for m in t.marks if m["attrs"].get("data-cite") == str(c["id"]))
        assert pieces == c["quote"]  # all pieces of a citation together are exactly its quote
    # text between <div class="article-text"> and </div> is the original text, escaped
    m = re.search(r'<div class="article-text" lang="de">(.*?)</div>', html, re.S)
    plain = re.sub(r"<[^>]+>", "", m.group(1))
    import html as html_mod

    assert html_mod.unescape(plain) == api["text"]


def test_nested_and_crossing_citations_render_valid_html(web_client, web_data):
    aid = web_data.articles["b"]
    html = web_client.get(f"/articles/{aid}").text
    t = parse(html)
    marks = {m["attrs"].get("id"): m for m in t.marks}
    # nested: "Geheimdienste" inside the Kursk sentence; both anchors hold their full quote
    assert marks[f"cite-{web_data.citations['troops1']}"]["text"] == "Geheimdienste"
    assert marks[f"cite-{web_data.citations['kursk1']}"]["text"].startswith("Bereits 2024")
    # crossing: the first mark of the crossing citation holds its start, a continuation the rest
    cross = web_data.citations["kursk0"]
    assert marks[f"cite-{cross}"]["text"] == "Die Truppen hätten im Gebiet Kursk gekämpft"
    assert f'class="cite cite-cont" data-cite="{cross}"' in html


def test_article_page_shows_dropped_boilerplate_and_ingest_report(web_client, web_data):
    html = web_client.get(f"/articles/{web_data.articles['a']}").text
    assert '<span id="drop-0" class="dropped" title="Ausgeblendet: copyright">© dpa-infocom' in html
    assert "<code>2024-06-14</code> (14. Juni 2024)" in html
    assert "Manifest (manifest.csv): „published“" in html
    assert "Titelzeile ohne Satzzeichen" in html and "Ausgelassene Abschnitte (1)" in html
    html_b = web_client.get(f"/articles/{web_data.articles['b']}").text
    assert "<code>cp1252</code>" in html_b and "Ortsmarke/Datumszeile" in html_b


# ---------------------------------------------------------------------------- security


@pytest.mark.parametrize("path", ["/", "/articles", "/articles/{c}", "/events/{econ}", "/?q=onerror"])
def test_hostile_text_is_escaped(web_client, web_data, path):
    url = path.format(c=web_data.articles["c"], econ=web_data.events["econ"])
    html = web_client.get(url).text
    t = parse(html)
    assert HOSTILE_SCRIPT not in html and HOSTILE_IMG not in html
    assert "<img" not in html and "<b>Evil" not in html
    assert t.scripts == 1  # only our own /static/app.js
    assert "javascript:" not in " ".join(t.links)
    if "{c}" in path:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    if "{econ}" in path or path == "/":
        assert "Abkommen &#34;&gt;&lt;img src=x onerror=alert(1)&gt; über Wirtschaft" in html


def test_no_safe_filter_on_untrusted_values_in_templates():
    for f in (REPO / "templates").glob("*.html"):
        assert not re.search(r"\|\s*safe\b", f.read_text()), f.name


# ---------------------------------------------------------------------------- errors and static


def test_unknown_ids_are_404_html(web_client):
    for url, word in (("/events/99999", "Ereignis 99999"), ("/articles/99999", "Artikel 99999")):
        r = web_client.get(url, headers={"accept": "text/html"})
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "Nicht gefunden" in r.text and word in r.text and '<html lang="de">' in r.text
    r = web_client.get("/gibt-es-nicht")
    assert r.status_code == 404 and "Nicht gefunden" in r.text


@pytest.mark.parametrize("query", ["from=2024-13", "type=parade", "status=x", "country=P1K", "limit=5000",
                                   "page=0"])
def test_malformed_params_are_422_html(web_client, query):
    r = web_client.get("/?" + query)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "Ungültige Angaben" in r.text


def test_event_id_must_be_an_integer(web_client):
    assert web_client.get("/events/abc").status_code == 422


def test_static_assets_and_docs(web_client):
    css = web_client.get("/static/style.css")
    assert css.status_code == 200 and ":target" in css.text and ":focus-visible" in css.text
    assert web_client.get("/static/app.js").status_code == 200
    assert web_client.get("/docs").status_code == 200


def test_articles_list_page(web_client, web_data):
    html = web_client.get("/articles").text
    parse(html)
    assert "Artikel (3)" in html and "b_kursk.txt" in html and "28. April 2025" in html


def test_invalid_filter_page_offers_the_same_selection_without_the_bad_value(web_client):
    r = web_client.get("/?from=2024-13&country=PRK&type=visit")
    assert r.status_code == 422
    assert 'href="/?country=PRK&amp;type=visit">Ohne die ungültigen Angaben weiter' in r.text
    r = web_client.get("/?page=0&q=Kim")
    assert r.status_code == 422 and "muss mindestens 1 sein" in r.text and 'href="/?q=Kim"' in r.text
    assert "Input should" not in r.text


def test_invalid_path_value_is_explained_in_german(web_client):
    r = web_client.get("/events/abc")
    assert r.status_code == 422
    assert "Ungültige Adresse" in r.text and "keine ganze Zahl" in r.text and "Ohne die ungültigen" not in r.text


def test_a_page_beyond_the_end_links_back_to_the_first(web_client):
    r = web_client.get("/?country=PRK&page=999")
    assert r.status_code == 200
    assert "Diese Seite ist leer" in r.text and 'href="/?country=PRK">Zur ersten Seite' in r.text


@pytest.mark.parametrize("value, message", [("2024-02-30", "diesen Tag oder Monat gibt es nicht"),
                                            ("2024-13", "diesen Tag oder Monat gibt es nicht"),
                                            ("Juni 2024", "Datum muss JJJJ, JJJJ-MM oder JJJJ-MM-TT sein")])
def test_an_impossible_date_is_named_as_such(web_client, value, message):
    r = web_client.get("/api/events", params={"from": value})
    assert r.status_code == 422 and r.json()["detail"][0]["msg"] == message
