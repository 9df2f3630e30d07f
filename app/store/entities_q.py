"""Read-side queries for the actor, country and bilateral pages, the time axis and the exports.

Why a module of its own next to ``queries``: these views select events by *who* is involved (an
actor, a country, two countries at once) or aggregate them (events per month and type), but they
must show events exactly as the timeline does. So every function here builds its WHERE clause from
``EventFilter.conditions`` and/or the small entity conditions below, and turns rows into event dicts
with ``queries._hydrate`` — the same export-contract shape as ``/api/events``, never a second
serialiser. All values travel as bound parameters (SQLAlchemy expressions only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, select

from app import labels
from app.store import queries
from app.store.filters import GROUP_KEY, EventFilter, in_groups
from app.store.models import Actor, Article, Country, Event, EventActor, EventCountry

ROLE_ORDER = ("source", "target", "participant", "holder")
#: Precisions drawn as bars (counted in the month of their first day).
FINE_PRECISIONS = ("day", "week", "month")


# ---------------------------------------------------------------------------- conditions


def filter_conditions(session: Session, flt: EventFilter | None) -> list[ColumnElement[bool]]:
    """The filter's WHERE conditions for this session's dialect (registers SQLite's case folding).

    The one place that adapts to ``EventFilter``'s SQL interface."""
    dialect = queries.prepare(session)
    return list(flt.conditions(dialect)) if flt is not None else []


def actor_condition(actor_id: int, role: str | None = None) -> ColumnElement[bool]:
    """Real events in which the actor takes part (in the given role, if any) in any of their
    mentions: the timeline's ``?actor=`` semantics, so a page and its timeline link count alike."""
    found = select(EventActor.event_id).where(EventActor.actor_id == actor_id)
    if role:
        found = found.where(EventActor.role == role)
    return in_groups(found, EventActor.event_id)


def country_condition(code: str) -> ColumnElement[bool]:
    """Real events involving the country (ISO3) in any of their mentions (``?country=``)."""
    return in_groups(select(EventCountry.event_id).where(EventCountry.country_code == code), EventCountry.event_id)


def bilateral_condition(a: str, b: str) -> ColumnElement[bool]:
    """Events involving BOTH countries (not either: that is ``?country=A&country=B``)."""
    return and_(country_condition(a), country_condition(b))


# ---------------------------------------------------------------------------- event lists


@dataclass
class EventSlice:
    """One offset page of events selected by entity conditions."""

    events: list[dict[str, Any]]
    total: int
    page: int
    limit: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    @property
    def has_next(self) -> bool:
        return self.page * self.limit < self.total

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def event_slice(
    session: Session, conds: Sequence[ColumnElement[bool]], *, page: int = 1, limit: int = 100
) -> EventSlice:
    """Chronological (undated last) page of events matching all ``conds``, hydrated as on the timeline."""
    queries.prepare(session)
    page, limit = max(1, page), max(1, limit)
    total = session.exec(select(func.count()).select_from(Event).where(*conds)).one()
    rows = session.exec(
        select(Event).where(*conds).order_by(*queries._order()).offset((page - 1) * limit).limit(limit)
    ).all()
    return EventSlice(events=queries._hydrate(session, rows), total=int(total), page=page, limit=limit)


def selected_events(session: Session, flt: EventFilter) -> list[dict[str, Any]]:
    """Every real event of the filter's selection, in timeline order (for the exports: no paging),
    each with the actors, countries, claims and citations of all its reports, as on the timeline."""
    conds = filter_conditions(session, flt)
    rows = session.exec(select(Event).where(*conds).order_by(*queries._order())).all()
    return queries._hydrate(session, rows, groups=True)


def actor_countries(session: Session, actor_ids: Sequence[int]) -> dict[int, str | None]:
    """Actor id → home country (ISO3) or None, for the PLOVER export's actor codes."""
    out: dict[int, str | None] = {}
    ids = sorted(set(actor_ids))
    for i in range(0, len(ids), 500):
        for aid, code in session.exec(select(Actor.id, Actor.country_code).where(Actor.id.in_(ids[i : i + 500]))):
            out[aid] = code
    return out


# ---------------------------------------------------------------------------- axis


@dataclass(frozen=True)
class AxisRow:
    """How many events share one date interval, precision and type."""

    value: str | None
    first: date
    last: date
    precision: str
    type: str
    count: int


def axis_rows(session: Session, conds: Sequence[ColumnElement[bool]]) -> tuple[list[AxisRow], int]:
    """Dated events counted for the axis, and the number of undated ones.

    Events dated to a day, week or month are counted per (year, month of their first day, type) in
    SQL — a bar needs no finer grain, and 10,000 events collapse to a few hundred rows; their rows
    carry the month as interval and precision "month". Coarser dates keep their exact interval
    (grouped by value, interval, precision and type): they are drawn as spans."""
    dated = (*conds, Event.date_first.is_not(None), Event.date_last.is_not(None))
    fine = or_(Event.date_precision.is_(None), Event.date_precision.in_(FINE_PRECISIONS))
    year = func.extract("year", Event.date_first)
    month = func.extract("month", Event.date_first)
    rows: list[AxisRow] = []
    for y, m, etype, n in session.exec(
        select(year, month, Event.type, func.count()).where(*dated, fine).group_by(year, month, Event.type)
    ):
        first = date(int(y), int(m), 1)
        rows.append(AxisRow(None, first, _month_end(first), "month", etype, int(n)))
    coarse = (
        select(Event.date_value, Event.date_first, Event.date_last, Event.date_precision, Event.type, func.count())
        .where(*dated, ~fine)
        .group_by(Event.date_value, Event.date_first, Event.date_last, Event.date_precision, Event.type)
    )
    rows += [AxisRow(value, first, last, precision, etype, int(n))
             for value, first, last, precision, etype, n in session.exec(coarse)]
    undated = session.exec(
        select(func.count()).select_from(Event).where(*conds, Event.date_first.is_(None))
    ).one()
    return rows, int(undated)


def _month_end(d: date) -> date:
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


# ---------------------------------------------------------------------------- entities


def _roles(session: Session, cond: ColumnElement[bool], role_col: Any, event_col: Any) -> list[dict[str, Any]]:
    """Role → number of real events (merge groups) with a mention in that role."""
    rows = dict(
        session.exec(
            select(role_col, func.count(func.distinct(GROUP_KEY))).select_from(role_col.table)
            .join(Event, Event.id == event_col)
            .where(cond).group_by(role_col)
        ).all()
    )
    order = [r for r in ROLE_ORDER if r in rows] + sorted(r for r in rows if r not in ROLE_ORDER)
    return [{"role": r, "label": labels.ROLE_LABELS.get(r, r), "count": int(rows[r])} for r in order]


def _groups_with(found: Any) -> Any:
    """Every mention of the real events that have a mention in ``found`` (a one-column select of
    event ids): the real events themselves and the reports merged into them. Written as two
    indexed IN lists (id, group_id) rather than a condition on ``coalesce(group_id, id)``, which no
    index serves."""
    groups = select(GROUP_KEY).where(Event.id.in_(found)).scalar_subquery()
    return select(Event.id).where(or_(Event.id.in_(groups), Event.group_id.in_(groups)))


def date_span(session: Session, cond: ColumnElement[bool]) -> dict[str, str | None]:
    """The first and last dates of the selection, each at its own precision ("1945" stays a year,
    not "Januar 1945"): ISO days for sorting, plus German labels and ``<time datetime>`` values."""
    first = session.exec(select(Event.date_value, Event.date_first, Event.date_precision).where(
        cond, Event.date_first.is_not(None)).order_by(Event.date_first, Event.id).limit(1)).first()
    last = session.exec(select(Event.date_value, Event.date_last, Event.date_first, Event.date_precision).where(
        cond, Event.date_last.is_not(None)).order_by(Event.date_last.desc(), Event.id).limit(1)).first()
    end = labels.range_end(last[0], last[1]) if last else None  # "vom 25. bis 27. März" ends on the 27th
    return {
        "first": first[1].isoformat() if first else None,
        "last": last[1].isoformat() if last else None,
        "first_label": labels.format_value(first[0], first[1], first[2]) if first else None,
        "last_label": labels.format_end(last[0], last[2], last[3], last[1]) if last else None,
        "first_attr": labels.html_datetime(first[0], first[1], first[2]) if first else None,
        "last_attr": (end.isoformat() if end else labels.html_datetime(last[0], last[2], last[3])) if last else None,
    }


def _country_names(session: Session) -> dict[str, str]:
    return dict(session.exec(select(Country.code, Country.name)).all())


def get_actor(session: Session, actor_id: int) -> dict[str, Any] | None:
    """An actor: names, home country, roles, the countries and actors it appears with, its date span."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        return None
    names = _country_names(session)
    # Counted per real event: the merge groups with a mention of the actor, and what any mention
    # of those groups names (as the event cards show them).
    mine = _groups_with(select(EventActor.event_id).where(EventActor.actor_id == actor_id))
    countries = session.exec(
        select(EventCountry.country_code, func.count(func.distinct(GROUP_KEY))).select_from(EventCountry)
        .join(Event, Event.id == EventCountry.event_id)
        .where(EventCountry.event_id.in_(mine))
        .group_by(EventCountry.country_code)
    ).all()
    partners = session.exec(
        select(Actor.id, Actor.name, func.count(func.distinct(GROUP_KEY))).select_from(EventActor)
        .join(Actor, Actor.id == EventActor.actor_id)
        .join(Event, Event.id == EventActor.event_id)
        .where(EventActor.event_id.in_(mine), EventActor.actor_id != actor_id)
        .group_by(Actor.id, Actor.name)
    ).all()
    cond = actor_condition(actor_id)
    n_events = session.exec(select(func.count()).select_from(Event).where(cond)).one()
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": [a for a in (actor.aliases or []) if a != actor.name],
        "country": {"code": actor.country_code, "name": names.get(actor.country_code, actor.country_code),
                    "url": f"/countries/{actor.country_code}"} if actor.country_code else None,
        "roles": _roles(session, EventActor.actor_id == actor_id, EventActor.role, EventActor.event_id),
        "countries": [
            {"code": c, "name": names.get(c, c), "count": int(k), "url": f"/countries/{c}"}
            for c, k in sorted(countries, key=lambda x: (-x[1], names.get(x[0], x[0])))
        ],
        "co_actors": [
            {"id": i, "name": n, "count": int(k), "url": f"/actors/{i}"}
            for i, n, k in sorted(partners, key=lambda x: (-x[2], x[1]))[:20]
        ],
        "event_count": int(n_events),
        "span": date_span(session, cond),
        "url": f"/actors/{actor.id}",
        "timeline_url": f"/?actor={actor.id}",
    }


def get_country(session: Session, code: str) -> dict[str, Any] | None:
    """A country: its actors, the roles it is named in, the countries it appears with, its date span."""
    country = session.get(Country, code)
    if country is None:
        return None
    names = _country_names(session)
    mine = _groups_with(select(EventCountry.event_id).where(EventCountry.country_code == code))
    partners = session.exec(
        select(EventCountry.country_code, func.count(func.distinct(GROUP_KEY))).select_from(EventCountry)
        .join(Event, Event.id == EventCountry.event_id)
        .where(EventCountry.event_id.in_(mine), EventCountry.country_code != code)
        .group_by(EventCountry.country_code)
    ).all()
    actor_counts = dict(
        session.exec(
            select(EventActor.actor_id, func.count(func.distinct(GROUP_KEY))).select_from(EventActor)
            .join(Actor, Actor.id == EventActor.actor_id)
            .join(Event, Event.id == EventActor.event_id)
            .where(Actor.country_code == code)
            .group_by(EventActor.actor_id)
        ).all()
    )
    actors = session.exec(select(Actor).where(Actor.country_code == code)).all()
    cond = country_condition(code)
    n_events = session.exec(select(func.count()).select_from(Event).where(cond)).one()
    return {
        "code": country.code,
        "name": country.name,
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "count": int(actor_counts.get(a.id, 0)),
             "url": f"/actors/{a.id}"}
            for a in sorted(actors, key=lambda a: (-actor_counts.get(a.id, 0), a.name))
        ],
        "roles": _roles(session, EventCountry.country_code == code, EventCountry.role, EventCountry.event_id),
        "partners": [
            {"code": c, "name": names.get(c, c), "count": int(k), "url": f"/countries/{c}",
             "bilateral_url": f"/bilateral/{code}/{c}"}
            for c, k in sorted(partners, key=lambda x: (-x[1], names.get(x[0], x[0])))
        ],
        "event_count": int(n_events),
        "span": date_span(session, cond),
        "url": f"/countries/{country.code}",
        "timeline_url": f"/?country={country.code}",
    }


def list_actors(session: Session) -> list[dict[str, Any]]:
    """Every actor with its number of real events (merge groups with a report naming it), most
    frequent first: the index of actor pages."""
    names = _country_names(session)
    counts = dict(session.exec(
        select(EventActor.actor_id, func.count(func.distinct(GROUP_KEY))).select_from(EventActor)
        .join(Event, Event.id == EventActor.event_id).group_by(EventActor.actor_id)
    ).all())
    actors = session.exec(select(Actor)).all()
    return [
        {"id": a.id, "name": a.name, "kind": a.kind, "event_count": int(counts.get(a.id, 0)),
         "country": {"code": a.country_code, "name": names.get(a.country_code, a.country_code)}
         if a.country_code else None,
         "url": f"/actors/{a.id}", "timeline_url": f"/?actor={a.id}"}
        for a in sorted(actors, key=lambda a: (-counts.get(a.id, 0), a.name))
    ]


def list_countries(session: Session) -> list[dict[str, Any]]:
    """Every country with its number of real events, most frequent first: the index of country pages."""
    counts = dict(session.exec(
        select(EventCountry.country_code, func.count(func.distinct(GROUP_KEY))).select_from(EventCountry)
        .join(Event, Event.id == EventCountry.event_id).group_by(EventCountry.country_code)
    ).all())
    countries = session.exec(select(Country)).all()
    return [
        {"code": c.code, "name": c.name, "event_count": int(counts.get(c.code, 0)),
         "url": f"/countries/{c.code}", "timeline_url": f"/?country={c.code}"}
        for c in sorted(countries, key=lambda c: (-counts.get(c.code, 0), c.name))
    ]


def get_countries(session: Session, codes: Sequence[str]) -> dict[str, str]:
    """ISO3 → German name for the known ones among ``codes``."""
    if not codes:
        return {}
    return dict(session.exec(select(Country.code, Country.name).where(Country.code.in_(list(codes)))).all())


def article_urls(session: Session, article_ids: Iterable[int]) -> dict[int, str | None]:
    """Article id → its original URL (as stored; the caller decides whether it is a safe link)."""
    ids = sorted(set(article_ids))
    out: dict[int, str | None] = {}
    for i in range(0, len(ids), 500):
        out.update(dict(session.exec(select(Article.id, Article.url).where(Article.id.in_(ids[i : i + 500]))).all()))
    return out


def type_counts(session: Session, conds: Sequence[ColumnElement[bool]]) -> dict[str, int]:
    """Event type → number of matching events (dated or not)."""
    rows = session.exec(select(Event.type, func.count()).where(*conds).group_by(Event.type)).all()
    return {t: int(n) for t, n in rows}
