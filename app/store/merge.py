"""One event, many reports: merging event mentions into real events.

Every stored event row is one *mention*: what one clause of one article says (its type, status,
date, actors, countries and citation stay exactly as extracted, so the export contract and the
per-clause evaluation are untouched). Mentions of the same real event share a ``group_id``, the id
of the group's first mention; that id is the real event's id on the timeline and in URLs.

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
  deployment goes on). A visit
  matches dates with three days' tolerance (visits last days; reports date their first or last).
- **actors**: when both name persons they must share one; when both name two or more, they must
  share two (a meeting of A and B is not a meeting of A and C; precision first, even where a
  visit of A held both). Across articles both must name persons, except for continuing states and
  attacks (same states, same day).
- **countries**: they must share at least one state; across articles the smaller set must lie in
  the larger.
- **status**: an announced or expected encounter merges with its realisation only when both are
  dated, one of them by a date the text states, and the dates overlap; a planned or speculative
  deployment does not merge with a reported one (more troops may follow).
- **direction**: for directed types (``directed_types``: visits, deliveries, deployments, attacks,
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

A syndicated copy (a near-duplicate article, see ``sources``) contributes its mentions to the
groups of the original's mentions with the same type and the same wording, whatever the type.

Candidates come from indexes, never from all pairs: the mentions of the same article already stored
in this transaction, and from other articles the rows of a compatible type whose date interval
overlaps (index ``type, date_first, date_last``), narrowed by shared actors.

False-positive policy: conservative. A wrong merge hides an event; a missed merge only repeats one.
Every merge records its reason in German in ``merge_reason``.

The group's overall status is derived from its mentions, never overwritten: reported if any mention
reports it, else alleged, planned, speculative, and denied only when nothing else is said.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from app.store.models import Actor, Article, Citation, Event, EventActor, EventCountry

_RESOURCE = Path(__file__).resolve().parents[1] / "extract" / "resources" / "merge.toml"
_PREC_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
              "decade": 6, "century": 7}
STATUS_ORDER = ("reported", "alleged", "planned", "speculative", "denied")
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
    enc = _set("encounter_types")
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
        if narrow and new.type == "statement" and shared and _continues(new.quote):
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
    if len(new.persons) >= 2 and any(len(o.persons) >= 2 and len(o.persons & new.persons) < 2
                                     and not _same_sides(new, o) for o in members):
        return False  # the whole group, not just one member, must be the same encounter
    if new.persons and any(o.persons and not (o.persons & new.persons) and o.type == new.type
                           and o.type not in _set("encounter_types") for o in members):
        return False  # a statement group keeps one speaker
    return True


def choose(new: MentionInfo, candidates: Iterable[MentionInfo],
           twin_article: int | None = None) -> tuple[MentionInfo, str] | None:
    """The best compatible candidate whose whole group (as far as it is known here) fits."""
    candidates = list(candidates)
    scored = []
    enc = _set("encounter_types")
    for old in candidates:
        if old.id == new.id:
            continue
        # the first tests of same_event, inline: most candidates fail them (a cheap pre-filter)
        if old.article_id != twin_article and (
                not (new.countries & old.countries)
                or (new.type != "denial" and new.type != old.type and not (new.type in enc and old.type in enc))):
            continue
        reason = same_event(new, old, twin_article)
        if reason is not None:
            twin_first = 0 if old.article_id == twin_article and old.article_id is not None else 1
            scored.append(((twin_first, *_score(new, old)), old, reason))
    if not scored:
        return None
    scored.sort(key=lambda x: x[0])
    by_group: dict[int, list[MentionInfo]] = {}
    for c in candidates:
        by_group.setdefault(c.group_id, []).append(c)
    checked: dict[int, bool] = {}
    for _, old, reason in scored:
        gid = old.group_id
        if gid not in checked:
            checked[gid] = _fits_group(new, by_group[gid])
        if checked[gid]:
            return old, reason
    return None


# --- database side -------------------------------------------------------------------------------

def _persons_and_countries(
        session: Session, ids: list[int]) -> tuple[dict[int, set[str]], dict[int, set[str]], dict[int, set[str]]]:
    persons: dict[int, set[str]] = {i: set() for i in ids}
    countries: dict[int, set[str]] = {i: set() for i in ids}
    senders: dict[int, set[str]] = {i: set() for i in ids}
    if not ids:
        return persons, countries, senders
    for eid, name in session.execute(
        select(EventActor.event_id, Actor.name).join(Actor, Actor.id == EventActor.actor_id)
        .where(EventActor.event_id.in_(ids), Actor.kind == "person")
    ):
        persons[eid].add(name)
    for eid, code, role in session.execute(
        select(EventCountry.event_id, EventCountry.country_code, EventCountry.role)
        .where(EventCountry.event_id.in_(ids))
    ):
        countries[eid].add(code)
        if role == "source":
            senders[eid].add(code)
    return persons, countries, senders


def load_infos(session: Session, ids: list[int]) -> list[MentionInfo]:
    if not ids:
        return []
    persons, countries, senders = _persons_and_countries(session, ids)
    rows = session.execute(
        select(Event.id, Event.article_id, Event.group_id, Event.type, Event.status, Event.date_first,
               Event.date_last, Event.date_precision, Event.date_value, func.min(Citation.sentence_index),
               func.min(Citation.quote), Event.date_basis, Event.trigger)
        .join(Citation, Citation.event_id == Event.id, isouter=True)
        .where(Event.id.in_(ids)).group_by(Event.id)
    ).all()
    return [
        MentionInfo(id=r[0], article_id=r[1], group_id=r[2] or r[0], sentence_index=r[9] or 0, type=r[3],
                    status=r[4], first=r[5], last=r[6], precision=r[7], value=r[8],
                    persons=frozenset(persons[r[0]]), countries=frozenset(countries[r[0]]), quote=r[10] or "",
                    basis=r[11] or "none", senders=frozenset(senders[r[0]]), trigger=r[12] or "")
        for r in rows
    ]


def _candidate_key(m: MentionInfo) -> tuple:
    """What ``cross_article_candidates`` depends on."""
    return (m.type, m.article_id, m.first, m.last, m.persons,
            m.countries if m.type in _set("continuing_types") else None)


def cross_article_candidates(session: Session, new: MentionInfo, limit: int = 12) -> list[int]:
    """Ids of other articles' mentions that could be the same event, found through indexes."""
    if new.type not in _set("cross_article_types"):
        return []
    types = sorted(_set("encounter_types")) if new.type in _set("encounter_types") else [new.type]
    q = select(Event.id).where(Event.type.in_(types), Event.article_id != new.article_id)
    if new.type in _set("continuing_types"):
        # A continuing state: the same states, undated or within two years (see same_event).
        q = q.where(Event.id.in_(
            select(EventCountry.event_id).where(EventCountry.country_code.in_(sorted(new.countries)))
        ))
        if new.first is not None and new.last is not None:
            q = q.where(or_(Event.date_first.is_(None), and_(
                Event.date_first <= new.last + timedelta(days=730),
                Event.date_last >= new.first - timedelta(days=730))))
    elif new.first is not None and new.last is not None:
        # Bounded by the index on (type, date_first, date_last): no candidate starts more than a
        # year before this mention's interval; a few days' slack for visits (see _slack).
        slack = timedelta(days=3)
        q = q.where(Event.date_first <= new.last + slack, Event.date_last >= new.first - slack,
                    Event.date_first >= new.first - timedelta(days=366))
        if new.persons:
            q = q.where(Event.id.in_(
                select(EventActor.event_id).join(Actor, Actor.id == EventActor.actor_id)
                .where(Actor.name.in_(sorted(new.persons)))
            ))
    else:
        return []
    return list(session.scalars(q.order_by(Event.id.desc()).limit(limit)))


def assign_groups(session: Session, new_ids: list[int], twin_article: int | None = None) -> set[int]:
    """Give each newly stored mention a group (in document order). Returns the touched group ids.
    Mentions of a near-duplicate article (``twin_article``) are candidates for every mention."""
    infos = {m.id: m for m in load_infos(session, new_ids)}
    twin_ids = list(session.scalars(select(Event.id).where(Event.article_id == twin_article))) if twin_article else []
    found: dict[tuple, list[int]] = {}  # mentions of one article often ask the same question
    cand_ids: dict[int, list[int]] = {}
    for eid in new_ids:
        key = _candidate_key(infos[eid])
        if key not in found:
            found[key] = cross_article_candidates(session, infos[eid])
        cand_ids[eid] = found[key] + twin_ids
    first = sorted({c for ids in cand_ids.values() for c in ids})
    groups = sorted({g or i for i, g in session.execute(
        select(Event.id, Event.group_id).where(Event.id.in_(first)))}) if first else []
    # Members of a candidate group take part, so a new mention is checked against the group, not one
    # member: the first mention and the most recent ones (a cap keeps big groups cheap).
    members: list[int] = []
    if groups:
        ranked = select(Event.id.label("id"), func.row_number().over(
            partition_by=Event.group_id, order_by=Event.id.desc()).label("rn")).where(
            Event.group_id.in_(groups)).subquery()
        members = list(session.scalars(select(ranked.c.id).where(ranked.c.rn <= GROUP_SAMPLE)))
        members += groups
    others = {m.id: m for m in load_infos(session, sorted(set(first) | set(members)))}
    group_of = {m.id: m.group_id for m in others.values()}
    by_group: dict[int, list[int]] = {}
    for o, g in group_of.items():
        by_group.setdefault(g, []).append(o)
    for eid, ids in cand_ids.items():
        wanted = {group_of[c] for c in ids if c in group_of}
        cand_ids[eid] = sorted({*ids, *(o for g in wanted for o in by_group[g])})
    placed: list[MentionInfo] = []
    touched: set[int] = set()
    updates = []
    for eid in new_ids:
        m = infos[eid]
        hit = choose(m, placed + [others[c] for c in cand_ids[eid] if c in others], twin_article)
        gid, reason = (hit[0].group_id, hit[1]) if hit else (eid, None)
        updates.append({"eid": eid, "gid": gid, "reason": reason})
        placed.append(MentionInfo(**{**m.__dict__, "group_id": gid}))
        touched.add(gid)
    if updates:
        t = Event.__table__
        session.connection().execute(
            update(t).where(t.c.id == bindparam("eid")).values(group_id=bindparam("gid"),
                                                                merge_reason=bindparam("reason")),
            updates,
        )
    return touched


def derive_status(statuses: Iterable[str]) -> str:
    present = set(statuses)
    for s in STATUS_ORDER:
        if s in present:
            return s
    return "reported"


def refresh_groups(session: Session, group_ids: Iterable[int]) -> None:
    """Recompute each group's derived status and its independent sources."""
    gids = sorted(set(group_ids))
    if not gids:
        return
    rows = session.execute(
        select(Event.group_id, Event.type, Event.status, Article.source_group, Article.outlet, Article.file_name)
        .join(Article, Article.id == Event.article_id)
        .where(Event.group_id.in_(gids))
    ).all()
    by_group: dict[int, list] = {g: [] for g in gids}
    for r in rows:
        by_group[r[0]].append(r)
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
        t = Event.__table__
        session.connection().execute(
            update(t).where(t.c.id == bindparam("gid")).values(
                group_status=bindparam("b_status"), source_count=bindparam("b_n"), sources=bindparam("b_outlets")),
            values,
        )


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
        session.execute(update(Event).where(Event.group_id == gid).values(group_id=new))
        session.execute(update(EventRedirect).where(EventRedirect.new_id == gid).values(new_id=new))
        if session.get(EventRedirect, gid) is None:
            session.add(EventRedirect(old_id=gid, new_id=new, reason=reason))
        touched.add(new)
    session.flush()
    return touched
