"""The event filter: one value object that validates itself, turns itself into SQL, and says in
German what it selects.

Why a single object (as in Datasette's filter classes): the timeline page, the JSON API, the
filter form, the "remove this filter" links and the permalink all need the same understanding of
``?country=PRK&type=visit&from=2024-06``. Keeping parsing, SQL and description together means they
cannot drift apart.

Semantics: values of one parameter are alternatives (``country=RUS&country=PRK`` = either), different
parameters must all hold. ``from``/``to`` select events whose date interval ``[date_first,
date_last]`` overlaps the range, so "Juni 2024" is found by ``from=2024-06-15`` as well; undated
events never match a date filter. ``q`` is a case-insensitive substring search over the headline and
the cited quotes.

SQL is built with SQLAlchemy expressions only; every user value travels as a bound parameter, and
LIKE wildcards in ``q`` are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from app import labels
from app.extract.model import EVENT_TYPES, STATUSES
from app.extract.timevalue import interval
from app.store.models import Actor, Citation, Event, EventActor, EventCountry

_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO3 = re.compile(r"[A-Za-z]{3}")
MAX_VALUES = 50  # per repeatable parameter
MAX_TEXT = 200

#: The SQLite function name the q search uses for Unicode case folding (see ``queries``).
SQLITE_FOLD = "rk_casefold"


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
            iv = interval(raw) if _BOUND.fullmatch(raw) else None
            if iv is None:
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
        if self.q:
            pairs.append(("q", self.q))
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
        raise KeyError(name)

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
        }

    # ------------------------------------------------------------------ SQL
    def conditions(self, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
        """WHERE conditions on ``Event`` (ANDed by the caller). All values are bound parameters."""
        conds: list[ColumnElement[bool]] = []
        if self.actor:
            ids = [int(a) for a in self.actor if a.isdigit()]
            names = [a.lower() for a in self.actor if not a.isdigit()]
            who = []
            if ids:
                who.append(EventActor.actor_id.in_(ids))
            if names:
                who.append(func.lower(Actor.name).in_(names))
            conds.append(
                exists(
                    select(EventActor.event_id)
                    .join(Actor, Actor.id == EventActor.actor_id)
                    .where(EventActor.event_id == Event.id, or_(*who))
                )
            )
        if self.country:
            conds.append(
                exists(
                    select(EventCountry.event_id).where(
                        EventCountry.event_id == Event.id, EventCountry.country_code.in_(self.country)
                    )
                )
            )
        if self.type:
            conds.append(Event.type.in_(self.type))
        if self.status:
            conds.append(Event.status.in_(self.status))
        if self._first is not None:
            conds.append(and_(Event.date_last.is_not(None), Event.date_last >= self._first))
        if self._last is not None:
            conds.append(and_(Event.date_first.is_not(None), Event.date_first <= self._last))
        if self.q:
            conds.append(self._text_condition(dialect))
        return conds

    def _text_condition(self, dialect: str) -> ColumnElement[bool]:
        assert self.q
        if dialect == "sqlite":
            # SQLite's lower()/LIKE fold ASCII only; "über" must find "Über", "Straße" "STRASSE".
            def fold(col: Any) -> Any:
                return getattr(func, SQLITE_FOLD)(col)

            needle = self.q.casefold()
        else:

            def fold(col: Any) -> Any:
                return func.lower(col)

            needle = self.q.lower()
        pattern = "%" + escape_like(needle) + "%"
        in_headline = fold(Event.headline).like(pattern, escape="\\")
        in_quote = exists(
            select(Citation.id).where(
                Citation.event_id == Event.id, fold(Citation.quote).like(pattern, escape="\\")
            )
        )
        return or_(in_headline, in_quote)

    # ------------------------------------------------------------------ German
    def describe(
        self,
        total: int,
        country_names: Mapping[str, str] | None = None,
        actor_names: Mapping[str, str] | None = None,
    ) -> str:
        """A German sentence: "12 Ereignisse mit Nordkorea, Typ Besuch, zwischen Juni 2024 und Juli 2025".

        ``country_names`` maps ISO3 → German name, ``actor_names`` actor id (as text) → name; codes
        and ids without a name are shown as given."""
        country_names = country_names or {}
        actor_names = actor_names or {}
        # (form at the start of the list, form later on): "12 Ereignisse vom Typ Besuch" but
        # "12 Ereignisse mit Nordkorea, Typ Besuch".
        parts: list[tuple[str, str]] = []
        if self.country:
            p = "mit " + labels.join_or([country_names.get(c, c) for c in self.country])
            parts.append((p, p))
        if self.actor:
            p = "mit Beteiligung von " + labels.join_or([actor_names.get(a, a) for a in self.actor])
            parts.append((p, p))
        if self.type:
            p = "Typ " + labels.join_or([labels.type_label(t) for t in self.type])
            parts.append(("vom " + p, p))
        if self.status:
            p = "Status " + labels.join_or([labels.status_label(s) for s in self.status])
            parts.append(("mit " + p, p))
        if self.date_from and self.date_to:
            a, b = labels.format_bound(self.date_from), labels.format_bound(self.date_to)
            p = f"im Zeitraum {a}" if a == b else f"zwischen {a} und {b}"
            parts.append((p, p))
        elif self.date_from:
            p = "ab " + labels.format_bound(self.date_from)
            parts.append((p, p))
        elif self.date_to:
            p = "bis " + labels.format_bound(self.date_to)
            parts.append((p, p))
        if self.q:
            p = f"mit dem Text „{self.q}“"
            parts.append((p, p))
        words = [first if i == 0 else later for i, (first, later) in enumerate(parts)]
        head = labels.count_phrase(total)
        return f"{head} {', '.join(words)}" if words else head


def escape_like(text: str) -> str:
    """Escape LIKE wildcards (``%``, ``_``) and the escape character itself (``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
