"""Error responses: JSON under /api (and for clients that ask for JSON), a German HTML page elsewhere.

Both kinds keep the status code: 404 for unknown ids, 422 for malformed parameters.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.web.templating import templates

FIELD_NAMES = {
    "actor": "Akteur", "country": "Land", "type": "Typ", "status": "Status", "from": "von",
    "to": "bis", "q": "Suche", "page": "Seite", "limit": "Anzahl pro Seite",
    "event_id": "Ereignis-ID", "article_id": "Artikel-ID",
}


def _wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        titles = {404: "Nicht gefunden", 405: "Methode nicht erlaubt"}
        return templates.TemplateResponse(
            request,
            "error.html",
            {"title": titles.get(exc.status_code, "Fehler"), "message": exc.detail, "errors": [],
             "nav": None, "json_url": None},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        errors = []
        for e in exc.errors():
            loc = e.get("loc") or ()
            name = str(loc[-1]) if loc else ""
            errors.append({"field": FIELD_NAMES.get(name, name), "param": name, "msg": e.get("msg", ""),
                           "input": e.get("input")})
        return templates.TemplateResponse(
            request,
            "error.html",
            {"title": "Ungültige Angaben", "message": "Einige Filterwerte sind ungültig.", "errors": errors,
             "nav": None, "json_url": None},
            status_code=422,
        )
