"""The Jinja environment: autoescaping on for every template, plus the German label filters.

Article text, titles, outlets and headlines come from untrusted files, so autoescape is forced on
(``autoescape=True``, not extension-based) and no template uses ``|safe``. The only pre-built
markup is the highlighted article text, assembled in ``highlight.py`` from escaped segments.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from app import labels
from app.settings import PROJECT_DIR
from app.store.filters import EventFilter

TEMPLATE_DIR = PROJECT_DIR / "templates"
STATIC_DIR = PROJECT_DIR / "static"


def _as_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def date_label(d: dict[str, Any]) -> str:
    """Normalised German date of an event's ``date`` dict ("Juni 2024"), or "ohne Datum"."""
    if not d.get("start") and not d.get("value"):
        return "ohne Datum"
    return labels.format_value(d.get("value"), _as_date(d.get("start")), d.get("precision"))


def date_attr(d: dict[str, Any]) -> str | None:
    """``<time datetime>`` value for an event's ``date`` dict."""
    return labels.html_datetime(d.get("value"), _as_date(d.get("start")), d.get("precision"))


def day_label(s: str | None) -> str:
    """ISO day → "19. Juni 2024"."""
    d = _as_date(s)
    return labels.format_day(d) if d else ""


def by_actor(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An event's actor links (one per actor and role) as one entry per actor, in order, with all
    its roles: a merged event can name Kim Jong Un as host in one report and as guest in another."""
    out: dict[Any, dict[str, Any]] = {}
    for a in actors:
        entry = out.setdefault(a["id"], {**a, "roles": []})
        if a.get("role") not in entry["roles"]:
            entry["roles"].append(a.get("role"))
    return list(out.values())


def esc(value: Any) -> str:
    """``{{ value }}`` under autoescape, as a str: markup passes, everything else is str()-ed and
    escaped exactly as markupsafe does, without a Markup object per value (HTML built in Python)."""
    if value.__class__ is not str:
        if hasattr(value, "__html__"):
            return value.__html__()
        value = str(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "'" in value:
        value = value.replace("'", "&#39;")
    if '"' in value:
        value = value.replace('"', "&#34;")
    return value


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
        TYPE_LABELS=labels.TYPE_LABELS,
        STATUS_LABELS=labels.STATUS_LABELS,
    )
    return env


templates = Jinja2Templates(env=make_env())
