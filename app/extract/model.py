"""The value types that flow through the pipeline: document → sentences → time expressions →
mentions → events.

They are plain frozen dataclasses so every stage stays a pure function that is easy to test and
to reuse outside the app. All offsets are character offsets into the *original* article text
(``Document.text``) and are end-exclusive, so ``text[start:end]`` is always the quoted words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Precision of a normalised date, finest first.
PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

# Where an event's date came from (export contract: ``date.basis``).
# "knowledge": a real-world date from resources/knowledge.toml (app/extract/knowledge.py), not from the text.
BASES = ("explicit", "relative_to_dct", "dct", "none", "knowledge")

EVENT_TYPES = (
    "visit", "meeting", "talks", "call", "agreement", "arms_transfer", "troop_deployment",
    "military_cooperation", "economic_cooperation", "statement", "accusation", "denial",
    "sanction", "attack", "other",
)
STATUSES = ("reported", "alleged", "denied", "planned", "speculative")


@dataclass(frozen=True)
class DCT:
    """Document creation time: a TIMEX3 value (YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY) and its source."""

    value: str
    source: str  # "manifest" | "header" | "dateline" | "text" | "url"
    detail: str = ""  # the words or field it came from


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == Document.text[start:end]


@dataclass(frozen=True)
class Dropped:
    """A stretch of the original text kept out of extraction, and why."""

    start: int
    end: int
    reason: str  # e.g. "copyright", "gallery-counter", "photo-credit", "agency-trailer", "reporter-line"
    text: str


@dataclass(frozen=True)
class Document:
    """One article after ingest: the original text plus what cleaning and segmentation found."""

    name: str
    text: str  # the original text exactly as decoded; offsets point here
    dct: DCT | None
    sentences: tuple[Sentence, ...]
    dropped: tuple[Dropped, ...] = ()
    title: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 time expression found in the text.

    ``value`` is the TIMEX3 value (may be None when it cannot be resolved, e.g. a relative
    expression without a DCT). For DATEs ``first``/``last`` are the interval's first and last day
    and ``precision`` one of PRECISIONS; ``basis`` says whether the value is explicit in the words
    or was resolved against the reference time.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ...
    first: date | None = None
    last: date | None = None
    precision: str | None = None
    basis: str = "explicit"  # explicit | relative_to_dct | none
    anchor: str | None = None  # the reference value a relative expression was resolved against


@dataclass(frozen=True)
class Mention:
    """An actor or country named in the text."""

    kind: str  # "actor" | "country"
    start: int
    end: int
    text: str
    key: str  # canonical actor name, or ISO 3166 alpha-3 code
    label: str = ""  # German display name (country) or role (actor)


@dataclass(frozen=True)
class EventDate:
    value: str | None
    first: date | None
    last: date | None
    precision: str | None
    expression: str | None  # the German words, as written
    basis: str  # one of BASES
    anchor: str | None = None  # what a relative expression was resolved against


@dataclass(frozen=True)
class ActorRef:
    name: str
    role: str  # "source" | "target" | "participant" | "holder"
    kind: str = "person"  # person | organisation | state_body
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class CountryRef:
    code: str  # ISO 3166 alpha-3
    name: str  # German name
    role: str = "participant"


@dataclass(frozen=True)
class Claim:
    """Who holds a non-plain status: "vermutet: der Westen", "bestritten: Nordkorea, Russland"."""

    stance: str  # alleged | denied | planned | speculative
    holders: tuple[str, ...]
    cue: str  # the German cue words


@dataclass(frozen=True)
class ExtractedEvent:
    type: str
    status: str
    headline: str
    date: EventDate
    start: int  # citation offsets into Document.text (the clause)
    end: int
    sentence_index: int
    actors: tuple[ActorRef, ...] = ()
    countries: tuple[CountryRef, ...] = ()
    claims: tuple[Claim, ...] = ()
    trigger: str | None = None
    cluster: str | None = None  # coreference key within the article, if known

    def quote(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Extraction:
    """Everything extraction yields for one document."""

    events: tuple[ExtractedEvent, ...]
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
