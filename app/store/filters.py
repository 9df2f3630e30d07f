"""The event filter: one value object that validates itself, turns itself into SQL, and says in
German what it selects.

Why a single object (as in Datasette's filter classes): the timeline page, the JSON API, the
filter form, the "remove this filter" links and the permalink all need the same understanding of
``?country=PRK&type=visit&from=2024-06``. Keeping parsing, SQL and description together means they
cannot drift apart.

Semantics: values of one parameter are alternatives (``country=RUS&country=PRK`` = either), different
parameters must all hold. ``from``/``to`` select events whose date interval ``[date_first,
date_last]`` overlaps the range, so "Juni 2024" is found by ``from=2024-06-15`` as well; undated
events never match a date filter. ``dates=within`` narrows this to events
whose whole interval lies inside the range (an event dated "Sommer 2024" lies within
``from=2024-06&to=2024-09`` but not within ``from=2024-06&to=2024-06``, which it merely overlaps);
``dates=overlap`` is the default and is left out of the permalink. ``q`` is a full-text search over
the headline and the cited quotes (word prefixes, case and umlauts folded; see ``search``).

Each condition can be described as a German phrase together with the filter that remains when the
condition is dropped (``description_parts``), so the sentence above the results links every
condition to its removal; the facets use ``toggled``/``with_year`` for their links.

SQL is built with SQLAlchemy expressions only; every user value travels as a bound parameter, and
LIKE wildcards in ``q`` are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, union_all
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from app import labels
from app.extract.model import EVENT_TYPES, STATUSES
from app.extract.timevalue import interval
from app.store import actor_names
from app.store.models import Actor, Event, EventActor, EventCountry
from app.store.search import SQLITE_FOLD, escape_like, matching_ids, text_condition

__all__ = ["DATE_MODES", "EventFilter", "FilterError", "MAX_TEXT", "MAX_VALUES", "SQLITE_FOLD", "escape_like"]

_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO3 = re.compile(r"[A-Za-z]{3}")
MAX_VALUES = 50  # per repeatable parameter
MAX_TEXT = 200
#: ``dates=``: how an event's date interval must relate to the from/to range.
DATE_MODES = ("overlap", "within")
LIST_PARAMS = ("actor", "country", "type", "status")


# A real event is the first mention of its merge group (group_id == id; rows stored without a
# group count as their own group). ``is_head`` holds exactly this, kept by triggers (migration 0004),
# so the condition is read from an index instead of comparing two columns of every row.
HEAD = Event.is_head == 1
_MENTION = aliased(Event, name="mention")
_TEXT = aliased(Event, name="found")
_STANCE = aliased(Event, name="stance")


def _groups_of(mention_ids: Any, merged_match: ColumnElement[bool]) -> Any:
    """Group ids (real event ids) of the matching mentions: ``mention_ids`` (a one-column select of
    all matching rows) plus the groups of the matching merged mentions (``merged_match``, a
    condition on ``_MENTION``).

    A real event matching on its own is in ``mention_ids`` (the caller's HEAD condition drops merged
    mentions' own ids there); merged mentions are few and read through the partial index
    ``ix_event_merged``. Same result as ``coalesce(group_id, id)`` per matching mention, without
    reading every matching row of the wide event table."""
    merged = select(_MENTION.group_id).where(_MENTION.is_head == 0, merged_match)
    return union_all(mention_ids, merged)


def in_groups(found: Any, id_col: Any) -> ColumnElement[bool]:
    """Real events (HEAD rows) with at least one mention among ``found``, a one-column select of
    event ids whose id column is ``id_col``: the group-level match of the actor and country filters,
    for views that select by another entity condition (actor, country and bilateral pages)."""
    return and_(HEAD, Event.id.in_(_groups_of(found, exists(found.where(id_col == _MENTION.id)))))


#: A mention's real event: its group id, or itself when it was stored without a group.
GROUP_KEY = func.coalesce(Event.group_id, Event.id)


SORTS = ("date", "sources")


class FilterError(ValueError):
    """A malformed filter parameter. ``errors`` is a FastAPI-style list of {loc, msg, type, input}."""

    def __init__(self, errors: list[dict[str, Any]]):
        self.errors = errors
        super().__init__("; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors))


@dataclass(frozen=True)
class EventFilter:
    actor: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    date_from: str | None = None  # GET parameter "from"
    date_to: str | None = None  # GET parameter "to"
    q: str | None = None
    dates: str = "overlap"  # GET parameter "dates": overlap (default) | within
    min_sources: int | None = None  # GET parameter "min_sources": reported by at least N sources
    sort: str = "date"  # GET parameter "sort": date (chronological, default) | sources (most sources first)
    #: Bounds as days, derived in ``parse``.
    _first: date | None = field(default=None, compare=False, repr=False)
    _last: date | None = field(default=None, compare=False, repr=False)

    # ------------------------------------------------------------------ parsing
    @classmethod
    def parse(
        cls,
        *,
        actor: Iterable[str] = (),
        country: Iterable[str] = (),
        type: Iterable[str] = (),  # noqa: A002 - the GET parameter's name
        status: Iterable[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
        q: str | None = None,
        dates: str | None = None,
        min_sources: str | int | None = None,
        sort: str | None = None,
    ) -> EventFilter:
        """Validate raw GET values. Empty values (an unused form field) are ignored; anything else
        that is malformed raises ``FilterError`` (→ HTTP 422)."""
        errors: list[dict[str, Any]] = []

        def err(name: str, msg: str, value: Any, kind: str = "value_error") -> None:
            errors.append({"loc": ["query", name], "msg": msg, "type": kind, "input": value})

        def clean(name: str, values: Iterable[str]) -> list[str]:
            out: list[str] = []
            for v in values:
                v = (v or "").strip()
                if v and v not in out:
                    out.append(v)
            if len(out) > MAX_VALUES:
                err(name, f"höchstens {MAX_VALUES} Werte erlaubt", len(out))
                out = out[:MAX_VALUES]
            return out

        actors = clean("actor", actor)
        for a in actors:
            if len(a) > MAX_TEXT:
                err("actor", f"Akteur zu lang (höchstens {MAX_TEXT} Zeichen)", a)

        countries = []
        for c in clean("country", country):
            if _ISO3.fullmatch(c):
                countries.append(c.upper())
            else:
                err("country", "Ländercode muss ISO 3166 alpha-3 sein (z. B. PRK)", c)

        types = clean("type", type)
        for t in types:
            if t not in EVENT_TYPES:
                err("type", "unbekannter Ereignistyp; erlaubt: " + ", ".join(EVENT_TYPES), t, "enum")
        statuses = clean("status", status)
        for s in statuses:
            if s not in STATUSES:
                err("status", "unbekannter Status; erlaubt: " + ", ".join(STATUSES), s, "enum")

        bounds: dict[str, tuple[date, date] | None] = {}
        for name, raw in (("from", date_from), ("to", date_to)):
            raw = (raw or "").strip()
            bounds[name] = None
            if not raw:
                continue
            well_formed = bool(_BOUND.fullmatch(raw))
            iv = interval(raw) if well_formed else None
            if iv is None and well_formed:
                err(name, "diesen Tag oder Monat gibt es nicht", raw)  # "2024-02-30", "2024-13"
            elif iv is None:
                err(name, "Datum muss JJJJ, JJJJ-MM oder JJJJ-MM-TT sein", raw)
            else:
                bounds[name] = (iv[0], iv[1])
        first = bounds["from"][0] if bounds["from"] else None
        last = bounds["to"][1] if bounds["to"] else None
        if first and last and first > last:
            err("to", "Ende liegt vor dem Anfang", date_to)

        text = (q or "").strip() or None
        if text and len(text) > MAX_TEXT:
            err("q", f"Suchtext zu lang (höchstens {MAX_TEXT} Zeichen)", text[:50])

        mode = (dates or "").strip() or "overlap"
        if mode not in DATE_MODES:
            err("dates", "Datumsbezug muss „overlap“ (überschneidet) oder „within“ (liegt innerhalb) sein",
                dates, "enum")

        n_sources: int | None = None
        raw_n = str(min_sources).strip() if min_sources is not None else ""
        if raw_n:
            if raw_n.isdigit() and 1 <= int(raw_n) <= 1000:
                n_sources = int(raw_n) if int(raw_n) > 1 else None
            else:
                err("min_sources", "Mindestzahl der Quellen muss eine ganze Zahl von 1 bis 1000 sein", min_sources)

        order = (sort or "").strip() or "date"
        if order not in SORTS:
            err("sort", "Sortierung muss „date“ (chronologisch) oder „sources“ (meiste Quellen zuerst) sein",
                sort, "enum")

        if errors:
            raise FilterError(errors)
        return cls(
            actor=tuple(actors),
            country=tuple(countries),
            type=tuple(types),
            status=tuple(statuses),
            date_from=(date_from or "").strip() or None,
            date_to=(date_to or "").strip() or None,
            q=text,
            dates=mode,
            min_sources=n_sources,
            sort=order,
            _first=first,
            _last=last,
        )

    # ------------------------------------------------------------------ state
    @property
    def is_empty(self) -> bool:
        return not self.items()

    def items(self) -> list[tuple[str, str]]:
        """The filter as GET (name, value) pairs, in a stable order: the permalink's query string."""
        pairs: list[tuple[str, str]] = []
        pairs += [("actor", v) for v in self.actor]
        pairs += [("country", v) for v in self.country]
        pairs += [("type", v) for v in self.type]
        pairs += [("status", v) for v in self.status]
        if self.date_from:
            pairs.append(("from", self.date_from))
        if self.date_to:
            pairs.append(("to", self.date_to))
        if self.dates != "overlap" and (self.date_from or self.date_to):
            pairs.append(("dates", self.dates))
        if self.q:
            pairs.append(("q", self.q))
        if self.min_sources:
            pairs.append(("min_sources", str(self.min_sources)))
        if self.sort != "date":
            pairs.append(("sort", self.sort))
        return pairs

    def without(self, name: str, value: str | None = None) -> EventFilter:
        """This filter minus one value (or the whole parameter): the target of a "remove" link."""
        if name in ("actor", "country", "type", "status"):
            current: tuple[str, ...] = getattr(self, name)
            kept = tuple(v for v in current if value is not None and v != value)
            return replace(self, **{name: kept})
        if name == "from":
            return replace(self, date_from=None, _first=None)
        if name == "to":
            return replace(self, date_to=None, _last=None)
        if name == "q":
            return replace(self, q=None)
        if name == "min_sources":
            return replace(self, min_sources=None)
        if name == "sort":
            return replace(self, sort="date")
        if name == "dates":
            return replace(self, dates="overlap")
        if name == "range":  # both bounds: the date condition as a whole
            return replace(self, date_from=None, date_to=None, _first=None, _last=None)
        raise KeyError(name)

    def with_value(self, name: str, value: str) -> EventFilter:
        """This filter plus one alternative value of a list parameter (a facet's "add" link)."""
        current: tuple[str, ...] = getattr(self, name)
        if value in current:
            return self
        return replace(self, **{name: current + (value,)})

    def toggled(self, name: str, value: str, active_as: str | None = None) -> EventFilter:
        """Add ``value`` to a list parameter, or remove it (given as ``active_as`` in the URL) if set."""
        if active_as is not None:
            return self.without(name, active_as)
        return self.with_value(name, value)

    def with_year(self, year: int) -> EventFilter:
        """The filter with its date range replaced by one calendar year (the year facet's link)."""
        y = f"{year:04d}"
        return replace(self, date_from=y, date_to=y, _first=date(year, 1, 1), _last=date(year, 12, 31))

    def is_year(self, year: int) -> bool:
        """True if the date range is exactly this calendar year."""
        return self._first == date(year, 1, 1) and self._last == date(year, 12, 31)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``filter`` in /api/events)."""
        return {
            "actor": list(self.actor),
            "country": list(self.country),
            "type": list(self.type),
            "status": list(self.status),
            "from": self.date_from,
            "to": self.date_to,
            "q": self.q,
            "dates": self.dates,
            "min_sources": self.min_sources,
            "sort": self.sort,
        }

    # ------------------------------------------------------------------ SQL
    def conditions(self, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
        """WHERE conditions on ``Event`` (ANDed by the caller). All values are bound parameters.

        Rows are real events: the first mention of each merge group (``app/store/merge.py``).
        Actor, country and text conditions match when *any* mention of the group matches; type and
        date are the group's first mention's; status matches the group's derived status or the
        stance of any of its mentions."""
        conds: list[ColumnElement[bool]] = [HEAD]
        if self.actor:
            ids = [int(a) for a in self.actor if a.isdigit()]
            names = list(actor_names.lookup_keys(self.actor))  # "Kim Jong-un", "Lavrov" → stored names
            who = []
            if ids:
                who.append(EventActor.actor_id.in_(ids))
            if names:
                who.append(func.lower(Actor.name).in_(names))
            # Uncorrelated IN (evaluated once, read from the (actor_id, event_id) index), not EXISTS
            # per event row: several times faster on 100k events.
            found = select(EventActor.event_id)
            if names:
                found = found.join(Actor, Actor.id == EventActor.actor_id)
            found = found.where(or_(*who))
            conds.append(Event.id.in_(_groups_of(
                found, exists(found.where(EventActor.event_id == _MENTION.id))
            )))
        if self.country:
            found = select(EventCountry.event_id).where(EventCountry.country_code.in_(self.country))
            conds.append(Event.id.in_(_groups_of(
                found, exists(found.where(EventCountry.event_id == _MENTION.id))
            )))
        if self.type:
            conds.append(Event.type.in_(self.type))
        if self.status:
            # the real event's derived status, or the stance of any of its reports: ``status=denied``
            # finds the arms transfer alleged by the USA and denied by Moscow
            found = select(_STANCE.id).where(_STANCE.status.in_(self.status))
            conds.append(or_(func.coalesce(Event.group_status, Event.status).in_(self.status),
                             Event.id.in_(_groups_of(found, _MENTION.status.in_(self.status)))))
        conds += self.date_conditions()
        if self.q:
            conds.append(Event.id.in_(self.text_groups(dialect)))
        if self.min_sources:
            conds.append(Event.source_count >= self.min_sources)
        return conds

    def text_groups(self, dialect: str = "sqlite") -> Any:
        """A one-column select of the group ids (real event ids, plus ids of mentions that are no
        real event) whose headline or quotes match ``q``; the ``q`` condition is ``id IN`` it."""
        return _groups_of(matching_ids(self.q or "", dialect, _TEXT), text_condition(self.q or "", dialect, _MENTION))

    def date_conditions(self) -> list[ColumnElement[bool]]:
        """overlap: ``date_last >= from`` and ``date_first <= to``; within: ``date_first >= from``
        and ``date_last <= to``. Undated events (both NULL) match neither."""
        conds: list[ColumnElement[bool]] = []
        within = self.dates == "within"
        if self._first is not None:
            col = Event.date_first if within else Event.date_last
            conds.append(and_(col.is_not(None), col >= self._first))
        if self._last is not None:
            col = Event.date_last if within else Event.date_first
            conds.append(and_(col.is_not(None), col <= self._last))
        return conds

    # ------------------------------------------------------------------ German
    def description_parts(
        self,
        country_names: Mapping[str, str] | None = None,
        actor_names: Mapping[str, str] | None = None,
    ) -> list[DescriptionPart]:
        """The conditions of the describing sentence, in order, each with the filter that remains
        when it is dropped. ``country_names`` maps ISO3 → German name, ``actor_names`` actor value
        (id as text, or a typed name) → name; codes and ids without a name are shown as given."""
        country_names = country_names or {}
        actor_names = actor_names or {}
        # (form at the start of the list, form later on): "12 Ereignisse vom Typ Besuch" but
        # "12 Ereignisse mit Nordkorea, Typ Besuch".
        parts: list[DescriptionPart] = []

        def add(name: str, first: str, later: str) -> None:
            parts.append(DescriptionPart(name, first, later, self.without(name)))

        if self.country:
            p = "mit " + labels.join_or([country_names.get(c, c) for c in self.country])
            add("country", p, p)
        if self.actor:
            p = "mit Beteiligung von " + labels.join_or([actor_names.get(a, a) for a in self.actor])
            add("actor", p, p)
        if self.type:
            p = "Typ " + labels.join_or([labels.type_label(t) for t in self.type])
            add("type", "vom " + p, p)
        if self.status:
            p = "Status " + labels.join_or([labels.status_label(s) for s in self.status])
            add("status", "mit " + p, p)
        if self.date_from or self.date_to:
            p = self._date_phrase()
            parts.append(DescriptionPart("range", p, p, self.without("range").without("dates")))
        if self.min_sources:
            p = f"von mindestens {self.min_sources} Quellen berichtet"
            add("min_sources", p, p)
        if self.q:
            p = f"mit dem Text „{self.q}“"
            add("q", p, p)
        return parts

    def _date_phrase(self) -> str:
        a = labels.format_bound(self.date_from) if self.date_from else None
        b = labels.format_bound(self.date_to) if self.date_to else None
        if self.dates == "within":
            if a and b:
                return f"ganz im Zeitraum {a}" if a == b else f"ganz im Zeitraum {a} bis {b}"
            return f"frühestens ab {a}" if a else f"spätestens bis {b}"
        if a and b:
            return f"im Zeitraum {a}" if a == b else f"zwischen {a} und {b}"
        return f"ab {a}" if a else f"bis {b}"

    def describe(
        self,
        total: int,
        country_names: Mapping[str, str] | None = None,
        actor_names: Mapping[str, str] | None = None,
    ) -> str:
        """A German sentence: "12 Ereignisse mit Nordkorea, Typ Besuch, zwischen Juni 2024 und Juli 2025".

        With ``dates=within`` the date condition says so: "ganz im Zeitraum Juni bis August 2024"."""
        parts = self.description_parts(country_names, actor_names)
        words = [p.first if i == 0 else p.later for i, p in enumerate(parts)]
        head = labels.count_phrase(total)
        return f"{head} {', '.join(words)}" if words else head


@dataclass(frozen=True)
class DescriptionPart:
    """One condition of the describing sentence: its wording at the start of the list and later on,
    and the filter without it (the target of its "drop" link)."""

    name: str  # "country", "actor", "type", "status", "range" (from/to/dates) or "q"
    first: str
    later: str
    dropped: EventFilter

    def text(self, index: int) -> str:
        return self.first if index == 0 else self.later
