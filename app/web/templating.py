"""The Jinja environment: autoescaping on for every template, plus the German label filters.

Article text, titles, outlets and headlines come from untrusted files, so autoescape is forced on
(``autoescape=True``, not extension-based) and no template uses ``|safe``. The only pre-built
markup is the highlighted article text, assembled in ``highlight.py`` from escaped segments, and
what ``cards.py`` (the timeline's event cards, ``event_card_html``) and ``axis.py`` build from
values escaped one by one with ``cards.esc``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from app import labels
from app.settings import PROJECT_DIR
from app.store.filters import EventFilter
from app.web.cards import by_actor, date_attr, date_label, day_label, event_card

TEMPLATE_DIR = PROJECT_DIR / "templates"
STATIC_DIR = PROJECT_DIR / "static"


def filter_url(flt: EventFilter, path: str = "/", **extra: Any) -> str:
    """The permalink of a filter state (plus e.g. ``page``)."""
    items = flt.items() + [(k, str(v)) for k, v in extra.items() if v is not None]
    return path + ("?" + urlencode(items) if items else "")


def http_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (a manifest could carry ``javascript:``)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


_DICT_ATTRS = frozenset(dir(dict))


class TemplateEnvironment(Environment):
    """Jinja's ``Environment`` with the same ``a.b`` semantics, looked up in the order that is cheap
    for the data the templates get: event, citation and facet dicts.

    Jinja resolves ``e.type`` as ``getattr(e, "type")`` first and only then ``e["type"]``; on a
    dict that raises and catches an ``AttributeError`` for every lookup (~100 per event card, a
    third of the timeline page's render time). For a plain dict and a name that is not a dict
    attribute, that ``getattr`` always fails, so asking the key first gives the same result.
    Names of dict attributes (``items``, ``get`` …) keep Jinja's order.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if obj.__class__ is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_env() -> Environment:
    env = TemplateEnvironment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        type_label=labels.type_label,
        status_label=labels.status_label,
        stance_label=labels.stance_label,
        precision_label=labels.precision_label,
        basis_label=lambda c: labels.BASIS_LABELS.get(c or "", c or ""),
        role_label=lambda c: labels.ROLE_LABELS.get(c or "", c or ""),
        dct_source_label=lambda c: labels.DCT_SOURCE_LABELS.get(c or "", c or ""),
        value_label=lambda v: labels.format_value(v) if v else "",
        day_label=day_label,
        date_label=date_label,
        date_attr=date_attr,
        fmt_int=labels.format_int,
        http_url=http_url,
        by_actor=by_actor,
    )
    env.globals.update(
        filter_url=filter_url,
        event_card_html=event_card,
        TYPE_LABELS=labels.TYPE_LABELS,
        STATUS_LABELS=labels.STATUS_LABELS,
    )
    return env


templates = Jinja2Templates(env=make_env())


def render_page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    """The page ``name`` rendered with ``context`` (and ``request``), as ``templates.TemplateResponse``
    renders it, byte for byte, but as a plain ``HTMLResponse``.

    Why: Starlette's template response also sends the whole context in an ASGI
    ``http.response.debug`` message when the server offers that extension, as the test client
    does. The client's response then holds a timeline page's data (100 event dicts, the facets,
    the axis) in a reference cycle until Python's next full garbage collection: some 30,000
    objects per collection, ~25 ms each, in the facet benchmark (issue 6). No test reads
    ``response.template``/``response.context``."""
    return HTMLResponse(templates.get_template(name).render({**context, "request": request}))
