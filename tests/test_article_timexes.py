"""Time expressions in the article view: the loader keeps what dated the events (``report.timexes``:
TIMEX3 type, value, basis, anchor, a range's last day) and the article page underlines each one,
inside or across cited passages, with a table of them in the ingest report."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from app.loader import load_paths
from app.web.highlight import highlight

TEXT = (
    "Putin reist nach Pjöngjang\n\n"
    "Moskau (dpa) - Der russische Präsident Wladimir Putin wird am Mittwoch zu einem zweitägigen Besuch in "
    "Nordkorea erwartet. Das teilte der Kreml am Montag mit. Kim Jong Un hatte sich vom 12. bis 17. September "
    "2023 in Russland aufgehalten und Putin damals im Kosmodrom Wostotschny getroffen.\n\n"
    "Beide Seiten wollen nach Angaben aus Moskau ein Abkommen über eine strategische Partnerschaft "
    "unterzeichnen. Beobachter im Westen befürchten eine engere militärische Zusammenarbeit.\n"
)


def _load(tmp_path: Path, engine) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "manifest.csv").write_text("file,outlet,url,published\na.txt,dpa,,2024-06-17\n", encoding="utf-8")
    report = load_paths([d], engine, d / "manifest.csv")
    assert not report.failed, report.failed


def test_the_loader_keeps_the_time_expressions(tmp_path, engine, client_for):
    _load(tmp_path, engine)
    client = client_for(engine)
    art = client.get("/api/articles/1").json()
    by_text = {t["text"]: t for t in art["report"]["timexes"]}
    for t in art["report"]["timexes"]:
        assert art["text"][t["start"]:t["end"]] == t["text"]
    assert by_text["Mittwoch"] == {"start": by_text["Mittwoch"]["start"], "end": by_text["Mittwoch"]["end"],
                                   "text": "Mittwoch", "type": "DATE", "value": "2024-06-19",
                                   "basis": "relative_to_dct", "anchor": "2024-06-17"}
    rng = by_text["12. bis 17. September 2023"]
    assert (rng["value"], rng["basis"], rng["last"]) == ("2023-09-12", "explicit", "2023-09-17")
    assert "anchor" not in rng


def test_the_article_page_underlines_them_and_lists_them(tmp_path, engine, client_for):
    _load(tmp_path, engine)
    client = client_for(engine)
    art = client.get("/api/articles/1").json()
    page = client.get("/articles/1").text
    body = re.search(r'<div class="article-text" lang="de">(.*?)</div>', page, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == art["text"]  # the text itself is unchanged
    for i, t in enumerate(art["report"]["timexes"]):
        assert f'<span id="tx-{i}" class="timex" data-type="{t["type"]}" data-value="{t["value"]}"' in body
    assert 'title="Zeitausdruck: DATE 2024-06-19 · aufgelöst gegen 2024-06-17">Mittwoch</span>' in body
    assert "Zeitausdruck: DATE 2023-09-12 · bis 2023-09-17" in body
    assert f"Zeitausdrücke ({len(art['report']['timexes'])})" in page
    assert "<code>2023-09-12</code> bis <code>2023-09-17</code>" in page
    assert '<span class="timex">unterstrichen</span> = Zeitausdruck' in page


def test_a_time_expression_across_a_citation_boundary_stays_well_formed() -> None:
    text = "Am Mittwoch kam er an."
    html = str(highlight(text, [{"id": 1, "start": 0, "end": 7}],  # the citation ends inside "Mittwoch"
                         timexes=[{"start": 3, "end": 11, "type": "DATE", "value": "2024-06-19"}]))
    assert re.sub(r"<[^>]+>", "", html) == text
    opened = re.findall(r"<(mark|span)\b", html)
    closed = re.findall(r"</(mark|span)>", html)
    assert sorted(opened) == sorted(closed)
    assert '<span id="tx-0" class="timex"' in html and html.count('class="timex"') == 2  # one continuation


def test_hostile_values_are_escaped() -> None:
    html = str(highlight("Am Mittwoch.", [], timexes=[{"start": 3, "end": 11, "type": '"><script>',
                                                       "value": "<img src=x onerror=alert(1)>"}]))
    assert "<script>" not in html and "<img" not in html and "&lt;img" in html
