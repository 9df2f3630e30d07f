"""An in-memory bitset index of the real events: facet counts, totals, page positions and the time
axis of any filter in a few milliseconds (issue 6: p95 ≤ 50 ms on 100,000 events in SQLite).

Why: a count over a broad filter is a scan in SQL however it is indexed. Five facets, the total, the
offset of a page and the time axis are eight such scans per request (0.3–1.5 s on 100,000 events
without the count cache, measured with ``benchmarks/facets_latency.py``), and a result cache only
helps a filter that was asked for before. Here every real event (``is_head = 1``) gets a *position*
in the timeline order (``date_first`` NULLS LAST, ``id``), and every filter value a bitset (a Python
``int``) of the positions that have it. A filter is the AND of one bitset per condition, each facet
count one AND and ``bit_count()`` — microseconds on 100,000 bits — so each request counts from
scratch, whatever it asks for.

Semantics are exactly those of ``EventFilter.conditions`` and the SQL counters in ``facets`` (tests
compare both on random filters, ``tests/test_facet_index.py``):

- actor/country conditions match at group level (a merged mention's links count for its real
  event: ``group_*`` bitsets), and so do their facets: a count is the result of toggling the value
  on, as in the SQL facets; status likewise matches the real event's derived status
  (``coalesce(group_status, status)``) or the stance of any of its reports; years are those of
  ``date_first``/``date_last``;
- ``from``/``to`` and ``min_sources`` are ranges over a sorted column (``_Sorted``: suffix bitsets
  every ``CHECKPOINT`` values plus the few values in between);
- ``q`` has no bitset: the ids of the matching rows come from the same full-text SQL as the
  filter's (``search.matching_ids``), once per request (memoised on the session), and each maps
  to its real event (a merged mention to its group's), as ``EventFilter.text_groups`` does. With
  the count cache on, the ``TEXT_CACHE`` most recent searches keep their bitset in the index (it
  belongs to one data version, so it can never be stale).

Life cycle: one index per database, for one data version (``queries.read_version``: every change of
events, links or citations moves it). A request on a newer version uses the SQL path (with its
time limit and count cache) and starts a rebuild in a background thread, so loading never waits
for it; a small database (``facet_index_sync_max`` events) is indexed inside the request, it
takes a few milliseconds there. Building reads the event table once and both link tables (about
1.5 s for 100,000 events, ``benchmarks/facets_latency.py`` prints it; the index then holds about
26 MB). An index whose reads saw the version move is dropped; while a load keeps changing the data,
background builds start at most every two build times. ``facet_index = false`` turns it off.
"""

from __future__ import annotations

import gc
import json
import logging
import sqlite3
import threading
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select, text
from sqlmodel import Session

from app.store import actor_names
from app.store.filters import EventFilter
from app.store.models import Actor, Event, EventActor, EventCountry
from app.store.search import matching_ids

log = logging.getLogger(__name__)

#: Values per suffix bitset of a sorted column (memory vs. bits set per range query).
CHECKPOINT = 1024
#: Searches (``q``) whose matching set is kept per index while the count cache is on.
TEXT_CACHE = 64
#: Precisions drawn as bars on the time axis (``entities_q.FINE_PRECISIONS``).
FINE = ("day", "week", "month")
_UNDATED = 1 << 22  # above every date ordinal: undated events sort last
_KEY_SHIFT = 40


def sort_key(first: date | None, event_id: int) -> int:
    """The timeline order ``(date_first NULLS LAST, id)`` as one integer."""
    return ((first.toordinal() if first is not None else _UNDATED) << _KEY_SHIFT) | event_id


def _positions(at: list[int], ids: list[int]) -> tuple[int, ...]:
    """``at[i]`` for every ``i`` of ``ids``, in one C call (``itemgetter``): a sixth of the time of
    ``map(at.__getitem__, ids)`` over 40,000 ids."""
    if len(ids) == 1:
        return (at[ids[0]],)
    return itemgetter(*ids)(at) if ids else ()


class _Bits:
    """Collects positions per value in bytearrays (cheap to set), then turns them into ints."""

    def __init__(self, nbytes: int):
        self.nbytes = nbytes
        self.arrays: dict[Any, bytearray] = {}

    def add(self, value: Any, pos: int) -> None:
        ba = self.arrays.get(value)
        if ba is None:
            ba = self.arrays[value] = bytearray(self.nbytes)
        ba[pos >> 3] |= 1 << (pos & 7)

    def ints(self) -> dict[Any, int]:
        return {v: int.from_bytes(ba, "little") for v, ba in self.arrays.items()}


def _from_positions(positions: Iterable[int], nbytes: int) -> int:
    ba = bytearray(nbytes)
    for p in positions:
        ba[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(ba, "little")


class _Sorted:
    """A column's non-NULL values in sorted order with their positions: ``ge``/``gt``/``le`` return
    the bitset of positions whose value compares so. A suffix bitset is kept every ``CHECKPOINT``
    values; a query ORs the nearest one with the (fewer than ``CHECKPOINT``) positions before it."""

    def __init__(self, pairs: list[tuple[int, int]], nbytes: int):
        pairs.sort()
        self.values = array("q", [v for v, _ in pairs])
        self.positions = array("q", [p for _, p in pairs])
        self.nbytes = nbytes
        n = len(pairs)
        self.suffix: list[int] = [0] * (n // CHECKPOINT + 1)  # suffix[j]: positions of pairs[j*C:]
        ba = bytearray(nbytes)
        for j in range(len(self.suffix) - 1, -1, -1):
            for p in self.positions[j * CHECKPOINT : (j + 1) * CHECKPOINT]:
                ba[p >> 3] |= 1 << (p & 7)
            self.suffix[j] = int.from_bytes(ba, "little")
        self.all = self.suffix[0]

    def _from(self, k: int) -> int:
        """Positions of the sorted values from index ``k`` on."""
        j = -(-k // CHECKPOINT)
        if j >= len(self.suffix):
            return _from_positions(self.positions[k:], self.nbytes)
        rest = self.positions[k : j * CHECKPOINT]
        return self.suffix[j] | _from_positions(rest, self.nbytes) if rest else self.suffix[j]

    def ge(self, x: int) -> int:
        return self._from(bisect_left(self.values, x))

    def gt(self, x: int) -> int:
        return self._from(bisect_right(self.values, x))

    def le(self, x: int) -> int:
        return self.all ^ self.gt(x)


#: Bits per chunk ``_lowest`` reads at a time.
_CHUNK_BITS = 4096


def _lowest(bits: int, n: int) -> list[int]:
    """The ``n`` lowest set bits, ascending.

    Read a chunk of ``_CHUNK_BITS`` at a time: shifting the whole bitset (12.5 kB for 100,000
    events) after every bit found was most of the time of a page of 100 rows."""
    out: list[int] = []
    if not bits:
        return out
    offset = (bits & -bits).bit_length() - 1  # skip the zeros below the first match at once
    bits >>= offset
    mask = (1 << _CHUNK_BITS) - 1
    while bits and len(out) < n:
        chunk = bits & mask
        while chunk and len(out) < n:
            low = chunk & -chunk
            out.append(offset + low.bit_length() - 1)
            chunk ^= low
        bits >>= _CHUNK_BITS
        offset += _CHUNK_BITS
    return out


def _highest(bits: int, n: int) -> list[int]:
    """The ``n`` highest set bits, descending."""
    out: list[int] = []
    while bits and len(out) < n:
        b = bits.bit_length() - 1
        out.append(b)
        bits &= (1 << b) - 1
    return out


def _month_end(d: date) -> date:
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


@dataclass
class Masks:
    """One bitset per active filter condition (None: not active)."""

    actor: int | None = None
    country: int | None = None
    type: int | None = None
    status: int | None = None
    dates: int | None = None
    text: int | None = None
    sources: int | None = None


_DIMS = ("actor", "country", "type", "status", "dates", "text", "sources")
#: Which conditions a facet ignores (its own parameter; the year facet the date range).
IGNORES = {"actor": "actor", "country": "country", "type": "type", "status": "status", "year": "dates"}


@dataclass
class FacetIndex:
    version: tuple[Any, ...]
    n: int  # real events
    n_dated: int  # positions [0, n_dated) have a date_first
    keys: array  # sort_key per position, ascending
    ids: array  # event id per position
    position_of: list[int]  # any event id -> its real event's position (-1: none); a list: C-speed map()
    all: int
    types: dict[str, int]
    statuses: dict[str, int]
    group_country: dict[str, int]
    group_actor: dict[int, int]
    actor_sizes: list[tuple[int, int]]  # (-own count, actor id), ascending: most frequent first
    year_first: dict[int, int]
    year_last_other: dict[int, int]  # by last year, where it differs from the first year
    year_same: dict[int, int]  # first year == last year
    first: _Sorted
    last: _Sorted
    sources: _Sorted
    #: The time axis: position ranges (a month's events, the events of one date_first), intervals
    #: (value, first, last, precision) and, in row order, cells (range number, interval number,
    #: type, bitset of its events relative to the range start).
    axis_ranges: list[tuple[int, int]]
    axis_intervals: list[tuple[Any, ...]]
    axis_cells: list[tuple[int, int, str, int]]
    date_span: tuple[date | None, date | None]  # min(date_first), max(date_last) over all rows
    build_ms: float = 0.0
    _text_cache: dict[tuple[Any, ...], int] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------------ filters
    def masks(self, session: Session, flt: EventFilter, dialect: str) -> Masks:
        m = Masks()
        if flt.actor:
            ids = {int(a) for a in flt.actor if a.isdigit()}
            names = list(actor_names.lookup_keys(flt.actor))
            if names:  # the same lookup as the SQL condition (SQL lower(), not Python's)
                ids |= set(session.execute(select(Actor.id).where(func.lower(Actor.name).in_(names))).scalars())
            m.actor = _or(self.group_actor.get(a, 0) for a in ids)
        if flt.country:
            m.country = _or(self.group_country.get(c, 0) for c in flt.country)
        if flt.type:
            m.type = _or(self.types.get(t, 0) for t in flt.type)
        if flt.status:
            m.status = _or(self.statuses.get(s, 0) for s in flt.status)
        d = self._dates(flt)
        if d is not None:
            m.dates = d
        if flt.q:
            m.text = self._text(session, flt, dialect)
        if flt.min_sources:
            m.sources = self.sources.ge(flt.min_sources)
        return m

    def _dates(self, flt: EventFilter) -> int | None:
        lo, hi = flt._first, flt._last
        if lo is None and hi is None:
            return None
        bits = self.all
        within = flt.dates == "within"
        if lo is not None:
            bits &= (self.first if within else self.last).ge(lo.toordinal())
        if hi is not None:
            bits &= (self.last if within else self.first).le(hi.toordinal())
        return bits

    def _text(self, session: Session, flt: EventFilter, dialect: str) -> int:
        """Real events with a mention (themselves or a merged one) whose text matches ``q``: the ids
        of the matching rows (the FTS rowids on SQLite), each mapped to its real event's position —
        the same set as ``EventFilter.text_groups`` under the HEAD condition. Once per request."""
        memo = session.info.setdefault("facet_index_text", {})
        key = (self.version, flt.q, dialect)
        if key not in memo and (hit := self._text_cache.get(key)) is not None:
            memo[key] = hit
        if key not in memo:
            stmt = matching_ids(flt.q or "", dialect, Event)
            conn = session.connection()
            raw = conn.connection.dbapi_connection
            if isinstance(raw, sqlite3.Connection):
                # One row with every id (group_concat) on the raw connection: no per-row result
                # objects, less than half the time of fetching 40,000 rows through SQLAlchemy.
                sub = stmt.subquery()
                compiled = select(func.group_concat(sub.c[0])).compile(dialect=conn.dialect)
                params = compiled.construct_params()
                joined = raw.execute(str(compiled), [params[k] for k in compiled.positiontup or ()]).fetchone()[0]
                ids: list[int] = json.loads(f"[{joined}]") if joined else []
            else:
                ids = list(conn.execute(stmt).scalars())
            memo[key] = self._bits_of_ids(ids)
            self._remember_text(key, memo[key])
        return memo[key]

    def _bits_of_ids(self, ids: list[int]) -> int:
        """The bitset of the real events of the event ids ``ids`` (mentions map to their real event;
        ids without one are ignored). Written as C-level ``map`` calls over a bytearray of "0"/"1"
        digits, one per position (the last slot, index -1, collects the ids without a position),
        read as a base-2 int: a third of the time of a Python loop over 40,000 ids."""
        if not ids or not self.n:
            return 0
        at = self.position_of
        digits = bytearray(b"0") * (self.n + 1)
        try:
            positions = _positions(at, ids)
        except IndexError:  # an id newer than this index (rare: no max() pass for it): not one of its events
            size = len(at)
            positions = _positions(at, [i for i in ids if i < size])
        deque(map(digits.__setitem__, positions, repeat(49)), maxlen=0)  # 49: "1"
        del digits[-1]
        digits.reverse()  # position 0 is the lowest bit
        return int(digits, 2)

    def _remember_text(self, key: tuple[Any, ...], bits: int) -> None:
        """Keep a search's bitset for this data version (the count cache's setting: none when it is
        off), the ``TEXT_CACHE`` most recent ones."""
        from app.settings import get_settings

        if get_settings().count_cache_size <= 0:
            return
        with _LOCK:
            self._text_cache.pop(key, None)
            self._text_cache[key] = bits
            while len(self._text_cache) > TEXT_CACHE:
                self._text_cache.pop(next(iter(self._text_cache)))

    def matching(self, masks: Masks, ignore: str | None = None) -> int:
        bits = self.all
        for dim in _DIMS:
            if dim != ignore and (b := getattr(masks, dim)) is not None:
                bits &= b
        return bits

    # ------------------------------------------------------------------ facets
    def facet_counts(self, name: str, masks: Masks, *, mode: str = "overlap",
                     active_actors: tuple[int, ...] = (), limit: int = 15) -> dict[Any, int]:
        """Raw counts of one facet, as the SQL counters in ``facets`` return them."""
        base = self.matching(masks, IGNORES[name])
        if name == "country":
            return _counts(base, self.group_country)
        if name == "type":
            return _counts(base, self.types)
        if name == "status":
            return _counts(base, self.statuses)
        if name == "actor":
            return self._actor_counts(base, active_actors, limit)
        return self._year_counts(base, mode)

    def _actor_counts(self, base: int, active: tuple[int, ...], limit: int) -> dict[int, int]:
        # The top ``limit`` by (count desc, id asc). Actors come most frequent first; once the
        # ``limit``-th best count exceeds an actor's own total, no later actor can enter.
        best: list[tuple[int, int]] = []  # (-count, id), sorted
        for neg_size, aid in self.actor_sizes:
            if len(best) >= limit and -neg_size < -best[limit - 1][0]:
                break
            c = (base & self.group_actor[aid]).bit_count()
            if c:
                best.append((-c, aid))
                best.sort()
                del best[limit:]
        top = {aid: -nc for nc, aid in best}
        for aid in active:
            if aid not in top and aid in self.group_actor:
                c = (base & self.group_actor[aid]).bit_count()
                if c:
                    top[aid] = c
        return top

    def _year_counts(self, base: int, mode: str) -> dict[int, int]:
        if mode == "within":
            return _counts(base, self.year_same)
        out = _counts(base, self.year_first)
        for y, n in _counts(base, self.year_last_other).items():
            out[y] = out.get(y, 0) + n
        return dict(sorted(out.items()))

    # ------------------------------------------------------------------ pages
    def position(self, first: date | None, event_id: int, *, after: bool) -> int:
        """Positions below the result hold the rows before the cursor (``after``: and the cursor's)."""
        k = sort_key(first, event_id)
        return bisect_right(self.keys, k) if after else bisect_left(self.keys, k)

    def page_ids(self, bits: int, start: int, n: int, *, forward: bool) -> list[int]:
        """Ids of up to ``n`` matching rows from position ``start`` on (``forward``) or before it,
        nearest first."""
        if forward:
            return [self.ids[p] for p in (start + b for b in _lowest(bits >> start, n))]
        return [self.ids[p] for p in _highest(bits & ((1 << start) - 1), n)]

    @staticmethod
    def count_below(bits: int, position: int) -> int:
        return (bits & ((1 << position) - 1)).bit_count()

    # ------------------------------------------------------------------ axis
    def axis_groups(self, bits: int) -> tuple[list[tuple[Any, ...]], int]:
        """The time axis' counts, as ``entities_q.axis_rows`` counts them but gathered per interval:
        ``(value, first, last, precision, {type: count})`` per month for events dated to a day, week
        or month (value None, precision "month"), then per exact interval for coarser ones, in
        ``axis_rows``' order; and the number of undated events."""
        slices = [(bits >> a) & ((1 << (b - a)) - 1) for a, b in self.axis_ranges]
        found: dict[int, dict[str, int]] = {}
        for r, g, etype, rel in self.axis_cells:
            s = slices[r]
            if s and (c := (s & rel).bit_count()):
                counts = found.get(g)
                if counts is None:
                    counts = found[g] = {}
                counts[etype] = c
        groups = self.axis_intervals
        return [(*groups[g], counts) for g, counts in found.items()], (bits >> self.n_dated).bit_count()


def _or(bitsets: Iterable[int]) -> int:
    out = 0
    for b in bitsets:
        out |= b
    return out


def _counts(base: int, by_value: dict[Any, int]) -> dict[Any, int]:
    out = {}
    for v, b in by_value.items():
        c = (base & b).bit_count()
        if c:
            out[v] = c
    return out


# ---------------------------------------------------------------------------- building


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _raw(session: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """Rows of a constant statement read on the session's own DBAPI connection (same transaction):
    without SQLAlchemy's per-row result processing, which would double the time of reading some
    500,000 rows for 100,000 events. Dates come back as ISO text on SQLite (``_as_date``)."""
    conn = session.connection()
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(sql)
        return cur.fetchall()
    finally:
        cur.close()


def _links(rows: Any, pos: dict[int, int], mention: dict[int, int], nbytes: int) -> _Bits:
    """Bits per linked key (a country code, an actor id): the real events whose group names it
    (the real event itself or any mention merged into it)."""
    group = _Bits(nbytes)
    for eid, key in rows:
        p = pos.get(eid)
        if p is None:
            p = mention.get(eid)
        if p is not None:
            group.add(key, p)
    return group


def build(session: Session, version: tuple[Any, ...]) -> FacetIndex:
    """Read the real events and the link tables once and index them."""
    t0 = time.perf_counter()
    status = func.coalesce(Event.group_status, Event.status)
    rows = _raw(session,
        select(Event.id, Event.date_first, Event.date_last, Event.type, status, Event.source_count,
               Event.date_precision, Event.date_value, Event.status).where(Event.is_head == 1)
    )
    heads = []
    own_status: dict[int, str] = {}
    for r in rows:
        first, last = _as_date(r[1]), _as_date(r[2])
        heads.append((sort_key(first, r[0]), r[0], first, last, r[3], r[4], r[5], r[6], r[7]))
        own_status[r[0]] = r[8]
    heads.sort()
    n = len(heads)
    nbytes = (n + 7) // 8
    pos = {h[1]: p for p, h in enumerate(heads)}
    n_dated = sum(1 for h in heads if h[2] is not None)

    types, statuses = _Bits(nbytes), _Bits(nbytes)
    y_first, y_last_other, y_same = _Bits(nbytes), _Bits(nbytes), _Bits(nbytes)
    firsts: list[tuple[int, int]] = []
    lasts: list[tuple[int, int]] = []
    srcs: list[tuple[int, int]] = []
    cells: dict[tuple[Any, ...], list[int]] = {}
    for p, (_k, eid, first, last, etype, st, src, precision, value) in enumerate(heads):
        types.add(etype, p)
        statuses.add(st, p)  # the derived status, and every stance of a report (below)
        statuses.add(own_status[eid], p)
        if src is not None:
            srcs.append((int(src), p))
        if first is not None:
            firsts.append((first.toordinal(), p))
            y_first.add(first.year, p)
        if last is not None:
            lasts.append((last.toordinal(), p))
        if first is not None and last is not None:
            if last.year != first.year:
                y_last_other.add(last.year, p)
            else:
                y_same.add(first.year, p)
            if precision is None or precision in FINE:
                key: tuple[Any, ...] = ("m", date(first.year, first.month, 1), etype)
            else:
                key = ("c", value, first, last, precision, etype)
            cells.setdefault(key, []).append(p)

    # Axis cells, each within the position range that holds it: a month's events (ordered by
    # date_first) for a bar, the events of one date_first for an exact interval.
    keys = array("q", [h[0] for h in heads])
    ranges: dict[tuple[int, int], int] = {}
    intervals: dict[tuple[Any, ...], int] = {}
    axis_cells = []
    fine_keys = sorted((k for k in cells if k[0] == "m"), key=lambda k: (k[1], k[2]))
    coarse_keys = sorted((k for k in cells if k[0] == "c"),
                         key=lambda k: (k[1] is not None, k[1] or "", k[2], k[3], k[4], k[5]))
    for key in fine_keys + coarse_keys:
        if key[0] == "m":
            lo = key[1]
            hi = date.fromordinal(_month_end(lo).toordinal() + 1) if lo < date(9999, 12, 1) else None
            row: tuple[Any, ...] = (None, lo, _month_end(lo), "month", key[2])
        else:
            lo = key[2]
            hi = date.fromordinal(lo.toordinal() + 1) if lo < date.max else None
            row = key[1:]
        a = bisect_left(keys, sort_key(lo, 0))
        b = bisect_left(keys, sort_key(hi, 0)) if hi else n_dated
        rel = 0
        for p in cells[key]:
            rel |= 1 << (p - a)
        r = ranges.setdefault((a, b), len(ranges))
        g = intervals.setdefault(row[:4], len(intervals))
        axis_cells.append((r, g, row[4], rel))
    axis_ranges = sorted(ranges, key=ranges.__getitem__)
    axis_intervals = sorted(intervals, key=intervals.__getitem__)

    # Links: a real event's own (facet counts) and its group's (filters). A merged mention stands
    # for its group's real event.
    mention = {}
    for mid, gid, st in _raw(session, select(Event.id, Event.group_id, Event.status).where(Event.is_head == 0)):
        if gid in pos:
            mention[mid] = pos[gid]
            statuses.add(st, pos[gid])
    group_c = _links(_raw(session, select(EventCountry.event_id, EventCountry.country_code)), pos, mention, nbytes)
    group_a = _links(_raw(session, select(EventActor.event_id, EventActor.actor_id)), pos, mention, nbytes)
    top = max([*pos, *mention], default=0)
    position_of = [-1] * (top + 1)
    for eid, p in pos.items():
        position_of[eid] = p
    for eid, p in mention.items():
        position_of[eid] = p
    group_actor = group_a.ints()
    span = _raw(session, select(func.min(Event.date_first), func.max(Event.date_last)))[0]

    idx = FacetIndex(
        version=version, n=n, n_dated=n_dated, keys=keys, ids=array("q", [h[1] for h in heads]),
        position_of=position_of,
        all=(1 << n) - 1, types=types.ints(), statuses=statuses.ints(),
        group_country=group_c.ints(), group_actor=group_actor,
        actor_sizes=sorted((-b.bit_count(), a) for a, b in group_actor.items()),
        year_first=y_first.ints(), year_last_other=y_last_other.ints(), year_same=y_same.ints(),
        first=_Sorted(firsts, nbytes), last=_Sorted(lasts, nbytes), sources=_Sorted(srcs, nbytes),
        axis_ranges=axis_ranges, axis_intervals=axis_intervals, axis_cells=axis_cells,
        date_span=(_as_date(span[0]), _as_date(span[1])),
    )
    idx.build_ms = (time.perf_counter() - t0) * 1000
    return idx


# ---------------------------------------------------------------------------- life cycle

_INDEX: dict[str, FacetIndex] = {}  # database -> its newest index
_BUILDING: set[str] = set()
_LAST_BUILD: dict[str, tuple[float, float]] = {}  # database -> (monotonic end, seconds) of its last build
_LOCK = threading.Lock()
#: Databases whose index is kept (one version each); tests make many small ones.
MAX_DATABASES = 4


def current(session: Session, version: tuple[Any, ...] | None) -> FacetIndex | None:
    """The index of the database's data ``version``, or None (use SQL) while it is being built.

    ``version`` is ``queries.read_version``; without one (a database not migrated to 0004) there is
    never an index, since nothing would tell when it went stale."""
    from app.settings import get_settings

    settings = get_settings()
    if version is None or not settings.facet_index:
        return None
    db = version[0]
    idx = _INDEX.get(db)
    if idx is not None and idx.version == version:
        return idx
    size = _raw(session, select(func.max(Event.id)))[0][0] or 0
    if size <= settings.facet_index_sync_max:
        return _build_checked(session, db, version)
    _build_later(session.get_bind(), db)
    return None


def _build_checked(session: Session, db: str, version: tuple[Any, ...]) -> FacetIndex | None:
    """Build and keep the index, unless the data changed while it was read (its statements need not
    see one snapshot): then it is dropped, and SQL answers until the next try."""
    t0 = time.monotonic()
    idx = build(session, version)
    now = _raw(session, text("SELECT epoch, n FROM rk_data_version WHERE id = 1"))
    if not now or tuple(now[0]) != tuple(version[1:]):
        return None
    with _LOCK:
        _INDEX.pop(db, None)
        _INDEX[db] = idx
        while len(_INDEX) > MAX_DATABASES:
            _INDEX.pop(next(iter(_INDEX)))
        _LAST_BUILD[db] = (time.monotonic(), time.monotonic() - t0)
    _settle()
    return idx


def _settle() -> None:
    """Leave the long-lived objects (the index, the app's modules) out of future garbage collections.

    With ~125k long-lived objects every full collection of Python's cyclic GC costs ~115 ms, and a
    request that happens to trigger one pays it (most of the facet benchmark's p95). After a build,
    one collection clears what is garbage now and ``gc.freeze()`` moves the survivors to the permanent
    generation; reference counting still frees them, only cycles among them would wait."""
    gc.collect()
    gc.freeze()


def _build_later(engine: Any, db: str) -> None:
    """Build in a background thread: one at a time per database, and — while a load keeps changing
    the data — not more often than every 2 build times (at most a third of a core)."""
    with _LOCK:
        last = _LAST_BUILD.get(db)
        if db in _BUILDING or (last and time.monotonic() < last[0] + 2 * last[1]):
            return
        _BUILDING.add(db)

    def run() -> None:
        from app.store.queries import read_version

        try:
            with Session(engine) as s:
                version = read_version(s)
                idx = _build_checked(s, db, version) if version is not None else None
                if idx is not None:
                    log.info("facet index: %d events in %.0f ms", idx.n, idx.build_ms)
        except Exception:  # noqa: BLE001 - the SQL path answers meanwhile
            log.exception("building the facet index failed")
        finally:
            with _LOCK:
                _BUILDING.discard(db)

    threading.Thread(target=run, name="facet-index", daemon=True).start()


def wait_ready(session: Session, timeout: float = 120.0) -> FacetIndex | None:
    """Block until the index of the current data version is built (benchmarks, tests)."""
    from app.store.queries import read_version

    deadline = time.monotonic() + timeout
    while True:
        idx = current(session, read_version(session))
        if idx is not None or time.monotonic() > deadline:
            return idx
        time.sleep(0.05)


def clear() -> None:
    """Forget every index (tests)."""
    with _LOCK:
        _INDEX.clear()
        _LAST_BUILD.clear()
