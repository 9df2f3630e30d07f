"""The ASGI application (``uvicorn app.main:app``): HTML pages, the JSON API, static files.

Composition only — routes live in ``app.web.pages`` (HTML) and ``app.web.api`` (JSON), the exports
in ``app.web.exports``, the SVG time axis in ``app.web.axis``, actor/country/bilateral pages in
``app.web.entity_pages``; the SQL in ``app.store``. This module wires them together so each stays small
and testable. The app-wide ``axis.expose_session`` dependency lends each request's DB session to the
templates, so ``_axis.html`` can draw the axis for whatever page includes it. ``ServerTiming``
puts the application's own time on every response (``app.web.timing``).
"""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from app.web import api, axis, entity_pages, errors, exports, pages
from app.web.templating import STATIC_DIR, templates
from app.web.timing import ServerTiming

app = FastAPI(
    title="Russland–Nordkorea: Zeitleiste",
    description=(
        "Datierte, belegte Ereignisse der russisch-nordkoreanischen Beziehungen aus deutschsprachigen "
        "Nachrichtenartikeln. Jede HTML-Seite hat hier ihren JSON-Zwilling mit denselben Filtern."
    ),
    version="0.1.0",
    dependencies=[Depends(axis.expose_session)],
)
app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
app.include_router(pages.router)
app.include_router(api.router)
app.include_router(entity_pages.pages)
app.include_router(entity_pages.api)
app.include_router(exports.router)
app.include_router(axis.router)
axis.register(templates.env)
errors.install(app)
app.add_middleware(ServerTiming)
