"""HTML built in Python: autoescape-equivalent escaping, date labels, and the timeline's event card.

Why the card is not a Jinja macro: the timeline renders 100 cards per page, each with some 80
printed values across four nested macros (``_event.html``, ``_date.html``, ``_claims.html``,
``_citation.html``). Jinja's macro calls, ``Markup`` objects and per-value escaping were a third of
the page's server time on 100,000 events (issue 6). ``event_card`` writes the very same bytes with
plain string joins; the macro ``event_card`` in ``templates/_event.html`` stays the readable
reference, and ``tests/test_cards.py`` checks that both agree byte for byte on real and random
events (so a change to one must be made to the other).

Escaping: every value goes through ``esc`` (markupsafe's rules, and markup passes as markup), the
same as ``{{ value }}`` under the app's forced autoescape.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from app import labels


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


def _as_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def date_label(d: dict[str, Any]) -> str:
    """Normalised German date of an event's ``date`` dict ("Juni 2024"), or "ohne Datum"."""
    if not d.get("start") and not d.get("value"):
        return "ohne Datum"
    return labels.format_value(d.get("value"), _as_date(d.get("start")), d.get("precision"), _as_date(d.get("end")))


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


# ---------------------------------------------------------------------------- the event card
# Each function below mirrors one macro (trim_blocks and lstrip_blocks applied), named after it.

_KNOWLEDGE_BADGE = (' <span class="badge badge--knowledge" title="Im Text steht kein Datum: das Datum des bekannten '
                    'Ereignisses, auf das der Text sich bezieht">ergänzt</span>')
_DCT_BADGE = (' <span class="badge badge--dct" title="Im Text steht kein Datum: das Erscheinungsdatum des Artikels '
              '(laufende Berichterstattung)">Erscheinungsdatum</span>')


def event_date(d: dict[str, Any]) -> str:
    """``event_date(d)`` of ``_date.html`` (with the expression)."""
    prec = d.get("precision") or "day"
    basis = d.get("basis")
    if d.get("start"):
        out = [f'<span class="date date--{esc(prec)}', " date--imprecise" if prec != "day" else "",
               f'">\n  <time datetime="{esc(date_attr(d))}" title="Zeitraum: {esc(day_label(d.get("start")))} – '
               f'{esc(day_label(d.get("end")))}">{esc(date_label(d))}</time>']
        if prec != "day":
            out.append(' <span class="badge badge--precision" title="Genauigkeit der Datumsangabe">'
                       f"{esc(labels.precision_label(prec))}</span>")
        if basis == "knowledge":
            out.append(_KNOWLEDGE_BADGE)
        if basis == "dct":
            out.append(_DCT_BADGE)
        out.append("</span>\n")
    else:
        out = ['<span class="date date--none">ohne Datum</span>\n']
    expression = d.get("expression")
    if expression and basis == "knowledge":
        out.append('<span class="date-expr" title="Im Text ohne Datum; der Text bezieht sich auf dieses bekannte '
                   f'Ereignis">bekanntes Ereignis: {esc(expression)}</span>\n')
    elif expression:
        out.append('<span class="date-expr" title="Datumsangabe, wie sie im Artikel steht">'
                   f"„{esc(expression)}“</span>\n")
    return "".join(out)


def claims(items: list[dict[str, Any]]) -> str:
    """``claims(list)`` of ``_claims.html``."""
    out = []
    for c in items:
        holders = ", ".join(map(str, c.get("holders") or ["ungenannt"]))
        cue = c.get("cue")
        out.append(f'<span class="claim claim--{esc(c.get("stance"))}">{esc(labels.stance_label(c.get("stance")))}: '
                   f"{esc(holders)}"
                   + (f' <span class="claim__cue">(„{esc(cue)}“)</span>' if cue else "") + "</span>\n")
    return "".join(out)


def citation(c: dict[str, Any]) -> str:
    """``citation(c)`` of ``_citation.html`` (compact: without the stance row)."""
    url = esc(c.get("url"))
    context = c.get("context")
    title, outlet = c.get("article_title"), c.get("outlet")
    return "".join((
        f'<li class="citation" id="c-{esc(c.get("id"))}">\n'
        f'  <blockquote class="citation__quote" cite="{url}">\n    <p>',
        f'<span class="citation__ctx">{esc(context.get("before"))}</span>' if context else "",
        f"<mark>{esc(c.get('quote'))}</mark>",
        f'<span class="citation__ctx">{esc(context.get("after"))}</span>' if context else "",
        '</p>\n  </blockquote>\n  <p class="citation__source">\n'
        f'    <a href="{url}">Textstelle im Artikel ansehen</a>\n    — ',
        f"„{esc(title)}“, " if title else "",
        f"{esc(outlet)}, " if outlet else "",
        f"<code>{esc(c.get('source'))}</code>, Zeichen {esc(c.get('start'))}–{esc(c.get('end'))}\n  </p>\n</li>\n",
    ))


def _role_label(code: str | None) -> str:
    return labels.ROLE_LABELS.get(code or "", code or "")


def event_card(e: dict[str, Any]) -> Markup:
    """``event_card(e)`` of ``_event.html``: one event of the timeline, as markup."""
    eid = esc(e["id"])
    group = e.get("group")
    st = group.get("status") if group else e.get("status")
    out = [
        f'<article class="event event--{esc(e.get("type"))} status--{esc(e.get("status"))}" id="event-{eid}" '
        f'aria-labelledby="event-{eid}-h">\n  <div class="event__date">{event_date(e["date"])}</div>\n'
        f'  <div class="event__body">\n    <h4 class="event__headline" id="event-{eid}-h"><a href="/events/{eid}">'
        f'{esc(e.get("headline"))}</a></h4>\n    <p class="event__tags">\n'
        f'      <span class="tag tag--type">{esc(labels.type_label(e.get("type")))}</span>\n'
        f'      <span class="tag tag--status tag--{esc(st)}">{esc(labels.status_label(st))}</span>\n'
        f'      {claims(group["claims"] if group and "claims" in group else e["claims"])}\n'
    ]
    if group and (group["source_count"] > 1 or group["mentions"] > 1):
        n = group["source_count"]
        out.append(f'      <span class="tag tag--sources" title="{esc(", ".join(map(str, group["sources"])))}">'
                   f'berichtet von {esc(n)} {"Quelle" if n == 1 else "Quellen"}'
                   + (f' · {esc(group["mentions"])} Belege' if group["mentions"] > 1 else "") + "</span>\n")
    out.append("    </p>\n")
    actors, countries = e.get("actors"), e.get("countries")
    if actors or countries:
        out.append('    <dl class="event__facts">\n')
        if actors:
            links = []
            for a in by_actor(actors):
                aid, name = esc(a["id"]), esc(a["name"])
                roles = esc(", ".join(map(str, map(_role_label, a["roles"]))))
                links.append(f'<a href="/?actor={aid}" title="{roles} – nur Ereignisse mit {name} zeigen">{name}</a>'
                             f'<a class="entity-link" href="/actors/{aid}" aria-label="Seite über {name}" '
                             f'title="Seite über {name}">›</a>')
            out.append(f"      <dt>Akteure</dt>\n      <dd>{', '.join(links)}</dd>\n")
        if countries:
            links = []
            for c in countries:
                code, name = esc(c["code"]), esc(c["name"])
                links.append(f'<a href="/?country={code}" title="{code} – nur Ereignisse mit {name} zeigen">'
                             f'<abbr title="{code}">{name}</abbr></a><a class="entity-link" href="/countries/{code}" '
                             f'aria-label="Seite über {name}" title="Seite über {name}">›</a>')
            out.append(f"      <dt>Länder</dt>\n      <dd>{', '.join(links)}</dd>\n")
        out.append("    </dl>\n")
    cites = e.get("citations")
    if cites:
        n = len(cites)
        out.append('    <details class="event__sources">\n'
                   f'      <summary>{n} {"Beleg" if n == 1 else "Belege"}</summary>\n'
                   '      <ol class="citations citations--compact">\n')
        out += map(citation, cites)
        out.append(f'      </ol>\n    </details>\n    <p class="event__links">Quelle{"n" if n > 1 else ""}:\n')
        out.append(" · ".join(f'<a class="source-link" href="{esc(c.get("url"))}">'
                              f'{esc(c.get("outlet") or c.get("source"))} [{i}]</a>'
                              for i, c in enumerate(cites, 1)))
        out.append("    </p>\n")
    out.append("  </div>\n</article>\n")
    return Markup("".join(out))
