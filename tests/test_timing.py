"""``Server-Timing`` on every response: pages, JSON, errors; and the benchmark's parser of it."""

from __future__ import annotations

import pytest

from app.web.timing import duration_ms

pytest_plugins = ["tests.web_fixtures"]


@pytest.mark.parametrize("url, status", [("/", 200), ("/api/events?country=PRK", 200),
                                          ("/events/999999", 404), ("/api/events?from=2024-13", 422)])
def test_every_response_carries_the_server_time(web_client, url: str, status: int) -> None:
    r = web_client.get(url)
    assert r.status_code == status
    ms = duration_ms(r.headers.get("server-timing"))
    assert ms is not None and 0 <= ms < 60_000


@pytest.mark.parametrize("header, expected", [
    ("app;dur=12.5", 12.5),
    ("db;dur=3, app;desc=\"x\";dur=7", 7.0),
    ("app", None),
    ("app;dur=abc", None),
    (None, None),
    ("cache;dur=1", None),
])
def test_duration_parser(header: str | None, expected: float | None) -> None:
    assert duration_ms(header) == expected
