"""HTML pages. Each one renders exactly what its JSON twin in ``api.py`` returns (same query
function, same parameters); the twin's URL is linked from the page (``<link rel="alternate">``).

    /                   timeline            ↔ /api/events
    /events/{id}        one event           ↔ /api/events/{id}
    /articles           article list        ↔ /api/articles
    /articles/{id}      highlighted text    ↔ /api/articles/{id}
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from app import labels
from app.store import facets, queries
from app.web.highlight import highlight
from app.web.params import FilterDep, PagingDep, SessionDep, event_or_redirect
from app.web.templating import filter_url, render_page
from app.web.timeline import group_events

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@router.get("/", name="timeline")
def timeline(request: Request, session: SessionDep, flt: FilterDep, paging: PagingDep):
    page = queries.list_events(session, flt, page=paging.page, limit=paging.limit, after=paging.after,
                               before=paging.before)
    limit_param = paging.limit if paging.explicit_limit else None
    chips = []
    names = page.names
    for name, value in flt.items():
        if name == "country":
            shown = f"Land: {names['country'].get(value, value)}"
        elif name == "actor":
            shown = f"Akteur: {names['actor'].get(value, value)}"
        elif name == "type":
            shown = f"Typ: {labels.type_label(value)}"
        elif name == "status":
            shown = f"Status: {labels.status_label(value)}"
        elif name == "from":
            shown = f"ab: {value}"
        elif name == "to":
            shown = f"bis: {value}"
        elif name == "dates":
            shown = "Datum: ganz im Zeitraum"
        elif name == "min_sources":
            shown = f"Quellen: mindestens {value}"
        elif name == "sort":
            continue  # the order, not a filter: set in the form
        else:
            shown = f"Text: „{value}“"
        chips.append({"label": shown, "remove": filter_url(flt.without(name, value), limit=limit_param)})
    parts = flt.description_parts(names["country"], names["actor"])
    description = {
        "head": labels.count_phrase(page.total),
        "parts": [{"text": p.text(i), "drop": filter_url(p.dropped, limit=limit_param)} for i, p in enumerate(parts)],
    }
    computed = facets.compute_facets(session, flt)
    facet_list = [
        {"name": f.name, "title": f.title, "complete": getattr(f, "complete", True),
         "values": [{"value": v.value, "label": v.label, "count": v.count, "active": v.active,
                     "url": filter_url(v.target, limit=limit_param)} for v in f.values]}
        for f in computed
    ]
    return render_page(
        request,
        "index.html",
        {
            "nav": "timeline",
            "page": page,
            "flt": flt,
            "years": group_events(page.events),
            "choices": facets.form_choices(session, computed),
            "chips": chips,
            "description": description,
            "facets": facet_list,
            "limit_param": limit_param,
            "json_url": filter_url(flt, "/api/events", page=paging.page if paging.page > 1 else None,
                                   after=paging.after.encode() if paging.after else None,
                                   before=paging.before.encode() if paging.before else None,
                                   limit=limit_param),
            "prev_url": filter_url(flt, before=page.prev_cursor.encode(), limit=limit_param)
            if page.prev_cursor else filter_url(flt, page=page.prev_page, limit=limit_param)
            if page.prev_page else None,
            "next_url": filter_url(flt, after=page.next_cursor.encode(), limit=limit_param)
            if page.next_cursor else filter_url(flt, page=page.next_page, limit=limit_param)
            if page.next_page else None,
            "first_url": filter_url(flt, limit=limit_param) if page.has_prev else None,
        },
    )


@router.get("/events/{event_id}", name="event_page")
def event_page(request: Request, event_id: int, session: SessionDep):
    event = event_or_redirect(session, event_id, "/events")
    if isinstance(event, RedirectResponse):
        return event
    return render_page(
        request, "event.html", {"nav": "timeline", "e": event, "json_url": f"/api/events/{event_id}"}
    )


@router.get("/articles", name="articles_page")
def articles_page(request: Request, session: SessionDep):
    return render_page(
        request,
        "articles.html",
        {"nav": "articles", "articles": queries.list_articles(session), "json_url": "/api/articles"},
    )


@router.get("/articles/{article_id}", name="article_page")
def article_page(request: Request, article_id: int, session: SessionDep):
    article = queries.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"Artikel {article_id} gibt es nicht.")
    report = article["report"]
    body = highlight(article["text"], article["citations"], report.get("dropped"), report.get("timexes"))
    return render_page(
        request,
        "article.html",
        {"nav": "articles", "a": article, "body": body, "json_url": f"/api/articles/{article_id}"},
    )
