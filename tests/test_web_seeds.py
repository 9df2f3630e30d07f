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
