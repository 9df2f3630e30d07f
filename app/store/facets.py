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
- **actor** and **country** count a real event when any of its reports (the event itself or a
  mention merged into it) names the value, as the filter matches: clicking a value gives exactly
  its count. The event cards show these merged actors and countries too. **status** counts a real
  event under its derived status and under the stance of each of its reports (an arms transfer
  alleged by the USA and denied by Moscow counts under "mutmaßlich" and "bestritten").

Speed (issue 6, target p95 ≤ 50 ms on 100,000 events in SQLite):

- Counts come from the bitset index of ``app/store/facet_index.py`` when it is built for the
  current data version: one AND and ``bit_count`` per facet value, the same numbers as the SQL
  below (tests/test_facet_index.py compares both), a few milliseconds for any filter. The SQL path
  (and the time limit below) answers while the index is being rebuilt after a load, or with the
  setting ``facet_index`` off.
- Real events are selected by the indexed ``event.is_head`` (migration 0004), and scalar facets are
  index-only scans of ``ix_event_head_facets``.
- Raw counts are cached per process and data version (``queries.data_version``): a count is only
  reused while no event, link or citation changed since. Labels, active flags and links are built
  per request from the cached counts, so the cache holds numbers only.
- **Time limit** (Datasette's ``facet_time_limit_ms``): on SQLite the facets of one request share a
  budget (setting ``facet_time_limit_ms``), enforced by a progress handler that interrupts the running
  query. A facet that did not finish is returned without values and ``complete = False`` ("zu
  aufwendig – Filter eingrenzen"), never with partial counts, and is computed in a background thread
  into the cache, so a reload shows it. Counts that are shown are always exact.

"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, cast, extract, func, union, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from app import labels
from app.settings import get_settings
from app.store import actor_names, facet_index
from app.store.filters import EventFilter
from app.store.models import Actor, Country, Event, EventActor, EventCountry
from app.store.queries import (
    TimeUp,
    cache_get,
    cache_put,
    count_key,
    data_version,
    filter_choices,
    prepare,
    read_version,
    time_limit,
)

ACTOR_LIMIT = 15
FACET_NAMES = ("country", "actor", "type", "status", "year")
FACET_TITLES = {"country": "Land", "actor": "Akteur", "type": "Ereignistyp", "status": "Status", "year": "Jahr"}

#: Shown instead of the values of a facet cut by the time limit.
INCOMPLETE_NOTE = "zu aufwendig – Filter eingrenzen"


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
    #: False when the time limit cut this facet: it has no values then (never partial counts).
    complete: bool = True

    def to_dict(self, url: Any = None) -> dict[str, Any]:
        """JSON form; ``url(EventFilter) -> str`` renders each value's toggle link."""
        return {
            "name": self.name,
            "title": self.title,
            "complete": self.complete,
            "note": None if self.complete else INCOMPLETE_NOTE,
            "values": [
                {"value": v.value, "label": v.label, "count": v.count, "active": v.active}
                | ({"toggle": url(v.target)} if url else {})
                for v in self.values
            ],
        }


def _real_ids(flt: EventFilter, dialect: str) -> Any:
    """Subquery of the matching real event ids (the conditions always select real events)."""
    return select(Event.id).where(*flt.conditions(dialect))


# ---------------------------------------------------------------------------- counting
# Each counter returns raw counts for a filter; what it depends on is its cache key (``_plan``).


def _group_links(link_key: Any, link_event: Any, ids: Any) -> Any:
    """(key, real event id) pairs, distinct: the keys (country codes, actor ids) named by any
    mention of the real events in ``ids`` — the event itself or a report merged into it. A facet
    value's count is then what the result would be after toggling it on (the filter matches groups
    the same way)."""
    merged = aliased(Event, name="merged")
    own = select(link_key.label("k"), link_event.label("g")).where(link_event.in_(ids))
    via = (select(link_key.label("k"), merged.group_id.label("g"))
           .join(merged, merged.id == link_event)
           .where(merged.is_head == 0, merged.group_id.in_(ids)))
    return union(own, via).subquery()


def _country_counts(session: Session, others: EventFilter, dialect: str) -> dict[str, int]:
    pairs = _group_links(EventCountry.country_code, EventCountry.event_id, _real_ids(others, dialect))
    return {c: int(n) for c, n in session.exec(select(pairs.c.k, func.count()).group_by(pairs.c.k)).all()}


def _actor_counts(session: Session, others: EventFilter, dialect: str, active: tuple[int, ...]) -> dict[int, int]:
    """The ``ACTOR_LIMIT`` most frequent actors plus the active ones (``active``), in that order."""
    pairs = _group_links(EventActor.actor_id, EventActor.event_id, _real_ids(others, dialect))
    n_events = func.count()
    top = {int(a): int(n) for a, n in session.exec(
        select(pairs.c.k, n_events).group_by(pairs.c.k).order_by(n_events.desc(), pairs.c.k).limit(ACTOR_LIMIT)
    ).all()}
    missing = [a for a in active if a not in top]
    if missing:
        top.update({int(a): int(n) for a, n in session.exec(
            select(pairs.c.k, n_events).where(pairs.c.k.in_(missing)).group_by(pairs.c.k)
        ).all()})
    return top


def _column_counts(session: Session, others: EventFilter, dialect: str, name: str) -> dict[str, int]:
    conds = others.conditions(dialect)
    if name == "status":
        # As the status filter reads it: the real event's derived status (app/store/merge.py) or
        # the stance of any of its reports, each real event counted once per status.
        ids = select(Event.id).where(*conds)
        merged = aliased(Event, name="merged")
        pairs = union(
            select(func.coalesce(Event.group_status, Event.status).label("k"), Event.id.label("g")).where(*conds),
            select(Event.status.label("k"), Event.id.label("g")).where(*conds),
            select(merged.status.label("k"), merged.group_id.label("g"))
            .where(merged.is_head == 0, merged.group_id.in_(ids)),
        ).subquery()
        return {v: int(n) for v, n in session.exec(select(pairs.c.k, func.count()).group_by(pairs.c.k)).all()}
    col = getattr(Event, name)
    return {v: int(n) for v, n in session.exec(select(col, func.count()).where(*conds).group_by(col)).all()}


def _year_counts(session: Session, others: EventFilter, dialect: str, mode: str) -> dict[int, int]:
    conds = others.conditions(dialect)
    if dialect == "sqlite":  # dates are ISO text there; substr is much cheaper than strftime
        y_first: Any = func.substr(Event.date_first, 1, 4)
        y_last: Any = func.substr(Event.date_last, 1, 4)
    else:
        y_first = cast(extract("year", Event.date_first), Integer)
        y_last = cast(extract("year", Event.date_last), Integer)
    dated = Event.date_first.is_not(None)
    if mode == "within":
        parts = [select(y_first.label("y")).where(*conds, dated, y_first == y_last)]
    else:
        parts = [
            select(y_first.label("y")).where(*conds, dated),
            select(y_last.label("y")).where(*conds, dated, y_last != y_first),
        ]
    u = union_all(*parts).subquery()
    return {int(y): int(n) for y, n in session.exec(select(u.c.y, func.count()).group_by(u.c.y)) if y is not None}


def _active_actor_ids(session: Session, flt: EventFilter) -> dict[int, str]:
    """Active actors: given as id or (case-insensitively) as name; id → the value in the URL."""
    active_ids = {int(a): a for a in flt.actor if a.isdigit()}
    typed = actor_names.lookup_keys(flt.actor)
    if typed:
        for aid, name in session.exec(select(Actor.id, Actor.name).where(func.lower(Actor.name).in_(list(typed)))):
            active_ids[aid] = typed[name.lower()]
    return active_ids


def _plan(name: str, flt: EventFilter, active_actors: dict[int, str]) -> tuple[tuple[Any, ...], Any]:
    """(cache key, counter taking (session, dialect)) of one facet's raw counts."""
    if name == "country":
        others = flt.without("country")
        return ("country", count_key(others)), lambda s, d: _country_counts(s, others, d)
    if name == "actor":
        others = flt.without("actor")
        active = tuple(sorted(active_actors))
        return ("actor", count_key(others), active), lambda s, d: _actor_counts(s, others, d, active)
    if name in ("type", "status"):
        others = flt.without(name)
        return (name, count_key(others)), lambda s, d: _column_counts(s, others, d, name)
    others = flt.without("range")
    mode = flt.dates
    return ("year", count_key(others), mode), lambda s, d: _year_counts(s, others, d, mode)


# ---------------------------------------------------------------------------- background

_POOL: ThreadPoolExecutor | None = None
_PENDING: set[tuple[Any, ...]] = set()
_PENDING_LOCK = threading.Lock()
log = logging.getLogger(__name__)


def _compute_later(engine: Any, version: tuple[Any, ...] | None, key: tuple[Any, ...], counter: Any) -> None:
    """Compute one facet's counts in a background thread into the cache (once per key and version)."""
    global _POOL
    if version is None or not get_settings().facet_background:
        return
    with _PENDING_LOCK:
        if (version, key) in _PENDING:
            return
        _PENDING.add((version, key))
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="facets")

    def run() -> None:
        try:
            with Session(engine) as s:
                dialect = prepare(s)
                if data_version(s) != version:
                    return
                counts = counter(s, dialect)
                if data_version(s) == version:
                    cache_put(version, key, counts)
        except Exception:  # noqa: BLE001 - a background pre-computation must never break anything
            log.exception("facet pre-computation failed: %s", key)
        finally:
            with _PENDING_LOCK:
                _PENDING.discard((version, key))

    _POOL.submit(run)


# ---------------------------------------------------------------------------- facets


def compute_facets(session: Session, flt: EventFilter) -> list[Facet]:
    """All five facets for ``flt`` (each counted over the other filters), in display order.

    Counts come from the cache when the data has not changed; otherwise they are counted within the
    request's time budget (see the module docstring), and a facet that does not fit is returned
    incomplete and counted in the background."""
    dialect = prepare(session)
    settings = get_settings()
    version = data_version(session)
    limit_ms = settings.facet_time_limit_ms
    deadline = time.perf_counter() + limit_ms / 1000 if limit_ms > 0 and dialect == "sqlite" else None
    active_actors = _active_actor_ids(session, flt)
    idx = facet_index.current(session, read_version(session))
    masks = idx.masks(session, flt, dialect) if idx is not None else None
    out: list[Facet] = []
    for name in FACET_NAMES:
        key, counter = _plan(name, flt, active_actors)
        counts = cache_get(version, key)
        if counts is None and idx is not None and masks is not None:
            counts = idx.facet_counts(name, masks, mode=flt.dates, active_actors=tuple(sorted(active_actors)),
                                      limit=ACTOR_LIMIT)
            cache_put(version, key, counts)
        if counts is None:
            try:
                if deadline is not None and time.perf_counter() >= deadline:
                    raise TimeUp
                with time_limit(session, deadline):
                    counts = counter(session, dialect)
                cache_put(version, key, counts)
            except TimeUp:
                _compute_later(session.get_bind(), version, key, counter)
                out.append(Facet(name, FACET_TITLES[name], [], complete=False))
                continue
        out.append(_build(session, flt, name, counts, active_actors))
    return out


def _build(session: Session, flt: EventFilter, name: str, counts: dict[Any, int],
           active_actors: dict[int, str]) -> Facet:
    counts = dict(counts)  # the cached dict stays as it is
    if name == "country":
        for code in flt.country:
            counts.setdefault(code, 0)
        names = dict(session.exec(select(Country.code, Country.name).where(Country.code.in_(list(counts)))).all())
        values = [
            FacetValue(code, names.get(code, code), int(n), code in flt.country,
                       flt.toggled("country", code, code if code in flt.country else None))
            for code, n in counts.items()
        ]
    elif name == "actor":
        for a in active_actors:
            counts.setdefault(a, 0)
        names = dict(session.exec(select(Actor.id, Actor.name).where(Actor.id.in_(list(counts) or [-1]))).all())
        values = [
            FacetValue(str(aid), names.get(aid, str(aid)), int(n), aid in active_actors,
                       flt.toggled("actor", str(aid), active_actors.get(aid)))
            for aid, n in counts.items()
        ]
    elif name in ("type", "status"):
        chosen: tuple[str, ...] = getattr(flt, name)
        for v in chosen:
            counts.setdefault(v, 0)
        label = labels.type_label if name == "type" else labels.status_label
        values = [
            FacetValue(v, label(v), int(n), v in chosen, flt.toggled(name, v, v if v in chosen else None))
            for v, n in counts.items()
        ]
    else:
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
    values.sort(key=lambda v: (not v.active, -v.count, v.label))
    return Facet(name, FACET_TITLES[name], values)


def _country(session: Session, flt: EventFilter, dialect: str) -> Facet:
    """The country facet alone, uncached (profiling, tests)."""
    return _build(session, flt, "country", _country_counts(session, flt.without("country"), dialect), {})


def _actor(session: Session, flt: EventFilter, dialect: str) -> Facet:
    """The actor facet alone, uncached (profiling, tests)."""
    active = _active_actor_ids(session, flt)
    counts = _actor_counts(session, flt.without("actor"), dialect, tuple(sorted(active)))
    return _build(session, flt, "actor", counts, active)


def _column(session: Session, flt: EventFilter, dialect: str, name: str) -> Facet:
    """The type or status facet alone, uncached (profiling, tests)."""
    return _build(session, flt, name, _column_counts(session, flt.without(name), dialect, name), {})


def _year(session: Session, flt: EventFilter, dialect: str) -> Facet:
    """The year facet alone, uncached (profiling, tests)."""
    return _build(session, flt, "year", _year_counts(session, flt.without("range"), dialect, flt.dates), {})


def incomplete(facet_list: list[Facet]) -> list[str]:
    """Names of the facets the time limit cut."""
    return [f.name for f in facet_list if not f.complete]


def form_choices(session: Session, facet_list: list[Facet]) -> dict[str, Any]:
    """What the filter form offers, from the facets already counted (instead of a second set of
    whole-table aggregates per request, ``queries.filter_choices``): countries and actors with their
    facet counts, all types and statuses, and the overall date range (cached per data version).

    When the time limit cut the country or actor facet, the form falls back to the whole-table
    counts of ``queries.filter_choices`` (cached per data version). ``incomplete_facets`` names the
    cut facets (the facet list says "zu aufwendig" for them)."""
    from app.extract.model import EVENT_TYPES, STATUSES

    by_name = {f.name: f for f in facet_list}
    cut = incomplete(facet_list)
    if "country" in cut or "actor" in cut:
        version = data_version(session)
        whole = cache_get(version, ("form_choices",))
        if whole is None:
            whole = filter_choices(session)
            cache_put(version, ("form_choices",), whole)
        return {**whole, "incomplete_facets": cut}
    version = data_version(session)
    idx = facet_index.current(session, read_version(session))
    span = idx.date_span if idx is not None else cache_get(version, ("date_span",))
    if span is None:  # max(date_last) has no index of its own: a scan, so cached per data version
        span = (session.exec(select(func.min(Event.date_first))).one(),
                session.exec(select(func.max(Event.date_last))).one())
        cache_put(version, ("date_span",), span)
    first, last = span
    return {
        "countries": [{"code": v.value, "name": v.label, "count": v.count} for v in by_name["country"].values],
        "actors": [{"id": int(v.value), "name": v.label, "count": v.count} for v in by_name["actor"].values],
        "types": [{"code": t, "label": labels.type_label(t)} for t in EVENT_TYPES],
        "statuses": [{"code": s, "label": labels.status_label(s)} for s in STATUSES],
        "date_min": first.isoformat() if first else None,
        "date_max": last.isoformat() if last else None,
        "incomplete_facets": cut,
    }
