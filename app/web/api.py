"""The JSON API: the machine-readable twin of every page, from the same query functions.

Events use the export-contract shape (see ``app.store.queries``). Unknown ids answer 404 with
``{"detail": ...}``; malformed parameters 422 with FastAPI's error list.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from app.store import facets, queries
from app.store.filters import EventFilter
from app.web.params import FilterDep, PagingDep, SessionDep, event_or_redirect
from app.web.templating import filter_url

router = APIRouter(prefix="/api", tags=["API"])

NOT_FOUND = {404: {"description": "Unbekannte ID", "content": {"application/json": {"example": {"detail": "…"}}}}}


def json_response(content: dict[str, Any]) -> Response:
    """``content`` as FastAPI would send it (``jsonable_encoder``, then ``JSONResponse``'s compact
    UTF-8 JSON), byte for byte, but dumped directly when it holds only JSON types: encoding a page of
    100 events through ``jsonable_encoder`` walked ~10,000 values one Python call each."""
    try:
        body = json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
    except TypeError:  # a value json does not know (date, set, model …): FastAPI's own encoding
        return JSONResponse(jsonable_encoder(content))
    return Response(body.encode("utf-8"), media_type="application/json")


@router.get("/events", summary="Ereignisse (gefiltert, seitenweise, mit Facetten)")
def api_events(request: Request, session: SessionDep, flt: FilterDep, paging: PagingDep) -> dict[str, Any]:
    """Events matching the filters, chronological (undated last), with facet counts.

    Returns ``{"events", "total", "page", "limit", "filter", "description", "next", "prev", "html",
    "offset", "cursor", "description_parts", "facets"}``. ``next``/``prev`` are absolute URLs of
    the neighbouring pages (keyset tokens ``after=``/``before=``, stable while events are added) or
    null. ``facets`` is a list of ``{name, title, values: [{value, label, count, active, toggle}]}``;
    each count ignores the facet's own filter, ``toggle`` is the API URL with that value
    added or removed."""
    page = queries.list_events(session, flt, page=paging.page, limit=paging.limit, after=paging.after,
                               before=paging.before)
    limit = paging.limit if paging.explicit_limit else None
    base = str(request.base_url).rstrip("/")

    def url(f: EventFilter, **extra: Any) -> str:
        return base + filter_url(f, "/api/events", **extra, limit=limit)

    parts = flt.description_parts(page.names["country"], page.names["actor"])
    this_page: dict[str, Any] = {
        "page": paging.page if paging.page > 1 and not (paging.after or paging.before) else None,
        "after": paging.after.encode() if paging.after else None,
        "before": paging.before.encode() if paging.before else None,
    }
    return json_response({
        "events": page.events,
        "total": page.total,
        "page": page.page,
        "limit": page.limit,
        "offset": page.offset,
        "filter": flt.to_dict(),
        "description": page.description,
        "description_parts": [{"text": p.text(i), "parameter": p.name, "drop": url(p.dropped)}
                              for i, p in enumerate(parts)],
        "facets": [f.to_dict(url) for f in facets.compute_facets(session, flt)],
        "cursor": {"next": page.next_cursor.encode() if page.next_cursor else None,
                   "prev": page.prev_cursor.encode() if page.prev_cursor else None},
        "next": url(flt, after=page.next_cursor.encode()) if page.next_cursor
        else url(flt, page=page.next_page) if page.next_page else None,
        "prev": url(flt, before=page.prev_cursor.encode()) if page.prev_cursor
        else url(flt, page=page.prev_page) if page.prev_page else None,
        "html": base + filter_url(flt, "/", **this_page, limit=limit),
    })


@router.get("/events/{event_id}", summary="Ein Ereignis mit allen Belegen", responses=NOT_FOUND)
def api_event(event_id: Annotated[int, Path(ge=1)], session: SessionDep) -> Any:
    return event_or_redirect(session, event_id, "/api/events")


@router.get("/articles", summary="Alle Artikel (ohne Text)")
def api_articles(session: SessionDep) -> dict[str, Any]:
    return {"articles": queries.list_articles(session)}


@router.get("/articles/{article_id}", summary="Ein Artikel: Originaltext, Belegstellen, Ingest-Bericht",
            responses=NOT_FOUND)
def api_article(article_id: Annotated[int, Path(ge=1)], session: SessionDep) -> dict[str, Any]:
    article = queries.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"Artikel {article_id} gibt es nicht.")
    return article


@router.get("/filters", summary="Filterwerte: Länder, Akteure, Typen, Status mit Anzahl")
def api_filters(session: SessionDep) -> dict[str, Any]:
    return queries.filter_choices(session)
