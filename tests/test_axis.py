"""The SVG time axis: valid XML, bars stacked by type that link to their month's filter, imprecise
events as spans (never bars), zoom through the URL, escaping, colour contrast — and, in a browser,
that clicking a bar filters the timeline."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from sqlmodel import Session

from app.store.filters import EventFilter
from app.store.models import Event
from app.web import axis

SVG = "{http://www.w3.org/2000/svg}"


def svg_tree(client, query: str = "") -> ET.Element:
    r = client.get(f"/axis.svg?{query}")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("image/svg+xml")
    return ET.fromstring(r.content)


def links(root: ET.Element, cls: str) -> list[ET.Element]:
    return [a for a in root.iter(f"{SVG}a") if a.get("class") == cls]


def test_axis_is_valid_svg_with_title_and_description(web_client):
    root = svg_tree(web_client)
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and "Zeitachse" in title.text
    assert desc is not None and "ohne Datum" in desc.text  # the undated event is accounted for
    assert root.get("aria-labelledby") == title.get("id")


def test_bars_link_to_their_month_and_stack_by_type(web_client):
    bars = links(svg_tree(web_client), "axis-bar")
    by_month = {dict(parse_qsl(urlsplit(a.get("href")).query))["from"]: a for a in bars}
    # day, week and month dated events are bars; season/year are not
    assert set(by_month) == {"2024-06", "2025-04", "2025-07"}
    for month, a in by_month.items():
        q = dict(parse_qsl(urlsplit(a.get("href")).query))
        assert q == {"from": month, "to": month}
    june = by_month["2024-06"]
    assert [r.get("data-type") for r in june.iter(f"{SVG}rect") if r.get("data-type")] == ["visit", "arms_transfer"]
    assert june.get("aria-label") == "Juni 2024: 2 Ereignisse (1 Besuch, 1 Waffenlieferung)"
    assert june.find(f"{SVG}title").text == june.get("aria-label")


def test_bar_links_keep_the_other_filters_and_replace_the_dates(web_client):
    bars = links(svg_tree(web_client, "country=RUS&type=visit&type=arms_transfer&from=2024-06-19&to=2024-06-20"),
                 "axis-bar")
    assert len(bars) == 1
    q = parse_qsl(urlsplit(bars[0].get("href")).query)
    assert q == [("country", "RUS"), ("type", "visit"), ("type", "arms_transfer"), ("from", "2024-06"),
                 ("to", "2024-06")]


def test_imprecise_events_are_spans_across_their_interval(web_client):
    spans = links(svg_tree(web_client), "axis-span")
    got = {(a.get("data-first"), a.get("data-last")) for a in spans}
    assert got == {("2024-06-01", "2024-08-31"), ("2024-01-01", "2024-12-31")}
    hrefs = {dict(parse_qsl(urlsplit(a.get("href")).query))["from"]: a.get("href") for a in spans}
    assert hrefs["2024-06"] == "/?from=2024-06&to=2024-08"  # Sommer 2024
    assert hrefs["2024"] == "/?from=2024&to=2024"
    summer = next(a for a in spans if a.get("data-first") == "2024-06-01")
    assert "Sommer 2024" in summer.get("aria-label") and "ungenau" in summer.get("aria-label")
    band = next(r for r in summer.iter(f"{SVG}rect") if r.get("class") == "axis-span-band")
    assert float(band.get("height")) <= 6 and float(band.get("width")) > 3 * float(band.get("height"))
    # its width covers three months of the window's 24
    assert 50 < float(band.get("width")) < 110


def test_axis_window_zoom_and_year_aggregation(web_client, web_data, engine):
    # the filter's range widened to its year; the selection band is drawn
    root = svg_tree(web_client, "from=2024-06&to=2024-06")
    assert len([b for b in root.iter(f"{SVG}rect") if b.get("class") == "axis-selected"]) == 1
    assert "Januar 2024 – Dezember 2024" in root.find(f"{SVG}title").text
    # an explicit window
    root = svg_tree(web_client, "axis_from=2025-04&axis_to=2025-07")
    assert {dict(parse_qsl(urlsplit(a.get("href")).query))["from"] for a in links(root, "axis-bar")} == {
        "2025-04", "2025-07"}
    assert "weitere außerhalb" in root.find(f"{SVG}desc").text
    # a long window is drawn in years; a year bar zooms into that year
    with Session(engine) as s:
        ev = s.get(Event, web_data.events["visit"])
        s.add(Event(article_id=ev.article_id, type="visit", status="reported", headline="Besuch 1961",
                    date_value="1961-07-06", date_first=date(1961, 7, 6), date_last=date(1961, 7, 6),
                    date_precision="day"))
        s.commit()
    root = svg_tree(web_client)
    bars = links(root, "axis-bar")
    assert "je Jahr" in root.find(f"{SVG}title").text
    assert {dict(parse_qsl(urlsplit(a.get("href")).query))["from"] for a in bars} == {"1961", "2024", "2025"}
    assert all(dict(parse_qsl(urlsplit(a.get("href")).query))["to"] == dict(
        parse_qsl(urlsplit(a.get("href")).query))["from"] for a in bars)


def test_axis_rejects_malformed_window(web_client):
    assert web_client.get("/axis.svg?axis_from=2024-13").status_code == 422
    assert web_client.get("/axis.svg?axis_to=soon").status_code == 422
    assert web_client.get("/axis.svg?from=nope").status_code == 422


def test_hostile_text_is_escaped():
    ax = axis.Axis(start=date(2024, 1, 1), end=date(2024, 12, 31), unit="month", buckets=[
        axis.Bucket(date(2024, 6, 1), date(2024, 6, 30), '</title><script>alert(1)</script>"&',
                    {"visit": 2}, href='/?q="><script>x</script>&from=2024-06')],
        spans=[axis.Span(date(2024, 6, 1), date(2024, 8, 31), "<b>Sommer</b>", {"<evil>": 1}, href="/?a=<b>")],
        undated=0, outside=0, selected=None, extent=None, full_url=None, types=["visit", "<evil>"])
    for standalone in (True, False):
        text = str(axis.render_svg(ax, standalone=standalone))
        root = ET.fromstring(text.split("\n", 1)[1] if standalone else text)
        assert "<script" not in text and "<b>" not in text
        bar = next(root.iter(f"{SVG}a"))
        assert bar.get("href") == '/?q="><script>x</script>&from=2024-06'  # round-trips as data
        assert "<script>" in bar.get("aria-label")


#: The table body loop ``_axis.html`` had before ``axis.table_rows`` wrote it (the reference).
_TABLE_LOOP = """\
      {% for b in ax.buckets if b.total %}
      <tr><th scope="row"><a href="{{ b.href }}"><time datetime="{{ b.first.isoformat()[:7] if ax.unit == 'month' \
else b.first.year }}">{{ b.label }}</time></a></th><td>{{ b.total|fmt_int }}</td>
        <td>{{ b.by_type }}</td></tr>
      {% endfor %}
      {% for s in ax.spans %}
      <tr><th scope="row"><a href="{{ s.href }}"><time datetime="{{ s.first.year }}">{{ s.label }}</time></a> \
<span class="muted">(ungenau)</span></th><td>{{ s.total|fmt_int }}</td>
        <td>{{ s.by_type }}</td></tr>
      {% endfor %}
"""


def test_table_rows_are_the_template_loop(session, web_data):
    from app.web.templating import templates

    hostile = axis.Axis(start=date(2024, 1, 1), end=date(2024, 12, 31), unit="month", buckets=[
        axis.Bucket(date(2024, 5, 1), date(2024, 5, 31), "Mai 2024", {}, href="/?from=2024-05"),
        axis.Bucket(date(2024, 6, 1), date(2024, 6, 30), '</td><script>"&', {"visit": 2, "<x>": 1234},
                    href='/?q="><script>x</script>&from=2024-06')],
        spans=[axis.Span(date(2024, 6, 1), date(2024, 8, 31), "<b>Sommer</b>", {"<evil>": 1}, href="/?a=<b>")],
        undated=0, outside=0, selected=None, extent=None, full_url=None, types=["visit", "<evil>"])
    axes = [hostile, axis.build_axis(session, EventFilter()), axis.build_axis(session, EventFilter(), axis_from="2019",
                                                                               axis_to="2030")]
    assert {a.unit for a in axes} == {"month", "year"}
    loop = templates.env.from_string(_TABLE_LOOP)
    for ax in axes:
        assert str(axis.table_rows(ax)) == loop.render(ax=ax)


def test_type_colours_have_enough_contrast_against_white():
    def lum(hex_: str) -> float:
        c = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    from app.extract.model import EVENT_TYPES
    assert set(axis.TYPE_COLOURS) == set(EVENT_TYPES)
    assert len(set(axis.TYPE_COLOURS.values())) == len(EVENT_TYPES)
    for t, colour in axis.TYPE_COLOURS.items():
        assert 1.05 / (lum(colour) + 0.05) >= 4.0, t


def test_timeline_page_embeds_the_axis_inline_with_a_text_alternative(web_client):
    html = web_client.get("/?country=PRK").text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'class="axis-svg"' in html
    assert "Zeitachse als Tabelle" in html and 'class="axis__legend"' in html
    link = '<a href="/?country=PRK&amp;from=2024-06&amp;to=2024-06"><time datetime="2024-06">Juni 2024</time></a>'
    assert link in html
    assert "Zeitachse überspringen" in html and 'id="axis-end"' in html


def test_build_axis_counts_without_the_date_bounds(session, web_data):
    ax = axis.build_axis(session, EventFilter.parse(date_from="2025-07", date_to="2025-07"))
    assert ax.unit == "month" and ax.start == date(2025, 1, 1) and ax.end == date(2025, 12, 31)
    assert ax.selected == (date(2025, 7, 1), date(2025, 7, 31))
    assert sum(b.total for b in ax.buckets) == 3 and ax.outside == 4  # 2024 events outside the window


# ---------------------------------------------------------------------------- browser



@pytest.mark.browser
def test_clicking_a_bar_filters_the_timeline_to_its_month(live, browser):  # noqa: F811
    base, data = live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/?country=RUS")
    assert page.locator("article.event").count() == 7
    bar = page.locator('svg.axis-svg a.axis-bar[href*="from=2024-06"]')
    bar.click()
    page.wait_for_url("**/?country=RUS&from=2024-06&to=2024-06")
    # visit, arms (June); pact (Sommer 2024) and kursk (2024) overlap June
    assert page.locator("article.event").count() == 4
    assert "Juni 2024" in page.locator("h1").inner_text()
    # the axis now highlights June inside the year 2024
    assert page.locator("svg.axis-svg rect.axis-selected").count() == 1
    page.close()


@pytest.mark.browser
def test_axis_works_without_javascript(live, browser):  # noqa: F811
    base, _ = live
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    page = ctx.new_page()
    page.goto(base + "/")
    page.locator('svg.axis-svg a.axis-span[data-first="2024-06-01"]').click()
    page.wait_for_url("**/?from=2024-06&to=2024-08")
    assert page.locator("article.event").count() >= 3
    ctx.close()


def test_default_window_skips_a_thin_early_tail_of_background():
    from datetime import date as d

    from app.web.axis import _dense_start, _Group

    def g(year: int, n: int) -> _Group:
        return _Group(str(year), d(year, 1, 1), d(year, 12, 31), "year", {"visit": n})

    recent = [g(y, 20) for y in range(2019, 2026)]
    assert _dense_start([g(1945, 1), g(1948, 1), *recent]) == 2019  # 2 of 142 events, 70 years earlier
    assert _dense_start([g(2015, 1), *recent]) == 2015  # a short tail stays in the window
    assert _dense_start([g(1945, 30), *recent]) == 1945  # not a thin tail
    assert _dense_start([g(1945, 1), g(2020, 5)]) == 1945  # too few events to tell
