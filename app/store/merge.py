"""One event, many reports: merging event mentions into real events.

Every stored event row is one *mention*: what one clause of one article says (its type, status,
date, actors, countries and citation stay exactly as extracted, so the export contract and the
per-clause evaluation are untouched). Mentions of the same real event share a ``group_id``, the id
of the group's first mention; that id is the real event's id on the timeline and in URLs. One
exception: when the first mention is dated only by its article's publication date (or not at all)
and another report dates the event from its own words, that report takes over (``_better_head``:
the event must sit on the timeline when it happened, not when an article mentioned it); the old id
then leads to the new one, as a merged report's id does.

When a mention is stored it joins at most one existing group, the best compatible one; groups are
never fused afterwards. Rules (``same_event``):

- **type**: the same type, or both an encounter (visit, meeting, talks: "a visit and the meeting
  during it"). A denial joins the alleged event it answers when it follows it within one sentence
  in the same article and refers back to it ("Russland bestreitet dies") — one event with an
  "alleged by" and a "denied by" mention.
- **date**: intervals must overlap, with every dated mention already in the group. Across articles
  both must be precise to a season or finer (a mention dated only "2023" is no evidence of sameness). Undated mentions
  merge only inside one article (within three sentences), or, for continuing states such as a
  troop deployment, across articles with the same states and the same sending state; dated
  mentions of a continuing state merge across articles when they lie at most two years apart (the
  deployment goes on); an undated announced visit is the exception below. A visit
  matches dates with three days' tolerance (visits last days; reports date their first or last).
- **actors**: when both name persons they must share one; when both name two or more, they must
  share two (a meeting of A and B is not a meeting of A and C; precision first, even where a
  visit of A held both). Across articles both must name persons, except for continuing states and
  attacks (same states, same day).
- **countries**: they must share at least one state; across articles the smaller set must lie in
  the larger.
- **status**: an announced or expected encounter merges with its realisation only when both are
  dated, one of them by a date the text states, and the dates overlap (or, for a visit announced
  without a date, by the "undated announcement" rule below); a planned or speculative
  deployment does not merge with a reported one (more troops may follow).
- **direction**: for directed types (``directed_types``: visits, deliveries, deployments, attacks, other acts,
  sanctions, accusations, statements, cooperation) the states in the source role must overlap when
  both mentions have one — Russia attacking is not Ukraine attacking, Putin's visit to Pyongyang is
  not Kim's visit to Russia. Meetings and talks are symmetric.
- statements, accusations, deliveries and "other" merge only inside one article, for the same
  speaker (or both without one; one sentence apart when only one names a person), the same date and
  states of which one set contains the other, within two sentences. A group keeps one speaker. Two
  statements that do not share a named speaker merge only when the later one says it continues the
  first (``continuation_cues``: "fügte hinzu", "die entsprechende Äußerung"); with such a cue one
  speaker's utterance may go on over four sentences. Continuing states (deployments) in one article
  merge whatever their dates and named persons, within two sentences.
- **headline**: the article's first sentence is its headline; a mention there merges with a mention
  of the same type up to the fifth sentence that restates it with the same verb ("lobt" / "lobte") or
  the same persons.
- **same words far apart**: in one article, mentions of a type other than speech that lie beyond
  the sentence window merge (up to 12 sentences) when they share two content words or one specific
  figure ("4,8 Millionen", "14.000") on the same date or with one of them undated; states, capitals
  and generic domain nouns never count (``similar_stopwords``).
- **announced and reported the same day**: in one article, an announced encounter and a reported one
  of a shared person on the same day merge when one of them states its date.
- a visitor meeting two hosts of one state (Choe with Lawrow, then with Putin) is one visit: two
  encounters with two named persons each need two shared persons unless they involve the same states.
- **undated announcement** (``_open_announcement``): across articles, a visit announced or expected
  without a date ("in absehbarer Zukunft", "zu gegebener Zeit") joins a visit of a shared person with
  the same source state and the same states, dated to a season or finer and lying within a year after
  the announcing article appeared (``OPEN_ANNOUNCEMENT_DAYS``): the announced visit came true. A year
  bounds the risk of taking a later visit for the announced one; once the group holds a dated visit,
  no visit of another date joins it.
- **the visit and what it was for** (``_purpose_of_visit``): in one sentence a visit and a meeting or
  talks, of the same status and the same date (or one undated), whose states lie one within the
  other, are one event even without a shared person ("besuchte er im Juli 2000 Pjöngjang zu einem
  Treffen mit Kim Jong Il": the noun names only the partner, the visitor is the clause's subject).
- **contradicting speaker** (``_doubtful``, ``_reconcile``): when no person in a mention's source role
  belongs to one of its source states, one of the two is an extraction error (the addressee taken for
  the speaker: "sandte ein Glückwunschtelegramm an Putin" with North Korea as the source; a witness
  taken for the actor: "im Beisein Schoigus … gezeigt"; a wrong source state next to "sagte Peskow").
  Inside one article a consistent mention decides which half holds: a shared person confirms the
  person (its state becomes the source), a single person of another state is dropped when the other
  mention names a person of the source state (taken as that person) or no person but the same source
  state. Never for encounters (a visitor's and a host's state legitimately differ) and never across
  articles.
- **a statement and its content** (``_restates``): in one article, a statement and an "other"
  mention (up to 12 sentences apart, the same date, or one undated and the other dated only by the
  article's date, a default rather than a statement of the text) are one utterance
  when every word of four letters or more of one clause, at least four of them, recurs in the other
  ("Russland hat erklärt, dass Moskau und Pjöngjang gute Beziehungen unterhielten" … "Moskau und
  Pjöngjang unterhielten gute Beziehungen").
- a continuation cue ("in diesem Zusammenhang", "fügte hinzu", …) lets an utterance go on over four
  sentences also between two statements that name no person but share their source state.

A syndicated copy (a near-duplicate article, see ``sources``) contributes its mentions to the
groups of the original's mentions with the same type and the same wording, whatever the type.

Candidates come from indexes, never from all pairs: the mentions of the same article already stored
in this transaction, and from other articles the rows of a compatible type whose date interval
overlaps (index ``type, date_first, date_last``), narrowed by shared actors; for a dated visit also the
undated announced visits of its persons, for an undated announced visit the visits of its persons in
the year after its article. A dated mention that could not merge across articles anyway (no person
and not an attack on a given day, or a date coarser than a season) asks no query. The loader merges an
article's mentions before it writes them (``assign_groups`` works on their descriptions and fills in
their rows), and one load keeps the stored mentions it has read or written (``MentionCache``): a
candidate's row is read once per load, only its group each time, and a group the load has seen whole
is recomputed from memory. On SQLite these statements run as SQLAlchemy's SQL on the DBAPI connection
(``fetch``, ``insert_rows``, ``execute_many``).

False-positive policy: conservative. A wrong merge hides an event; a missed merge only repeats one.
Every merge records its reason in German in ``merge_reason``. Rules that relax a check do so only on
positive evidence of the same occurrence (a shared person, the same source state, the same sentence,
the same words, an undated announcement of the same visitor), never because evidence is missing;
the group check (``_fits_group``, dates, encounter partners, one speaker) applies to every known
member, so one relaxed pair does not let a group drift into another event.

The group's overall status is derived from its mentions, never overwritten: reported if any mention
reports it, else alleged, planned, speculative, and denied only when nothing else is said.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, func, or_, select, union_all, update
from sqlalchemy.orm import Session

from app.extract.timevalue import interval
from app.store.models import Actor, Article, Citation, Event, EventActor, EventCountry

_RESOURCE = Path(__file__).resolve().parents[1] / "extract" / "resources" / "merge.toml"
_PREC_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
              "decade": 6, "century": 7}
_FUTURE = frozenset({"planned", "speculative"})
_SAID_AND_CONTENT = frozenset({"statement", "other"})  # a statement and its content (see _restates)
STATUS_ORDER = ("reported", "alleged", "planned", "speculative", "denied")
OPEN_ANNOUNCEMENT_DAYS = 366  # an undated announced visit: the visit within a year after it
GROUP_SAMPLE = 6  # members of a candidate group compared with a new mention (besides its first)


@cache
def config() -> dict:
    """``resources/merge.toml``: type groups, denial anaphors, news agencies (also read by ``sources``)."""
    return tomllib.loads(_RESOURCE.read_text(encoding="utf-8"))


@cache
def _set(key: str) -> frozenset[str]:
    return frozenset(config()[key])


@dataclass(frozen=True)
class MentionInfo:
    id: int
    article_id: int
    group_id: int
    sentence_index: int
    type: str
    status: str
    first: date | None
    last: date | None
    precision: str | None
    value: str | None
    persons: frozenset[str]
    countries: frozenset[str]
    quote: str = ""
    basis: str = "none"
    senders: frozenset[str] = frozenset()  # states in the source role (who sends, supplies, visits)
    trigger: str = ""  # the words that made it an event ("lobte", "Besuch")
    speaker_states: frozenset[str] = frozenset()  # states of the persons in the source role
    published: date | None = None  # first day of the article's date (loaded for undated announced visits)


def with_group(m: MentionInfo, group_id: int) -> MentionInfo:
    """``dataclasses.replace(m, group_id=group_id)`` without its ``__init__`` call (the other fields
    are already checked values): a copy of the instance dict."""
    out = object.__new__(MentionInfo)
    out.__dict__.update(m.__dict__)
    out.__dict__["group_id"] = group_id
    return out


def _types_compatible(a: str, b: str) -> bool:
    enc = _set("encounter_types")
    return a == b or (a in enc and b in enc)


def _dates_overlap(a: MentionInfo, b: MentionInfo, slack: int = 0) -> bool:
    """Intervals overlap; ``slack`` days of tolerance (a visit lasts several days, and the day a
    report gives may be its first or its last)."""
    if not (a.first and b.first and a.last and b.last):
        return False
    pad = timedelta(days=slack)
    return a.first - pad <= b.last and b.first - pad <= a.last


def _slack(a: MentionInfo, b: MentionInfo) -> int:
    enc = _set("encounter_types")
    days = {"day", "week"}
    if a.type in enc and b.type in enc and "visit" in (a.type, b.type) and {a.precision, b.precision} <= days:
        return 3
    return 0


def _gap_days(a: MentionInfo, b: MentionInfo) -> int:
    if not (a.first and b.first and a.last and b.last):
        return 0
    return max((a.first - b.last).days, (b.first - a.last).days, 0)


def _fine(m: MentionInfo) -> bool:
    """Precise enough to identify an occurrence across articles: a season or finer."""
    return _PREC_RANK.get(m.precision or "", 9) <= _PREC_RANK["season"]


def _refers_back(quote: str) -> bool:
    words = set(quote.replace(",", " ").replace(".", " ").split())
    return any(w in words for w in config()["denial_anaphors"])


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(config()["continuation_cues"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues) + r")(?!\w)",
                      re.IGNORECASE)


def _continues(quote: str) -> bool:
    """The clause says it continues the utterance just reported ("fügte hinzu", "entsprechende Äußerung")."""
    return _cue_pattern().search(quote) is not None


def _directions_clash(a: MentionInfo, b: MentionInfo) -> bool:
    """Same directed type, both with source states, and no source state in common."""
    return (a.type == b.type and a.type in _set("directed_types") and bool(a.senders) and bool(b.senders)
            and not a.senders & b.senders)


def _same_sides(a: MentionInfo, b: MentionInfo) -> bool:
    """Two encounters that share a person and involve the same states: the visitor meeting one host
    and then another (Choe with Lawrow, then with Putin) during one visit."""
    return (a.type in _set("encounter_types") and b.type in _set("encounter_types")
            and bool(a.persons & b.persons) and a.countries == b.countries)


def _doubtful(m: MentionInfo) -> bool:
    """Its named actor and its source state contradict each other: no person in the source role
    belongs to a source state (the addressee taken for the speaker — "sandte … ein Telegramm an
    Putin" with North Korea as the source —, a witness taken for the actor — "im Beisein Schoigus
    … gezeigt" —, or a wrong source state next to the right speaker). One half is an extraction error."""
    return bool(m.senders) and bool(m.speaker_states) and not (m.speaker_states & m.senders)


def _reconcile(x: MentionInfo, y: MentionInfo) -> tuple[MentionInfo, str | None]:
    """``x`` as far as ``y``, a consistent mention of the same article, confirms it, when ``x`` is
    doubtful: a shared person confirms the person (the source state is taken from it), a person of
    ``x``'s source state or a mention without persons but of the same source state confirms the state
    (the contradicting person is dropped, or taken for ``y``'s). Otherwise ``x`` unchanged."""
    if x.article_id != y.article_id or x.type in _set("encounter_types") or not _doubtful(x) or _doubtful(y):
        return x, None
    if x.persons & y.persons:
        return replace(x, senders=x.speaker_states), "widersprüchlicher Herkunftsstaat, Person bestätigt"
    if len(x.persons) == 1 and y.persons and y.speaker_states and y.speaker_states <= x.senders \
            and (not y.senders or y.senders & x.senders):
        return replace(x, persons=y.persons), "widersprüchliche Person, Herkunftsstaat bestätigt"
    if len(x.persons) == 1 and not y.persons and y.senders & x.senders:
        return replace(x, persons=frozenset()), "widersprüchliche Person, Herkunftsstaat bestätigt"
    return x, None


def _open_announcement(a: MentionInfo, b: MentionInfo) -> bool:
    """``a`` announces a visit without a date ("in absehbarer Zukunft", "zu gegebener Zeit"), ``b`` is a
    finely dated visit (from another article) of a shared person with the same source and the same
    states, lying within a year after ``a``'s article appeared: the announced visit came true."""
    return (a.type == "visit" == b.type and a.status in ("planned", "speculative") and a.first is None
            and a.published is not None and b.first is not None and b.last is not None and _fine(b)
            and a.published <= b.last and b.first <= a.published + timedelta(days=OPEN_ANNOUNCEMENT_DAYS)
            and bool(a.senders) and a.senders == b.senders and a.countries == b.countries
            and bool(a.persons & b.persons))


def _purpose_of_visit(a: MentionInfo, b: MentionInfo) -> bool:
    """A visit and a meeting or talks in one sentence of one article: the encounter is what the visit
    was for ("besuchte er im Juli 2000 Pjöngjang zu einem Treffen mit Kim Jong Il"); the noun names only
    the partner, the visitor being the subject of the clause. Same date or one undated."""
    small, large = sorted((a.countries, b.countries), key=len)
    return (a.article_id == b.article_id and a.sentence_index == b.sentence_index
            and {a.type, b.type} in ({"visit", "meeting"}, {"visit", "talks"})
            and (a.status in ("planned", "speculative")) == (b.status in ("planned", "speculative"))
            and (a.value == b.value or a.first is None or b.first is None) and small <= large)


_TOKEN = re.compile(r"[^\W\d_]{4,}")


def _restates(a: MentionInfo, b: MentionInfo) -> bool:
    """Every word of ``a``'s clause (at least four words of four letters or more) recurs in ``b``'s:
    the same content said again ("Russland hat erklärt, dass Moskau und Pjöngjang gute Beziehungen
    unterhielten" … "Moskau und Pjöngjang unterhielten gute Beziehungen")."""
    words = _tokens(a.quote)
    return len(words) >= 4 and words <= _tokens(b.quote)


@lru_cache(maxsize=4096)
def _tokens(quote: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(quote.casefold()))


def _same_or_undated(a: MentionInfo, b: MentionInfo) -> bool:
    """The same date value, or one undated and the other dated only by the article's date (a default,
    not a statement of the text)."""
    return (a.value == b.value or (a.first is None and b.basis == "dct")
            or (b.first is None and a.basis == "dct"))


def _stem(trigger: str) -> str:
    """The first four letters of the trigger verb, a separable prefix put back in front ("erkennt …
    an" → "aner", like "anerkannt")."""
    words = [w.strip(".,;:!?«»„“\"'") for w in trigger.split()]
    word = next((w for w in words if w.isalpha()), "")
    if len(words) > 1 and words[-1].isalpha() and words[-1].islower() and len(words[-1]) <= 5:
        word = words[-1] + word
    return word.casefold()[:4]


def _restates_headline(new: MentionInfo, old: MentionInfo) -> bool:
    """The article's first sentence is its headline; the body restates it with the same verb or
    the same persons ("Nordkorea lobt … Beziehungen" → "Nordkoreas Außenminister lobte …")."""
    if old.sentence_index != 0 or new.sentence_index > 4 or new.type != old.type:
        return False
    same_word = bool(_stem(new.trigger)) and len(_stem(new.trigger)) == 4 and _stem(new.trigger) == _stem(old.trigger)
    return same_word or bool(new.persons & old.persons)


_WORD = re.compile(r"[A-ZÄÖÜ][\wäöüß-]{5,}")
_NUMBER = re.compile(r"(?<![\d.,'])\d{1,3}(?:[.,']\d+)+(?![\d.,'])|(?<![\d.,'])\d{3,}(?![\d.,'])")


def _content_words(quote: str) -> frozenset[str]:
    stop = _set("similar_stopwords")
    return frozenset(w for w in _WORD.findall(quote) if w not in stop)


def _quantities(quote: str) -> frozenset[str]:
    """Specific numbers ("4,8 Millionen", "10'000", "14.000"), not years: the same figure twice is
    strong evidence of the same occurrence."""
    return frozenset(n for n in _NUMBER.findall(quote) if not re.fullmatch(r"(19|20)\d\d", n))


def _similar(new: MentionInfo, old: MentionInfo) -> frozenset[str]:
    """The content words two mentions share, if enough to say they report one occurrence (a shared
    specific number counts as two words)."""
    shared = _content_words(new.quote) & _content_words(old.quote)
    numbers = _quantities(new.quote) & _quantities(old.quote)
    weight = len(shared) + 2 * len(numbers)
    return shared | numbers if weight >= config()["similar_min_words"] else frozenset()


@lru_cache(maxsize=4096)
def _norm(quote: str) -> str:
    return " ".join(quote.split()).casefold()


def same_event(new: MentionInfo, old: MentionInfo, twin_article: int | None = None) -> str | None:
    """Why ``new`` reports the same real event as ``old``, or None. Pure; see the module docstring.
    ``twin_article`` is the id of a stored near-duplicate of ``new``'s article, if any."""
    if old.article_id == twin_article and new.type == old.type and _norm(new.quote) == _norm(old.quote):
        return "gleicher Wortlaut in einem nahezu identischen Artikel (Übernahme derselben Meldung)"
    same_article = new.article_id == old.article_id
    if not (new.countries & old.countries):
        return None
    if same_article and new.type != old.type and new.type in _SAID_AND_CONTENT and old.type in _SAID_AND_CONTENT \
            and (_restates(new, old) or _restates(old, new)) and _same_or_undated(new, old) \
            and abs(new.sentence_index - old.sentence_index) <= config()["similar_max_distance"]:
        return (f"Aussage und ihr Inhalt ({old.type} ~ {new.type}): derselbe Wortlaut wiederholt; im selben Artikel, "
                f"{abs(new.sentence_index - old.sentence_index)} Sätze entfernt")
    note_new = note_old = None
    if same_article and ((new.speaker_states and new.senders and not (new.speaker_states & new.senders))
                         or (old.speaker_states and old.senders and not (old.speaker_states & old.senders))):
        new, note_new = _reconcile(new, old)
        old, note_old = _reconcile(old, new)
    # A denial answering the claim just reported.
    if new.type == "denial" and old.status == "alleged" and old.type != "denial":
        if same_article and 0 <= new.sentence_index - old.sentence_index <= 1 and _refers_back(new.quote):
            return "Dementi bezieht sich auf die unmittelbar zuvor berichtete Behauptung"
        return None
    if not _types_compatible(new.type, old.type):
        return None
    if _directions_clash(new, old):
        return None  # Russia attacking is not Ukraine attacking; Putin's visit is not Kim's
    reasons = [f"gleicher Typ ({new.type})" if new.type == old.type
               else f"Besuch/Treffen/Gespräche ({old.type} ~ {new.type})"]
    if note_new or note_old:
        reasons += [n for n in (note_new, note_old) if n]
    enc = _set("encounter_types")
    if same_article and new.sentence_index == old.sentence_index and _purpose_of_visit(new, old):
        reasons.append("Besuch und Treffen im selben Satz (Zweck des Besuchs)")
        return "; ".join(reasons)
    continuing = new.type in _set("continuing_types")
    if continuing and (new.status in ("planned", "speculative")) != (old.status in ("planned", "speculative")):
        return None
    if continuing and new.senders and old.senders and new.senders != old.senders:
        return None  # troops of Russia in North Korea are not troops of North Korea in Russia
    shared = new.persons & old.persons
    if new.persons and old.persons and not shared:
        return None
    if len(new.persons) >= 2 and len(old.persons) >= 2 and len(shared) < 2 and not _same_sides(new, old):
        return None  # a meeting of A and B is not a meeting of A and C (unless B and C host together)
    if shared:
        reasons.append("gemeinsame Akteure: " + ", ".join(sorted(shared)))
    if not same_article and new.type == "visit" and (new.first is None) != (old.first is None) \
            and (_open_announcement(new, old) or _open_announcement(old, new)):
        reasons.append("angekündigter Besuch ohne Datum, innerhalb eines Jahres verwirklicht")
        return "; ".join(reasons)

    dated_new, dated_old = new.first is not None, old.first is not None
    future = {"planned", "speculative"}
    same_day = (same_article and new.precision == "day" and new.value == old.value and bool(shared)
                and new.type in enc and {new.basis, old.basis} & {"explicit", "relative_to_dct"})
    if (new.status in future) != (old.status in future) and not (
            dated_new and dated_old and "explicit" in (new.basis, old.basis)) and not same_day:
        return None  # an announcement and a report match only through a date the text states, or,
        # in one article, an encounter of a shared person on the same day ("im Vorfeld eines
        # Treffens mit Putin" and "Putin trifft Kims Außenminister")
    if dated_new and dated_old:
        if continuing and not same_article and _gap_days(new, old) <= 730:
            reasons.append(f"andauernder Zustand, Daten nah beieinander ({old.value} ~ {new.value})")
        elif not _dates_overlap(new, old, _slack(new, old)):
            return None
        else:
            reasons.append(f"Zeiträume überschneiden sich ({old.value} ~ {new.value})")
    elif dated_new or dated_old:
        if not (same_article or continuing):
            return None
        reasons.append("ein Beleg ohne eigenes Datum")
    else:
        reasons.append("beide ohne Datum")

    if same_article:
        distance = abs(new.sentence_index - old.sentence_index)
        narrow = new.type not in enc and new.type not in ("call", "agreement")
        limit = 2 if narrow else 3
        if narrow and not continuing and bool(new.persons) != bool(old.persons):
            limit = 1  # "Russland erklärte …" next to "Kremlsprecher Peskow sagte …"
        if narrow and new.type == "statement" and (shared or (
                not new.persons and not old.persons and new.senders & old.senders)) and _continues(new.quote):
            limit = 4  # "Gleichzeitig betonte er …", "X fügte hinzu": one speaker's utterance goes on
        if narrow and _restates_headline(new, old) and not (new.persons and old.persons and not shared):
            limit = max(limit, new.sentence_index)
        words = _similar(new, old) if narrow and new.type != "statement" \
            and (new.value == old.value or not (dated_new and dated_old)) \
            and distance > limit and distance <= config()["similar_max_distance"] else frozenset()
        if words:
            reasons.append("gleiche Stichwörter: " + ", ".join(sorted(words)))
            reasons.append(f"im selben Artikel, {distance} Sätze entfernt")
            return "; ".join(reasons)
        if distance > limit and not shared:
            return None
        if narrow and new.type == "statement" and not shared and not _continues(new.quote) \
                and not _restates_headline(new, old):
            return None  # two statements are one utterance when one speaker makes both, or the
            # later one says it continues the first ("fügte hinzu", "die entsprechende Äußerung")
        if narrow:
            small, large = sorted((new.countries, old.countries), key=len)
            if (new.value != old.value and not continuing) or distance > limit or not small <= large:
                return None
            if bool(new.persons) != bool(old.persons) and new.type != "statement" and not continuing:
                return None

        reasons.append("im selben Artikel" + (f", {distance} Sätze entfernt" if distance else ", selber Satz"))
        return "; ".join(reasons)

    # Across articles.
    if new.type not in _set("cross_article_types"):
        return None
    small, large = sorted((new.countries, old.countries), key=len)
    if not small <= large:
        return None
    if continuing:
        if new.countries != old.countries:
            return None
        reasons.append("gleiche Staaten")
        return "; ".join(reasons)
    if not (dated_new and dated_old) or not (_fine(new) and _fine(old)):
        return None
    if not shared:
        if new.type != "attack" or new.precision != "day" or new.value != old.value:
            return None
        reasons.append("gleicher Tag und gleiche Staaten")
    return "; ".join(reasons)


def _score(new: MentionInfo, old: MentionInfo) -> tuple:
    """Preference among compatible candidates: more shared persons, same article, closer in text,
    finer date, nearer in time, older group."""
    return (
        -len(new.persons & old.persons),
        0 if new.article_id == old.article_id else 1,
        abs(new.sentence_index - old.sentence_index) if new.article_id == old.article_id else 0,
        _PREC_RANK.get(old.precision or "", 9),
        _gap_days(new, old),  # a continuing state: the report nearest in time
        old.group_id,
    )


def _fits_group(new: MentionInfo, members: list[MentionInfo]) -> bool:
    """The new mention agrees with every known member of the group, not just one (no drifting chains)."""
    if new.first is not None and new.type not in _set("continuing_types") and any(
            o.first is not None and not _dates_overlap(new, o, _slack(new, o)) for o in members):
        return False
    doubtful = _doubtful(new)
    for member in members:
        n, o = new, member
        if doubtful or (member.speaker_states and member.senders and not (member.speaker_states & member.senders)):
            n, _ = _reconcile(new, member)
            o, _ = _reconcile(member, n)
        if len(n.persons) >= 2 and len(o.persons) >= 2 and len(o.persons & n.persons) < 2 and not _same_sides(n, o) \
                and not _purpose_of_visit(n, o):
            return False  # the whole group, not just one member, must be the same encounter
        if n.persons and o.persons and not (o.persons & n.persons) and o.type == n.type \
                and o.type not in _set("encounter_types"):
            return False  # a statement group keeps one speaker
    return True


def choose(new: MentionInfo, candidates: Iterable[MentionInfo], twin_article: int | None = None,
           members: Iterable[MentionInfo] | None = None) -> tuple[MentionInfo, str] | None:
    """The best compatible candidate whose whole group (as far as it is known here) fits.
    ``members``: every known mention of the candidates' groups, in the candidates' order, when the
    candidates are a pre-selection of them (default: the candidates)."""
    candidates = list(candidates)
    scored = []
    enc = _set("encounter_types")
    # The first tests of same_event, inline: most candidates fail them (a cheap pre-filter). Across
    # articles (a near-duplicate's mention of the same type and wording aside) same_event needs a
    # type that merges across articles, a shared state and a compatible type.
    nid, ntype, ncountries, narticle = new.id, new.type, new.countries, new.article_id
    any_type = ntype == "denial"
    n_enc, n_said = ntype in enc, ntype in _SAID_AND_CONTENT
    # Then persons, if both name some, must meet, and a mention that is not a continuing state needs
    # both dates fine (or is a visit announced without a date, or its realisation).
    n_cross = ntype in _set("cross_article_types")
    npersons, n_cont, n_visit, n_undated = new.persons, ntype in _set("continuing_types"), ntype == "visit", \
        new.first is None
    n_fine = not n_undated and _fine(new)
    for old in candidates:
        if old.id == nid:
            continue
        if old.article_id != narticle:
            if not (old.article_id == twin_article and old.type == ntype and _norm(old.quote) == _norm(new.quote)) \
                    and (not n_cross or not (ncountries & old.countries)
                         or (ntype != old.type and not (n_enc and old.type in enc))
                         or (npersons and old.persons and not (npersons & old.persons))
                         or not (n_cont or (n_fine and old.first is not None and _fine(old))
                                 or (n_visit and n_undated != (old.first is None)))):
                continue
        elif not (ncountries & old.countries) or (not any_type and ntype != old.type and not (
                n_enc and old.type in enc) and not (n_said and old.type in _SAID_AND_CONTENT)):
            continue
        reason = same_event(new, old, twin_article)
        if reason is not None:
            twin_first = 0 if old.article_id == twin_article and old.article_id is not None else 1
            scored.append(((twin_first, *_score(new, old)), old, reason))
    if not scored:
        return None
    scored.sort(key=lambda x: x[0])
    by_group: dict[int, list[MentionInfo]] = {old.group_id: [] for _, old, _ in scored}
    for c in candidates if members is None else members:
        if c.group_id in by_group:
            by_group[c.group_id].append(c)
    checked: dict[int, bool] = {}
    for _, old, reason in scored:
        gid = old.group_id
        if gid not in checked:
            checked[gid] = _fits_group(new, by_group[gid])
        if checked[gid]:
            return old, reason
    return None


# --- database side -------------------------------------------------------------------------------

_IDS = bindparam("ids", expanding=True)
_LINKED_PERSONS = (select(EventActor.event_id, Actor.name, Actor.country_code, EventActor.role)
                   .join(Actor, Actor.id == EventActor.actor_id).where(EventActor.event_id.in_(_IDS),
                                                                        Actor.kind == "person"))
_LINKED_COUNTRIES = select(EventCountry.event_id, EventCountry.country_code, EventCountry.role).where(
    EventCountry.event_id.in_(_IDS))
_INFO_ROWS = (select(Event.id, Event.article_id, Event.group_id, Event.type, Event.status, Event.date_first,
                     Event.date_last, Event.date_precision, Event.date_value, func.min(Citation.sentence_index),
                     func.min(Citation.quote), Event.date_basis, Event.trigger, Article.dct_value)
              .join(Citation, Citation.event_id == Event.id, isouter=True)
              .join(Article, Article.id == Event.article_id)
              .where(Event.id.in_(_IDS)).group_by(Event.id, Article.dct_value))
_GROUP_OF = select(Event.id, Event.group_id).where(Event.id.in_(_IDS))
_ARTICLE_MENTIONS = select(Event.id).where(Event.article_id == bindparam("aid"))
_RANKED = select(Event.id.label("id"), Event.group_id.label("group_id"), func.row_number().over(
    partition_by=Event.group_id, order_by=Event.id.desc()).label("rn")).where(
    Event.group_id.in_(bindparam("gids", expanding=True))).subquery()
_GROUP_SAMPLE = select(_RANKED.c.id, _RANKED.c.group_id).where(_RANKED.c.rn <= bindparam("n"))


def _internals() -> bool:
    """Whether this SQLAlchemy has the compiler internals the prebuilt statements read (bind
    processors by column type and by compiled statement, expanded parameter state): 2.0 and 2.1 do.
    Without them every statement goes through Core, as on PostgreSQL."""
    from sqlalchemy.sql.compiler import SQLCompiler
    from sqlalchemy.types import TypeEngine

    return all(hasattr(c, a) for c, a in ((TypeEngine, "_cached_bind_processor"), (SQLCompiler, "_bind_processors"),
                                          (SQLCompiler, "construct_expanded_state")))


FAST_SQLITE = _internals()


def dbapi(conn: Any) -> Any | None:
    """SQLite's own connection under ``conn`` (the same transaction), or None on other dialects.

    The statements a load runs for every article go there as prebuilt SQL on SQLite: SQLAlchemy's
    work per statement (cache key, parameter processing for every row of an executemany, result
    wrapping) cost more than SQLite's own. The SQL is the Core statement's as SQLAlchemy compiles it
    for SQLite, so plans and results are the same; PostgreSQL keeps the Core statements."""
    return conn.connection.driver_connection if FAST_SQLITE and conn.dialect.name == "sqlite" else None


def marks(n: int) -> str:
    """``n`` positional parameters for an ``IN (…)`` list (SQLAlchemy's expanded form)."""
    return ", ".join(["?"] * n)


@lru_cache(maxsize=64)
def _insert_plan(dialect: Any, table: Any, cols: tuple[str, ...]) -> tuple[str, tuple[tuple[int, Any], ...]]:
    """The INSERT of ``cols`` into ``table`` as SQLite SQL, and the bind processors (JSON, dates) by
    position, taken from the column types as SQLAlchemy would apply them."""
    q = dialect.identifier_preparer.quote
    sql = f"INSERT INTO {table.name} ({', '.join(q(c) for c in cols)}) VALUES ({marks(len(cols))})"
    procs = tuple((i, p) for i, c in enumerate(cols) if (p := table.c[c].type._cached_bind_processor(dialect)))
    return sql, procs


class _Param:
    """Where a positional parameter of an expanded statement comes from: ``params[key]`` or
    ``params[key][index]``."""

    __slots__ = ("index", "key")

    def __init__(self, key: str, index: int | None = None):
        self.key, self.index = key, index


@lru_cache(maxsize=2048)
def _select_plan(dialect: Any, stmt: Any, shape: tuple[tuple[str, int], ...]) -> tuple[str, list[Any]]:
    """``stmt`` compiled for SQLite for the parameters of ``shape`` (name, length of a list or -1), as
    SQLAlchemy would expand it, and a recipe for its positional parameters (``_Param`` or a constant,
    with the bind processor of the column type, if any)."""
    compiled = stmt.compile(dialect=dialect)
    probe = {k: [_Param(k, i) for i in range(n)] if n >= 0 else _Param(k) for k, n in shape}
    state = compiled.construct_expanded_state(probe)
    procs = compiled._bind_processors
    recipe = [(v, procs.get(v.key)) if isinstance(v, _Param) else (v, None) for v in state.positional_parameters]
    return state.statement, recipe


def fetch(conn: Any, stmt: Any, params: dict[str, Any]) -> list[Any]:
    """``conn.execute(stmt, params).all()``, through ``dbapi`` on SQLite (for statements whose
    results need no type processing: ids, strings, numbers)."""
    raw = dbapi(conn)
    if raw is None:
        return conn.execute(stmt, params).all()
    shape = tuple((k, len(v) if isinstance(v, list) else -1) for k, v in params.items())
    sql, recipe = _select_plan(conn.dialect, stmt, shape)
    values = []
    for v, proc in recipe:
        if isinstance(v, _Param):
            v = params[v.key] if v.index is None else params[v.key][v.index]
            if proc is not None:
                v = proc(v)
        values.append(v)
    return raw.execute(sql, values).fetchall()


def execute_many(conn: Any, stmt: Any, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(stmt, rows)`` (an executemany of rows with the same scalar keys), through ``dbapi``
    on SQLite."""
    raw = dbapi(conn)
    if raw is None:
        conn.execute(stmt, rows)
        return
    sql, recipe = _select_plan(conn.dialect, stmt, tuple((k, -1) for k in rows[0]))
    values = []
    for r in rows:
        v = []
        for x, proc in recipe:
            if isinstance(x, _Param):
                x = r[x.key]
                if proc is not None:
                    x = proc(x)
            v.append(x)
        values.append(v)
    raw.executemany(sql, values)


def insert_row(conn: Any, table: Any, row: dict[str, Any]) -> int:
    """``conn.execute(insert(table), row)``, through ``dbapi`` on SQLite; returns the new row's id."""
    raw = dbapi(conn)
    if raw is None:
        return conn.execute(table.insert(), row).inserted_primary_key[0]
    sql, procs = _insert_plan(conn.dialect, table, tuple(row))
    params = list(row.values())
    for i, p in procs:
        params[i] = p(params[i])
    return raw.execute(sql, params).lastrowid


def insert_rows(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(insert(table), rows)`` (rows with the same keys), through ``dbapi`` on SQLite."""
    raw = dbapi(conn)
    if raw is None:
        conn.execute(table.insert(), rows)
        return
    cols = tuple(rows[0])
    sql, procs = _insert_plan(conn.dialect, table, cols)
    if procs:
        params = []
        for r in rows:
            v = [r[c] for c in cols]
            for i, p in procs:
                v[i] = p(v[i])
            params.append(v)
    else:
        params = [[r[c] for c in cols] for r in rows]
    raw.executemany(sql, params)


def _persons_and_countries(session: Session, ids: list[int]) -> tuple[dict[int, set[str]], ...]:
    persons: dict[int, set[str]] = {i: set() for i in ids}
    countries: dict[int, set[str]] = {i: set() for i in ids}
    senders: dict[int, set[str]] = {i: set() for i in ids}
    speaker_states: dict[int, set[str]] = {i: set() for i in ids}
    if not ids:
        return persons, countries, senders, speaker_states
    conn = session.connection()
    for eid, name, state, role in conn.execute(_LINKED_PERSONS, {"ids": ids}):
        persons[eid].add(name)
        if role == "source" and state:
            speaker_states[eid].add(state)
    for eid, code, role in conn.execute(_LINKED_COUNTRIES, {"ids": ids}):
        countries[eid].add(code)
        if role == "source":
            senders[eid].add(code)
    return persons, countries, senders, speaker_states


def load_infos(session: Session, ids: list[int]) -> list[MentionInfo]:
    if not ids:
        return []
    persons, countries, senders, speaker_states = _persons_and_countries(session, ids)
    rows = session.connection().execute(_INFO_ROWS, {"ids": ids}).all()
    return [
        MentionInfo(id=r[0], article_id=r[1], group_id=r[2] or r[0], sentence_index=r[9] or 0, type=r[3],
                    status=r[4], first=r[5], last=r[6], precision=r[7], value=r[8],
                    persons=frozenset(persons[r[0]]), countries=frozenset(countries[r[0]]), quote=r[10] or "",
                    basis=r[11] or "none", senders=frozenset(senders[r[0]]), trigger=r[12] or "",
                    speaker_states=frozenset(speaker_states[r[0]]),
                    published=published(r[3], r[4], r[5], r[13]))
        for r in rows
    ]


class MentionCache:
    """Stored mentions as ``load_infos`` reads them, kept across the articles of one load, so that
    the candidates of the next article (mostly mentions seen or written moments ago) are not read
    again.

    What is kept never changes while the row exists: a mention is written once; only its group moves,
    and that is read afresh on every use (``_stored_infos``). A replaced article's mentions are dropped
    (their ids come back with other content); mentions a transaction writes are kept only after it
    committed (``stage``, then ``commit`` or ``rollback``), so an id that was rolled back and is given
    out again never finds a stale entry. Like the loader's other caches this assumes the load is the
    only writer while it runs. At most ``limit`` mentions are kept, the oldest dropped first.

    It also keeps whole groups as ``refresh_groups`` reads them (``GroupRow`` members in id order), so
    that a group one more mention joins is not read again, and ``assign_groups`` takes a known group's
    sample from it. Groups are staged and kept like mentions; a group whose members change otherwise
    (a replaced article's groups, repaired or re-headed groups) is dropped at once (``drop_groups``)."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self._infos: dict[int, MentionInfo] = {}
        self._staged: list[MentionInfo] = []
        # Whole groups (id -> members in id order, as refresh_groups reads them), kept like the mentions.
        self._groups: dict[int, list[GroupRow]] = {}
        self._staged_groups: dict[int, list[GroupRow]] = {}

    def get(self, eid: int) -> MentionInfo | None:
        return self._infos.get(eid)

    def put(self, infos: Iterable[MentionInfo]) -> None:
        for m in infos:
            self._infos[m.id] = m
        if len(self._infos) > self.limit:
            for eid in list(self._infos)[: len(self._infos) - self.limit // 2]:
                del self._infos[eid]

    def discard(self, ids: Iterable[int]) -> None:
        for eid in ids:
            self._infos.pop(eid, None)

    def stage(self, infos: Iterable[MentionInfo]) -> None:
        self._staged.extend(infos)

    def group(self, gid: int) -> list[GroupRow] | None:
        """The members of group ``gid`` if it is known whole (staged by this transaction or kept)."""
        found = self._staged_groups.get(gid)
        return found if found is not None else self._groups.get(gid)

    def stage_groups(self, groups: dict[int, list[GroupRow]]) -> None:
        self._staged_groups.update(groups)

    def drop_groups(self, gids: Iterable[int]) -> None:
        """Forget these groups (their members change), at once and whatever the transaction does."""
        for g in gids:
            self._groups.pop(g, None)
            self._staged_groups.pop(g, None)

    def commit(self) -> None:
        self.put(self._staged)
        self._staged = []
        self._groups.update(self._staged_groups)
        self._staged_groups = {}
        if len(self._groups) > self.limit // 4:
            self._groups.clear()

    def rollback(self) -> None:
        self._staged = []
        self._staged_groups = {}


def _stored_infos(session: Session, group_of: dict[int, int | None],
                  cache: MentionCache | None) -> dict[int, MentionInfo]:
    """The stored mentions ``group_of`` names (id -> its stored group_id), from ``cache`` where it holds
    them, with their current group."""
    out: dict[int, MentionInfo] = {}
    missing, moved = [], []
    for eid, gid in group_of.items():
        m = cache.get(eid) if cache is not None else None
        if m is None:
            missing.append(eid)
        elif m.group_id == (gid or eid):
            out[eid] = m
        else:
            out[eid] = with_group(m, gid or eid)
            moved.append(out[eid])
    loaded = load_infos(session, sorted(missing))
    if cache is not None:
        cache.put(moved + loaded)
    out.update((m.id, m) for m in loaded)
    return out


def published(type_: str, status: str, first: date | None, dct_value: str | None) -> date | None:
    """``MentionInfo.published``: the first day of the article's date, kept only where it matters,
    for an undated announced visit (``_open_announcement``)."""
    if type_ != "visit" or first is not None or status not in _FUTURE:
        return None
    iv = interval(dct_value)
    return iv[0] if iv else None


def _candidate_key(m: MentionInfo) -> tuple:
    """What ``cross_article_candidates`` depends on."""
    return (m.type, m.article_id, m.first, m.last, m.persons,
            m.countries if m.type in _set("continuing_types") else None,
            m.status in _FUTURE if m.first is None and m.type == "visit" else None)


@cache
def _dated_query(with_persons: bool, announced: bool):
    """The candidates of a dated mention (built once, with parameters): rows of the given types in
    other articles whose interval overlaps ``lo``–``hi`` and starts after ``start``, sharing a person
    when ``names`` are given; for a visit also the undated announced visits of those persons (see
    ``_open_announcement``), in the same round trip."""
    names = _persons_mentions()
    q = select(Event.id).where(Event.type.in_(bindparam("types", expanding=True)),
                               Event.article_id != bindparam("aid"), Event.date_first <= bindparam("hi"),
                               Event.date_last >= bindparam("lo"), Event.date_first >= bindparam("start"))
    if with_persons:
        q = q.where(Event.id.in_(names))
    q = q.order_by(Event.id.desc()).limit(bindparam("limit"))
    if not (with_persons and announced):
        return q
    later = select(Event.id).where(Event.type == "visit", Event.article_id != bindparam("aid"),
                                   Event.date_first.is_(None), Event.status.in_(sorted(_FUTURE)),
                                   Event.id.in_(names)).order_by(Event.id.desc()).limit(bindparam("limit"))
    first, second = q.subquery(), later.subquery()
    return union_all(select(first.c.id), select(second.c.id))


def cross_article_candidates(session: Session, new: MentionInfo, limit: int = 12) -> list[int]:
    """Ids of other articles' mentions that could be the same event, found through indexes."""
    if new.type not in _set("cross_article_types"):
        return []
    types = sorted(_set("encounter_types")) if new.type in _set("encounter_types") else [new.type]
    conn = session.connection()
    if new.type in _set("continuing_types"):
        # A continuing state: the same states, undated or within two years (see same_event).
        params: dict[str, Any] = {"types": types, "aid": new.article_id, "codes": sorted(new.countries),
                                  "limit": limit}
        dated = new.first is not None and new.last is not None
        if dated:
            params |= {"hi": new.last + timedelta(days=730), "lo": new.first - timedelta(days=730)}
        return [r[0] for r in fetch(conn, _continuing_query(dated), params)]
    if new.first is not None and new.last is not None:
        if not _fine(new) or not (new.persons or (new.type == "attack" and new.precision == "day")):
            return []  # same_event would refuse every candidate: no shared person, or too coarse a date
        # Bounded by the index on (type, date_first, date_last): no candidate starts more than a
        # year before this mention's interval; a few days' slack for visits (see _slack).
        slack = timedelta(days=3)
        params = {"types": types, "aid": new.article_id, "hi": new.last + slack, "lo": new.first - slack,
                  "start": new.first - timedelta(days=366), "limit": limit}
        if new.persons:
            params["names"] = sorted(new.persons)
        return [r[0] for r in fetch(conn, _dated_query(bool(new.persons), new.type == "visit"), params)]
    if new.type == "visit" and new.status in _FUTURE and new.persons and new.published is not None:
        # An undated announced visit: the visits of its persons within a year after its article.
        return [r[0] for r in fetch(conn, _announced_query(), {
            "aid": new.article_id, "lo": new.published, "hi": new.published + timedelta(days=OPEN_ANNOUNCEMENT_DAYS),
            "names": sorted(new.persons), "limit": limit})]
    return []


@cache
def _continuing_query(dated: bool):
    """The candidates of a continuing state (built once, with parameters): rows of its type in other
    articles that share a state, newest first; when it is dated, undated ones or those overlapping
    ``lo``–``hi``. A correlated EXISTS, not ``id IN (…)``: the rows of the type are walked newest first
    and each probes the link table's primary key until the limit is reached, instead of first listing
    every mention of Russia or North Korea (tens of thousands)."""
    q = select(Event.id).where(
        Event.type.in_(bindparam("types", expanding=True)), Event.article_id != bindparam("aid"),
        select(EventCountry.event_id).where(EventCountry.event_id == Event.id, EventCountry.country_code.in_(
            bindparam("codes", expanding=True))).exists())
    if dated:
        q = q.where(or_(Event.date_first.is_(None), and_(Event.date_first <= bindparam("hi"),
                                                         Event.date_last >= bindparam("lo"))))
    return q.order_by(Event.id.desc()).limit(bindparam("limit"))


@cache
def _announced_query():
    """The candidates of an undated announced visit: visits of its persons in other articles that
    overlap ``lo``–``hi`` (the year after its article), newest first."""
    return select(Event.id).where(
        Event.type == "visit", Event.article_id != bindparam("aid"), Event.date_last >= bindparam("lo"),
        Event.date_first <= bindparam("hi"), Event.id.in_(_persons_mentions())
    ).order_by(Event.id.desc()).limit(bindparam("limit"))


def _persons_mentions():
    """Ids of the mentions linked to an actor named in the parameter ``names``."""
    return select(EventActor.event_id).join(Actor, Actor.id == EventActor.actor_id).where(
        Actor.name.in_(bindparam("names", expanding=True)))


def assign_groups(session: Session, new: list[MentionInfo], twin_article: int | None = None,
                  rows: list[dict[str, Any]] | None = None, source: str = "",
                  cache: MentionCache | None = None) -> set[int]:
    """Give each new mention a group (in document order), before its row is written.

    ``new`` are the mentions of one article, described from its extraction (the loader writes them
    afterwards; ``rows`` are their rows-to-be, in the same order). Each row gets its ``group_id`` and
    ``merge_reason``. A group made of new mentions only is settled here as well: its head row gets the
    derived status and its one source (``source``: the article's outlet or file name), as
    ``refresh_groups`` would compute them, so such a group costs no update after the insert. Returns
    the groups ``refresh_groups`` must recompute once the rows are stored: those with stored members
    (and a new group whose head a better-dated mention should take over, see ``_better_head``).
    Mentions of a near-duplicate article (``twin_article``) are candidates for every mention.
    ``cache`` keeps stored mentions across the articles of one load (see ``MentionCache``); the new
    mentions are staged in it, to be kept once the loader's transaction has committed."""
    rows = rows if rows is not None else [{} for _ in new]
    conn = session.connection()
    infos = {m.id: m for m in new}
    twin_ids = [r[0] for r in fetch(conn, _ARTICLE_MENTIONS, {"aid": twin_article})] if twin_article else []
    found: dict[tuple, list[int]] = {}  # mentions of one article often ask the same question
    key_of: dict[int, tuple] = {}
    for m in new:
        key = key_of[m.id] = _candidate_key(m)
        if key not in found:
            found[key] = cross_article_candidates(session, m) + twin_ids
    first = sorted({c for ids in found.values() for c in ids})
    group_ids = dict(fetch(conn, _GROUP_OF, {"ids": first})) if first else {}
    groups = sorted({g or i for i, g in group_ids.items()})
    # Members of a candidate group take part, so a new mention is checked against the group, not one
    # member: the first mention and the most recent ones (a cap keeps big groups cheap).
    if groups:
        # The sample of a group the load knows whole comes from the cache (its last members by id).
        sample, ask = [], []
        for g in groups:
            known = cache.group(g) if cache is not None else None
            if known is None:
                ask.append(g)
            else:
                sample.extend((r.id, g) for r in known[-GROUP_SAMPLE:])
        if ask:
            group_ids.update(fetch(conn, _GROUP_SAMPLE, {"gids": ask, "n": GROUP_SAMPLE}))
        group_ids.update(sample)
        unknown = sorted(set(groups) - group_ids.keys() - infos.keys())
        if unknown:
            group_ids.update(fetch(conn, _GROUP_OF, {"ids": unknown}))
    wanted_ids = set(first) | group_ids.keys() | set(groups)
    # A stored group may still be led by an id a new mention reuses (its article was replaced and
    # the group is repaired only afterwards): that id stands for the new mention, ungrouped as yet.
    others = _stored_infos(session, {i: group_ids[i] for i in wanted_ids - infos.keys() if i in group_ids}, cache)
    others.update((i, infos[i]) for i in wanted_ids & infos.keys())
    group_of = {m.id: m.group_id for m in others.values()}
    by_group: dict[int, list[int]] = {}
    for o, g in group_of.items():
        by_group.setdefault(g, []).append(o)
    # A key's candidates are every known member of the groups its found ids belong to (the found ids
    # among them), in id order; keys of one article often reach the same groups.
    cand_infos: dict[tuple, list[MentionInfo]] = {}
    shortlist: dict[tuple, list[MentionInfo]] = {}  # those choose does not reject by type alone
    of_groups: dict[frozenset[int], list[MentionInfo]] = {}
    short_of: dict[tuple, list[MentionInfo]] = {}
    enc = _set("encounter_types")
    for key, ids in found.items():
        wanted = frozenset(group_of[c] for c in ids if c in group_of)
        cands = of_groups.get(wanted)
        if cands is None:
            cands = of_groups[wanted] = [others[c] for c in sorted(o for g in wanted for o in by_group[g])]
        cand_infos[key] = cands
        ntype, naid = key[0], key[1]
        short = short_of.get((wanted, ntype))
        if short is None:
            n_cross, n_enc = ntype in _set("cross_article_types"), ntype in enc
            short = short_of[wanted, ntype] = [o for o in cands if o.article_id == naid or (
                o.article_id == twin_article and o.type == ntype) or (
                n_cross and (o.type == ntype or (n_enc and o.type in enc)))]
        shortlist[key] = short
    placed: list[MentionInfo] = []
    new_groups: dict[int, list[int]] = {}  # group id -> positions in ``new``
    for i, m in enumerate(new):
        key = key_of[m.id]
        hit = choose(m, placed + shortlist[key], twin_article, placed + cand_infos[key])
        gid, reason = (hit[0].group_id, hit[1]) if hit else (m.id, None)
        rows[i]["group_id"], rows[i]["merge_reason"] = gid, reason
        placed.append(m if gid == m.group_id else with_group(m, gid))
        new_groups.setdefault(gid, []).append(i)
    if cache is not None:
        cache.stage(placed)  # with the groups they joined
    return _settle_new_groups(session, new, rows, new_groups, source)


_STORED_MEMBERS = select(Event.group_id).where(Event.group_id.in_(bindparam("gids", expanding=True))).distinct()


@dataclass(frozen=True)
class _Member:
    """What ``_better_head`` reads of a group member."""

    id: int
    date_basis: str
    date_precision: str | None


def _settle_new_groups(session: Session, new: list[MentionInfo], rows: list[dict[str, Any]],
                       groups: dict[int, list[int]], source: str) -> set[int]:
    """Status and sources of the groups of ``assign_groups`` that consist of new mentions only,
    written into their head rows; returns the other groups (see ``assign_groups``)."""
    ids = {m.id for m in new}
    own = sorted(g for g in groups if g in ids)
    stored = {r[0] for r in fetch(session.connection(), _STORED_MEMBERS, {"gids": own})} if own else set()
    rest = set(groups) - ids | stored
    for gid in own:
        positions = groups[gid]
        head = next((i for i in positions if new[i].id == gid), None)
        if gid in stored:
            continue
        if head is None or (len(positions) > 1 and _better_head(gid, [
                _Member(new[i].id, new[i].basis, new[i].precision) for i in positions]) is not None):
            rest.add(gid)  # rare: refresh_groups moves the group to its better-dated head
            continue
        stances = [new[i].status for i in positions if new[i].type != "denial"]
        rows[head].update(group_status=derive_status(stances) if stances else "denied", source_count=1,
                          sources=[source])
    return rest


def derive_status(statuses: Iterable[str]) -> str:
    present = set(statuses)
    for s in STATUS_ORDER:
        if s in present:
            return s
    return "reported"


#: How good a date's source is: the text's own words, a known event the text refers to, the
#: publication date or nothing.
_BASIS_RANK = {"explicit": 0, "relative_to_dct": 0, "knowledge": 1}


def _better_head(gid: int, members: list[Any]) -> int | None:
    """The member that should stand for the group instead of ``gid``, or None.

    A group is shown through its first mention, with that mention's date. When that date is only
    the article's publication date (or none) while another report dates the event from its own
    words ("im Oktober", "am 16. Januar 2024"), the timeline would place the event at the wrong
    time: the best-dated report takes over — its words over a known event it refers to
    (``knowledge``) over the publication date, then the finest precision, then the lowest id. Only
    ever to a strictly better source, so heads never flip back and forth."""
    head = next((r for r in members if r.id == gid), None)
    if head is None:
        return None
    rank = _BASIS_RANK.get(head.date_basis, 2)
    better = [r for r in members if _BASIS_RANK.get(r.date_basis, 2) < rank and r.date_precision]
    if not better:
        return None
    return min(better, key=lambda r: (_BASIS_RANK[r.date_basis], _PREC_RANK.get(r.date_precision, 9), r.id)).id


def _rehead(session: Session, old: int, new: int, members: list[Any]) -> None:
    """Make ``new`` the group's event id: every member points to it (``is_head`` follows through the
    database triggers), redirects that led to ``old`` lead to ``new`` (``old`` itself, now a
    merged report, leads there through its group), and the new head's merge reason (why it joined)
    goes to the old one."""
    reason = next((r.merge_reason for r in members if r.id == new), None)
    _move_group(session, old, new)
    t = Event.__table__
    conn = session.connection()
    conn.execute(update(t).where(t.c.id == new).values(merge_reason=None))
    conn.execute(update(t).where(t.c.id == old).values(merge_reason=reason or "dasselbe Ereignis; besser datiert"))


def _move_group(session: Session, old: int, new: int) -> None:
    """Give group ``old`` the event id ``new``: its members point to ``new`` (``is_head`` follows
    through the database triggers) and redirects that led to ``old`` lead to ``new``."""
    from app.store.models import EventRedirect

    session.execute(update(Event).where(Event.group_id == old).values(group_id=new))
    session.execute(update(EventRedirect).where(EventRedirect.new_id == old).values(new_id=new))


def refresh_groups(session: Session, group_ids: Iterable[int], cache: MentionCache | None = None,
                   new_members: list[GroupRow] | None = None) -> None:
    """Recompute each group's derived status and its independent sources; let a text-dated
    report stand for a group whose first mention has only the publication date (``_better_head``).

    ``cache`` (the load's ``MentionCache``) holds the members of groups the load has seen whole, so a
    group that one more mention joined is not read again: its members are the cached ones and those
    of ``new_members`` (the rows the loader has just written, all of them) that joined it. The groups
    recomputed here, and those made of new mentions only, are staged in the cache as they now are."""
    gids = sorted(set(group_ids))
    joined: dict[int, list[GroupRow]] = {}
    for r in new_members or ():
        joined.setdefault(r.group_id, []).append(r)
    by_group: dict[int, list] = {}
    missing = []
    for g in gids:
        known = cache.group(g) if cache is not None else None
        if known is None:
            missing.append(g)
        else:
            add = joined.get(g)
            if add is None:
                by_group[g] = known
            elif known and add[0].id > known[-1].id and all(
                    a.id < b.id for a, b in zip(add, add[1:], strict=False)):
                by_group[g] = known + add  # already in id order (new ids follow the stored ones)
            else:
                by_group[g] = sorted(known + add, key=_member_id)
    if missing:
        read: dict[int, list] = {g: [] for g in missing}
        for r in fetch(session.connection(), _GROUP_ROWS, {"gids": missing}):
            read[r[0]].append(GroupRow(*r))
        for members in read.values():
            members.sort(key=_member_id)  # SQLite reads them so (index on group_id); PostgreSQL may not
        by_group.update(read)
    by_group = {g: by_group[g] for g in gids}  # in the order of the ids, as one query reads them
    moved = set()
    for gid in list(by_group):
        members = by_group[gid]
        if len(members) > 1 and (new := _better_head(gid, members)) is not None:
            _rehead(session, gid, new, members)
            by_group[new] = by_group.pop(gid)
            moved |= {gid, new}
    values = []
    for gid, members in by_group.items():
        if not members:
            continue
        stances = [r[2] for r in members if r[1] != "denial"]
        groups: dict[str, str] = {}
        for r in members:
            groups.setdefault(r[3] or f"article:{r[5]}", r[4] or r[5])
        values.append({"gid": gid, "b_status": derive_status(stances) if stances else "denied",
                       "b_n": len(groups), "b_outlets": sorted(groups.values())})
    if values:
        execute_many(session.connection(), _UPDATE_HEADS, values)
    if cache is not None:
        cache.drop_groups(moved)  # their members' group and reasons changed: read them again if needed
        cache.stage_groups({g: m for g, m in by_group.items() if g not in moved and m})
        cache.stage_groups({g: m for g, m in joined.items() if g not in by_group and g not in moved})


def _member_id(r: GroupRow) -> int:
    return r.id


class GroupRow(NamedTuple):
    """A group member as ``refresh_groups`` reads it (a row of ``_GROUP_ROWS``)."""

    group_id: int
    type: str
    status: str
    source_group: str | None
    outlet: str | None
    file_name: str
    id: int
    date_basis: str
    date_precision: str | None
    merge_reason: str | None


_GROUP_ROWS = (select(Event.group_id, Event.type, Event.status, Article.source_group, Article.outlet,
                      Article.file_name, Event.id, Event.date_basis, Event.date_precision, Event.merge_reason)
               .join(Article, Article.id == Event.article_id)
               .where(Event.group_id.in_(bindparam("gids", expanding=True))))
_UPDATE_HEADS = update(Event.__table__).where(Event.__table__.c.id == bindparam("gid")).values(
    group_status=bindparam("b_status"), source_count=bindparam("b_n"), sources=bindparam("b_outlets"))


def repair_groups(session: Session, group_ids: Iterable[int], *, reason: str) -> set[int]:
    """After mentions were deleted: a group whose first mention is gone but which still has others
    gets its smallest remaining id as the new event id, and the old id redirects there."""
    from app.store.models import EventRedirect

    touched: set[int] = set()
    for gid in sorted(set(group_ids)):
        if session.get(Event, gid) is not None:
            touched.add(gid)
            continue
        remaining = list(session.scalars(select(Event.id).where(Event.group_id == gid).order_by(Event.id)))
        if not remaining:
            continue
        new = remaining[0]
        _move_group(session, gid, new)
        if session.get(EventRedirect, gid) is None:
            session.add(EventRedirect(old_id=gid, new_id=new, reason=reason))
        touched.add(new)
    session.flush()
    return touched
