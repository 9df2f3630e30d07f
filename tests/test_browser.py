"""End-to-end in a real browser (Debian's /usr/bin/chromium via Playwright; never `playwright install`).

A live uvicorn serves the app from a temp migrated SQLite file holding the web fixture data. The test
filters the timeline through the form, follows an event's source link and checks that the cited
passage is the :target <mark> and visible; then the same without JavaScript, and the layout at 375 px.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


TARGET_IN_VIEW = """() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const r = t.getBoundingClientRect();
  return {tag: t.tagName, id: t.id, text: t.textContent,
          inView: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0};
}"""


def test_filter_by_country_then_follow_source_to_highlighted_passage(live, browser):
    base, data = live
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(base + "/")
    assert page.locator("article.event").count() == 8
    page.get_by_role("checkbox", name="Vereinigte Staaten").check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/?*country=USA*")
    assert "=&" not in page.url and not page.url.endswith("=")  # empty fields stay out of the permalink
    assert page.locator("article.event").count() == 1
    assert "1 Ereignis mit Vereinigte Staaten" in page.locator("h1").inner_text()
    assert page.get_by_role("checkbox", name="Vereinigte Staaten").is_checked()

    # the second source of the arms event is further down the article
    link = page.locator("a.source-link").nth(1)
    href = link.get_attribute("href")
    cite = data.citations["arms1"]
    assert href == f"/articles/{data.articles['a']}#cite-{cite}"
    link.click()
    page.wait_for_url(f"**/articles/{data.articles['a']}#cite-{cite}")
    page.wait_for_timeout(300)
    target = page.evaluate(TARGET_IN_VIEW)
    assert target == {"tag": "MARK", "id": f"cite-{cite}", "text": "Pjöngjang und Moskau bestreiten das.",
                      "inView": True}
    bg = page.evaluate("() => getComputedStyle(document.querySelector(':target')).backgroundColor")
    assert bg == "rgb(255, 159, 26)"  # the :target style, not the plain highlight
    page.close()


def test_anchor_works_without_javascript_on_a_small_screen(live, browser):
    base, data = live
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 640})
    page = ctx.new_page()
    cite = data.citations["kursk1"]
    page.goto(f"{base}/articles/{data.articles['b']}#cite-{cite}")
    mark = page.locator(f"mark#cite-{cite}")
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 640
    ctx.close()


def test_no_horizontal_scrolling_at_375px(live, browser):
    base, data = live
    page = browser.new_page(viewport={"width": 375, "height": 740})
    for path in ("/", f"/events/{data.events['arms']}", f"/articles/{data.articles['a']}", "/articles",
                 f"/actors/{data.actors['putin']}", "/countries/PRK", "/bilateral/RUS/PRK", "/actors", "/countries",
                 "/?q=zzzz"):
        page.goto(base + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
    page.close()
