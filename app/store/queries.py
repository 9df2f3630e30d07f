"""Read-side queries: the only place the web layer and the exporter get events from.

Why one module: every HTML page has a JSON twin, and both must show exactly the same rows, so both
call these functions and differ only in rendering. Events are returned as plain dicts in the
EXPORT CONTRACT shape (``id, headline, type, status, date{value,start,end,precision,expression,
basis}, actors[{name,role}], countries[{code,name}], citations[{source,start,end,quote}]``) plus
additive keys (``claims``, ``article_id``, ``url``, ``labels`` …). Keys are never renamed or removed:
other tools read them.

A page of events is loaded in four queries whatever its size (events, then their actors, countries
and citations in batched ``IN`` queries), so there is no N+1 pattern; ``export_events`` loads each
link table once for all events.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import time
from collections import OrderedDict, namedtuple
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import JSON, Date, func, literal, or_, text, tuple_, union_all
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from app import labels
from app.extract.clauses import load_toml
from app.settings import get_settings
from app.store import actor_names, facet_index
from app.store.filters import SQLITE_FOLD, EventFilter
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry, EventRedirect

_CHUNK = 500  # ids per IN (...) list; far below SQLite's bound-parameter limit
CONTEXT_CHARS = 160  # text shown around a quote on the event page


class CursorError(ValueError):
    """An ``after``/``before`` token that is not one this app issued (→ HTTP 422)."""


@dataclass(frozen=True)
class Cursor:
    """A position in the timeline order ``(date_first NULLS LAST, id)``: the sort key of one row."""

    date_first: date | None
    id: int

    def encode(self) -> str:
        """Opaque URL-safe token (base64 of a small JSON array); clients must not build it."""
        raw = json.dumps([self.date_first.isoformat() if self.date_first else None, self.id],
                         separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            d, i = json.loads(raw)
            if not isinstance(i, int) or isinstance(i, bool) or i < 0:
                raise ValueError(i)
            return cls(date.fromisoformat(d) if d is not None else None, i)
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            raise CursorError("ungültiges Seiten-Token") from exc

    @classmethod
    def of(cls, event: dict[str, Any]) -> Cursor:
        start = event["date"]["start"]
        return cls(date.fromisoformat(start) if start else None, event["id"])


@dataclass
class EventPage:
    """One page of filtered events and what is needed to describe and paginate it.

    Pagination is by keyset: ``next_cursor`` is the sort key of the last row, ``prev_cursor`` that of
    the first; ``offset`` (rows before this page) is counted only for display ("Ereignisse 101–200")."""

    events: list[dict[str, Any]]
    total: int
    limit: int
    filter: EventFilter
    offset: int = 0
    description: str = ""
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    next_cursor: Cursor | None = None
    prev_cursor: Cursor | None = None
    #: With ``sort=sources`` the order is not the timeline's, so pages are numbered (OFFSET).
    next_page: int | None = None
    prev_page: int | None = None

    @property
    def page(self) -> int:
        """The page number this page (mostly) is; exact unless rows were added meanwhile."""
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_prev(self) -> bool:
        return self.prev_cursor is not None

    @property
    def first_index(self) -> int:
        return self.offset + 1 if self.events else 0

    @property
    def last_index(self) -> int:
        return self.offset + len(self.events)


# ---------------------------------------------------------------------------- helpers


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def prepare(session: Session) -> str:
    """Return the dialect name; on SQLite register the Unicode case-folding function ``q`` uses.

    Registering on the request's own connection (cheap, idempotent) instead of a global connect
    hook keeps it working for engines created anywhere (tests, benchmark, CLI)."""
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        raw = conn.connection.dbapi_connection
        if isinstance(raw, sqlite3.Connection):
            raw.create_function(SQLITE_FOLD, 1, _casefold, deterministic=True)
    return dialect


# ---------------------------------------------------------------------------- count cache
#
# Why: exact counts over a broad filter (the unfiltered page, a country every event has) cost
# 50–150 ms on 100,000 events in SQLite however they are indexed, and the same few broad filters are
# asked for again and again. Counts (list totals, facet counts) are cached per process, keyed by the
# database, what was counted, and the database's data version: ``rk_data_version`` (migration 0004),
# a random epoch per database plus a counter that triggers bump on every change of events, their
# actors, countries and citations. Any load or re-load therefore invalidates every cached count; a
# database without that table (not migrated to 0004) is never cached. Entries are evicted LRU
# (``count_cache_size``; 0 disables the cache).

_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_HAS_VERSION: dict[str, bool] = {}


def data_version(session: Session) -> tuple[Any, ...] | None:
    """(database, epoch, counter) of the data now visible, or None when counts must not be cached."""
    if get_settings().count_cache_size <= 0:
        return None
    return read_version(session)


def read_version(session: Session) -> tuple[Any, ...] | None:
    """(database, epoch, counter) of the data now visible, or None on a database without
    ``rk_data_version``; whatever the count cache's settings (``facet_index`` keys its index by it)."""
    conn = session.connection()
    url = conn.engine.url.render_as_string(hide_password=True)
    has = _HAS_VERSION.get(url)
    if has is None:  # once per database and process, on the DBAPI connection (no SQLAlchemy events)
        sql = {"sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'rk_data_version'",
               "postgresql": "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'rk_data_version' "
                             "AND schemaname = ANY (current_schemas(false))"}.get(conn.dialect.name)
        has = False
        if sql:
            cur = conn.connection.dbapi_connection.cursor()
            try:
                cur.execute(sql)
                has = cur.fetchone()[0] > 0
            finally:
                cur.close()
        _HAS_VERSION[url] = has
    if not has:
        return None
    row = conn.execute(text("SELECT epoch, n FROM rk_data_version WHERE id = 1")).first()
    return (url, row[0], row[1]) if row else None


def cache_get(version: tuple[Any, ...] | None, key: tuple[Any, ...]) -> Any | None:
    if version is None:
        return None
    with _CACHE_LOCK:
        hit = _CACHE.get((version, key))
        if hit is not None:
            _CACHE.move_to_end((version, key))
        return hit


def cache_put(version: tuple[Any, ...] | None, key: tuple[Any, ...], value: Any) -> None:
    size = get_settings().count_cache_size
    if version is None or size <= 0:
        return
    with _CACHE_LOCK:
        _CACHE[(version, key)] = value
        _CACHE.move_to_end((version, key))
        while len(_CACHE) > size:
            _CACHE.popitem(last=False)


def cache_clear() -> None:
    """Forget every cached count (tests; never needed for correctness)."""
    with _CACHE_LOCK:
        _CACHE.clear()
    _HAS_VERSION.clear()


def count_key(flt: EventFilter) -> tuple[Any, ...]:
    """What a count over ``flt`` depends on: every filter field except the sort order."""
    return (flt.actor, flt.country, flt.type, flt.status, flt.date_from, flt.date_to,
            flt.dates if (flt.date_from or flt.date_to) else "overlap", flt.q, flt.min_sources)


class TimeUp(Exception):
    """A statement run under ``time_limit`` was interrupted at its deadline."""


@contextmanager
def time_limit(session: Session, deadline: float | None) -> Iterator[None]:
    """Interrupt the SQLite statements run inside once ``deadline`` (``time.perf_counter``) has
    passed, raising ``TimeUp``; nothing is limited on other dialects or with ``deadline=None``.

    SQLite's progress handler is called every few thousand VM steps; an interrupted SELECT leaves
    the connection and its transaction usable."""
    raw = session.connection().connection.dbapi_connection if deadline is not None else None
    if not isinstance(raw, sqlite3.Connection):
        yield
        return
    raw.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 2000)
    try:
        yield
    except OperationalError as exc:
        if "interrupt" in str(exc.orig).lower():
            raise TimeUp from exc
        raise
    finally:
        raw.set_progress_handler(None, 0)


#: On SQLite a total is first counted directly for this long; only a count that takes longer
#: (a broad filter on a big database) consults and fills the cache.
QUICK_COUNT_MS = 4


def count_events(session: Session, flt: EventFilter, conds: list[Any] | None = None) -> int:
    """How many real events match ``flt``: counted directly when that is quick, else from the
    cache (per data version) or counted and cached."""
    if conds is None:
        conds = flt.conditions(prepare(session))
    stmt = select(func.count()).select_from(Event).where(*conds)
    if session.connection().dialect.name == "sqlite":
        try:
            with time_limit(session, time.perf_counter() + QUICK_COUNT_MS / 1000):
                return int(session.exec(stmt).one())
        except TimeUp:
            pass
    version = data_version(session)
    key = ("total", count_key(flt))
    hit = cache_get(version, key)
    if hit is not None:
        return int(hit)
    n = int(session.exec(stmt).one())
    cache_put(version, key, n)
    return n


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _order():
    # Chronological; undated events (date_first NULL) last; id keeps the order stable.
    return (Event.date_first.is_(None), Event.date_first, Event.id)


def _date_dict(e: Event) -> dict[str, Any]:
    return {
        "value": e.date_value,
        "start": e.date_first.isoformat() if e.date_first else None,
        "end": e.date_last.isoformat() if e.date_last else None,
        "precision": e.date_precision,
        "expression": e.date_expression,
        "basis": e.date_basis,
        "anchor": e.date_anchor,
    }


def _event_dict(e: Event) -> dict[str, Any]:
    group_id = e.group_id or e.id
    group_status = e.group_status or e.status
    return {
        "id": e.id,
        "headline": e.headline,
        "type": e.type,
        "status": e.status,
        "date": _date_dict(e),
        "actors": [],
        "countries": [],
        "citations": [],
        "claims": list(e.claims or []),
        "trigger": e.trigger,
        "article_id": e.article_id,
        "url": f"/events/{e.id}",
        # The real event this mention belongs to (app/store/merge.py): on the timeline each group is
        # shown once, through its first mention, with the citations of all its mentions.
        "group": {
            "id": group_id,
            "status": group_status,
            "status_label": labels.status_label(group_status),
            "source_count": e.source_count or 1,
            "sources": list(e.sources or []),
            "mentions": 1,
            "merge_reason": e.merge_reason,
        },
        "labels": {
            "type": labels.type_label(e.type),
            "status": labels.status_label(e.status),
            "date": labels.format_value(e.date_value, e.date_first, e.date_precision, e.date_last)
            if e.date_first or e.date_value
            else None,
            "precision": labels.precision_label(e.date_precision) if e.date_precision else None,
        },
    }


def _q_actors():
    return (select(EventActor.event_id, EventActor.role, Actor.id, Actor.name, Actor.kind)
            .join(Actor, Actor.id == EventActor.actor_id)
            .order_by(EventActor.event_id, Actor.name, EventActor.role))


def _q_countries():
    return (select(EventCountry.event_id, EventCountry.role, EventCountry.country_code, Country.name)
            .join(Country, Country.code == EventCountry.country_code, isouter=True)
            .order_by(EventCountry.event_id, EventCountry.country_code))


def _q_citations():
    c = Citation.__table__.c
    return (select(c.event_id, c.id, c.article_id, c.start, c.end, c.quote, c.sentence_index,
                   Article.file_name, Article.title, Article.outlet)
            .join(Article, Article.id == Citation.article_id)
            .order_by(Citation.event_id, Citation.article_id, Citation.start, Citation.id))


# The same three queries as plain SQL for an IN list of event ids ({ids}: its placeholders), run on
# the request's own DBAPI connection: SQLAlchemy's statement building, IN-list expansion and Row
# objects were half the time of hydrating a page of 100 events.
_SQL_ACTORS = ("SELECT ea.event_id, ea.role, a.id, a.name, a.kind FROM event_actor ea "
               "JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id IN ({ids}) ORDER BY ea.event_id, a.name, ea.role")
_SQL_COUNTRIES = ("SELECT ec.event_id, ec.role, ec.country_code, c.name FROM event_country ec "
                  "LEFT OUTER JOIN country c ON c.code = ec.country_code "
                  "WHERE ec.event_id IN ({ids}) ORDER BY ec.event_id, ec.country_code")
_SQL_CITATIONS = ('SELECT c.event_id, c.id, c.article_id, c.start, c."end", c.quote, c.sentence_index, '
                  "a.file_name, a.title, a.outlet FROM citation c JOIN article a ON a.id = c.article_id "
                  'WHERE c.event_id IN ({ids}) ORDER BY c.event_id, c.article_id, c.start, c.id')


def _link_rows(session: Session, ids: Sequence[int]) -> tuple[list[Any], list[Any], list[Any]]:
    """Actor, country and citation rows (plain tuples) of the events ``ids``."""
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    params = [int(i) for i in ids]
    placeholders = ",".join([mark] * len(params))
    cur = conn.connection.dbapi_connection.cursor()
    try:
        out = []
        for sql in (_SQL_ACTORS, _SQL_COUNTRIES, _SQL_CITATIONS):
            cur.execute(sql.format(ids=placeholders), params)
            out.append(cur.fetchall())
    finally:
        cur.close()
    return out[0], out[1], out[2]


def _attach(by_id: dict[int, dict[str, Any]], actors: Iterable[Any], countries: Iterable[Any],
            citations: Iterable[Any]) -> None:
    for event_id, role, actor_id, name, kind in actors:
        if (d := by_id.get(event_id)) is not None:
            d["actors"].append({"name": name, "role": role, "id": actor_id, "kind": kind})
    for event_id, role, code, name in countries:
        if (d := by_id.get(event_id)) is not None:
            d["countries"].append({"code": code, "name": name or code, "role": role})
    for event_id, cid, article_id, start, end, quote, sentence_index, file_name, title, outlet in citations:
        if (d := by_id.get(event_id)) is not None:
            d["citations"].append({
                "source": file_name,
                "start": start,
                "end": end,
                "quote": quote,
                "id": cid,
                "article_id": article_id,
                "sentence_index": sentence_index,
                "article_title": title,
                "outlet": outlet,
                "url": f"/articles/{article_id}#cite-{cid}",
            })


def _hydrate(session: Session, events: Sequence[Event], *, everything: bool = False,
             groups: bool = False) -> list[dict[str, Any]]:
    """Event dicts with actors, countries and citations, in 3 batched queries (per 500 ids).

    ``everything=True`` (export) reads each link table once without an ``IN`` list. ``groups=True``
    (timeline, event page) adds to each real event the actors, countries and citations of the other
    mentions of its group, and in ``group.claims`` every distinct claim of its mentions; each
    citation then carries its mention's stance and date expression."""
    if groups and events:
        return _hydrate_groups(session, events)
    out = [_event_dict(e) for e in events]
    by_id = {d["id"]: d for d in out}
    if not by_id:
        return out
    ids = list(by_id)
    if everything:
        conn = session.connection()  # each link table streamed once, one after the other
        _attach(by_id, conn.execute(_q_actors()), (), ())
        _attach(by_id, (), conn.execute(_q_countries()), ())
        _attach(by_id, (), (), conn.execute(_q_citations()))
    else:
        for chunk in _chunks(ids):
            _attach(by_id, *_link_rows(session, chunk))
    return out


@cache
def _status_suffixes() -> dict[str, str]:
    """The status marks headlines end with ("(mutmaßlich)"), from the headline resource."""
    return dict(load_toml("headlines.toml")["status"])


def headline_with_status(headline: str, old: str, new: str) -> str:
    """A report's headline re-marked with its real event's derived status: "Nordkorea entsendet
    Soldaten nach Russland (mutmaßlich)" becomes "… nach Russland" once another report states it."""
    marks = _status_suffixes()
    old_mark, new_mark = marks.get(old, ""), marks.get(new, "")
    if old_mark and headline.endswith(" " + old_mark):
        headline = headline[: -len(old_mark) - 1]
    elif old_mark and headline == old_mark:
        headline = ""
    return f"{headline} {new_mark}".strip()


def _hydrate_groups(session: Session, heads: Sequence[Event]) -> list[dict[str, Any]]:
    head_ids = [e.id for e in heads]
    members: list[Any] = []
    for chunk in _chunks(head_ids):
        members += list(session.connection().execute(
            select(*Event.__table__.c).where(Event.group_id.in_(chunk), Event.id != Event.group_id).order_by(Event.id)
        ).all())
    dicts = _hydrate(session, [*heads, *members])
    by_id = {d["id"]: d for d in dicts}
    out = [by_id[i] for i in head_ids]
    for d in dicts:
        for c in d["citations"]:
            c["stance"] = d["status"]
            c["stance_label"] = labels.status_label(d["status"])
            c["claims"] = d["claims"]
            c["date_expression"] = d["date"]["expression"]
            c["date_basis"] = d["date"]["basis"]
            c["mention_id"] = d["id"]
            c["merge_reason"] = d["group"]["merge_reason"]
    for d in out:
        d["group"]["claims"] = list(d["claims"])
        if d["group"]["status"] != d["status"]:  # the headline speaks for the event, not its first report
            d["headline"] = headline_with_status(d["headline"], d["status"], d["group"]["status"])
    for m in members:
        head = by_id.get(m.group_id)
        if head is None:
            continue
        md = by_id[m.id]
        head["group"]["mentions"] += 1
        have = {(c.get("stance"), tuple(c.get("holders") or ())) for c in head["group"]["claims"]}
        for c in md["claims"]:  # every stance of the group, once: "vermutet: USA", "bestritten: Russland"
            if (key := (c.get("stance"), tuple(c.get("holders") or ()))) not in have:
                have.add(key)
                head["group"]["claims"].append(c)
        seen_a = {(a["id"], a["role"]) for a in head["actors"]}
        head["actors"] += [a for a in md["actors"] if (a["id"], a["role"]) not in seen_a]
        seen_c = {c["code"] for c in head["countries"]}
        head["countries"] += [c for c in md["countries"] if c["code"] not in seen_c]
        head["citations"] += md["citations"]
    return out


# ---------------------------------------------------------------------------- events


def list_events(
    session: Session,
    flt: EventFilter | None = None,
    *,
    page: int = 1,
    limit: int | None = None,
    after: Cursor | None = None,
    before: Cursor | None = None,
) -> EventPage:
    """One page of events matching ``flt``, chronological, undated last, with its German description.

    ``after``/``before`` (keyset cursors) select the rows right after/before a sort key: stable while
    events are added or removed elsewhere in the order. ``page`` (OFFSET) remains for old links and
    is used only when neither cursor is given."""
    settings = get_settings()
    flt = flt or EventFilter()
    limit = max(1, min(limit or settings.page_size, settings.max_page_size))
    page = max(1, page)
    dialect = prepare(session)

    # The bitset index of the current data version (app/store/facet_index.py), if built: the total,
    # the page's rows and its offset from it; else SQL.
    idx = facet_index.current(session, read_version(session))
    bits = idx.matching(idx.masks(session, flt, dialect)) if idx is not None else None
    sql_rows = bits is None or flt.sort == "sources" or (page > 1 and after is None and before is None)
    conds = flt.conditions(dialect) if sql_rows else []
    total = bits.bit_count() if bits is not None else count_events(session, flt, conds)
    # Many matches: walk the timeline index and stop after one page (SQLite would otherwise start
    # from the smallest IN list and sort every match). Few matches: read and sort them.
    walk = dialect == "sqlite" and total > WALK_MIN_MATCHES
    if flt.sort == "sources":
        offset = (page - 1) * limit
        rows = list(session.exec(
            select(Event).where(*conds).order_by(Event.source_count.desc(), *_order()).offset(offset).limit(limit + 1)
        ).all())
        more = len(rows) > limit
        names = filter_names(session, flt)
        return EventPage(
            events=_hydrate(session, rows[:limit], groups=True), total=total, limit=limit, filter=flt,
            offset=offset, description=flt.describe(total, names["country"], names["actor"]), names=names,
            next_page=page + 1 if more else None, prev_page=page - 1 if page > 1 else None,
        )
    if idx is not None and bits is not None:
        def seek(cursor: Cursor | None, n: int, forward: bool) -> list[Any]:
            return _seek_indexed(session, idx, bits, cursor, n, forward=forward)

        def count_before(cursor: Cursor, inclusive: bool = False) -> int:
            return idx.count_below(bits, idx.position(cursor.date_first, cursor.id, after=inclusive))
    else:
        def seek(cursor: Cursor | None, n: int, forward: bool) -> list[Any]:
            return _seek(session, conds, cursor, n, forward=forward, walk=walk)

        def count_before(cursor: Cursor, inclusive: bool = False) -> int:
            return _count_before(session, conds, cursor, inclusive=inclusive)

    if before is not None:
        rows = seek(before, limit + 1, False)
        more_before = len(rows) > limit
        rows = rows[:limit][::-1]
        offset = count_before(Cursor(rows[0].date_first, rows[0].id)) if rows else 0
        has_prev = more_before
        # Whatever follows a "previous" page (at least the row the cursor came from, if it still
        # matches): counted, since rows may have been added or removed meanwhile.
        has_next = bool(rows) and offset + len(rows) < total
    else:
        if after is not None:
            rows = seek(after, limit + 1, True)
            offset = count_before(after, inclusive=True)
        elif page > 1:
            offset = (page - 1) * limit
            rows = session.exec(
                select(Event).where(*conds).order_by(*_order()).offset(offset).limit(limit + 1)
            ).all()
        else:
            rows = seek(None, limit + 1, True)
            offset = 0
        has_next = len(rows) > limit
        rows = rows[:limit]
        has_prev = offset > 0
    names = filter_names(session, flt)
    events = _hydrate(session, rows, groups=True)
    return EventPage(
        events=events,
        total=total,
        limit=limit,
        filter=flt,
        offset=offset,
        description=flt.describe(total, names["country"], names["actor"]),
        names=names,
        next_cursor=Cursor.of(events[-1]) if events and has_next else None,
        prev_cursor=Cursor.of(events[0]) if events and has_prev else None,
    )


#: From this many matches on, ``_seek`` walks ``ix_event_head_sort`` on SQLite (see ``list_events``).
WALK_MIN_MATCHES = 2000


def _seek(session: Session, conds: list[Any], cursor: Cursor | None, n: int, *, forward: bool,
          walk: bool = False) -> list[Event]:
    """Up to ``n`` rows strictly after (``forward``) or before ``cursor`` in the timeline order,
    nearest first, in one statement. Dated and undated rows are read by two ``UNION ALL`` branches,
    each with its own ORDER BY/LIMIT, so that each walks an index (``ix_event_sort`` = (date_first,
    id), resp. the primary key) instead of sorting the whole filtered set by ``date_first IS NULL``."""
    key = tuple_(Event.date_first, Event.id)
    dated: list[Any] = [Event.date_first.is_not(None)]
    undated: list[Any] = [Event.date_first.is_(None)]
    branches: list[tuple[int, list[Any]]] = []  # (group: 0 dated, 1 undated; extra conditions)
    if cursor is None:
        branches = [(0, dated), (1, undated)]
    elif cursor.date_first is None:
        ids = Event.id > cursor.id if forward else Event.id < cursor.id
        branches = [(1, [*undated, ids])] + ([] if forward else [(0, dated)])
    else:
        cur = tuple_(_bind_date(cursor.date_first), cursor.id)
        branches = [(0, [*dated, key > cur if forward else key < cur])] + ([(1, undated)] if forward else [])

    parts = []
    for group, extra in branches:
        if group == 0:
            order = (Event.date_first, Event.id) if forward else (Event.date_first.desc(), Event.id.desc())
        else:
            order = (Event.id,) if forward else (Event.id.desc(),)
        inner_q = select(Event.id.label("id")).where(*conds, *extra).order_by(*order).limit(n)
        if walk:
            inner_q = inner_q.with_hint(Event, "INDEXED BY ix_event_head_sort", "sqlite")
        inner = inner_q.subquery()
        parts.append(select(inner.c.id, literal(group).label("grp")))
    u = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    grp = u.c.grp if forward else u.c.grp.desc()
    stmt = select(Event).join(u, u.c.id == Event.id)
    if forward:
        stmt = stmt.order_by(grp, Event.date_first, Event.id)
    else:
        stmt = stmt.order_by(grp, Event.date_first.desc(), Event.id.desc())
    return list(session.exec(stmt.limit(n)).all())


def _seek_indexed(session: Session, idx: facet_index.FacetIndex, bits: int, cursor: Cursor | None, n: int, *,
                  forward: bool) -> list[Any]:
    """``_seek`` through the bitset index: the positions of the rows (``bits``) around the cursor
    give their ids, one primary-key read fetches them."""
    if cursor is None:
        start = 0 if forward else idx.n
    else:
        start = idx.position(cursor.date_first, cursor.id, after=forward)
    ids = idx.page_ids(bits, start, n, forward=forward)
    if not ids:
        return []
    rank = {i: k for k, i in enumerate(ids)}
    conn = session.connection()
    raw = conn.connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection):
        rows: Sequence[Any] = _event_rows_sqlite(raw, ids)
    else:  # Core rows (attribute access like an Event): no ORM identity map or instances to build.
        rows = conn.execute(select(*Event.__table__.c).where(Event.id.in_(ids))).all()
    return sorted(rows, key=lambda e: rank[e.id])


_EVENT_COLUMNS = [c.name for c in Event.__table__.c]
#: An event row read without SQLAlchemy (attribute access like its Core rows).
EventRow = namedtuple("EventRow", _EVENT_COLUMNS)  # type: ignore[misc]
_DATE_COLUMNS = [i for i, c in enumerate(Event.__table__.c) if isinstance(c.type, Date)]
_JSON_COLUMNS = [i for i, c in enumerate(Event.__table__.c) if isinstance(c.type, JSON)]
_SQL_EVENTS = "SELECT " + ", ".join(f'"{c}"' for c in _EVENT_COLUMNS) + " FROM event WHERE id IN ({ids})"


def _event_rows_sqlite(raw: sqlite3.Connection, ids: Sequence[int]) -> list[Any]:
    """The event rows ``ids`` on SQLite's DBAPI connection, converted as SQLAlchemy's column types
    convert them there (ISO dates → ``date``, JSON text → lists): the Core select's result
    processing was a tenth of the timeline's time."""
    params = [int(i) for i in ids]
    out = []
    for row in raw.execute(_SQL_EVENTS.format(ids=",".join("?" * len(params))), params).fetchall():
        row = list(row)
        for i in _DATE_COLUMNS:
            if row[i] is not None:
                row[i] = date.fromisoformat(row[i][:10])
        for i in _JSON_COLUMNS:
            if (v := row[i]) is not None:
                row[i] = [] if v == "[]" else json.loads(v)  # most claims/sources lists are empty
        out.append(EventRow._make(row))
    return out


def _bind_date(d: date) -> Any:
    return literal(d, Date())


def _count_before(session: Session, conds: list[Any], cursor: Cursor, *, inclusive: bool = False) -> int:
    """How many matching rows come before ``cursor`` (and the cursor row itself if ``inclusive``)."""
    if cursor.date_first is None:
        bound = Event.id <= cursor.id if inclusive else Event.id < cursor.id
        where: Any = or_(Event.date_first.is_not(None), bound)
    else:
        key = tuple_(Event.date_first, Event.id)
        cur = tuple_(_bind_date(cursor.date_first), cursor.id)
        where = key <= cur if inclusive else key < cur
    return int(session.exec(select(func.count()).select_from(Event).where(*conds, where)).one())


def resolve_event_id(session: Session, event_id: int) -> int | None:
    """The id under which the real event ``event_id`` is shown now: itself, its group's id (for a
    mention merged into another event), or where a redirect points (an id that lost its event when
    articles were re-loaded). None when it never existed or was removed."""
    e = session.get(Event, event_id)
    if e is not None:
        return e.group_id or e.id
    red = session.get(EventRedirect, event_id)
    seen = {event_id}
    while red is not None and red.new_id not in seen:
        seen.add(red.new_id)
        if (target := session.get(Event, red.new_id)) is not None:
            return target.group_id or target.id
        red = session.get(EventRedirect, red.new_id)
    return None


def get_event(session: Session, event_id: int) -> dict[str, Any] | None:
    """One real event with the citations of all its mentions (each with some surrounding text, its
    stance and its date expression) and its first source article. Returns None for an id that is not
    a real event's (see ``resolve_event_id`` for where it went)."""
    e = session.get(Event, event_id)
    if e is None or (e.group_id or e.id) != e.id:
        return None
    d = _hydrate(session, [e], groups=True)[0]
    article_ids = {c["article_id"] for c in d["citations"]} | {e.article_id}
    articles = {
        a.id: a for a in session.exec(select(Article).where(Article.id.in_(sorted(article_ids)))).all()
    }
    for c in d["citations"]:
        a = articles.get(c["article_id"])
        text = a.text if a else ""
        # the surrounding text, never reaching into boilerplate (a " date 2024-10" header, a credit)
        dropped = (a.report or {}).get("dropped", []) if a else []
        lo = max([c["start"] - CONTEXT_CHARS, 0, *(x["end"] for x in dropped if x["end"] <= c["start"])])
        hi = min([c["end"] + CONTEXT_CHARS, *(x["start"] for x in dropped if x["start"] >= c["end"])])
        c["context"] = {
            "before": _trim_left(text[lo : c["start"]], cut=lo > c["start"] - CONTEXT_CHARS),
            "after": _trim_right(text[c["end"] : hi], cut=hi < c["end"] + CONTEXT_CHARS),
        }
    src = articles.get(e.article_id)
    d["article"] = _article_summary(src) if src else None
    # Citations grouped by outlet (the corroboration view): outlet → citations.
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for c in d["citations"]:
        by_outlet.setdefault(c.get("outlet") or c["source"], []).append(c)
    d["by_outlet"] = [{"outlet": k, "citations": v} for k, v in by_outlet.items()]
    return d


def _trim_left(s: str, cut: bool = False) -> str:
    """Cut a context snippet at a word boundary on its left (``cut``: it already ends at
    boilerplate, so it is whole)."""
    if "\n" in s:
        s = s.rsplit("\n", 1)[1]
    elif not cut and len(s) >= CONTEXT_CHARS and " " in s:
        s = "… " + s.split(" ", 1)[1]
    return s.lstrip() if cut else s


def _trim_right(s: str, cut: bool = False) -> str:
    if "\n" in s:
        s = s.split("\n", 1)[0]
    elif not cut and len(s) >= CONTEXT_CHARS and " " in s:
        s = s.rsplit(" ", 1)[0] + " …"
    return s.rstrip() if cut else s


def export_events(session: Session) -> dict[str, Any]:
    """All events in the export-contract shape, ordered by date (undated last) then id.

    Used by ``timeline export --format json``."""
    rows = session.exec(select(Event).order_by(*_order())).all()
    return {"events": _hydrate(session, rows, everything=True)}


# ---------------------------------------------------------------------------- articles


def _article_summary(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "file_name": a.file_name,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "dct": {
            "value": a.dct_value,
            "precision": a.dct_precision,
            "source": a.dct_source,
            "detail": a.dct_detail,
        },
        "page": f"/articles/{a.id}",
    }


def get_article(session: Session, article_id: int) -> dict[str, Any] | None:
    """An article's original text, every citation into it (with its event) and its ingest report."""
    a = session.get(Article, article_id)
    if a is None:
        return None
    rows = session.exec(
        select(Citation, Event.headline, Event.type, Event.status)
        .join(Event, Event.id == Citation.event_id)
        .where(Citation.article_id == article_id)
        .order_by(Citation.start, Citation.end, Citation.id)
    ).all()
    citations = [
        {
            "id": c.id,
            "event_id": c.event_id,
            "start": c.start,
            "end": c.end,
            "quote": c.quote,
            "sentence_index": c.sentence_index,
            "event_headline": headline,
            "event_type": etype,
            "event_status": status,
            "event_url": f"/events/{c.event_id}",
        }
        for c, headline, etype, status in rows
    ]
    report = dict(a.report or {})
    report.setdefault("dropped", [])
    report.setdefault("warnings", [])
    report.setdefault("encoding", a.encoding)
    n_events = session.exec(select(func.count()).select_from(Event).where(Event.article_id == article_id)).one()
    return {
        **_article_summary(a),
        "encoding": a.encoding,
        "content_hash": a.content_hash,
        "loaded_at": a.loaded_at.isoformat() if a.loaded_at else None,
        "text": a.text,
        "citations": citations,
        "report": report,
        "event_count": int(n_events),
    }


def list_articles(session: Session) -> list[dict[str, Any]]:
    """All articles (without text) with their event and citation counts, newest DCT first."""
    n_events = dict(
        session.exec(select(Event.article_id, func.count()).group_by(Event.article_id)).all()
    )
    n_cites = dict(
        session.exec(select(Citation.article_id, func.count()).group_by(Citation.article_id)).all()
    )
    arts = session.exec(
        select(Article).order_by(Article.dct_value.is_(None), Article.dct_value.desc(), Article.file_name)
    ).all()
    return [
        {**_article_summary(a), "event_count": n_events.get(a.id, 0), "citation_count": n_cites.get(a.id, 0)}
        for a in arts
    ]


# ---------------------------------------------------------------------------- filter support


def filter_names(session: Session, flt: EventFilter) -> dict[str, dict[str, str]]:
    """Display names for the filter's values: {"country": {ISO3: name}, "actor": {value: name}}."""
    countries: dict[str, str] = {}
    actors: dict[str, str] = {}
    if flt.country:
        countries = dict(
            session.exec(select(Country.code, Country.name).where(Country.code.in_(flt.country))).all()
        )
    ids = [int(a) for a in flt.actor if a.isdigit()]
    if ids:
        actors = {str(i): n for i, n in session.exec(select(Actor.id, Actor.name).where(Actor.id.in_(ids)))}
    typed = actor_names.lookup_keys(flt.actor)
    if typed:  # "kim jong-un" → "Kim Jong Un"
        for name in session.exec(select(Actor.name).where(func.lower(Actor.name).in_(list(typed)))):
            actors[typed[name.lower()]] = name
    return {"country": countries, "actor": actors}


def filter_choices(session: Session, *, max_actors: int = 300) -> dict[str, Any]:
    """What the filter form offers: countries and actors that occur in events (with counts), all
    types and statuses (with German labels), and the overall date range."""
    from app.extract.model import EVENT_TYPES, STATUSES

    # Aggregate on the link tables alone (covered by their indexes), then attach names.
    per_country = session.exec(
        select(EventCountry.country_code, func.count()).group_by(EventCountry.country_code)
    ).all()
    country_names = dict(session.exec(select(Country.code, Country.name)).all())
    countries = sorted(
        ((c, country_names.get(c, c), k) for c, k in per_country), key=lambda x: (-x[2], x[1])
    )
    per_actor = session.exec(
        select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id)))
        .group_by(EventActor.actor_id)
        .order_by(func.count(func.distinct(EventActor.event_id)).desc())
        .limit(max_actors)
    ).all()
    actor_names = dict(
        session.exec(select(Actor.id, Actor.name).where(Actor.id.in_([a for a, _ in per_actor]))).all()
    ) if per_actor else {}
    actors = sorted(
        ((a, actor_names.get(a, str(a)), k) for a, k in per_actor), key=lambda x: (-x[2], x[1])
    )
    first = session.exec(select(func.min(Event.date_first))).one()
    last = session.exec(select(func.max(Event.date_last))).one()
    return {
        "countries": [{"code": c, "name": n, "count": k} for c, n, k in countries],
        "actors": [{"id": i, "name": n, "count": k} for i, n, k in actors],
        "types": [{"code": t, "label": labels.type_label(t)} for t in EVENT_TYPES],
        "statuses": [{"code": s, "label": labels.status_label(s)} for s in STATUSES],
        "date_min": first.isoformat() if first else None,
        "date_max": last.isoformat() if last else None,
    }
