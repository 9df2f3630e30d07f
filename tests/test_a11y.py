"""Accessibility and small screens, in a real browser (Debian chromium via Playwright).

axe-core (the npm package, installed into ./node_modules by ``npm ci``) is injected into the page
and must report no *serious* or *critical* violations on the timeline, an event, an article, an
actor, a country and the bilateral page. Keyboard: Tab reaches the filter form and the focused
element shows a visible outline. At 375 px: no horizontal scrolling, the filters are reachable and
an event is readable. Skips without chromium/Playwright/axe-core unless ``REQUIRE_BROWSER`` is set.
"""

from __future__ import annotations

import pytest

from tests.live_server import REPO, need

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def pages(data) -> dict[str, str]:
    return {
        "timeline": "/",
        "timeline filtered": "/?country=PRK&type=visit&type=agreement&from=2024",
        "event": f"/events/{data.events['arms']}",
        "article": f"/articles/{data.articles['a']}",
        "hostile article": f"/articles/{data.articles['c']}",
        "actor": f"/actors/{data.actors['putin']}",
        "country": "/countries/PRK",
        "bilateral": "/bilateral/RUS/PRK",
        "actor index": "/actors",
        "country index": "/countries",
    }


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def axe_ready():
    need(AXE.exists(), f"{AXE} missing (run `npm ci`)")


@pytest.mark.parametrize("width", [1280, 375])
def test_no_serious_or_critical_axe_violations(live, browser, axe_ready, width):  # noqa: F811
    base, data = live
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = {}
    for name, path in pages(data).items():
        page.goto(base + path)
        found = run_axe(page)
        if found:
            problems[name] = found
    page.close()
    assert problems == {}


def test_landmarks_headings_and_time_elements(live, browser):  # noqa: F811
    base, data = live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in pages(data).values():
        page.goto(base + path)
        assert page.locator("header.site-header").count() == 1
        assert page.locator("main#main").count() == 1
        assert page.locator("nav[aria-label='Hauptnavigation']").count() == 1
        assert page.locator("h1").count() == 1, path
        levels = page.evaluate("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
                               ".map(h => +h.tagName[1])")
        # the h1 comes first and no level is skipped after it
        assert levels[0] == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
        # every normalised event date is a <time datetime>
        bad = page.evaluate("() => [...document.querySelectorAll('.date')].filter(d => !d.classList.contains("
                            "'date--none') && !d.querySelector('time[datetime]')).length")
        assert bad == 0, path
    page.close()


def test_keyboard_reaches_the_filter_form_with_a_visible_focus(live, browser):  # noqa: F811
    base, _ = live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/")
    reached = None
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {inForm: !!el.closest('form.filters'), tag: el.tagName, name: el.name || '',
                  outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
        }""")
        if info["inForm"]:
            reached = info
            break
    assert reached is not None, "Tab never reached the filter form"
    assert reached["outline"] != "none" and reached["width"] >= 2, reached
    # the form can be submitted from the keyboard: focus the search field, type, Enter
    page.focus("#f-q")
    page.keyboard.type("Kursk")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?*q=Kursk*")
    assert page.locator("article.event").count() >= 1
    page.close()


def test_skip_link_is_first_and_visible_when_focused(live, browser):  # noqa: F811
    base, _ = live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Zum Inhalt springen"
    box = page.locator(".skip-link").first.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0
    page.close()


def test_small_screen_375px(live, browser):  # noqa: F811
    base, data = live
    page = browser.new_page(viewport={"width": 375, "height": 740})
    for path in pages(data).values():
        page.goto(base + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
    # filters reachable: the form and its submit button are in the page and can be used
    page.goto(base + "/")
    page.get_by_role("button", name="Filter anwenden").scroll_into_view_if_needed()
    assert page.get_by_role("button", name="Filter anwenden").is_visible()
    page.get_by_role("checkbox", name="Vereinigte Staaten").check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/?*country=USA*")
    # an event is readable: its headline fits the viewport and its text is not tiny
    card = page.locator("article.event").first
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.event__headline')).fontSize)")
    assert size >= 15
    page.close()
