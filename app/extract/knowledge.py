"""Real-world dates for undated past background mentions, from a curated knowledge base.

The annotation scheme leaves a past background event without its own time expression undated
("die zuvor durch einen ukrainischen Gegenstoß eingenommen worden waren": basis "none"), while the
real-world date is often well known (the Kursk incursion of August 2024). HeidelTime-style systems
keep such knowledge in resources; ours is ``resources/knowledge.toml`` (its header states what may
go in). :func:`date_background` runs last, on the final event list, and gives such an event the
date of the one knowledge entry it names, with basis ``"knowledge"`` (never ``"explicit"``: the
text does not state the date), the entry's German label as expression and ``"kb:<id>"`` as anchor.

Heuristic. An event is looked at only when
* the article has a date (DCT): without one, "before the article" cannot be checked;
* its date is not from the text: basis "none", or basis "dct" when the clause is marked as
  background (pluperfect "hatte/war ...", "zuvor", "damals", "zwischenzeitlich", "vor Wochen") -
  or, for a one-off entry lying 90+ days before the article, when the clause is in a past tense
  ("Nach einem Treffen entsandte er zudem Soldaten" in July 2025). A clause holding a DATE time
  expression is never touched, even when that expression did not date the event;
* its status is "reported" or "alleged" (no plans, speculation or denials) and its clause is in a
  past tense.
An entry matches when the event's type is one of its types, its participants fit (actors and/or
states, the source state when the entry gives one), every cue group has a word in the clause and
every context group one in the sentence, and no veto word is in the clause. A cue word standing in a
temporal phrase ("seit dem russischen Einmarsch", "nach dem Atomtest") does not count: there the
known event is only the reference point of the clause's own event.

False-positive policy: a wrong real-world date is worse than none, so every doubt leaves the event
undated. Only entries dated before the end of the article date count (before its start for a
"dct" event). Entries of two different series matching: ambiguous, nothing. Within one series
(Putin's visits to North Korea) the latest entry before the article is taken, but not when the
series may be incomplete at the article's date (``complete_until``), and not when another matching
entry falls in the article's own period or shortly (45 days) after it (the article may be about
that one: "Es ist Putins erster Besuch seit 24 Jahren" written the day before the visit).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from .memo import last_text
from .model import DCT, Document, EventDate, ExtractedEvent, Timex
from .timevalue import interval

RESOURCE = Path(__file__).parent / "resources" / "knowledge.toml"
BASIS = "knowledge"

_WORD = re.compile(r"[0-9a-zäöüß]+")
_RAW_WORD = re.compile(r"[0-9A-Za-zÄÖÜäöüß]+")
_PLUPERFECT = frozenset({"hatte", "hatten", "hattest", "war", "waren", "wart"})
_PAST_AUX = frozenset({"hat", "haben", "habe", "hätte", "hätten", "ist", "sind", "sei", "seien", "wurde", "wurden",
                       "worden"}) | _PLUPERFECT
_BACKGROUND = frozenset({"zuvor", "damals", "einst", "seinerzeit", "vorher", "vormals", "zwischenzeitlich",
                         "zwischenzeitig"})
_AGO_UNITS = frozenset({"wochen", "monaten", "jahren"})
_TEMPORAL_PREPS = frozenset({"seit", "seitdem", "nach", "vor", "bis", "infolge"})
_REPORTABLE = frozenset({"reported", "alleged"})
_ONE_OFF_GAP = timedelta(days=90)
_AFTER_WINDOW = timedelta(days=45)


def _fold(s: str) -> str:
    return s.casefold().replace("ß", "ss")


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    value: str
    first: date
    last: date
    precision: str
    types: frozenset[str]
    actors: frozenset[str] = frozenset()
    actor_roles: frozenset[str] = frozenset()
    actors_all: bool = False
    actors_only: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()
    allow: frozenset[str] = frozenset()
    cues: tuple[tuple[str, ...], ...] = ()
    context: tuple[tuple[str, ...], ...] = ()
    veto: tuple[str, ...] = ()
    series: str | None = None
    complete_until: date | None = None
    one_off: bool = False


def _entry(raw: dict) -> Entry:
    iv = interval(raw["date"])
    if iv is None:
        raise ValueError(f"knowledge entry {raw.get('id')}: bad date {raw.get('date')!r}")
    if not raw.get("cues"):
        raise ValueError(f"knowledge entry {raw['id']}: needs cue words")
    groups = lambda key: tuple(tuple(_fold(w) for w in g) for g in raw.get(key, ()))  # noqa: E731
    cu = raw.get("complete_until")
    return Entry(
        id=raw["id"], label=raw["label"], value=raw["date"], first=iv[0], last=iv[1], precision=iv[2],
        types=frozenset(raw["types"]), actors=frozenset(raw.get("actors", ())),
        actor_roles=frozenset(raw.get("actor_roles", ())), actors_all=bool(raw.get("actors_all", False)),
        actors_only=frozenset(raw.get("actors_only", ())),
        countries=frozenset(raw.get("countries", ())), source=frozenset(raw.get("source", ())),
        allow=frozenset(raw.get("allow", ())), cues=groups("cues"), context=groups("context"),
        veto=tuple(_fold(w) for w in raw.get("veto", ())), series=raw.get("series"),
        complete_until=date.fromisoformat(cu) if isinstance(cu, str) else cu,
        one_off=bool(raw.get("one_off", False)))


@cache
def entries(path: Path = RESOURCE) -> tuple[Entry, ...]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    out = tuple(_entry(r) for r in data.get("event", ()))
    ids = [e.id for e in out]
    if len(ids) != len(set(ids)):
        raise ValueError("knowledge.toml: duplicate ids")
    return out


# --- matching --------------------------------------------------------------------------------------

@last_text  # ``lookup`` tests every entry against the same sentence
def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _hits(words: list[str], stem: str) -> list[int]:
    """Indices of the words that begin with ``stem``; a stem of several words ("in kraft",
    "fernen osten") matches consecutive words; a stem ending in "$" must be the whole word."""
    exact = stem.endswith("$")
    parts = stem.rstrip("$").split()
    if len(parts) == 1:  # one word (most stems): no sequence to compare
        p = parts[0]
        return [i for i, w in enumerate(words) if w == p] if exact else \
            [i for i, w in enumerate(words) if w.startswith(p)]
    out = []
    for i in range(len(words) - len(parts) + 1):
        ok = all(words[i + k] == p for k, p in enumerate(parts[:-1]))
        last = words[i + len(parts) - 1]
        if ok and (last == parts[-1] if exact else last.startswith(parts[-1])):
            out.append(i)
    return out


def _in_temporal_phrase(words: list[str], caps: list[bool], i: int) -> bool:
    """The word at ``i`` heads a phrase opened by "seit"/"nach"/"vor" over lower-case words only
    (articles, adjectives: "seit dem russischen Einmarsch"), so it names a reference time, not the
    clause's event."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if words[k] in _TEMPORAL_PREPS:
            return True
        if caps[k]:
            return False
    return False


def _group_hit(words: list[str], group: tuple[str, ...], caps: list[bool] | None = None) -> bool:
    for stem in group:
        for i in _hits(words, stem):
            if caps is None or not _in_temporal_phrase(words, caps, i):
                return True
    return False


def matches(entry: Entry, ev: ExtractedEvent, clause: str, sentence: str) -> bool:
    """True when ``entry`` is what the event's clause talks about (type, participants, cue words)."""
    if ev.type not in entry.types:
        return False
    if entry.actors:
        names = {a.name for a in ev.actors if not entry.actor_roles or a.role in entry.actor_roles}
        if entry.actors_all:
            if not entry.actors <= {a.name for a in ev.actors}:
                return False
        elif not names & entry.actors:
            return False
    if entry.actors_only and not {a.name for a in ev.actors} <= entry.actors_only:
        return False
    codes = {c.code for c in ev.countries}
    if entry.countries:
        if not codes or not codes <= entry.countries | entry.allow or not codes & entry.countries:
            return False
    if entry.source:
        if not codes & entry.source:
            return False
        src = next((c.code for c in ev.countries if c.role == "source"), None)
        if src is not None and src not in entry.source:
            return False
    (cw, caps), sw = _clause_words(clause), _words(sentence)
    if any(_hits(cw, v) for v in entry.veto):
        return False
    if not all(_group_hit(cw, g, caps) for g in entry.cues):
        return False
    return all(_group_hit(sw, g) for g in entry.context)


@last_text  # ``lookup`` tests every entry against the same clause
def _clause_words(clause: str) -> tuple[list[str], list[bool]]:
    """Folded words of the clause and whether each was capitalised (nouns, names)."""
    raw = _RAW_WORD.findall(clause)
    return [_fold(w) for w in raw], [w[:1].isupper() for w in raw]


# --- tense and eligibility -----------------------------------------------------------------------

def _past(lows: list[str]) -> bool:
    if any(w in _PAST_AUX for w in lows):
        return True
    try:
        from .events import preterite_forms
        return any(w in preterite_forms() for w in lows)
    except Exception:  # noqa: BLE001 - without the trigger lexicon only auxiliaries count
        return False


def _background(lows: list[str]) -> bool:
    """Pluperfect, a background adverb or "vor Wochen/Monaten/Jahren"."""
    if any(w in _PLUPERFECT or w in _BACKGROUND for w in lows):
        return True
    return any(w == "vor" and k + 1 < len(lows) and lows[k + 1] in _AGO_UNITS for k, w in enumerate(lows))


def _has_date_timex(start: int, end: int, timexes) -> bool:
    """A calendar DATE inside the clause ("vor Wochen", "zuvor" are no calendar dates)."""
    return any(t.type == "DATE" and start < t.end and t.start < end and interval(t.value) is not None
               for t in timexes)


def lookup(ev: ExtractedEvent, clause: str, sentence: str, dct: DCT | None,
           kb: tuple[Entry, ...] | None = None, sentence_dated: bool = False) -> Entry | None:
    """The knowledge entry that dates ``ev``, or None (see the module doc for the rules)."""
    if dct is None or ev.status not in _REPORTABLE or ev.date.basis not in ("none", "dct"):
        return None
    div = interval(dct.value)
    if div is None:
        return None
    d_first, d_last = div[0], div[1]
    # plain lower-case words for the tense tests (no case bookkeeping)
    lows = [w.casefold() for w in _RAW_WORD.findall(clause)]
    marked = _background(lows)
    if not marked and not _past(lows):
        return None
    background = ev.date.basis == "none" or marked
    kb = entries() if kb is None else kb
    found = [e for e in kb if matches(e, ev, clause, sentence)]
    if not found:
        return None
    if len({e.series or e.id for e in found}) > 1:
        return None  # two different known events fit: ambiguous
    near = [e for e in found if e.first <= d_last + _AFTER_WINDOW and e.last >= d_first]
    if ev.date.basis == "dct":
        usable = [e for e in found if e.last < d_first and (background or (
            e.one_off and e.last <= d_first - _ONE_OFF_GAP and not sentence_dated))]
        if near:
            return None  # the article may be about that one
    else:
        usable = [e for e in found if e.first <= d_last]
        if len(near) > 1 or (near and near[0].first > d_last):
            return None
    if not usable:
        return None
    best = max(usable, key=lambda e: (e.first, e.last))
    if near and near[0] is not best:
        return None
    if best.complete_until is not None and not best.one_off and d_first > best.complete_until:
        return None  # a later instance unknown to the list may be meant
    return best


def dated(ev: ExtractedEvent, entry: Entry) -> ExtractedEvent:
    return replace(ev, date=EventDate(entry.value, entry.first, entry.last, entry.precision, entry.label, BASIS,
                                      f"kb:{entry.id}"))


def date_background(events, doc: Document, timexes: tuple[Timex, ...] | list[Timex] = ()) -> tuple[ExtractedEvent, ...]:
    """``events`` with undated (or article-dated) past background mentions dated from the knowledge
    base; every other event unchanged. Pure: same input, same output."""
    events = tuple(events)
    if doc.dct is None:
        return events
    try:
        kb = entries()
    except (OSError, ValueError, tomllib.TOMLDecodeError):  # a broken resource must not stop extraction
        return events
    sents = {s.index: s for s in doc.sentences}
    out = []
    for ev in events:
        if ev.date.basis in ("none", "dct") and not _has_date_timex(ev.start, ev.end, timexes):
            s = sents.get(ev.sentence_index)
            clause = doc.text[ev.start:ev.end]
            entry = lookup(ev, clause, s.text if s is not None else clause, doc.dct, kb,
                           s is not None and _has_date_timex(s.start, s.end, timexes))
            if entry is not None:
                ev = dated(ev, entry)
        out.append(ev)
    return tuple(out)
