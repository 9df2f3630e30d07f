"""Shared fixtures: a real SQLite file migrated by Alembic, a session on it, and a TestClient whose
session dependency points at it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Facet counts are asserted exactly: no time budget in tests (a slow CI machine must not cut a
# facet); tests of the budget itself set it explicitly. Set before any settings object is built.
os.environ.setdefault("FACET_TIME_LIMIT_MS", "0")

from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import Session

from app.store.database import make_engine
from app.store.migrate import upgrade

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as s:
        yield s


@pytest.fixture
def client_for():
    """Build a TestClient on the app whose DB session comes from the given engine."""
    from fastapi.testclient import TestClient

    from app.main import app
    from app.store.database import get_session

    clients = []

    def _make(engine: Engine) -> TestClient:
        def _session() -> Iterator[Session]:
            with Session(engine) as s:
                yield s

        app.dependency_overrides[get_session] = _session
        c = TestClient(app)
        clients.append(c)
        return c

    yield _make
    app.dependency_overrides.clear()


pytest_plugins = ["tests.web_fixtures", "tests.live_server"]
