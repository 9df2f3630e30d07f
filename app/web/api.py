"""The JSON API: the machine-readable twin of every page, from the same query functions.

Events use the export-contract shape (see ``app.store.queries``). Unknown ids answer 404 with
``{"detail": ...}``; malformed parameters 422 with FastAPI's error list.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request

from app.store import queries
from app.web.params import FilterDep, PagingDep, SessionDep
from app.web.templating import filter_url

router = APIRouter(prefix="/api", tags=["API"])

NOT_FOUND = {404: {"description": "Unbekannte ID", "content": {"application/json": {"example": {"detail": "…"}}}}}


@router.get("/events", summary="Ereignisse (gefiltert, seitenweise)")
def api_events(request: Request, session: SessionDep, flt: FilterDep, paging: PagingDep) -> dict[str, Any]:
    """Events matching the filters, chronological (undated last).

    Returns ``{"events", "total", "page", "limit", "filter", "description", "next", "prev", "html"}``;
    ``next``/``prev`` are absolute URLs of the neighbouring pages or null."""
    page = queries.list_events(session, flt, page=paging.page, limit=paging.limit)
    limit = paging.limit if paging.explicit_limit else None
    base = str(request.base_url).rstrip("/")

    def url(n: int) -> str:
        return base + filter_url(flt, "/api/events", page=n, limit=limit)

    return {
        "events": page.events,
        "total": page.total,
        "page": page.page,
        "limit": page.limit,
        "filter": flt.to_dict(),
        "description": page.description,
        "next": url(page.page + 1) if page.has_next else None,
        "prev": url(page.page - 1) if page.has_prev else None,
        "html": base + filter_url(flt, "/", page=page.page if page.page > 1 else None, limit=limit),
    }


@router.get("/events/{event_id}", summary="Ein Ereignis mit allen Belegen", responses=NOT_FOUND)
def api_event(event_id: Annotated[int, Path(ge=1)], session: SessionDep) -> dict[str, Any]:
    event = queries.get_event(session, event_id)
    if event is None:
        raise HTTPException(404, f"Ereignis {event_id} gibt es nicht.")
    return event


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
