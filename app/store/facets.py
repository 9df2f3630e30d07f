"""Facet counts beside the results: actor, country, type, status and year.

Why these semantics (Datasette's facets, e-commerce "disjunctive" facets): each facet is counted over
the events that match every OTHER active filter, ignoring its own. With ``country=PRK`` active, the
country facet still shows how many events each other country would add (values of one parameter are
alternatives), while the type facet counts only events with PRK. So a count is always what the
result would be after toggling that value on (for a value not yet active: events having it among
the current matches minus the own filter; never a dead end).

Counting happens in SQL: one GROUP BY per facet over the filtered event set (the event table itself
for type/status/year, a ``event_id IN (subquery)`` over the covering link-table indexes of migration
0002 for country/actor). Five small queries, no rows are fetched into Python.

Heuristics:

- **year** counts an event in every calendar year its date interval touches (first and last year;
  intervals longer than two calendar years, e.g. a decade, count in their first and last year only),
  matching ``from=YYYY&to=YYYY`` under ``dates=overlap``; under ``dates=within`` only events lying
  wholly inside one year count, matching the same link there. Undated events have no year.
  The year link replaces any date range; on an active year it removes the range.
- **actor** shows the ``ACTOR_LIMIT`` most frequent actors plus every active one; an actor is
  counted once per event whatever its roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, cast, extract, func, union_all
from sqlmodel import Session, select

from app import labels
from app.store.filters import EventFilter
from app.store.models import Actor, Country, Event, EventActor, EventCountry
from app.store.queries import prepare

ACTOR_LIMIT = 15
FACET_NAMES = ("country", "actor", "type", "status", "year")
FACET_TITLES = {"country": "Land", "actor": "Akteur", "type": "Ereignistyp", "status": "Status", "year": "Jahr"}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    active: bool
    #: The filter after clicking this value (added, or removed if active).
    target: EventFilter


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)

    def to_dict(self, url: Any = None) -> dict[str, Any]:
        """JSON form; ``url(EventFilter) -> str`` renders each value's toggle link."""
        return {
            "name": self.name,
            "title": self.title,
            "values": [
                {"value": v.value, "label": v.label, "count": v.count, "active": v.active}
                | ({"toggle": url(v.target)} if url else {})
                for v in self.values
            ],
        }


def _ids(flt: EventFilter, dialect: str) -> Any | None:
    """Subquery of matching event ids, or None when nothing filters (count the whole table)."""
    conds = flt.conditions(dialect)
    return select(Event.id).where(*conds) if conds else None


def compute_facets(session: Session, flt: EventFilter) -> list[Facet]:
    """All five facets for ``flt`` (each counted over the other filters), in display order."""
    dialect = prepare(session)
    return [
        _country(session, flt, dialect),
        _actor(session, flt, dialect),
        _column(session, flt, dialect, "type"),
        _column(session, flt, dialect, "status"),
        _year(session, flt, dialect),
    ]


def _country(session: Session, flt: EventFilter, dialect: str) -> Facet:
    others = flt.without("country")
    ids = _ids(others, dialect)
    stmt = select(EventCountry.country_code, func.count())
    if ids is not None:
        stmt = stmt.where(EventCountry.event_id.in_(ids))
    counts = dict(session.exec(stmt.group_by(EventCountry.country_code)).all())
    for code in flt.country:
        counts.setdefault(code, 0)
    names = dict(session.exec(select(Country.code, Country.name).where(Country.code.in_(list(counts)))).all())
    values = [
        FacetValue(code, names.get(code, code), int(n), code in flt.country,
                   flt.toggled("country", code, code if code in flt.country else None))
        for code, n in counts.items()
    ]
    values.sort(key=lambda v: (not v.active, -v.count, v.label))
    return Facet("country", FACET_TITLES["country"], values)


def _actor(session: Session, flt: EventFilter, dialect: str) -> Facet:
    others = flt.without("actor")
    ids = _ids(others, dialect)
    n_events = func.count(func.distinct(EventActor.event_id))
    stmt = select(EventActor.actor_id, n_events)
    if ids is not None:
        stmt = stmt.where(EventActor.event_id.in_(ids))
    top = dict(session.exec(stmt.group_by(EventActor.actor_id).order_by(n_events.desc(), EventActor.actor_id)
                            .limit(ACTOR_LIMIT)).all())
    # Active actors: given as id or (case-insensitively) as name.
    active_ids = {int(a): a for a in flt.actor if a.isdigit()}
    typed = {a.lower(): a for a in flt.actor if not a.isdigit()}
    if typed:
        for aid, name in session.exec(select(Actor.id, Actor.name).where(func.lower(Actor.name).in_(list(typed)))):
            active_ids[aid] = typed[name.lower()]
    missing = [a for a in active_ids if a not in top]
    if missing:
        stmt = select(EventActor.actor_id, n_events).where(EventActor.actor_id.in_(missing))
        if ids is not None:
            stmt = stmt.where(EventActor.event_id.in_(ids))
        top.update(dict(session.exec(stmt.group_by(EventActor.actor_id)).all()))
        for a in missing:
            top.setdefault(a, 0)
    names = dict(session.exec(select(Actor.id, Actor.name).where(Actor.id.in_(list(top) or [-1]))).all())
    values = [
        FacetValue(str(aid), names.get(aid, str(aid)), int(n), aid in active_ids,
                   flt.toggled("actor", str(aid), active_ids.get(aid)))
        for aid, n in top.items()
    ]
    values.sort(key=lambda v: (not v.active, -v.count, v.label))
    return Facet("actor", FACET_TITLES["actor"], values)


def _column(session: Session, flt: EventFilter, dialect: str, name: str) -> Facet:
    # Status is the real event's derived status (app/store/merge.py), as the status filter reads it.
    col = func.coalesce(Event.group_status, Event.status) if name == "status" else getattr(Event, name)
    conds = flt.without(name).conditions(dialect)
    counts = dict(session.exec(select(col, func.count()).where(*conds).group_by(col)).all())
    chosen: tuple[str, ...] = getattr(flt, name)
    for v in chosen:
        counts.setdefault(v, 0)
    label = labels.type_label if name == "type" else labels.status_label
    values = [
        FacetValue(v, label(v), int(n), v in chosen, flt.toggled(name, v, v if v in chosen else None))
        for v, n in counts.items()
    ]
    values.sort(key=lambda v: (not v.active, -v.count, v.label))
    return Facet(name, FACET_TITLES[name], values)


def _year(session: Session, flt: EventFilter, dialect: str) -> Facet:
    conds = flt.without("range").conditions(dialect)
    if dialect == "sqlite":  # dates are ISO text there; substr is much cheaper than strftime
        y_first: Any = func.substr(Event.date_first, 1, 4)
        y_last: Any = func.substr(Event.date_last, 1, 4)
    else:
        y_first = cast(extract("year", Event.date_first), Integer)
        y_last = cast(extract("year", Event.date_last), Integer)
    dated = Event.date_first.is_not(None)
    if flt.dates == "within":
        parts = [select(y_first.label("y")).where(*conds, dated, y_first == y_last)]
    else:
        parts = [
            select(y_first.label("y")).where(*conds, dated),
            select(y_last.label("y")).where(*conds, dated, y_last != y_first),
        ]
    u = union_all(*parts).subquery()
    counts = {int(y): int(n) for y, n in session.exec(select(u.c.y, func.count()).group_by(u.c.y)) if y is not None}
    active_year: int | None = None
    if flt.date_from and flt.date_from == flt.date_to and len(flt.date_from) == 4:
        active_year = int(flt.date_from)
        counts.setdefault(active_year, 0)
    values = [
        FacetValue(str(y), str(y), n, y == active_year,
                   flt.without("range") if y == active_year else flt.with_year(y))
        for y, n in counts.items()
    ]
    values.sort(key=lambda v: v.value)
    return Facet("year", FACET_TITLES["year"], values)


def form_choices(session: Session, facet_list: list[Facet]) -> dict[str, Any]:
    """What the filter form offers, from the facets already counted (instead of a second set of
    whole-table aggregates per request, ``queries.filter_choices``): countries and actors with their
    facet counts, all types and statuses, and the overall date range (two index lookups)."""
    from app.extract.model import EVENT_TYPES, STATUSES

    by_name = {f.name: f for f in facet_list}
    first = session.exec(select(func.min(Event.date_first))).one()
    last = session.exec(select(func.max(Event.date_last))).one()
    return {
        "countries": [{"code": v.value, "name": v.label, "count": v.count} for v in by_name["country"].values],
        "actors": [{"id": int(v.value), "name": v.label, "count": v.count} for v in by_name["actor"].values],
        "types": [{"code": t, "label": labels.type_label(t)} for t in EVENT_TYPES],
        "statuses": [{"code": s, "label": labels.status_label(s)} for s in STATUSES],
        "date_min": first.isoformat() if first else None,
        "date_max": last.isoformat() if last else None,
    }
