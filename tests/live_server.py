"""A live uvicorn on a temp migrated SQLite file with the web fixture data, and a Debian-chromium
Playwright browser — shared by the browser tests of the axis and accessibility modules.

Same approach as ``tests/test_browser.py``: skip when /usr/bin/chromium or Playwright is missing,
fail instead when ``REQUIRE_BROWSER`` is set. Never ``playwright install``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from app.store.database import make_engine
from app.store.migrate import upgrade
from tests.web_fixtures import WebData, populate

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[1]


def need(condition: bool, why: str) -> None:
    """Skip (or fail under REQUIRE_BROWSER) unless ``condition``."""
    if not condition:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"required here (REQUIRE_BROWSER) but missing: {why}")
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[str, WebData]]:
    need(CHROMIUM.exists(), "/usr/bin/chromium not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        need(False, "playwright not installed")
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'web.db'}"
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as s:
        data = populate(s)
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/static/style.css", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("uvicorn exited: " + proc.stdout.read().decode(errors="replace"))
                time.sleep(0.1)
        else:
            pytest.fail("uvicorn did not start")
        yield base, data
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(live):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
