"""GET parameters → validated objects (FastAPI dependencies shared by pages and API).

Malformed values raise ``RequestValidationError`` so both the HTML pages and the JSON API answer
422 with FastAPI's usual error list; ``errors.py`` decides how it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from app.settings import get_settings
from app.store import queries
from app.store.database import get_session
from app.store.filters import EventFilter, FilterError
from app.store.queries import Cursor, CursorError


def event_filter(
    actor: Annotated[
        list[str] | None, Query(description="Akteur: Name oder ID; wiederholbar (= einer davon).")
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="Land als ISO-3166-alpha-3-Code (PRK, RUS …); wiederholbar.")
    ] = None,
    type_: Annotated[
        list[str] | None, Query(alias="type", description="Ereignistyp (visit, meeting, …); wiederholbar.")
    ] = None,
    status: Annotated[
        list[str] | None, Query(description="Status (reported, alleged, denied, planned, speculative).")
    ] = None,
    date_from: Annotated[
        str | None,
        Query(alias="from", description="Beginn: JJJJ, JJJJ-MM oder JJJJ-MM-TT (Zeitraum-Überlappung)."),
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Ende: JJJJ, JJJJ-MM oder JJJJ-MM-TT.")] = None,
    q: Annotated[
        str | None,
        Query(description="Volltextsuche in Schlagzeilen und Zitaten: alle Wörter, als Wortanfang; "
                          "Groß-/Kleinschreibung und Umlaute egal (pjongjang = Pjöngjang)."),
    ] = None,
    dates: Annotated[
        str | None,
        Query(description="Datumsbezug von from/to: overlap (Standard; das Datumsintervall überschneidet "
                          "den Zeitraum) oder within (liegt ganz darin)."),
    ] = None,
    min_sources: Annotated[
        str | None,
        Query(description="Nur Ereignisse, die von mindestens so vielen unabhängigen Quellen berichtet werden."),
    ] = None,
    sort: Annotated[
        str | None,
        Query(description="Reihenfolge: date (chronologisch, Standard) oder sources (meiste Quellen zuerst; "
                          "Seiten dann mit page=)."),
    ] = None,
) -> EventFilter:
    try:
        return EventFilter.parse(
            actor=actor or (),
            country=country or (),
            type=type_ or (),
            status=status or (),
            date_from=date_from,
            date_to=date_to,
            q=q,
            dates=dates,
            min_sources=min_sources,
            sort=sort,
        )
    except FilterError as exc:
        raise RequestValidationError(exc.errors) from exc


@dataclass(frozen=True)
class Paging:
    page: int
    limit: int
    explicit_limit: bool  # keep ?limit= in links only when the user chose it
    after: Cursor | None = None
    before: Cursor | None = None


def _cursor(name: str, token: str | None) -> Cursor | None:
    if not token:
        return None
    try:
        return Cursor.decode(token)
    except CursorError as exc:
        raise RequestValidationError(
            [{"loc": ["query", name], "msg": "ungültiges Seiten-Token (nur aus next/prev-Links übernehmen)",
              "type": "value_error", "input": token[:50]}]
        ) from exc


def paging(
    page: Annotated[
        int, Query(ge=1, le=1_000_000, description="Seite (ab 1; veraltet: besser die after-/before-Links).")
    ] = 1,
    limit: Annotated[int | None, Query(ge=1, description="Ereignisse pro Seite (Höchstwert: Einstellung).")] = None,
    after: Annotated[
        str | None,
        Query(max_length=200, description="Seiten-Token: die Ereignisse nach diesem (aus dem next-Link)."),
    ] = None,
    before: Annotated[
        str | None,
        Query(max_length=200, description="Seiten-Token: die Ereignisse vor diesem (aus dem prev-Link)."),
    ] = None,
) -> Paging:
    s = get_settings()
    if limit is not None and limit > s.max_page_size:
        raise RequestValidationError(
            [
                {
                    "loc": ["query", "limit"],
                    "msg": f"höchstens {s.max_page_size} Ereignisse pro Seite",
                    "type": "less_than_equal",
                    "input": limit,
                }
            ]
        )
    return Paging(page=page, limit=limit or s.page_size, explicit_limit=limit is not None,
                  after=_cursor("after", after), before=_cursor("before", before))


FilterDep = Annotated[EventFilter, Depends(event_filter)]
PagingDep = Annotated[Paging, Depends(paging)]
SessionDep = Annotated[Session, Depends(get_session)]


def event_or_redirect(session: Session, event_id: int, prefix: str) -> dict[str, Any] | RedirectResponse:
    """The real event ``event_id`` (the page's and the API's ``/events/{id}``), or a 307 to where a
    merged mention or a re-numbered event now stands (``{prefix}/{id}``), or 404."""
    event = queries.get_event(session, event_id)
    if event is not None:
        return event
    target = queries.resolve_event_id(session, event_id)
    if target is not None and target != event_id:
        return RedirectResponse(f"{prefix}/{target}", status_code=307)
    raise HTTPException(404, f"Ereignis {event_id} gibt es nicht.")
