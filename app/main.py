"""The ASGI application (``uvicorn app.main:app``): HTML pages, the JSON API, static files.

Composition only — routes live in ``app.web.pages`` (HTML) and ``app.web.api`` (JSON), the SQL in
``app.store.queries``; this module wires them together so each stays small and testable.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web import api, errors, pages
from app.web.templating import STATIC_DIR

app = FastAPI(
    title="Russland–Nordkorea: Zeitleiste",
    description=(
        "Datierte, belegte Ereignisse der russisch-nordkoreanischen Beziehungen aus deutschsprachigen "
        "Nachrichtenartikeln. Jede HTML-Seite hat hier ihren JSON-Zwilling mit denselben Filtern."
    ),
    version="0.1.0",
)
app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
app.include_router(pages.router)
app.include_router(api.router)
errors.install(app)
