"""``Server-Timing: app;dur=…``: how long the application took to answer, on every response.

Browsers show the header in their developer tools, and the latency benchmark reads it to report
server time apart from the test client's own cost (its thread hand-offs and the copying of a
half-megabyte page are not time the server spent). The duration runs from the request's arrival
to the start of the response: for a rendered page or a JSON body that is all of the work; for a
streamed export it is the time to the first byte.

A pure ASGI middleware rather than Starlette's ``BaseHTTPMiddleware``, which would buffer every
body through an extra task.
"""

from __future__ import annotations

import time
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]


class ServerTiming:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - start) * 1000
                headers = [*message.get("headers", ()), (b"server-timing", f"app;dur={ms:.1f}".encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, timed_send)


def duration_ms(header: str | None) -> float | None:
    """The ``app`` duration of a ``Server-Timing`` header value, or None."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name == "app":
            for p in params.split(";"):
                key, _, value = p.strip().partition("=")
                if key == "dur":
                    try:
                        return float(value)
                    except ValueError:
                        return None
    return None
