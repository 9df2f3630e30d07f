"""The same migrations, load and queries on PostgreSQL, in a throwaway cluster the fixture starts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from app.loader import load_paths
from app.store.database import make_engine
from app.store.migrate import upgrade
from app.store.models import Article, Citation, Event

from .pg_cluster import require_postgres, throwaway_cluster

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_engine() -> Iterator:
    require_postgres()
    with throwaway_cluster() as url:
        upgrade(url)
        engine = make_engine(url)
        report = load_paths([SEEDS], engine, SEEDS / "manifest.csv")
        assert report.count("failed") == 0, report.failed
        yield engine
        engine.dispose()


def test_load_is_idempotent_on_postgres(pg_engine):
    with Session(pg_engine) as s:
        before = (s.scalar(select(func.count()).select_from(Event)),
                  s.scalar(select(func.count()).select_from(Citation)))
    report = load_paths([SEEDS], pg_engine, SEEDS / "manifest.csv")
    assert report.count("unchanged") == 5
    with Session(pg_engine) as s:
        after = (s.scalar(select(func.count()).select_from(Event)),
                 s.scalar(select(func.count()).select_from(Citation)))
        assert before == after and before[0] > 0
        for c in s.scalars(select(Citation)):
            assert s.get(Article, c.article_id).text[c.start:c.end] == c.quote


def test_api_queries_on_postgres(pg_engine, client_for):
    client = client_for(pg_engine)
    all_events = client.get("/api/events").json()
    assert all_events["total"] > 0
    prk = client.get("/api/events", params={"country": "PRK"}).json()
    assert 0 < prk["total"] <= all_events["total"]
    assert all(any(c["code"] == "PRK" for c in e["countries"]) for e in prk["events"])
    combined = client.get("/api/events", params=[("country", "PRK"), ("country", "RUS"), ("q", "pjöngjang"),
                                                  ("from", "2023"), ("to", "2025-12")]).json()
    assert combined["total"] <= all_events["total"]
    first = all_events["events"][0]
    one = client.get(f"/api/events/{first['id']}").json()
    assert one["id"] == first["id"]
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/").status_code == 200
