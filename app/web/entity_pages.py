"""Actor, country and bilateral pages, each with its JSON twin.

    /actors                 every actor with its number of events                        ↔ /api/actors
    /countries              every country with its number of events                      ↔ /api/countries
    /actors/{id}            an actor: aliases, roles, countries, co-actors, its events  ↔ /api/actors/{id}
    /countries/{ISO3}       a country: its actors, partner countries, its events         ↔ /api/countries/{ISO3}
    /bilateral/{A}/{B}      events involving BOTH countries (e.g. RUS ↔ PRK)             ↔ /api/bilateral/{A}/{B}

Why a bilateral route instead of ``/?country=RUS&country=PRK``: on the timeline, repeated values of
one parameter are alternatives (either country), while "Russland ↔ Nordkorea" means events in which
both take part — a different question, so it gets its own URL and query (both country conditions).

Events are real (merged) events, selected and counted as the timeline's ``?actor=``/``?country=`` do
(a group matches when any of its reports names the actor or country), listed as on the timeline
(``_event.html`` cards, grouped by ``group_events``),
chronological, undated last, paged with ``?page=``. ``/actors/{id}?role=source`` narrows to one role.
Unknown ids and codes answer 404 (German HTML page, or JSON under /api).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session

from app import labels
from app.settings import get_settings
from app.store import entities_q
from app.web.params import SessionDep
from app.web.templating import render_page
from app.web.timeline import group_events

pages = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
api = APIRouter(prefix="/api", tags=["API"])

_ISO3 = re.compile(r"[A-Za-z]{3}")
KIND_LABELS = {"person": "Person", "organisation": "Organisation", "state_body": "Staatsorgan"}
Role = Literal["source", "target", "participant", "holder"]
PageQ = Annotated[int, Query(ge=1, le=1_000_000, description="Seite (ab 1).")]
NOT_FOUND = {404: {"description": "Unbekannt", "content": {"application/json": {"example": {"detail": "…"}}}}}


def _limit() -> int:
    return get_settings().page_size


def _slice_dict(sl: entities_q.EventSlice, path: str, extra: str = "") -> dict[str, Any]:
    def url(n: int) -> str:
        return f"{path}?{extra}page={n}"

    return {
        "events": sl.events,
        "total": sl.total,
        "page": sl.page,
        "limit": sl.limit,
        "next": url(sl.page + 1) if sl.has_next else None,
        "prev": url(sl.page - 1) if sl.has_prev else None,
    }


# ---------------------------------------------------------------------------- loaders


def _actor(session: Session, actor_id: int, role: str | None, page: int) -> dict[str, Any]:
    actor = entities_q.get_actor(session, actor_id)
    if actor is None:
        raise HTTPException(404, f"Akteur {actor_id} gibt es nicht.")
    actor["kind_label"] = KIND_LABELS.get(actor["kind"], actor["kind"])
    for r in actor["roles"]:
        r["url"] = f"/actors/{actor_id}?role={r['role']}"
    sl = entities_q.event_slice(session, [entities_q.actor_condition(actor_id, role)], page=page, limit=_limit())
    extra = f"role={role}&" if role else ""
    return {**actor, "role": role, "events_page": _slice_dict(sl, f"/actors/{actor_id}", extra)}


def _code(raw: str) -> str:
    if not _ISO3.fullmatch(raw):
        raise HTTPException(404, f"Ländercode „{raw}“ ist kein ISO-3166-alpha-3-Code.")
    return raw.upper()


def _country(session: Session, code: str, page: int) -> dict[str, Any]:
    country = entities_q.get_country(session, code)
    if country is None:
        raise HTTPException(404, f"Land {code} gibt es in den Daten nicht.")
    sl = entities_q.event_slice(session, [entities_q.country_condition(code)], page=page, limit=_limit())
    return {**country, "events_page": _slice_dict(sl, f"/countries/{code}")}


def _bilateral(session: Session, a: str, b: str, page: int) -> dict[str, Any]:
    if a == b:
        raise HTTPException(404, "Eine bilaterale Ansicht braucht zwei verschiedene Länder.")
    names = entities_q.get_countries(session, [a, b])
    for code in (a, b):
        if code not in names:
            raise HTTPException(404, f"Land {code} gibt es in den Daten nicht.")
    cond = entities_q.bilateral_condition(a, b)
    sl = entities_q.event_slice(session, [cond], page=page, limit=_limit())
    rows, undated = entities_q.axis_rows(session, [cond])
    by_type = entities_q.type_counts(session, [cond])
    return {
        "countries": [{"code": c, "name": names[c], "url": f"/countries/{c}"} for c in (a, b)],
        "title": f"{names[a]} ↔ {names[b]}",
        "types": [{"type": t, "label": labels.type_label(t), "count": n}
                  for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))],
        "undated": undated,
        "span": entities_q.date_span(session, cond),
        "url": f"/bilateral/{a}/{b}",
        "reverse_url": f"/bilateral/{b}/{a}",
        "either_url": f"/?country={a}&country={b}",
        "events_page": _slice_dict(sl, f"/bilateral/{a}/{b}"),
    }


def _render(request: Request, template: str, ctx: dict[str, Any], json_url: str, nav: str | None = None):
    ep = ctx["x"]["events_page"]
    return render_page(
        request,
        template,
        {**ctx, "nav": nav, "years": group_events(ep["events"]), "json_url": json_url,
         "prev_url": ep["prev"], "next_url": ep["next"], "pages": max(1, -(-ep["total"] // ep["limit"]))},
    )


# ---------------------------------------------------------------------------- HTML


@pages.get("/actors", name="actors_page")
def actors_page(request: Request, session: SessionDep):
    actors = entities_q.list_actors(session)
    for a in actors:
        a["kind_label"] = KIND_LABELS.get(a["kind"], a["kind"])
    return render_page(request, "actors.html", {"nav": "actors", "actors": actors, "json_url": "/api/actors"})


@pages.get("/countries", name="countries_page")
def countries_page(request: Request, session: SessionDep):
    return render_page(request, "countries.html", {
        "nav": "countries", "countries": entities_q.list_countries(session), "json_url": "/api/countries"})


@pages.get("/actors/{actor_id}", name="actor_page")
def actor_page(request: Request, session: SessionDep, actor_id: Annotated[int, Path(ge=1)],
               page: PageQ = 1, role: Role | None = None):
    data = _actor(session, actor_id, role, page)
    q = "?" + "&".join(p for p in (f"role={role}" if role else "", f"page={page}" if page > 1 else "") if p)
    return _render(request, "actor.html", {"x": data}, f"/api/actors/{actor_id}{q if q != '?' else ''}", "actors")


@pages.get("/countries/{code}", name="country_page")
def country_page(request: Request, session: SessionDep, code: str, page: PageQ = 1):
    iso = _code(code)
    if iso != code:
        return RedirectResponse(f"/countries/{iso}" + (f"?page={page}" if page > 1 else ""), status_code=301)
    data = _country(session, iso, page)
    return _render(request, "country.html", {"x": data},
                   f"/api/countries/{iso}" + (f"?page={page}" if page > 1 else ""), "countries")


@pages.get("/bilateral/{a}/{b}", name="bilateral_page")
def bilateral_page(request: Request, session: SessionDep, a: str, b: str, page: PageQ = 1):
    ia, ib = _code(a), _code(b)
    if (ia, ib) != (a, b):
        return RedirectResponse(f"/bilateral/{ia}/{ib}" + (f"?page={page}" if page > 1 else ""), status_code=301)
    data = _bilateral(session, ia, ib, page)
    nav = "bilateral" if {ia, ib} == {"RUS", "PRK"} else None
    return _render(request, "bilateral.html", {"x": data},
                   f"/api/bilateral/{ia}/{ib}" + (f"?page={page}" if page > 1 else ""), nav)


# ---------------------------------------------------------------------------- JSON


@api.get("/actors", summary="Alle Akteure mit der Zahl ihrer Ereignisse")
def api_actors(session: SessionDep) -> dict[str, Any]:
    return {"actors": entities_q.list_actors(session)}


@api.get("/countries", summary="Alle Länder mit der Zahl ihrer Ereignisse")
def api_countries(session: SessionDep) -> dict[str, Any]:
    return {"countries": entities_q.list_countries(session)}


@api.get("/actors/{actor_id}", summary="Ein Akteur: Namen, Rollen, Länder, Ereignisse", responses=NOT_FOUND)
def api_actor(session: SessionDep, actor_id: Annotated[int, Path(ge=1)], page: PageQ = 1,
              role: Role | None = None) -> dict[str, Any]:
    """The actor page's data; ``events_page.events`` in the export-contract shape."""
    return _actor(session, actor_id, role, page)


@api.get("/countries/{code}", summary="Ein Land: Akteure, Partnerländer, Ereignisse", responses=NOT_FOUND)
def api_country(session: SessionDep, code: str, page: PageQ = 1) -> dict[str, Any]:
    return _country(session, _code(code), page)


@api.get("/bilateral/{a}/{b}", summary="Ereignisse, an denen BEIDE Länder beteiligt sind", responses=NOT_FOUND)
def api_bilateral(session: SessionDep, a: str, b: str, page: PageQ = 1) -> dict[str, Any]:
    return _bilateral(session, _code(a), _code(b), page)
