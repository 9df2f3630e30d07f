"""Error responses: JSON under /api (and for clients that ask for JSON), a German HTML page elsewhere.

Both kinds keep the status code: 404 for unknown ids, 422 for malformed parameters.
"""

from __future__ import annotations

from urllib.parse import urlencode

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


#: German messages for FastAPI's own validation errors (by pydantic error type); the filter's own
#: errors are German already.
MESSAGES = {
    "int_parsing": "keine ganze Zahl",
    "int_type": "keine ganze Zahl",
    "greater_than_equal": "muss mindestens {ge} sein",
    "greater_than": "muss größer als {gt} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "less_than": "muss kleiner als {lt} sein",
    "string_too_long": "zu lang (höchstens {max_length} Zeichen)",
    "string_too_short": "zu kurz (mindestens {min_length} Zeichen)",
    "literal_error": "erlaubt: {expected}",
    "enum": "erlaubt: {expected}",
    "missing": "fehlt",
}


def german_message(error: dict) -> str:
    """A validation error's message in German (pydantic's English one for an unknown type)."""
    template = MESSAGES.get(error.get("type", ""))
    if template is None:
        return str(error.get("msg", ""))
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return str(error.get("msg", ""))


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
        in_path = False
        for e in exc.errors():
            loc = e.get("loc") or ()
            name = str(loc[-1]) if loc else ""
            in_path = in_path or (bool(loc) and loc[0] == "path")
            errors.append({"field": FIELD_NAMES.get(name, name), "param": name, "msg": german_message(e),
                           "input": e.get("input")})
        if in_path:
            title, message, retry = "Ungültige Adresse", "Diese Adresse enthält einen ungültigen Wert.", None
        else:
            # the same page without the invalid parameters: the other filters stay
            bad = {e["param"] for e in errors}
            kept = [(k, v) for k, v in request.query_params.multi_items() if k not in bad and v != ""]
            retry = request.url.path + ("?" + urlencode(kept) if kept else "")
            title, message = "Ungültige Angaben", "Einige Filterwerte sind ungültig."
        return templates.TemplateResponse(
            request,
            "error.html",
            {"title": title, "message": message, "errors": errors, "retry_url": retry,
             "nav": None, "json_url": None},
            status_code=422,
        )
