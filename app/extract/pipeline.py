"""Document → events: clause-level event extraction over the sentences ingest kept.

Per sentence: cut into clauses (``clauses``), find triggers (``events``), take one event per clause
from its main trigger, plus a nominal event for an event noun of another type that names its own
participant ("anlässlich des Besuchs von Außenministerin Choe"). Then status and claim holders
(``status``), date (``dating``) and headline (``headline``).

Heuristics for what is an event:
- a clause needs a trigger; a weak trigger counts only when the clause names a state or a person;
- a clause without a named state borrows the states of the previous event when it refers back
  ("beide", "dies", "dort", "Dabei ...") or continues it in the same or the next sentence;
- a reporting act by a medium ("KCNA meldete", "hieß es") is not an event;
- a bare speech clause ("Lawrow sagte,") whose complement holds a concrete event yields only that
  event; a speech clause whose complement only talks about relations is one statement event
  spanning both; a quote before ", sagte X" joins X's statement;
- a negated clause ("liegt nicht vor", "keine Bestätigung") is no event (``negation``; denials, "weder
  bestätigt noch dementiert" and reported speech stay), but its states stay the context for "beide";
  a negated dass-complement is part of the statement before it;
- "nicht nur X, sondern auch Y" is one event when both halves are of one kind;
- two third states named as the parties, none of ``[scope] target_states``, and no reference back or
  to another event: out of the timeline's scope ("Kiew kappte seine Beziehungen zu Syrien");
- a relative clause right after a state's name ("Nordkorea, das 1948 gegründet wurde") and a possessive
  "dessen"/"deren" ("an Russland, die dessen Streitkräfte ... einsetzen") add the state they stand for;
  "beide" takes the parties of the last main clause, not of a relative clause in between;
- an "other" event one state does alone (a weapons test, a parade) does not take the previous
  event's partner; "relations intensify" does;
- "..., die X anzuerkennen" (an article, a zu-infinitive, no finite verb) is an infinitive complement,
  not a relative clause: a speech clause before it and the act it declares are one event;
- a subheading (a short line without final punctuation) takes date and status of the same event
  named in the few sentences below it;
- "Dabei ging es um ..." continues the previous event (a visit or meeting continues as talks);
- "Wie X mitteilte, ..." is a statement of its own beside the event it reports; a speech clause
  whose complement only holds a weak trigger stays a statement;
- persons: named ones (a role only when the name is written somewhere in the text, no
  organisations), then relative pronouns, "er"/"sie", subject ellipsis, "beide" (``coref``), the
  speaker of a skipped speech clause, the speaker of the previous sentence for reported speech;
- dates spread between coreferent mentions (``_corefer_dates``); a time inside a "seit <noun> ..."
  phrase does not date the event.
- an event noun of any kind in a phrase opened by "seit"/"während"/"nach"/"vor"/"bei" that holds its
  own date and names a state or person is a background event of its own ("seit der Machtübernahme
  Kims im Jahr 2011"); the clause's attribution does not make it alleged, and a time in a
  "nach"/"vor" phrase does not date the clause;
- an attributive participle of a trigger verb ("einer am 2. Januar ... eingeschlagenen Rakete") is
  never a clause's predicate; with its own date in the phrase it is a (past) nominal event;
- "zitiert <medium> den Direktor ...": a medium quoting an official is that official's statement;
- a plural pronoun ("Trainiert wurden sie") stands for the troops/weapons/goods named in the two
  sentences before, which satisfies a trigger's object need;
- "unterstützten Russland dabei, ... zurückzuerobern": a verb with "dabei/dazu/darin/daran" spans its
  zu-complement, and the act in the complement stays an event of its own;
- a "Wie X mitteilte" statement also names the states of the event it reports; a statement about an
  event named with a definite article ("Der Kreml bestätigte das Gespräch") does not take the
  article's second state.

Pass 14 (sides, direction, places):
- an attack naming one side of the war in Ukraine (``[war]`` in cues.toml; articles from 2014 on) takes the
  other side: the invaded state ("Invasion der Ukraine", "gegen die Ukraine", a place in it) is the target;
- a delivery with a verb of receiving ("sich Nachschub sichern", "kauft Granaten in Nordkorea") goes to the
  subject; the state after "in"/"aus"/"von"/"bei" delivers;
- a trip to a place in the traveller's own state ("Kim reiste nach Wonsan") is no visit; its purpose
  clause ("um seinen Gast zu treffen") takes the traveller; "kam/fuhr nach X" is a visit only with a
  traveller and a destination;
- "dort" in a deployment or visit takes the state named last before; a definite event noun ("die
  Lieferung") takes the parties of the same kind of event told in the three sentences before;
- a quoted act said never to happen ("„Die USA werden ... niemals besiegen“") is the speaker's statement;
- a meeting noun "mit X" inside another event's clause is an encounter of that clause's subject with X;
- a visit noun with a possessive ("ihre Reise") right after another person's visit is no visit of the
  clause's subject; an event noun in a cause phrase ("wegen der Truppenentsendung") does not type the clause;
- a live ticker's time stamp ("+++ 18:42 Uhr +++") is cut from its entry; a person before the colon of
  its heading ("Selenskyj: ...") is the claim's holder and an actor, not the headline's subject;
- summoning an ambassador ("bestellte den russischen Botschafter ein") is a protest against his state.

Pass 15 (reported speech, backgrounds, predicates):
- "Seit der Invasion ... im Februar 2022 sucht Russland Partner": a dated event noun after "seit" holding the
  clause's only trigger is a background event of its own; the clause is the state's present course ("other");
- "X habe Y getan, sagte Z" (Konjunktiv, not a promise "werde"): the act is the event and Z (and whom Z spoke
  with) its source, one event; an act known from such a tail is alleged whatever side the speaker is on, unless
  a medium reports it (", meldete KCNA") or an office communicates it (", teilte ... mit");
- a charge ("werfen ... vor", "beschuldigen") with its zu-complement is one accusation; the
  accusing verb does not make the accusation alleged; a denial spans the claim it denies and names no nominal act;
- troops "eingesetzt" (passive, no weapons named) are a deployment; a meeting noun after "zu" with a travel verb
  is the trip's purpose (a visit, its destination kept); a condition ("falls ...") is no event.

Pass 16 (who acts, who receives):
- a passive ("der von Kim eingeladen wurde", "worden", "ließ sich von X zeigen"): the agent after "von" is the
  source, the subject the target; "von ... aus" is a place;
- weapons "aus X" in an attack are the weapons' origin, not a side (``_direction_marks`` 3, listed last);
- an accusation told by its wrong ("eine Verletzung der Sanktionen gegen Nordkorea") or a lone state after "gegen"
  in an accusation/sanction: the states are targets (country role "target"), the accuser unnamed;
- the source person's state is the source state, unless the person is named after "an"/"gegenüber"/"mit"/"zu"
  (an addressee: role "target"; an apposition before the verb then gives the subject);
- "um ... zu" alone (statement/other) and a nation's people as subject ("das russische Volk") are no events.

Mentions and time expressions come from the entities and timex helpers; both are optional imports
(without them there are no mentions or time expressions, and therefore almost no events).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from . import coref, dating, knowledge, negation, status
from .clauses import Clause, Token, load_toml, participle_like, split_clauses
from .events import Trigger, find_triggers, is_finite_verb, lexicon, main_trigger, object_classes, preterite_forms
from .headline import act_object, act_of, act_pattern, complement_of, complement_topic, headline, topic_of
from .model import DCT, ActorRef, Claim, CountryRef, Document, EventDate, ExtractedEvent, Extraction, Mention, Timex
from .spaces import plain_spaces

try:  # the temporal tagger (helper "timex")
    from .timex import tag as _tag
except ImportError:  # pragma: no cover - until the helper lands
    _tag = None
try:  # persons and states (helper "entities")
    from .entities import actor_info as _actor_info
    from .entities import country_name as _country_name
    from .entities import find_mentions as _find_mentions
except ImportError:  # pragma: no cover
    _find_mentions = None
    _actor_info = None
    _country_name = None

_PAST_AUX = frozenset({"hat", "haben", "habe", "hätte", "hätten", "ist", "sind", "sei", "seien", "wurde", "wurden",
                       "hatte", "hatten", "war", "waren"})
_TEMPORAL = frozenset({"als", "während", "nachdem", "bevor", "seit", "seitdem"})
_RELATIVES = frozenset({"der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welche", "welcher"})
BILATERAL = {"visit", "meeting", "talks", "call", "agreement", "arms_transfer", "troop_deployment",
             "military_cooperation", "economic_cooperation", "other", "denial", "sanction"}
# types that take the article's two states when only one is named
_PAIR_TYPES = BILATERAL - {"other", "sanction"} | {"statement"}


@cache
def _cfg() -> dict:
    c = load_toml("cues.toml")
    rep: set[str] = set()
    for spec in c["reporting"]["verbs"]:
        rep.add(spec.split("/")[0].replace("+", "").lower())
    return {
        "reporting": frozenset(rep),
        "media": frozenset(c["attribution"]["media"]),
        "topic_words": frozenset(c["topic"]["words"]),
        # "soll es bei den Gesprächen auch um ... gehen": a topic phrase anywhere in the clause
        "topic_phrases": tuple(tuple(x.split()) for x in c["topic"]["words"] if " " in x),
        "topic_constr": tuple(tuple(x.split()) for x in c["topic"]["construction"]),
        "pair": frozenset(c["anaphora"]["pair"]),
        "additive": frozenset(c["anaphora"].get("additive", ())),
        "person": frozenset(c["anaphora"]["person"]),
        "keep_speech": frozenset(c["priority"]["keep_speech"]),
        "causal": frozenset(c["priority"]["causal_preps"]),
        "frame": frozenset(c["priority"]["frame_preps"]),
        "frame_types": frozenset(c["priority"]["frame_types"]),
        "demand": frozenset(c["priority"]["demand_verbs"]),
        "expected_visit": (frozenset(c["priority"]["expected_visit_aux"]),
                           frozenset(c["priority"]["expected_visit_verb"]),
                           frozenset(c["priority"]["expected_visit_preps"]),
                           tuple(c["priority"]["expected_visit_groups"])),
        "plan_speech": frozenset(c["priority"]["plan_speech"]),
        "plan_noun_speech": frozenset(c["priority"]["plan_noun_speech"]),
        "offer": frozenset(c["priority"]["offer_verbs"]),
        "speech_content": frozenset(c["priority"]["speech_content"]),
        "evaluative": frozenset(c["priority"]["evaluative_verbs"]),
        "content_speech": frozenset(c["priority"]["content_speech"]),
        "readiness": frozenset(c["priority"]["readiness"]),
        "greeting": frozenset(c["priority"]["greeting_verbs"]),
        "host_verbs": frozenset(c["priority"].get("host_verbs", ())),
        "onward_verbs": frozenset(c["priority"].get("onward_verbs", ())),
        "onward_present": frozenset(c["priority"].get("onward_present", ())),
        "announce": frozenset(c["priority"]["announce_verbs"]),
        "nominal_actor": frozenset(c["priority"]["nominal_needs_actor"]),
        "nominal_time": frozenset(c["priority"]["nominal_needs_time"]),
        "context": frozenset(c["anaphora"]["context"]),
        "konj": frozenset(c["tense"]["konjunktiv"]),
        "background_preps": frozenset(c["priority"]["background_preps"]),
        "unconfirmed": frozenset(c["denial"]["unconfirmed_verbs"]),
        "reject_verbs": frozenset(c["denial"]["reject_verbs"]),
        "rejected_measures": tuple(c["denial"]["rejected_measures"]),
        "observer_nouns": tuple(c["denial"]["observer_nouns"]),
        "observer_not_subject": frozenset(c["denial"]["observer_not_subject"]),
        "people_subjects": tuple(tuple(w.split()) for w in c["denial"]["people_subjects"]),
        "blame_lemmas": frozenset(c["blame"]["lemmas"]),
        "blame_nouns": tuple(c["blame"]["nouns"]),
        "false_nouns": tuple(c["blame"]["false_nouns"]),
        "blame_adjectives": frozenset(c["blame"]["adjectives"]),
        "violation": frozenset(c["blame"]["violation_lemmas"]),
        "charge": frozenset(c["blame"]["charge_verbs"]),
        "conditional": frozenset(c["priority"]["conditional_leads"]),
        "gapping": frozenset(c["gapping"]["leads"]),
        "definite_roles": frozenset(c["coref"]["definite_roles"]),
        "never": tuple(tuple(w.split()) for w in c["denial"]["never"]),
        "never_konjunktiv": frozenset(c["denial"]["never_konjunktiv"]),
        "habitual_words": tuple(tuple(w.split()) for w in c["habitual"]["words"]),
        "habitual_types": frozenset(c["habitual"]["types"]),
        "direction": {k: frozenset(v) for k, v in c["direction"].items()
                      if k not in ("receive", "summon", "destination_verbs")},
        "summon": frozenset(c["direction"]["summon"]),
        "destination_verbs": frozenset(c["direction"]["destination_verbs"]),
        "receive": status._forms(c["direction"]["receive"]),
        "vote_lemmas": frozenset(c["votes"]["lemmas"]),
        "use_verbs": frozenset(c["deploy"]["passive_use_verbs"]),
        "passive": frozenset(c["deploy"]["passive_words"]),
        "sanction_prefixes": tuple(c["votes"]["sanction_prefixes"]),
    }


@dataclass
class _Cand:
    clause: Clause
    start: int
    end: int
    type: str
    trigger: Trigger | None
    triggers: list[Trigger]
    nominal: bool = False
    dated_background: bool = False  # a nominal event with its own date ("seit der Machtübernahme ... 2011")
    skip: bool = False
    inherit_from_prev_clause: bool = False
    topic: bool = False
    extra: list = field(default_factory=list)
    speaker: Clause | None = None  # the speech clause this candidate is the complement of
    announced: bool = False  # the complement of "kündigte an, ... zu ...": a planned act
    report: bool = False  # a "Wie X mitteilte" clause: a statement that does not carry the topic on
    continued: bool = False  # a Konjunktiv sentence with no trigger: the speech just reported may go on


def _country(code: str) -> str:
    if _country_name is not None:
        try:
            return _country_name(code)
        except Exception:  # noqa: BLE001 - a missing name must not stop extraction
            return code
    return code


def _actor_country(name: str) -> str | None:
    """The state of a known actor (a lexicon lookup, memoised per name)."""
    hit = _ACTOR_COUNTRY.get(name, _UNSEEN)
    if hit is not _UNSEEN:
        return hit
    if _actor_info is None:
        return None
    try:
        info = _actor_info(name)
    except Exception:  # noqa: BLE001
        return None
    if len(_ACTOR_COUNTRY) > 100_000:
        _ACTOR_COUNTRY.clear()
    hit = _ACTOR_COUNTRY[name] = info.country if info else None
    return hit


_UNSEEN = object()
_ACTOR_COUNTRY: dict[str, str | None] = {}


def _safe_tag(doc: Document) -> list[Timex]:
    if _tag is None:
        return []
    spans = [(s.start, s.end) for s in doc.sentences]
    try:
        return list(_tag(doc.text, doc.dct.value if doc.dct else None, spans=spans))
    except TypeError:
        return list(_tag(doc.text, doc.dct.value if doc.dct else None))


def _dct_date(doc: Document) -> date | None:
    if doc.dct is None:
        return None
    iv = dating.interval(doc.dct.value)
    return iv[0] if iv else None


def _safe_mentions(doc: Document) -> list[Mention]:
    if _find_mentions is None:
        return []
    spans = [(s.start, s.end) for s in doc.sentences]
    return list(_find_mentions(doc.text, spans, on=_dct_date(doc)))


_NP_RIGHT = {"von", "der", "des", "dem", "den", "in", "im", "mit", "zu", "zum", "zur", "an", "nach", "zwischen",
             "gegen", "und", "aus", "bei", "beim", "die", "das", "ins"}
_NP_LEFT = {"der", "des", "dem", "den", "die", "das", "ein", "eine", "eines", "einem", "einen", "einer", "bei",
            "beim", "zu", "zum", "zur", "während", "nach", "vor", "im", "seit", "anlässlich", "auf", "durch",
            "über", "um", "mit", "für", "seines", "seiner", "ihres", "ihrer", "kurz"}


_PLACE_TYPES = frozenset({"troop_deployment", "visit", "attack", "meeting", "talks"})
_POSSESSIVE_DETS = frozenset({"ihre", "ihr", "ihren", "ihrem", "ihrer", "ihres", "seine", "sein", "seinen", "seinem",
                              "seiner", "seines", "deren", "dessen", "unsere", "unser", "unseren", "unserem"})
_ACCUSATIVE_PREPS = frozenset({"an", "in", "auf", "für", "gegen", "durch", "über", "um", "zwischen", "und", "ohne"})


def _np_span(toks: tuple[Token, ...], i: int) -> tuple[int, int]:
    """Token range [a, b] of the noun phrase around the event noun at index i."""
    a = i
    while a - 1 >= 0 and i - (a - 1) <= 5:
        t = toks[a - 1]
        if t.low in _POSSESSIVE_DETS:
            a -= 1  # "ihre Visite": the determiner opens the phrase
            break
        if not t.is_upper and (is_finite_verb(t.low) or t.low in _finite_words()):
            break  # "Peskow bezeichnete | ihre Visite"
        if t.low in _NP_LEFT or (not t.is_upper and t.low.endswith(("en", "er", "es", "e"))) or t.is_upper \
                or t.low in status.cues().adjective_hedges:
            a -= 1
            if t.low in _NP_LEFT and t.low not in ("der", "des", "dem", "den", "die", "das"):
                if t.low in ("bei", "beim", "zu", "zum", "zur", "während", "nach", "vor", "im", "seit",
                             "anlässlich", "auf", "durch", "über", "um", "mit", "für", "kurz"):
                    break
        else:
            break
    b = i
    while b + 1 < len(toks) and b - i < 10:
        t = toks[b + 1]
        if t.low in ("die", "das") and toks[b].low not in _ACCUSATIVE_PREPS:
            break  # "seit der Invasion der Ukraine im Jahr 2022 | die Beziehungen ...": a new noun phrase
        if t.is_upper or t.low in _NP_RIGHT or t.low[0].isdigit() or (
                not t.is_upper and t.low.endswith(("en", "er", "es", "e")) and b + 2 < len(toks)
                and toks[b + 2].is_upper):
            b += 1
        else:
            break
    while b > i and toks[b].low in _NP_RIGHT:
        b -= 1
    return a, b


def _mentions_in(mentions: list[Mention], s: int, e: int) -> list[Mention]:
    return [m for m in mentions if s <= m.start and m.end <= e]


_STARTS: dict[int, tuple[tuple[Token, ...], list[int]]] = {}


def _token_at(toks: tuple[Token, ...], pos: int, default: int | None) -> int | None:
    """``next((i for i, t in enumerate(toks) if t.start <= pos < t.end), default)`` for words in
    text order (sorted, not overlapping): the last token starting at or before ``pos`` is the only
    one that can hold it. The starts of a tuple are kept while it is alive (by identity)."""
    if toks.__class__ is not tuple:
        return next((i for i, t in enumerate(toks) if t.start <= pos < t.end), default)
    hit = _STARTS.get(id(toks))
    if hit is None or hit[0] is not toks:
        if len(_STARTS) > 512:
            _STARTS.clear()
        hit = _STARTS[id(toks)] = (toks, [t.start for t in toks])
    i = bisect_right(hit[1], pos) - 1
    if i >= 0 and pos < toks[i].end:
        return i
    return default


def _future_clauses(clauses: list[Clause]) -> set[int]:
    """Positions of the clauses in the future tense ("wird ... empfangen"); asked for rarely, so not
    computed for every sentence."""
    return {c.position for c in clauses if any(t.low in _WIRD for t in c.tokens) or status.is_future(c.tokens)}


def _mentions_between(mentions: list[Mention], starts: list[int], s: int, e: int) -> list[Mention]:
    """``_mentions_in`` over mentions sorted by start (``starts`` their starts): only the run of
    mentions starting in [s, e] can lie inside."""
    lo = bisect_left(starts, s)
    hi = bisect_right(starts, e, lo)
    return [m for m in mentions[lo:hi] if m.end <= e]


_WIRD = ("wird", "werden", "werde")


def _background_memo(memo: dict[tuple[int, int], bool], m: Mention, c: Clause, cfg: dict) -> bool:
    key = (id(c), id(m))  # both live for the whole sentence
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _background(m, c.tokens, cfg)
    return hit


def _drop_venues(own: list[Mention], toks: tuple[Token, ...]) -> list[Mention]:
    """A city named as the venue ("in Hanoi", "in Wladiwostok") is not a party when two states are
    named otherwise."""
    def venue(m: Mention) -> bool:
        if m.kind != "country" or getattr(m, "via", "name") not in ("capital", "place", "region"):
            return False
        idx = _token_at(toks, m.start, 0)
        return idx > 0 and toks[idx - 1].low in ("in", "im")
    others = {(m.key if m.kind == "country" else getattr(m, "country", None)) for m in own if not venue(m)}
    others.discard(None)
    if len(others) < 2:
        return own
    return [m for m in own if not venue(m)]


def _habitual(etype: str, lows: list[str]) -> bool:
    """An encounter in the present tense with a frequency adverb (cues.toml [habitual])."""
    cfg = _cfg()
    if etype not in cfg["habitual_types"]:
        return False
    pret = preterite_forms()
    if not _PAST_AUX.isdisjoint(lows) or not pret.isdisjoint(lows):
        return False
    return status.find_phrase(lows, cfg["habitual_words"]) is not None


def _direct(codes: list[str], own: list[Mention], toks: tuple[Token, ...], etype: str) -> list[str]:
    """States ordered origin first, destination last ("Truppen nach Russland entsenden": Russia
    receives). Only the states named after a goal or origin preposition move; the first state stays the
    source otherwise. See ``[direction]`` in ``cues.toml``."""
    mark = _direction_marks(codes, own, toks, etype)
    if not any(v != 1 for v in mark.values()):
        return codes
    return sorted(codes, key=lambda k: mark.get(k, 1))  # stable: the order of mention otherwise


_DIRECTED = frozenset({"visit", "troop_deployment", "arms_transfer", "attack", "sanction"})
_AFTERWARDS = frozenset({"anschluss", "während", "seit", "anlässlich", "nach"})


def _direction_marks(codes: list[str], own: list[Mention], toks: tuple[Token, ...], etype: str,
                     strict: bool = False) -> dict[str, int]:
    """Per named state: 0 origin ("aus Nordkorea"), 2 destination ("an die Ukraine"), 1 otherwise, 3 the origin
    of the weapons an attack uses ("Raketen aus Nordkorea").
    ``strict``: a goal inside a background phrase ("im Anschluss an seinen Aufenthalt in China") is none."""
    d = _cfg()["direction"]
    if etype in d["symmetric_types"] or len(codes) < 2:
        return {}
    goal = d["goal"] | (d["goal_movement"] if etype in d["movement_types"] else frozenset())
    mark: dict[str, int] = {}
    for m in own:
        if m.kind != "country":
            continue
        idx = _token_at(toks, m.start, None)
        if idx is None:
            continue
        j = idx - 1
        while j >= 0 and toks[j].low in d["skip"] and idx - j <= 3:
            j -= 1
        if j < 0:
            continue
        if etype == "attack" and idx - j == 2 and toks[j + 1].low in ("der", "des") \
                and toks[j].low.endswith(tuple(_war()["objective_nouns"])):
            mark.setdefault(m.key, 2)  # "die Invasion der Ukraine": the invaded state
            continue
        if toks[j].low in goal:
            if strict and any(t.low in _AFTERWARDS for t in toks[max(0, j - 4):j]):
                continue
            mark.setdefault(m.key, 2)
        elif toks[j].low == "aus" and etype == "attack" and j > 0 and any(
                k == j - 1 and cls == "arms" for k, cls in object_classes(toks)):
            mark.setdefault(m.key, 3)  # "setzt Raketen aus Nordkorea ein": where the weapons come from, not who fires
        elif toks[j].low in d["origin"] and etype not in ("statement", "accusation", "denial"):
            mark.setdefault(m.key, 0)  # not "warnte vor einer Zusammenarbeit von Moskau und Pjöngjang"
        else:
            mark.setdefault(m.key, 1)
    return mark


_SUPPLIER_PREPS = frozenset({"in", "aus", "von", "vom", "bei"})
_AGAINST = frozenset({"gegen"})
_DETS = frozenset({"der", "die", "das", "dem", "den", "des"})


def _after_word(toks: tuple[Token, ...], start: int, words: frozenset[str]) -> bool:
    """The mention at ``start`` follows one of ``words``, determiners and adjectives skipped ("aus dem Iran")."""
    k = _token_at(toks, start, None)
    if k is None:
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and (toks[j].low in _DETS or (not toks[j].is_upper and toks[j].low.endswith(
            ("e", "en")) and toks[j].low not in words)):
        j -= 1
    return j >= 0 and toks[j].low in words
_ENVOYS = ("botschafter", "gesandt", "geschäftsträger", "diplomat", "vertreter")


def _envoy_mentions(own: list[Mention], toks: tuple[Token, ...]) -> list[Mention]:
    """The mentions that name a diplomat or his state ("den russischen Botschafter", "Botschafter Sinowjew"):
    those overlapping the envoy noun or standing right before it."""
    out = []
    for k, t in enumerate(toks):
        if not t.low.startswith(_ENVOYS):
            continue
        left = toks[max(0, k - 2)].start
        out += [m for m in own if m not in out and (m.start <= t.start < m.end or left <= m.start < t.start
                                                     or m.start <= t.end <= m.end)]
    return out


_RETURN_VERBS = frozenset({"zurückkehren", "heimkehren", "abreisen", "abfliegen"})


def _destination(own: list[Mention], toks: tuple[Token, ...]) -> str | None:
    """The state of a place a trip goes to ("nach Wonsan", "in die Hafenstadt Rajin")."""
    for m in own:
        if m.kind != "country" or getattr(m, "via", "") not in ("place", "capital", "region"):
            continue
        idx = _token_at(toks, m.start, None)
        if idx is None:
            continue
        j = idx - 1
        while j >= 0 and idx - j <= 4 and (toks[j].low in ("der", "die", "das", "den", "dem") or toks[j].is_upper
                                           or toks[j].low.endswith(("e", "en"))):
            j -= 1  # "in die nordkoreanische Hafenstadt Chongjin"
        if j >= 0 and toks[j].low in ("nach", "in", "ins", "an"):
            return m.key
    return None


_QUOTE_MARKS = frozenset("„“”\"«»")


def _quoted_negation(toks: tuple[Token, ...], text: str, sent_start: int) -> bool:
    """The clause's negators all stand inside a quotation (not a parenthesis)."""
    neg = negation.negators(toks)
    return bool(neg) and all(sum(ch in _QUOTE_MARKS for ch in text[sent_start:toks[i].start]) % 2 == 1 for i in neg)


@cache
def _war() -> dict:
    return load_toml("cues.toml")["war"]


def _war_sides(codes: list[str], own: list[Mention], toks: tuple[Token, ...], dct: DCT | None) -> list[str]:
    """An attack naming one side of a war (``[war]`` in cues.toml): the other side, ordered attacker first."""
    w = _war()
    other = w["sides"].get(codes[0])
    if other is None or dct is None or not dct.value[:4].isdigit() or int(dct.value[:4]) < w["since"]:
        return codes
    m = next((x for x in own if x.kind == "country" and x.key == codes[0]), None)
    if m is None:
        return codes
    idx = _token_at(toks, m.start, None)
    if idx is None:
        return codes
    j = idx - 1
    while j >= 0 and toks[j].low in ("der", "die", "das", "dem", "den", "des", "region", "gebiet", "stadt"):
        j -= 1
    word = toks[idx]
    if "-" in word.text and word.end > m.end and any(word.low.endswith(n) for n in ("krieg", "krieges", "kriegs")):
        return [other, codes[0]]  # "Ukraine-Krieg": the war in and against Ukraine
    target = getattr(m, "via", "") in ("place", "capital") and not toks[idx].low.endswith(("ischen", "ische")) \
        or (j >= 0 and toks[j].low in w["target_preps"]) \
        or (j >= 0 and j < idx - 1 and toks[idx - 1].low in ("der", "des")
            and any(toks[j].low.endswith(n) for n in w["objective_nouns"])) \
        or (idx + 1 < len(toks) and toks[idx + 1].is_upper and m.text[:1].islower()
            and any(o.kind == "country" and o.key == codes[0] and o.start == toks[idx + 1].start for o in own))
    if any(t.low.startswith(tuple(w["liberation"])) for t in toks):
        target = not target
    return [other, codes[0]] if target else [codes[0], other]


def _konjunktiv(lows: list[str], konj: frozenset[str]) -> bool:
    """Reported speech: a Konjunktiv I form ("sei", "habe", "werde", or a trigger verb's stem + e)."""
    if konj is not _cfg()["konj"]:
        return any(_konjunktiv_word(w, konj) for w in lows)
    memo = _KONJ
    for w in lows:
        hit = memo.get(w)
        if hit is None:
            if len(memo) > 200_000:
                memo.clear()
            hit = memo[w] = _konjunktiv_word(w, konj)
        if hit:
            return True
    return False


_KONJ: dict[str, bool] = {}  # per word, for the cues.toml list


def _konjunktiv_word(w: str, konj: frozenset[str]) -> bool:
    if w in konj:
        return True
    return w.endswith("e") and not w.endswith("te") and len(w) > 4 and any(
        e.lemma.endswith(w + "n") for e in lexicon().joined.get(w, ()))


def _background(m: Mention, toks: tuple[Token, ...], cfg: dict) -> bool:
    """A state named as the war's scene or as a medium's origin is not a party to the event."""
    idx = _token_at(toks, m.start, None)
    if idx is None:
        return False
    word = toks[idx].low
    if "krieg" in word and word != m.text.lower():  # (also "-krieg")
        return True
    if word.startswith(("pro-", "anti-", "prorussisch", "antirussisch")):
        return True  # "pro-russische Separatisten" names a side, not a state taking part
    if not cfg["context"].isdisjoint([t.low for t in toks[max(0, idx - 3):idx]]):
        return True
    media = cfg["media"]
    for t in toks[idx + 1:idx + 3]:
        if t.low in media or t.low.startswith("nachrichtenagentur"):
            return True
    return False


def extract(doc: Document) -> Extraction:
    """All events of one document (pure function of its text, sentences and DCT)."""
    doc = plain_spaces(doc)  # line breaks and no-break spaces inside a sentence read as spaces
    timexes = dating.anchored(doc.text, sorted(_safe_tag(doc), key=lambda t: t.start), doc.dct)
    mentions = sorted(_safe_mentions(doc), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    tstarts = [t.start for t in timexes]  # sorted by start (``dating.anchored``)
    cfg = _cfg()
    events: list[ExtractedEvent] = []
    prev_attrs: list[status.Attribution] = []
    last_event: ExtractedEvent | None = None
    last_main: ExtractedEvent | None = None  # the last event of a main (not relative) clause
    nouns: list[frozenset[str]] = []  # per event: its type and the event nouns of its clause
    pair = _topic_pair(mentions)
    tracker = coref.Tracker.of(doc.text, mentions)
    named = coref.named_in_text(mentions)
    referent: tuple[Token, ...] = ()  # troops, weapons, goods named last, for "sie" (``_candidates``)
    referent_sent = -9
    wording: dict[int, tuple] = {}  # event index -> speech verb and topic of its headline

    prev_sent_start = 0
    for sent in doc.sentences:
        stamp = _TICKER_STAMP.match(sent.text)
        if stamp is not None and stamp.end() < len(sent.text):
            # "+++ 18:42 Uhr +++ Selenskyj: Nordkoreaner kämpfen in Kursk": a live ticker's time stamp is
            # no part of the entry's heading
            sent = replace(sent, start=sent.start + stamp.end(), text=sent.text[stamp.end():])
        clauses = split_clauses(sent.text, sent.start, sent.index, is_finite_verb)
        if not clauses:
            continue
        smentions = _mentions_between(mentions, starts, sent.start, sent.end)
        attrs = status.attributions([c.tokens for c in clauses], smentions, prev_attrs)
        sentence_lows = [t.low for c in clauses for t in c.tokens]
        sent_konj = _konjunktiv(sentence_lows, cfg["konj"])
        lo = bisect_left(tstarts, sent.start)
        stimex = timexes[lo:bisect_left(tstarts, sent.end, lo)]
        cands = _candidates(clauses, smentions, cfg, stimex, referent if referent_sent >= sent.index - 2 else (),
                            heading=len(clauses) == 1 and _is_heading(sent.text), titled=_is_heading(sent.text))
        if _question(sent.text):
            cands = []  # "Liefert Nordkorea weiter Munition an Russland?": an interviewer's question states nothing
        named_objects = tuple(t for c in clauses for t in _concrete_objects(c.tokens))
        if named_objects:
            referent, referent_sent = named_objects, sent.index
        holder_spans = [(a.start, a.end) for a in attrs if a.start >= 0 and not a.verb]
        background: dict[tuple[int, int], bool] = {}  # (clause, mention) -> _background, per sentence

        head_src = _headline_source(sent.text, sent.start, smentions)
        temporal = _temporal_clause_date(clauses, stimex)
        reports: list[int] = []
        encounters: list[tuple[int, Clause]] = []  # nominal meetings "mit X" inside another event's clause
        trips: dict[int, tuple[str, str]] = {}  # clause -> traveller and home state of a trip at home
        unheld: list[tuple[int, Clause]] = []  # nominal events hedged by an adjective ("die angeblichen Lieferungen")
        clause_dates: dict[int, EventDate] = {}
        clause_events: dict[int, ExtractedEvent] = {}
        stipulating: set[int] = set()  # clauses telling what an agreement or resolution stipulates
        for cand in cands:
            if cand.skip:
                continue
            if cand.continued and not (last_event is not None and last_event.type == "statement"
                                       and last_event.sentence_index == sent.index - 1):
                continue  # "Man müsse sie schrittweise aufheben" only right after a statement
            c = cand.clause
            if not cand.nominal and c.position - 1 in stipulating and _zu_complement(c):
                continue  # "Die Resolution verpflichtet alle Staaten, Gastarbeiter heimzuschicken": the content
            toks = c.tokens if not cand.nominal else _sub(c, cand)
            own = _mentions_in(smentions, cand.start, cand.end)
            inner = [(x.start, x.end) for x in cands if x.nominal and x is not cand and x.clause is c]
            own = [m for m in own if (cand.nominal or not any(s <= m.start and m.end <= e for s, e in holder_spans))
                   and (cand.type == "attack" or not _background_memo(background, m, c, cfg))]
            outer = [m for m in own if not any(s <= m.start and m.end <= e for s, e in inner)
                     or (cand.type == "visit" and m.kind == "country" and _after_word(c.tokens, m.start, _TO))]
            if outer:  # the parties of a nominal event inside the clause are not the clause's, if it names its own
                own = outer  # (a trip's destination stays: "zu einem Treffen mit Kim nach Pjöngjang gereist")
            if cand.type not in ("troop_deployment", "attack"):
                own = _drop_venues(own, c.tokens)  # "in Kursk" is where troops go, not a venue
            lows = [t.low for t in toks]
            actors = _actors(own, named, cand, c, toks, lows, tracker, sent.start, smentions,
                             clauses[c.position - 1] if c.position else None)
            # states in order of appearance; a person stands for his state
            codes: list[str] = []
            for m in own:
                code = m.key if m.kind == "country" else _actor_country(m.key)
                if code and code not in codes:
                    codes.append(code)
            for a in actors:
                ac = _actor_country(a)
                if ac and ac not in codes:
                    codes.append(ac)
            if not cand.nominal:
                ante = _antecedent_state(c, smentions, doc.text)
                if ante and ante not in codes:
                    codes.append(ante)  # "Nordkorea, das 1948 gegründet wurde"; "an Russland, die dessen ..."
            if cand.speaker is not None and not cand.nominal and _zu_complement(c):
                # "Moskau kündigte an, die Resolution umzusetzen": the speaker's state is the subject of the
                # zu-infinitive (the first state it names, or its speaker's)
                sp = cand.speaker
                sp_codes = [m.key if m.kind == "country" else _actor_country(m.key)
                            for m in smentions if sp.start <= m.start and m.end <= sp.end]
                first = next((x for x in sp_codes if x), None)
                if first and first not in codes:
                    codes.insert(0, first)
            if cand.trigger is not None and cand.trigger.weak and not own:
                continue
            continues = last_event is not None and last_event.sentence_index == sent.index - 1 \
                and last_event.type == cand.type and c.position == 0 and _definite_lead(toks)
            if cand.trigger is not None and cand.trigger.weak and cand.type == "visit" and not actors \
                    and not continues and not any(cls == "officials" for _, cls in object_classes(toks)):
                continue  # "Drohnen seien über Pjöngjang geflogen": travel needs a person ("Der Sonderzug
                # war ... aufgebrochen" right after a visit continues it)
            coord = c.lead in ("und", "sondern", "sowie") and c.position - 1 in clause_events and not cand.nominal
            ellipsis = coord and len(c.tokens) > 1 and (
                is_finite_verb(c.tokens[1].low) or c.tokens[1].low in _finite_words()
                # "... hatte Assad unterstützt und Truppen in Syrien stationiert": one auxiliary for both
                or (c.lead == "und" and not c.tokens[-1].is_upper and participle_like(c.tokens[-1].low)
                    and not any(_finite(t.low) for t in c.tokens[1:-1])))
            gapped = c.after_comma and c.lead in cfg["gapping"] and c.position - 1 in clause_events \
                and not cand.nominal and not any(coref.is_person(m) for m in own) \
                and not any(is_finite_verb(t.low) for t in [t for t in c.tokens if t.is_word][:-1])
            tr = cand.trigger
            if tr is not None and tr.lemma in cfg["destination_verbs"] and tr.section != "economic_cooperation" and (
                    _destination(own, toks) is None or not actors):
                continue  # "es kam zu Gefechten": a movement verb needs a traveller and a destination
            if tr is not None and tr.kind == "noun" and not cand.nominal and cand.type in cfg["nominal_actor"] \
                    and actors and tr.token_index > 0 and c.tokens[tr.token_index - 1].low in _POSSESSIVE_DETS \
                    and any(e.type == cand.type and e.actors and e.actors[0].name not in actors
                            and e.sentence_index >= sent.index - 2 for e in events):
                continue  # "Choe ist eingetroffen. Lawrow nannte ihre Reise einen Erfolg": her visit, not his
            if cand.type == "visit" and not cand.nominal and actors and cand.trigger is not None \
                    and cand.trigger.lemma not in _RETURN_VERBS:
                home = _actor_country(actors[0])
                if home is not None and _destination(own, toks) == home:
                    # "Kim reiste nach Wonsan, um seinen Gast zu treffen": a trip at home is no visit; the
                    # traveller is the subject of the purpose clause after it
                    trips[c.position] = (actors[0], home)
                    continue
            if c.lead == "um" and not cand.nominal and c.position - 1 in trips:
                name, home = trips[c.position - 1]
                if name not in actors:
                    actors.insert(0, name)
                if home not in codes:
                    codes.insert(0, home)
            if ellipsis or gapped:  # "... gereist und hatte dort ... getroffen": the subject carries over
                pe = clause_events[c.position - 1]
                for a in pe.actors[:1]:
                    if a.name not in actors:
                        actors.insert(0, a.name)
                for cr in pe.countries[:1]:
                    if cr.code not in codes:
                        codes.insert(0, cr.code)
            near_prev = last_event is not None and last_event.sentence_index >= sent.index - 1
            anaphor = not cfg["pair"].isdisjoint(lows) or cand.topic
            if not codes and not actors:
                # "Rund 300 Soldaten seien gefallen": troops or weapons of the same kind of event just told
                same_kind = last_event is not None and last_event.type == cand.type \
                    and cand.type in ("troop_deployment", "arms_transfer")
                # "Die Gespräche sollen bis Freitag dauern", "Das Treffen stand im Zeichen ...": a definite
                # noun phrase opening the sentence right after an event refers back to it or its parties
                # ("Unabhängig lassen sich diese Berichte nicht bestätigen": the reporter's caveat, no party's)
                unconfirmed = any(tr.lemma in cfg["unconfirmed"] for tr in cand.triggers) and "sich" not in lows \
                    and cfg["media"].isdisjoint(lows) and any(
                    _definite_lead(toks[i:]) for i in range(len(toks)))  # "Bestätigt wurden die Geschäfte nicht"
                definite = c.position == 0 and (_definite_lead(toks) or unconfirmed) and last_event is not None \
                    and last_event.sentence_index == sent.index - 1
                # "Zugleich wurden Abkommen ... unterzeichnet": an additive adverb opening the sentence right
                # after an event goes on about its parties
                additive = c.position == 0 and bool(toks) and toks[0].low in cfg["additive"] \
                    and last_event is not None and last_event.sentence_index == sent.index - 1
                if not (near_prev and (anaphor or c.position > 0 or cand.nominal or same_kind or definite
                                       or additive or cand.continued)):
                    continue
            if len(codes) == 1 and not cand.nominal and "dort" in lows and cand.type in _PLACE_TYPES:
                # "Die russische Söldnertruppe Wagner ist dort im Einsatz": the state named last before
                there = next((m.key for m in reversed(_mentions_between(mentions, starts, prev_sent_start, cand.start))
                              if m.kind == "country" and m.key not in codes), None)
                if there is not None:
                    codes.append(there)
            if len(codes) == 1 and not cand.nominal and cand.type in _PLACE_TYPES | {"arms_transfer", "agreement"} \
                    and any(t.low in ("die", "das", "der", "den", "dem", "des", "diese", "dieses", "diesen")
                            and k + 1 < len(toks) and any(tr.token_index == k + 1 and tr.kind == "noun"
                                                          for tr in cand.triggers) for k, t in enumerate(toks)):
                # "Die USA hatten die Lieferung ... bestätigt": the act of this kind told a little before
                ante = next((e for e in reversed(events) if e.type == cand.type and e.sentence_index >= sent.index - 3
                             and codes[0] in {cr.code for cr in e.countries} and len(e.countries) > 1), None)
                if ante is not None:
                    codes += [cr.code for cr in ante.countries if cr.code not in codes]
            if near_prev and last_event is not None and not cand.nominal:
                prev_codes = [cr.code for cr in last_event.countries]
                if last_main is not None and last_main is not last_event and not cfg["pair"].isdisjoint(lows) \
                        and last_main.sentence_index >= sent.index - 1:
                    # "beide Staaten" names the parties of the last main clause, not those of a relative
                    # clause describing one of its words ("..., die dessen Streitkräfte ... einsetzen")
                    prev_codes = [cr.code for cr in last_main.countries]
                if not codes or (len(codes) < 2 and anaphor):
                    codes += [x for x in prev_codes if x not in codes]
                elif len(codes) < 2 and cand.type in BILATERAL and codes[0] in prev_codes and not _unilateral(cand):
                    codes += [x for x in prev_codes if x not in codes][:1]
            elif near_prev and last_event is not None and not codes and cand.dated_background:
                # "des im Juni geschlossenen Beistandspakts" names no party: those of the clause around it
                codes = [cr.code for cr in last_event.countries]
            if not codes:
                continue
            if len(codes) == 1 and pair and codes[0] in pair and (cand.type in _PAIR_TYPES or (
                    cand.trigger is not None and cand.trigger.section == "relation")) \
                    and not _comments_on_event(cand, c.tokens):
                codes += [x for x in pair if x not in codes]  # the article's two states
            etype = cand.type
            if cand.topic and last_event is not None and (cand.trigger is None or cand.trigger.type in (
                    "other", "military_cooperation", "statement", "talks", "meeting", "visit")):
                etype = {"visit": "talks", "meeting": "talks"}.get(last_event.type, last_event.type)
            if etype == "other" and sent_konj and not cand.nominal and cand.trigger is not None \
                    and cand.trigger.section == "relation":
                etype = "statement"  # reported talk about relations: the speaker's statement
            if etype == "other" and cand.trigger is not None and cand.trigger.lemma in cfg["vote_lemmas"] and (
                    any(w.startswith(cfg["sanction_prefixes"]) or (
                        "-" in w and w.rsplit("-", 1)[1].startswith(cfg["sanction_prefixes"])) for w in sentence_lows)
                    or (last_event is not None and last_event.type == "sanction"
                        and last_event.sentence_index >= sent.index - 1)):
                etype = "sanction"  # "Auch Russland stimmte für die Resolution" (on sanctions)
                if last_event is not None and last_event.type == "sanction" \
                        and last_event.sentence_index >= sent.index - 1:
                    # the voters take part in the sanction told just before, against its state of the timeline
                    codes += [cr.code for cr in last_event.countries if cr.code in _targets() and cr.code not in codes]
            if etype == "attack" and cand.trigger is not None and cand.trigger.lemma in cfg["use_verbs"] \
                    and not cfg["passive"].isdisjoint(lows):
                classes = {cls for _, cls in object_classes(c.tokens)}
                if "troops" in classes and "arms" not in classes \
                        or (not classes and _plural_pronoun(c.tokens) and any(
                            cls == "troops" for _, cls in object_classes(referent))):
                    etype = "troop_deployment"  # "Die Soldaten seien in der Region Kursk eingesetzt worden"
            if etype == "statement" and cand.trigger is not None \
                    and _calls_false(c.tokens, cand.trigger, cfg):
                etype = "denial"  # "Peskow sprach von Falschmeldungen", "bezeichnete die Berichte als Erfindung"
            if etype == "statement" and cand.trigger is not None \
                    and cand.trigger.lemma.lower() in cfg["blame_lemmas"] \
                    and any((t.is_upper and t.low.endswith(cfg["blame_nouns"]))
                            or (t.low in cfg["blame_adjectives"] and k and toks[k - 1].low == "als")
                            for k, t in enumerate(toks) if t.start > cand.trigger.start):
                etype = "accusation"  # "bezeichnete die Explosion als großen Schaden": blame, not a statement
            if etype == "statement" and cand.trigger is not None and cand.trigger.lemma in cfg["greeting"] \
                    and {"wurde", "wurden", "worden"} & set(lows) and "von" in lows \
                    and any(coref.is_person(m) and m.start > cand.start for m in own):
                etype = "meeting"  # "Am Flughafen wurde er von Parlamentspräsident Choe begrüßt"
            elif etype == "statement" and cand.trigger is not None and cand.trigger.lemma in cfg["greeting"] \
                    and {"wurde", "wurden", "worden"} & set(lows) and "von" not in lows and "vom" not in lows \
                    and ("er" in lows or any(coref.is_person(m) for m in own)):
                etype = "visit"  # "In Wladiwostok wurde er mit Brot und Salz begrüßt": a guest received, no host named
            if etype == "meeting" and cand.trigger is not None and cand.trigger.lemma in cfg["host_verbs"] \
                    and len(actors) == 1 and cfg["passive"].isdisjoint(lows) \
                    and own and (first := min(own, key=lambda m: m.start)).kind == "country" \
                    and first.start < cand.trigger.start and _host_subject(toks, first.start):
                etype = "visit"  # "Peking hatte Kim zur Militärparade empfangen": a state hosts, its guest visits
            if etype == "denial" and status.find_phrase(lows, status.cues().not_denial):
                etype = "statement"
            elif etype == "denial" and cand.trigger is not None and cand.trigger.lemma in cfg["reject_verbs"] \
                    and _rejects_proposal(c.tokens, cfg["rejected_measures"]):
                # "wies die Resolution zurück": rejects a measure taken against it (a protest), denies no claim;
                # "wies den Friedensplan zurück" rejects a proposal: a statement
                etype = "accusation" if _rejects_measure(c.tokens, cfg["rejected_measures"]) else "statement"
            elif etype != "denial" and not cand.nominal and cand.speaker is None \
                    and any(tr.lemma in cfg["unconfirmed"] for tr in cand.triggers) \
                    and not status.find_phrase(lows, status.cues().not_denial) \
                    and negation.is_negated(c.tokens, doc.text, sent.start):
                etype = "denial"  # "hat die Entsendung nicht offiziell bestätigt": a denial of the claim
            elif etype not in ("denial", "statement") and not cand.nominal \
                    and not cfg["never_konjunktiv"].isdisjoint(lows) and status.find_phrase(lows, cfg["never"]) \
                    and sent_konj:
                etype = "denial"  # "Man habe nie Waffen an Russland exportiert": a denial in reported speech
            prior = next((e for e in (last_event, last_main) if e is not None and e.sentence_index >= sent.index - 2
                          and _additive(lows, etype, e)), None)
            if prior is not None and not set(codes) & _targets():
                # "Auch die USA und Südkorea setzten ... auf ihre Sanktionslisten": the same kind of
                # act as the event before (or its main clause), against the same state of the timeline
                codes += [cr.code for cr in prior.countries if cr.code in _targets() and cr.code not in codes]
            if etype in ("statement", "accusation", "other") and not cand.nominal and _observer_subject(c.tokens, cfg):
                continue  # "Beobachter werteten die Reise als ...": observers are no political actors
            if etype in ("statement", "other") and not cand.nominal and c.lead == "um" and _zu_infinitive(lows):
                continue  # "um verschiedene Herausforderungen zu bewältigen": a purpose alone is no event
            if etype in ("statement", "other") and not cand.nominal and not actors \
                    and not any(m.kind == "country" and getattr(m, "via", "name") in ("name", "capital") for m in own) \
                    and status.find_phrase(lows, cfg["people_subjects"]) is not None:
                continue  # "zeigte das russische Volk vor 75 Jahren Heldentum": a people is no political actor
            if _out_of_scope(codes, own, cand, c, lows, last_event, cfg):
                continue  # third states among themselves ("Kiew kappte seine Beziehungen zu Syrien")
            if etype in ("accusation", "statement") and codes and not set(codes) & _targets() \
                    and last_event is not None and last_event.sentence_index >= sent.index - 2:
                # "Seoul verurteilte die Vereinbarung", "Auch Tokio zeigte sich besorgt": a third state reacts
                # to the act told just before; that act's states of the timeline take part
                codes += [cr.code for cr in last_event.countries if cr.code in _targets() and cr.code not in codes]
            if etype not in ("statement", "accusation", "denial") and not cand.nominal \
                    and _quoted_negation(c.tokens, doc.text, sent.start):
                # a quoted act said not to (be able to) happen ("„Die USA können ... niemals besiegen“"): the
                # speaker's statement; the speaker is the one quoted just before
                etype = "statement"
                if last_event is not None and last_event.type in ("statement", "accusation") \
                        and last_event.sentence_index >= sent.index - 1 and last_event.countries \
                        and last_event.countries[0].code not in codes:
                    codes.insert(0, last_event.countries[0].code)
            if _habitual(etype, lows):
                continue  # "die Außenminister treffen sich jetzt oft": a pattern, not an occurrence
            if _negated(cand, c, toks, lows, doc.text, sent.start, etype, cfg):
                # "Eine Stellungnahme liegt nicht vor": nothing happened; its states stay the context
                # for a following "beide" ("Beide Länder haben ... zurückgewiesen")
                if not cand.nominal:
                    last_event = ExtractedEvent(
                        type="other", status="reported", headline="", date=dating.NONE, start=cand.start,
                        end=cand.end, sentence_index=sent.index,
                        countries=tuple(CountryRef(k, _country(k)) for k in codes))
                continue

            # date
            tpos = cand.trigger.start if cand.trigger else cand.start
            nominals = [x for x in cands if x.nominal and x is not cand and x.clause is c]
            # a time inside "seit der Invasion ... im Jahr 2022" dates that nominal event only
            excl = [(x.start, x.end) for x in nominals if x.clause.tokens[_tok_index(c, x.start)].low == "seit"
                    or (_tok_index(c, x.start) > 0 and c.tokens[_tok_index(c, x.start) - 1].low == "seit")]
            # "einer am Montag ... eingeschlagenen Rakete", "nach dem Gipfel im Juni": that time dates the
            # named event, not the clause
            excl += [(x.start, x.end) for x in nominals if x.dated_background and (
                x.trigger.attributive or _np_head(c, x) in ("nach", "vor"))]
            if any(t.low in _SINCE for t in c.tokens):
                # "das erste Gipfeltreffen seit der Machtübernahme Kims im Jahr 2011": not the event's time
                excl += [(t.start, t.end) for t in stimex if _after_since(c.tokens, t.start, tpos)]
            if cand.speaker is not None and cand.speaker.position > c.position:
                excl.append((cand.speaker.start, cand.speaker.end))  # ", sagte X am Montag": the time of saying
            tx = dating.own_timex(cand.start, cand.end, tpos, stimex, excl)
            if tx is None and not cand.nominal:
                tx = _fronted_timex(c, cands, clauses, stimex)
            past = not _PAST_AUX.isdisjoint(lows) or not preterite_forms().isdisjoint(lows) \
                or (cand.trigger is not None and cand.trigger.attributive)  # "eingeschlagenen": done
            back = None if tx is not None or cand.nominal or _BACK_REF.isdisjoint(lows) else next(
                (e for e in reversed(events) if _explicit(e) and sent.index - 2 <= e.sentence_index < sent.index),
                None)
            if tx is not None:
                edate = dating.from_timex(tx, past, doc.dct)
            elif back is not None:
                edate = back.date  # "Putin hatte damals erklärt": the time of the event told just before
            elif cand.nominal and c.position in clause_dates and clause_dates[c.position].basis != "dct":
                edate = clause_dates[c.position]
            elif (cand.topic or "dabei" in lows[:3]) and last_event is not None:
                edate = last_event.date  # "Dabei ging es um ...", "Kim dürfte dabei um ... bemüht sein"
            elif coord and c.position - 1 in clause_dates and \
                    clause_dates[c.position - 1].basis in ("explicit", "relative_to_dct"):
                edate = clause_dates[c.position - 1]
            elif temporal is not None and not cand.nominal:
                edate = temporal  # "Als Putin Kim im September begleitete, ... diskutierten die beiden ..."
            elif not cand.nominal and past and _relative_clause(c) and c.position - 1 in clause_dates \
                    and clause_dates[c.position - 1].basis in ("explicit", "relative_to_dct"):
                # "Im Juli besuchte er eine Parade, auf der Kim Raketen präsentierte": the relative clause
                # tells what happened at the dated event of its head clause
                edate = clause_dates[c.position - 1]
            else:
                edate = None
            claim_source: str | None = None  # a person quoted in a heading ("Selenskyj: ...")
            tail_speakers: set[str] = set()  # the speaker of ", sagte X" after a reported act
            st, claims = status.decide(etype, toks, c.position, sentence_lows, attrs,
                                       codes[0] if codes else None, tuple(codes),
                                       edate is not None and dating.after_dct(edate, doc.dct) and (
                                           not past or (cand.trigger is not None and cand.trigger.kind == "noun"
                                                        and not cand.trigger.attributive)),
                                       clauses[c.position - 1].tokens if c.position else (),
                                       # "empfing seinen Gast vor dem Gebäude", "telefonierte kurz vor dem
                                       # Treffen": a past act told by its verb is no plan
                                       nominal_plans=cand.nominal or (not nominals and not (
                                           past and cand.trigger is not None and cand.trigger.kind == "verb")),
                                       past=past)
            if head_src is not None and st == "reported" and etype not in ("statement", "accusation", "denial") \
                    and head_src.key not in codes and not (head_src.start <= cand.start < head_src.end):
                # "Seoul: Nordkorea schickt weitere Soldaten": the claim of the source before the colon
                person_src = head_src.kind == "actor"
                st, claims = "alleged", (Claim("alleged", (head_src.key if person_src else (head_src.label
                                                                                          or head_src.key),),
                                               doc.text[head_src.start:head_src.end] + ":"),)
                if person_src:
                    if head_src.key not in actors:
                        actors.append(head_src.key)  # "Selenskyj: Nordkoreaner kämpfen in Kursk": the source speaks
                    claim_source = head_src.key
            if st in ("reported", "alleged") and not cand.nominal \
                    and etype not in ("statement", "accusation", "denial") \
                    and _konjunktiv([t.low for t in c.tokens if not t.is_upper], cfg["konj"]) \
                    and (tail := _speech_tail(clauses, c.position)) is not None:
                # "Sie hätten der Armee Hilfe geleistet, sagte Gerassimow", "Die Soldaten seien in Kursk eingesetzt
                # worden, schreibt Selenskyj": an act known only from reported speech is the speaker's claim, of
                # whichever side he is; the speaker is its source (also when his tail is no event of its own)
                verb, tail_clause = tail
                speakers = [m.key for m in _mentions_in(smentions, tail_clause.start, tail_clause.end)
                            if m.kind == "actor"][:1]
                tail_speakers.update(speakers)
                for name in speakers:
                    if name not in actors:
                        actors.append(name)
                    home = _actor_country(name)
                    if home and home not in codes:
                        codes.append(home)
                if st == "reported":
                    st, claims = "alleged", (Claim("alleged", tuple(speakers), verb),)
            if cand.announced and st in ("reported", "alleged") and etype not in ("statement", "denial"):
                st, claims = "planned", (Claim("planned", claims[0].holders if claims else (), "angekündigt"),)
                if edate is not None and edate.basis == "dct":
                    edate = None  # an announced act without its own time has none
            if st == "reported" and etype == "visit" and cand.trigger is not None and not cand.nominal \
                    and cand.trigger.lemma in cfg["onward_verbs"] and cand.trigger.token_index < len(toks) \
                    and toks[cand.trigger.token_index].low in cfg["onward_present"]:
                # "Putin reist am Freitag nach Peking weiter": an onward leg told in the present is still to come
                st, claims = "planned", (Claim("planned", (), toks[cand.trigger.token_index].low),)
            if cand.dated_background and st in ("alleged", "speculative"):
                # the attribution of the clause ("einem UN-Bericht zufolge") is about the clause's claim,
                # not about the dated event it names; only a hedge inside the phrase counts
                st, claims = "reported", ()
            if cand.nominal and st == "reported" and etype != "statement":
                hedge = status.find_phrase(lows, status.cues().alleged)
                if hedge:
                    st, claims = "alleged", (Claim("alleged", (), " ".join(hedge[1])),)
            if st == "reported" and etype != "statement" and not cand.nominal and "zu" in lows and c.position \
                    and c.position - 1 in _future_clauses(clauses):
                st = "planned"  # "Putin wird ... die Ehre erweisen, sie ... zu empfangen"
            if (cand.topic or lows[0] == "dabei") and last_event is not None and st == "reported" \
                    and last_event.status in ("alleged", "planned") and etype != "statement":
                st = last_event.status
                claims = last_event.claims
            if edate is temporal and temporal is not None and st in ("planned", "speculative"):
                edate = None  # a plan made then is not dated by the "Als ..." clause
            if edate is None:
                open_ended = status.find_phrase(lows, status.cues().open_ended) is not None
                edate = dating.default_date(toks, doc.dct, st, etype, past, open_ended)
                if edate.basis == "none" and etype in ("meeting", "talks") and not cand.nominal \
                        and not _BEFORE_WORDS.isdisjoint(lows):
                    # "Zuvor hatte Lawrow mit seinem Amtskollegen beraten": an encounter just before the
                    # event told now, on the same trip: the time of the event just told
                    prev = next((e for e in reversed(events) if e.sentence_index >= sent.index - 2
                                 and e.date.basis != "none"), None)
                    if prev is not None:
                        edate = prev.date
            if not cand.nominal:
                clause_dates.setdefault(c.position, edate)
            if etype == "denial":
                st = "denied"
                tstart = cand.trigger.start if cand.trigger else cand.end
                subj = [m.key for m in own if m.start < tstart]
                names = tuple(dict.fromkeys(_country(k) if len(k) == 3 and k.isupper() else k for k in subj)) \
                    or tuple(_country(k) for k in codes[:1])
                claims = (Claim("denied", names, claims[0].cue if claims else ""),)
            if etype == "statement" and not actors and sent_konj and last_event is not None \
                    and last_event.type == "statement" and last_event.actors \
                    and last_event.sentence_index == sent.index - 1 \
                    and not any(coref.is_person(m) for m in smentions) \
                    and not (toks and toks[0].low in _INDEFINITE):  # "Ein Sprecher sagte, ...": someone new
                actors = [last_event.actors[0].name]  # reported speech goes on: the same speaker
            elif etype in ("statement", "accusation") and not actors and last_event is not None \
                    and last_event.actors and last_event.sentence_index >= sent.index - 2 \
                    and not any(coref.is_person(m) for m in smentions) \
                    and any(a.low == "der" and b.low in cfg["definite_roles"]
                            for a, b in zip(toks, toks[1:], strict=False)):
                actors = [last_event.actors[0].name]  # "sagte der Minister": the person just named
            agents = _passive_agents(cand, toks, own) if not cand.nominal else []
            if agents:
                # "Putin, der von Kim Jong Un eingeladen wurde": the agent after "von" acts, the subject receives
                first = [k for k in agents if k in actors]
                actors = first + [a for a in actors if a not in first]
            actor_refs = tuple(ActorRef(a, "source" if i == 0 else "target", country=_actor_country(a))
                               for i, a in enumerate(actors))
            if etype == "attack" and len(codes) == 1:
                codes = _war_sides(codes, own, toks, doc.dct)
            elif etype == "attack" and len(codes) == 2:
                # "Russland setzt Raketen aus Nordkorea ein": the weapons' origin is no side; the war's other side is
                supply = [k for k, v in _direction_marks(codes, own, toks, etype).items() if v == 3]
                if len(supply) == 1:
                    codes = [k for k in _war_sides([k for k in codes if k not in supply], own, toks, doc.dct)
                             if k not in supply] + supply
            codes = _direct(codes, own, toks, etype)
            if agents:
                lead = [k for k in dict.fromkeys(k if len(k) == 3 and k.isupper() else _actor_country(k)
                                                 for k in agents) if k in codes]
                codes = lead + [k for k in codes if k not in lead]
            marks = _direction_marks(codes, own, toks, etype, True) if etype in _DIRECTED else {}
            dest = next((k for k, v in marks.items() if v == 2 and k in codes), None)
            if etype in ("statement", "accusation", "denial") and len(codes) > 2:
                # "Seoul bestellte den russischen Botschafter ein": the party is a state named in the clause,
                # not one borrowed from the event before
                here = {m.key for m in own if m.kind == "country"}
                dest = next((k for k in codes[1:] if k in here), None)
            addressee = None
            if etype == "statement" and not cand.nominal and cand.trigger is not None and cand.trigger.kind == "verb":
                # "Lawrow warnte die USA vor einer Eskalation": the state right after the speech verb is addressed
                addressee = _addressed_state(toks, cand.trigger.token_index, own, codes)
                if addressee is not None and dest is None:
                    dest = addressee
            if claim_source is not None:
                src_state = _actor_country(claim_source)
                if src_state and src_state not in codes:
                    codes.append(src_state)
            summoned: set[str] = set()
            if cand.trigger is not None and cand.trigger.lemma in cfg["summon"]:
                # "Seoul bestellte den russischen Botschafter ein": Russia is summoned, its envoy speaks not
                after = _envoy_mentions(own, toks)
                summoned = {m.key for m in after if m.kind == "actor"}
                there = [m.key if m.kind == "country" else _actor_country(m.key) for m in after]
                there = [k for k in there if k in codes]
                if there:
                    codes = [k for k in codes if k != there[-1]] + [there[-1]]
                    dest = there[-1]
            receiver = etype == "arms_transfer" and len(codes) > 1 and not cfg["receive"].isdisjoint(lows)
            if receiver:
                # "... und sich Nachschub an Artillerie zu sichern", "kauft Granaten in Nordkorea": the subject
                # receives; the state named after "in"/"aus"/"von"/"bei" delivers
                suppliers = [m.key for m in own if m.kind == "country" and m.key in codes
                             and _after_word(toks, m.start, _SUPPLIER_PREPS)]
                if suppliers:
                    codes = list(dict.fromkeys(suppliers + codes))
                else:
                    subject = _actor_country(actors[0]) if actors else codes[0]
                    if subject in codes:
                        codes = [k for k in codes if k != subject] + [subject]
            demoted: set[str] = set()
            if actors and not receiver and actors[0] != claim_source and actors[0] not in summoned \
                    and actors[0] not in tail_speakers and len(codes) > 1:
                # the source actor's state is the source state ("Lawrow warnte die USA"); a person named after
                # "an"/"gegenüber"/"im Beisein" is the addressee or a guest, not who acts
                home = _actor_country(actors[0])
                if home in codes and codes[0] != home:
                    m0 = next((m for m in own if m.kind == "actor" and m.key == actors[0]), None)
                    if m0 is not None and _addressee(toks, m0.start, _GUEST_NOUNS):
                        # "im Beisein des Ministers": present, neither acting nor addressed. Left as it was: the merge
                        # (app/store/merge.py ``_doubtful``) still reads a person in the source role against the
                        # source state to drop such a witness when it compares mentions
                        pass
                    elif m0 is not None and _addressee(toks, m0.start):
                        demoted.add(actors[0])
                    else:
                        codes = [home] + [k for k in codes if k != home]
            if len(actors) > 1 and not receiver:
                # "Im Beisein von Außenminister Ri legte Kim einen Kranz nieder": the witness is present, the
                # other person named acts (and his state is the source)
                witnesses = {m.key for m in own if m.kind == "actor" and m.key in actors and _witness(toks, m.start)}
                m0 = next((m for m in own if m.kind == "actor" and m.key == actors[0]), None)
                if m0 is not None and _addressee(toks, m0.start):
                    # "Bei einem Treffen mit seinem Amtskollegen Kang sprach sich Schoigu ... aus": the partner
                    # named first is not who speaks
                    witnesses.add(actors[0])
                if witnesses and len(witnesses) < len(actors):
                    demoted |= witnesses
                    home = _actor_country(next(a for a in actors if a not in witnesses))
                    if home in codes and codes[0] != home:
                        codes = [home] + [k for k in codes if k != home]
            if receiver and actors:
                demoted = {a for a in actors if _actor_country(a) == codes[-1]}  # the recipient's people
            if demoted:
                actors = [a for a in actors if a not in demoted] + [a for a in actors if a in demoted]
                actor_refs = tuple(ActorRef(a, "target" if a in demoted or i else "source", country=_actor_country(a))
                                   for i, a in enumerate(actors))
            accused = not actors and etype in ("accusation", "sanction") and codes and (
                (etype == "accusation" and cand.trigger is not None and cand.trigger.lemma in cfg["violation"])
                or (len(codes) == 1 and any(m.kind == "country" and m.key == codes[0]
                                            and _after_word(toks, m.start, _AGAINST) for m in own)))
            country_refs = tuple(CountryRef(k, _country(k), "target" if accused else
                                            "source" if i == 0 else "participant")
                                 for i, k in enumerate(codes))
            obj = _object_word(toks) if etype == "arms_transfer" else None
            verb = topic = None
            if etype in ("statement", "accusation", "denial") and cand.trigger is not None:
                verb = cand.trigger.lemma.lower() if cand.trigger.kind == "verb" else None
                # the whole cited span: "Moskau erklärt, dass es Beziehungen ... aufbauen werde"
                span = [t for cl in clauses for t in cl.tokens if cand.start <= t.start < cand.end] or list(toks)
                topic = topic_of(span, next((k for k, t in enumerate(span) if t.start >= cand.trigger.end), 0),
                                 frozenset(t.start for t in span for m in smentions if m.start <= t.start < m.end))
                if verb == "zeigen":
                    topic = complement_of(toks)  # "zeigte sich besorgt"
                elif topic is None and verb is not None and c.position + 1 < len(clauses) \
                        and clauses[c.position + 1].start < cand.end + 3:
                    # "Nordkorea hat bestätigt, eigene Truppen nach Russland entsandt zu haben": the act told in
                    # the complement is what is confirmed
                    nxt = main_trigger(find_triggers(clauses[c.position + 1].tokens))
                    if nxt is not None and not nxt.weak:
                        topic = complement_topic(nxt.type)
                wording[len(events)] = (verb, topic)
            act = None
            if etype == "other" and (actors or any(m.kind == "country" and m.key == codes[0] for m in own)):
                # "Nordkorea erkennt Donezk und Luhansk an", "Nordkorea hält Militärparade ab": what the state
                # or person named in the clause did (not "schaute sich die Militärparade an")
                span = [t for cl in clauses for t in cl.tokens if cand.start <= t.start < cand.end] or list(toks)
                act = act_of(etype, tuple(tr.lemma for tr in cand.triggers), [t.low for t in span],
                             any(cls == "arms" for _, cls in object_classes(toks)))
                if act is not None and "{obj}" in act_pattern(act):
                    places = list(dict.fromkeys(m.text for m in own if m.kind == "country"
                                                and getattr(m, "via", "") in ("place", "region")))
                    obj = " und ".join(places[:2]) if places else act_object(act, span)
            ev = ExtractedEvent(
                type=etype, status=st,
                headline=headline(etype, st, () if receiver else tuple(a for a in actor_refs if a.name != claim_source
                                                                       and a.name not in summoned
                                                                       and a.name not in demoted),
                                  country_refs, obj, verb, topic, dest, act, addressee),
                date=edate, start=cand.start, end=cand.end, sentence_index=sent.index, actors=actor_refs,
                countries=country_refs, claims=claims,
                trigger=doc.text[cand.trigger.start:cand.trigger.end] if cand.trigger else None,
            )
            events.append(ev)
            if cand.nominal and etype in ("meeting", "talks") and len(actor_refs) == 1 \
                    and any(t.low == "mit" and t.start < cand.end for t in toks):
                encounters.append((len(events) - 1, c))  # "zu einem Treffen mit Kim Jong Il"
            if cand.nominal and claims and claims[0].stance == "alleged" and not claims[0].holders:
                unheld.append((len(events) - 1, c))
            if cand.report:
                reports.append(len(events) - 1)
            nouns.append(frozenset(t.type for t in cand.triggers if t.kind == "noun") | {etype})
            if not cand.nominal and not cand.report:
                last_event = ev
                if not (c.after_comma and c.lead in _RELATIVES):
                    last_main = ev
                clause_events[c.position] = ev
                if cand.trigger is not None and cand.trigger.kind == "phrase" \
                        and cand.trigger.lemma.split(" ...")[0].split()[-1] in _STIPULATION_HEADS:
                    stipulating.add(c.position)
        for ni, nc in encounters:
            # "besuchte er Pjöngjang zu einem Treffen mit Kim Jong Il": the subject of the clause meets him
            main = clause_events.get(nc.position)
            ev = events[ni]
            if main is not None and main.actors and main.actors[0].name != ev.actors[0].name:
                first = ActorRef(main.actors[0].name, "source", country=main.actors[0].country)
                acts = (first, replace(ev.actors[0], role="target"))
                crs = ev.countries
                if first.country and first.country not in {cr.code for cr in crs}:
                    crs = (CountryRef(first.country, _country(first.country), "source"),) + crs
                elif first.country and crs[0].code != first.country:
                    order = [first.country] + [cr.code for cr in crs if cr.code != first.country]
                    crs = tuple(CountryRef(k, _country(k), "source" if i == 0 else "participant")
                                for i, k in enumerate(order))
                events[ni] = replace(ev, actors=acts, countries=crs,
                                     headline=headline(ev.type, ev.status, acts, crs))
        for ni, nc in unheld:
            # "die USA und ihre Verbündeten haben die angeblichen Lieferungen verurteilt": the hedge is the
            # claim of the clause's speaker
            main = clause_events.get(nc.position)
            if main is not None and main.type in ("statement", "accusation", "denial"):
                who = _subject_holders(nc, smentions) or tuple(a.name for a in main.actors[:1]) \
                    or tuple(cr.name for cr in main.countries[:1])
                ev = events[ni]
                events[ni] = replace(ev, claims=(Claim(ev.claims[0].stance, who, ev.claims[0].cue),) + ev.claims[1:])
        for ri in reports:
            # "Wie der Geheimdienst mitteilte, sind sie dort im Einsatz": the statement is about the
            # event it reports and names that event's states too
            nxt = next((f for f in events[ri + 1:] if f.sentence_index == sent.index), None)
            if nxt is not None:
                r = events[ri]
                have = {cr.code for cr in r.countries}
                more = tuple(CountryRef(cr.code, cr.name, "participant") for cr in nxt.countries if cr.code not in have)
                if more:
                    crs = r.countries + more
                    events[ri] = replace(r, countries=crs, headline=headline(r.type, r.status, r.actors, crs, None,
                                                                             *wording.get(ri, (None, None))))
        tracker.end_sentence(sent.start, sent.end)
        prev_attrs = attrs
        prev_sent_start = sent.start
    heads = frozenset(s.index for s in doc.sentences if s.index > 0 and _is_heading(s.text))
    events = _corefer_dates(events, doc.text, nouns, doc.dct, heads)
    events = knowledge.date_background(events, doc, timexes)  # undated past background: known real dates
    return Extraction(events=tuple(events), timexes=tuple(timexes), mentions=tuple(mentions))


_PASSIVE_AUX = frozenset({"wurde", "wurden", "worden", "wird", "werden", "werde", "würde", "würden", "wurdest"})
_LASSEN = frozenset({"ließ", "ließen", "lässt", "lassen", "lasse", "ließe"})
_AGENT_SKIP = frozenset({"der", "die", "das", "dem", "den", "des", "einem", "einer", "seinem", "seiner", "ihrem",
                         "ihrer"})


def _passive_agents(cand: _Cand, toks: tuple[Token, ...], own: list[Mention]) -> list[str]:
    """The agents of a passive clause ("wurde von Kim Jong Un eingeladen", "der von Russland beliefert worden
    war", "ließ sich von Schoigu Raketen zeigen"): the persons and states named after "von"/"vom" (determiners,
    adjectives and titles skipped), when a form of "werden" (or "sich lassen") goes with a verb trigger. Not
    "von ... aus" (a place of departure)."""
    tr = cand.trigger
    if tr is None or tr.kind != "verb" or tr.attributive:
        return []
    lows = [t.low for t in toks]
    causative = "sich" in lows and not _LASSEN.isdisjoint(lows)  # "ließ sich von Schoigu Raketen zeigen"
    if (_PASSIVE_AUX.isdisjoint(lows) and not causative) or ("von" not in lows and "vom" not in lows):
        return []
    if tr.token_index < len(toks) and toks[tr.token_index].low in _PASSIVE_AUX:
        return []
    out: list[str] = []
    for m in own:
        k = _token_at(toks, m.start, None)
        if k is None:
            continue
        j = k - 1
        while j >= 0 and k - j <= 4 and toks[j].is_word and toks[j].low not in ("von", "vom") and (
                toks[j].low in _AGENT_SKIP or toks[j].is_upper
                or toks[j].low.endswith(("e", "en", "er", "es", "ischen", "ische"))):
            j -= 1
        if j < 0 or toks[j].low not in ("von", "vom"):
            continue
        if any(t.low == "aus" for t in toks[k + 1:k + 4]):
            continue  # "von russischem Staatsgebiet aus abgefeuert": where from, not by whom
        if m.key not in out:
            out.append(m.key)
    return out


_ADDRESSEE_PREPS = frozenset({"an", "gegenüber", "für", "mit", "zu", "zum", "zur"})
_GUEST_NOUNS = frozenset({"beisein", "anwesenheit", "gegenwart"})


def _addressee(toks: tuple[Token, ...], start: int, words: frozenset[str] = _ADDRESSEE_PREPS) -> bool:
    """The person at ``start`` is named after a preposition of an addressee or partner ("an den russischen
    Präsidenten Wladimir Putin", "gegenüber Lawrow") or as a guest ("im Beisein des russischen Ministers")."""
    k = _token_at(toks, start, None)
    if k is None:
        return False
    j = k - 1
    while j >= 0 and k - j <= 5 and toks[j].is_word:
        w = toks[j].low
        if w in words:
            return True
        if not (w in _AGENT_SKIP or toks[j].is_upper or w.endswith(("e", "en", "er", "es"))):
            return False
        j -= 1
    return False


# the subjects of the stipulation phrases of triggers.toml ("vertrag ... verpflichtet")
_STIPULATION_HEADS = frozenset({"vertrag", "abkommen", "pakt", "vereinbarung", "resolution", "un-resolution"})
_PLACE_PREPS = frozenset({"in", "im", "nach", "aus", "von", "vom", "bei", "beim", "zu", "zum", "zur", "an", "am"})


def _host_subject(toks: tuple[Token, ...], start: int) -> bool:
    """The state or capital at ``start`` is not a place after a preposition ("In Moskau empfing ..."), so it
    can be the subject that hosts ("Peking hatte Kim empfangen")."""
    k = _token_at(toks, start, None)
    return k is not None and (k == 0 or toks[k - 1].low not in _PLACE_PREPS)


def _witness(toks: tuple[Token, ...], start: int) -> bool:
    """The person at ``start`` is named as present at the act ("im Beisein von Außenminister Ri", "in
    Anwesenheit des russischen Ministers Schoigu"): a guest noun up to six words before, with only
    "von"/"vom", articles, adjectives and capitalised words (titles, names) in between."""
    k = _token_at(toks, start, None)
    if k is None:
        return False
    for j in range(k - 1, max(-1, k - 7), -1):
        w = toks[j].low
        if w in _GUEST_NOUNS:
            return True
        if not toks[j].is_word or not (w in ("von", "vom") or w in _AGENT_SKIP or toks[j].is_upper
                                       or w.endswith(("e", "en", "er", "es"))):
            return False
        if not toks[j].is_upper and w not in ("von", "vom") and w not in _AGENT_SKIP and j > 0 \
                and toks[j - 1].is_upper:
            # "Im Beisein von Putin unterzeichnete Kim": a lower-case word after a name is the verb, not an
            # adjective of the title ("des russischen Ministers"); the person after it acts
            return False
    return False


_GENITIVE_RELATIVES = frozenset({"dessen", "deren"})
_NEUTER = frozenset({"das", "dessen", "dem"})


def _antecedent_state(c: Clause, smentions: list[Mention], text: str) -> str | None:
    """The state a relative pronoun or a possessive "dessen"/"deren" stands for: a relative clause
    right after a state's name ("Nordkorea, das 1948 gegründet wurde") refers to that state; "dessen
    Streitkräfte", "für dessen Krieg" refer to the state named last before the pronoun in the
    sentence."""
    states = [m for m in smentions if m.kind == "country"]
    if c.after_comma and c.lead in _RELATIVES and c.tokens:
        before = [m for m in states if m.end <= c.start]
        if before:
            gap = text[before[-1].end:c.start].strip(" ,»«\"“”'()")
            # only a verbal tail between name and comma ("zu Nordkorea bekannt zu machen, das ..."):
            # no noun that could be the antecedent instead; neuter pronouns only (state names are neuter)
            if not gap or c.lead in _NEUTER and gap == gap.lower() and "," not in gap and len(gap.split()) <= 4:
                return before[-1].key
    for t in c.tokens:
        if t.low in _GENITIVE_RELATIVES:
            before = [m for m in states if m.end <= t.start]
            return before[-1].key if before else None
    return None


def _observer_subject(tokens, cfg: dict) -> bool:
    """The clause's subject is an observer/expert/analyst: the first capitalised word of the clause
    ("Westliche Beobachter werteten ...") or the word after its second, the finite verb ("Darin sehen
    Experten ...")."""
    words = [t for t in tokens if t.is_word]
    nouns, not_subj = cfg["observer_nouns"], cfg["observer_not_subject"]

    def observer(k: int) -> bool:
        return k < len(words) and words[k].is_upper and words[k].low.endswith(nouns) and (
            k + 1 >= len(words) or words[k + 1].low not in not_subj)

    first = next((k for k, t in enumerate(words[:4]) if t.is_upper), None)
    if first is not None and observer(first):
        return True
    if len(words) > 2 and not words[1].is_upper:
        k = 2
        while k < min(len(words), 5) and not words[k].is_upper:
            k += 1  # articles and adjectives ("sehen viele westliche Experten")
        return observer(k)
    return False


def _rejects_proposal(tokens, measures: tuple[str, ...] = ()) -> bool:
    """The clause's object is a proposal/resolution or a measure such as sanctions (cues.toml
    ``rejected_measures``) and no claim (objects.toml classes)."""
    classes = {k for _, k in object_classes(tuple(tokens))}
    return "claim" not in classes and ("proposal" in classes or _rejects_measure(tokens, measures))


def _rejects_measure(tokens, measures: tuple[str, ...]) -> bool:
    """A noun of the clause is (or ends in) a measure taken against the subject: "Resolution",
    "UN-Resolution", "Sanktionen", "Strafmaßnahmen" (cues.toml [denial] ``rejected_measures``)."""
    return any(t.is_upper and any(m in t.low for m in measures) for t in tokens)


def _comments_on_event(cand: _Cand, toks: tuple[Token, ...]) -> bool:
    """ "Der Kreml bestätigte das Gespräch": a statement whose object is an event named with a
    definite article comments on an event already told; it is the speaker's side alone."""
    tr = cand.trigger
    if cand.type != "statement" or tr is None or tr.kind != "verb":
        return False
    return any(t.kind == "noun" and t.type not in ("statement", "other") and not t.attributive
               and t.token_index > tr.token_index and toks[t.token_index - 1].low in ("das", "den", "die", "dem")
               for t in cand.triggers)


def _unilateral(cand: _Cand) -> bool:
    """An "other" event that one state does alone (a weapons test, a parade, a founding): it does not
    take the previous event's partner; "relations intensify" (a relation trigger) does."""
    return cand.type == "other" and not cand.topic and cand.trigger is not None \
        and cand.trigger.section != "relation"


@cache
def _targets() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["scope"]["target_states"])


def _additive(lows: list[str], etype: str, last_event: ExtractedEvent) -> bool:
    """The clause opens with an additive particle ("Auch", "Ebenso") and is of the previous event's type."""
    words = frozenset(load_toml("cues.toml")["scope"].get("additive", ()))
    return bool(lows) and lows[0] in words and etype == last_event.type


def _out_of_scope(codes: list[str], own: list[Mention], cand: _Cand, c: Clause, lows: list[str],
                  last_event: ExtractedEvent | None, cfg: dict) -> bool:
    """Two third states named as the parties and no state of the timeline ("Kiew kappte seine
    Beziehungen zu Syrien"): not an event of it - unless the clause is about such an event (a second
    event noun: "Telefonat bezüglich des Treffens"), continues one ("Dabei ...", a topic clause) or
    refers back ("beide", a relative clause: the referent may be a state of the timeline)."""
    if set(codes) & _targets():
        return False
    named = {m.key for m in own if m.kind == "country"}
    if len(named) < 2 or c.lead in _RELATIVES or not cfg["pair"].isdisjoint(lows):
        return False
    if (cand.topic or lows[0] == "dabei") and last_event is not None:
        return False
    return not any(t is not cand.trigger and t.kind == "noun" and not t.weak for t in cand.triggers)


def _negated(cand: _Cand, c: Clause, toks: tuple[Token, ...], lows: list[str], text: str, sent_start: int,
             etype: str, cfg: dict) -> bool:
    """The clause says its event did not happen (see ``negation``); denials, "weder bestätigt noch
    dementiert" and reported speech (a Konjunktiv, the complement of a speech clause) stay events."""
    if etype == "denial" or status.find_phrase(lows, status.cues().not_denial):
        return False
    if cand.nominal:  # only a negator in the noun phrase itself ("keine Waffenlieferungen")
        k = _tok_index(c, cand.start)
        scope = c.tokens[max(0, k - 1):k] + toks
        return negation.is_negated(scope, text, sent_start)
    if cand.speaker is not None or _konjunktiv([t.low for t in toks if not t.is_upper], cfg["konj"]):
        return False  # (a capitalised word is a noun: "Gründe nannte Pjöngjang nicht")
    return negation.is_negated(c.tokens, text, sent_start)


_DURING = ("bei", "beim", "während")
# words pointing back to the time of the event told just before
_BACK_REF = frozenset({"damals", "seinerzeit"})
_BEFORE_WORDS = frozenset({"zuvor", "vorher"})
_INDEFINITE = frozenset({"ein", "eine", "einer"})
_PREP_RELATIVE_LEADS = frozenset({"auf", "an", "bei", "in", "mit", "nach", "während", "von", "vor", "zu", "über",
                                  "unter", "für", "gegen", "durch"})


def _relative_clause(c: Clause) -> bool:
    """A relative clause: ", die ...", ", auf der ...", ", bei dem ..."."""
    if not c.after_comma or not c.tokens:
        return False
    if c.lead in _RELATIVES:
        return True
    return c.lead in _PREP_RELATIVE_LEADS and len(c.tokens) > 1 and c.tokens[1].low in _RELATIVES


def _during(text: str, f: ExtractedEvent) -> bool:
    """f is a nominal event introduced by "bei/beim/während" (the clause around it happened then)."""
    head = text[f.start:f.end].split(" ", 1)[0].lower()
    before = text[max(0, f.start - 12):f.start].split()
    return head in _DURING or bool(before) and before[-1].lower() in _DURING


_COREF_TYPES = frozenset({"visit", "meeting", "talks", "call", "attack", "agreement"})
_SAME_EVENT = {"meeting": {"talks"}, "talks": {"meeting"}}
_HEDGED = ("planned", "speculative")


def _explicit(e: ExtractedEvent) -> bool:
    return e.date.basis in ("explicit", "relative_to_dct")


def _question(text: str) -> bool:
    """The sentence is a question (it ends with a question mark, perhaps inside closing quotes)."""
    return text.rstrip().rstrip("\"'“”»«„").rstrip().endswith("?")


def _is_heading(text: str) -> bool:
    """A subheading inside the article: a short line without a final punctuation mark."""
    t = text.strip()
    return bool(t) and t[-1] not in ".!?:;»«\"“”)'" and len(t.split()) <= 10


_HEADING_REACH = 4  # sentences after a subheading that belong to its section


@cache
def _contrast_words() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["coref"].get("contrast", ()))


def _contrasts(quote: str) -> bool:
    """The mention sets the event against an earlier one ("erstmals seit", "bislang", "wieder")."""
    return not _contrast_words().isdisjoint(re.findall(r"\w+", quote.lower()))


def _corefer_dates(events: list[ExtractedEvent], text: str, nouns: list[frozenset[str]] | None = None,
                   dct: DCT | None = None, headings: frozenset[int] = frozenset()) -> list[ExtractedEvent]:
    """A mention without its own time expression takes the date of an explicitly coreferent mention
    nearby: the same kind of event (a meeting and talks between the same persons count as one; a
    clause naming "in einem Telefonat" refers to the call), the same persons (or, without persons,
    shared states), both factual or both announced, in the same or the adjacent sentence - two
    sentences apart when the same two or more persons are named (a headline and its lead). Dates
    spread along such chains. Then a clause takes the date of a nominal event inside it ("die beim
    Besuch ... getroffen worden seien")."""
    out = list(events)
    div = dating.interval(dct.value) if dct is not None else None
    dct_last = div[1] if div else None
    kinds = nouns if nouns is not None and len(nouns) == len(out) else [frozenset({e.type}) for e in out]
    # only mentions at most two sentences before or _HEADING_REACH after can corefer (see the distance
    # tests below): with the mentions in sentence order, the loop visits just that window, in the same order
    sidx = [e.sentence_index for e in out]
    ordered = all(a <= b for a, b in zip(sidx, sidx[1:], strict=False))
    expl = [_explicit(e) for e in out]  # kept up to date as dates are taken over
    changed = True
    while changed:
        changed = False
        for i, e in enumerate(out):
            if expl[i] or not (kinds[i] & _COREF_TYPES):
                continue
            names = {a.name for a in e.actors}
            codes = {c.code for c in e.countries}
            contrast = _contrasts(text[e.start:e.end])
            lo, hi = (bisect_left(sidx, e.sentence_index - 2), bisect_right(sidx, e.sentence_index + _HEADING_REACH)) \
                if ordered else (0, len(out))
            for k in range(lo, hi):
                f = out[k]
                if k == i or not expl[k]:
                    continue
                # "erstmals seit 24 Jahren", "bislang", "inzwischen wieder": a current occurrence set
                # against an earlier one, not a mention of a past event dated before the document
                if contrast and div is not None and f.date.last is not None \
                        and f.date.last < div[0].replace(month=1, day=1):
                    continue
                if f.type not in kinds[i] and f.type not in _SAME_EVENT.get(e.type, ()):
                    continue
                fnames = {a.name for a in f.actors}
                dist = abs(f.sentence_index - e.sentence_index)
                # a subheading sums up its section in the present tense ("Putin besucht Kim"): any
                # mention of the same event in the sentences below it dates it, announced or not
                head = e.sentence_index in headings and 0 < f.sentence_index - e.sentence_index <= _HEADING_REACH \
                    and f.type == e.type and bool(names and fnames)
                if not head and (dist > 2 or dist == 2 and not (len(names) >= 2 and names == fnames)):
                    continue
                if f.type != e.type and not (names and names == fnames):
                    continue
                same = (names and names <= fnames or fnames and fnames <= names) if (names or fnames) \
                    else bool(codes & {c.code for c in f.countries})
                strong = len(names) >= 2 and names == fnames or head
                if same and (strong or (e.status in _HEDGED) == (f.status in _HEDGED)):
                    st = e.status
                    if st == "reported" and dct_last is not None and f.date.first is not None \
                            and f.date.first > dct_last:
                        st = "planned"  # the coreferent mention dates it after the document
                    out[i] = replace(e, date=f.date, status=st)
                    expl[i] = _explicit(out[i])
                    changed = True
                    break
    visits = [k for k, f in enumerate(out) if f.type in ("visit", "meeting")]  # (replace keeps the type)
    for i, e in enumerate(out):
        if e.date.basis in ("explicit", "relative_to_dct"):
            continue
        inner = [f for f in (out[k] for k in visits) if f is not e and e.start <= f.start and f.end <= e.end
                 and f.date.basis in ("explicit", "relative_to_dct") and _during(text, f)]
        if inner:
            out[i] = replace(e, date=inner[0].date)
    return out


def _sub(c: Clause, cand: _Cand) -> tuple[Token, ...]:
    return tuple(t for t in c.tokens if cand.start <= t.start and t.end <= cand.end)


def _object_word(toks: tuple[Token, ...]) -> str | None:
    for i, cls in object_classes(toks):
        if cls == "arms":
            w = toks[i].text
            return "Munition" if "munition" in w.lower() else ("Raketen" if "rakete" in w.lower() else "Waffen")
    return None


def _subject_holders(c: Clause, smentions: list[Mention]) -> tuple[str, ...]:
    """The clause's subject before its finite verb, as claim holders ("die Vereinigten Staaten und ihre
    Verbündeten haben ... verurteilt" -> "Vereinigte Staaten und Verbündete")."""
    from .holders import display

    toks = list(c.tokens)
    if toks and toks[0].low in ("und", "aber", "sondern", "doch", "denn", "oder"):
        toks = toks[1:]
    for k, t in enumerate(toks):
        if k and (is_finite_verb(t.low) or t.low in _finite_words()) and not t.is_upper:
            subj = toks[:k]
            if 0 < len(subj) <= 8 and (subj[0].is_upper or subj[0].low in _RELATIVES):
                inside = [m for m in smentions if subj[0].start <= m.start and m.end <= subj[-1].end]
                return display(subj, inside)
            return ()
    return ()


@cache
def _finite_words() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["clauses"]["finite"])


def _topic_pair(mentions: list[Mention]) -> tuple[str, ...]:
    """The two states an article is about: the two named most often (persons count for their state),
    when they clearly lead."""
    counts: dict[str, int] = {}
    for m in mentions:
        code = m.key if m.kind == "country" else _actor_country(m.key)
        if code:
            counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or ranked[1][1] < 2:
        return ()
    if len(ranked) > 2 and ranked[2][1] >= ranked[1][1]:
        return ()
    return (ranked[0][0], ranked[1][0])


_SINCE = frozenset({"seit", "seitdem", "seither"})


def _after_since(toks: tuple[Token, ...], start: int, trigger_pos: int) -> bool:
    """The time expression at ``start`` belongs to a "seit <noun> ..." phrase that does not hold the
    trigger: "seit" stands at most six words before it."""
    k = next((i for i, t in enumerate(toks) if t.start >= start), len(toks))
    for i in range(k - 1, max(-1, k - 7), -1):
        if toks[i].low in _SINCE:  # with a noun in between ("seit gestern" dates the event itself)
            return any(t.is_upper for t in toks[i + 1:k]) and not (toks[i].start <= trigger_pos < start)
    return False


def _np_head(c: Clause, x: _Cand) -> str:
    """The first word of a nominal candidate's phrase."""
    return c.tokens[_tok_index(c, x.start)].low


def _tok_index(c: Clause, start: int) -> int:
    return next((i for i, t in enumerate(c.tokens) if t.start >= start), 0)


def _fronted_timex(c: Clause, cands: list[_Cand], clauses: list[Clause], stimex: list[Timex]) -> Timex | None:
    """A time expression fronted in its own comma fragment ("Drei Tage später, am 24. Februar, begann
    ..."): taken from the fragments right before the clause that hold no event."""
    with_event = {x.clause.position for x in cands if not x.skip}
    k = c.position - 1
    while k >= 0 and k not in with_event:
        pc = clauses[k]
        found = [t for t in stimex if pc.start <= t.start and t.end <= pc.end + 1 and dating.datable(t)]
        if found:
            return found[-1]
        k -= 1
    return None


def _temporal_clause_date(clauses: list[Clause], stimex: list[Timex]) -> EventDate | None:
    """The date of a temporal subordinate clause ("Als ... im September ...") governs its sentence."""
    for c in clauses:
        if c.lead in _TEMPORAL and c.lead != "seit" and not (len(c.tokens) > 1 and c.tokens[1].is_upper):
            found = [t for t in stimex if c.start <= t.start and t.end <= c.end and dating.datable(t)]
            if found:
                return dating.from_timex(found[0])
    return None


_CORRELATES = frozenset({"dabei", "dazu", "darin", "daran"})
# adverbial clauses after a speech verb are no content of it ("warnte, als ...", "deutete an, wo ...")
_SUBORDINATE_NOT_CONTENT = frozenset({"als", "wenn", "weil", "nachdem", "während", "bevor", "obwohl", "wo", "um",
                                      "seit", "seitdem", "damit", "falls", "sodass", "indem", "wobei"})
_COORD_LEADS = frozenset({"und", "sondern", "aber", "sowie", "doch"})
# leads of an adverbial clause that opens a sentence before its main clause ("Als ..., gratulierte Moskau")
_ADVERBIAL_LEADS = frozenset({"als", "nachdem", "während", "wenn", "weil", "obwohl", "bevor", "sobald", "seit",
                              "seitdem", "da"})


_PERSONAL_PRONOUNS = frozenset({"er", "ihn", "ihm", "sie"})  # the words the pronoun pass of ``_actors`` asks about


def _actors(own: list[Mention], named: frozenset[str], cand: _Cand, c: Clause, toks: tuple[Token, ...],
            lows: list[str], tracker: coref.Tracker, sent_start: int, smentions: list[Mention],
            prev_clause: Clause | None) -> list[str]:
    """Persons of an event: those named in its clause (a role without a name only when the person's
    name is written somewhere in the text), then the persons a relative pronoun, "er"/"sie", a
    subject ellipsis or "beide" stand for, then the speaker of a speech clause it completes."""
    actors = list(dict.fromkeys(m.key for m in own if coref.is_person(m)
                                and (getattr(m, "via", "name") not in ("role", "backref") or m.key in named)))
    if cand.nominal:
        return actors
    if c.after_comma and c.start == cand.start:
        ref = tracker.relative(c.lead, c.start, sent_start)
        if ref and ref not in actors:
            actors.insert(0, ref)
    for i, w in enumerate(() if _PERSONAL_PRONOUNS.isdisjoint(lows) else lows):
        if w in ("er", "ihn", "ihm") or (w == "sie" and _singular_verb_next_to(lows, i)):
            ref = tracker.pronoun("er" if w != "sie" else w, toks[i].start, sent_start)
            if ref and ref not in actors:
                actors.insert(0, ref)
            break
    if not actors and c.lead in _COORD_LEADS and c.position > 0 and len(toks) > 1 \
            and _finite(toks[1].low):
        subj = next((m.key for m in smentions if coref.is_person(m) and m.start < c.start), None)
        if subj:  # "... Gespräche mit Lawrow und begrüßte ...": the subject carries over
            actors.append(subj)
    persons = [m for m in own if coref.is_person(m)]
    addressed = bool(persons) and set(actors) == {m.key for m in persons} \
        and all(_addressee(toks, m.start) for m in persons)
    if (not actors or addressed) and prev_clause is not None and c.after_comma and toks and _finite(toks[0].low) \
            and not any(_finite(t.low) for t in prev_clause.tokens):
        # "Der oberste Führer Nordkoreas, Kim Jong-Un, sandte ...": the subject stands before an apposition
        # (also when the clause names only the addressee: "... an den russischen Präsidenten Putin")
        subj = next((m.key for m in smentions if coref.is_person(m) and prev_clause.start <= m.start
                     and m.end <= prev_clause.end), None)
        if subj and subj not in actors:
            actors.insert(0, subj)
    if len(actors) < 2 and not (c.after_comma and c.lead in _RELATIVES):  # "Die beiden hätten": an article
        for k in tracker.group(lows, toks, cand.start, sent_start):
            if k not in actors:
                actors.append(k)
    if not actors and cand.speaker is not None:
        sp = cand.speaker
        inside = [m.key for m in smentions if coref.is_person(m) and sp.start <= m.start and m.end <= sp.end]
        if inside:
            actors.append(inside[0])
        else:
            splows = [t.low for t in sp.tokens]
            if "er" in splows:
                ref = tracker.pronoun("er", sp.tokens[splows.index("er")].start, sent_start)
                if ref:
                    actors.append(ref)
    return actors


_DEFINITE = frozenset({"der", "die", "das", "dieser", "diese", "dieses", "den", "dem", "des"})


def _definite_lead(toks: tuple[Token, ...]) -> bool:
    """The clause opens with a definite noun phrase ("Die Gespräche", "Der gepanzerte Sonderzug")."""
    if len(toks) < 2 or toks[0].low not in _DEFINITE:
        return False
    return toks[1].is_upper or (len(toks) > 2 and toks[2].is_upper)


def _finite(w: str) -> bool:
    return is_finite_verb(w) or w in _finite_words()


def _singular_verb_next_to(lows: list[str], i: int) -> bool:
    """ "sagte sie", "sie erklärte": "sie" next to a third-person singular verb form."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lows):
            w = lows[j]
            if w.endswith(("te", "t")) and not w.endswith("en") and (is_finite_verb(w) or w in _finite_words()):
                return True
    return False


def _reported_lead(c: Clause, cfg: dict) -> bool:
    """A main clause whose finite verb, in second place, is a Konjunktiv I form other than "habe" (also the
    first person): "Er sei bereit, ...", "Man müsse ...", "Eine Lösung könne nicht ... erfolgen"."""
    words = [t for t in c.tokens if t.is_word]
    if len(words) < 3 or c.lead in ("dass", "ob", "weil", "wenn", "falls", "als", "obwohl", "da", "und", "oder"):
        return False
    return any(not t.is_upper and t.low in cfg["konj"] and t.low not in ("habe", "hätte", "hätten")
               for t in words[1:5])


def _candidates(clauses: list[Clause], smentions: list[Mention], cfg: dict, stimex: list[Timex],
                referent: tuple[Token, ...] = (), heading: bool = False, titled: bool = False) -> list[_Cand]:
    """One candidate per clause with a trigger, plus nominal events; merges speech clauses.
    ``referent``: the concrete objects (troops, weapons, goods) named in the sentences just before,
    which a plural pronoun may stand for ("Trainiert wurden sie ...")."""
    lex = lexicon()
    out: list[_Cand] = []
    per_clause: list[_Cand | None] = []
    for c in clauses:
        ctx = clauses[c.position - 1].tokens[-2:] if c.position and c.lead in _RELATIVES else ()
        if not ctx and referent and _plural_pronoun(c.tokens) and not _concrete_objects(c.tokens):
            ctx = referent
        tail = tuple(later.tokens[-1].low for later in clauses[c.position + 1:])
        found = find_triggers(c.tokens, ctx, tail)
        trs = [t for t in found if not t.attributive]  # a participle before its noun is never the predicate
        lows = [t.low for t in c.tokens]
        main = main_trigger(trs)
        if main is not None and main.kind == "noun" and len(trs) > 1 and any(
                c.tokens[j].low in cfg["causal"] for j in range(max(0, main.token_index - 3), main.token_index)):
            # "schließt wegen der Truppenentsendung Waffenlieferungen nicht aus": the cause is background
            main = main_trigger([t for t in trs if t.token_index != main.token_index]) or main
        if main is not None and main.kind == "noun" and _in_frame(c.tokens, main, cfg):
            # "Bei einem Treffen mit Kang sprach er sich für ... aus", "Nach dem Treffen sicherte Putin ... zu":
            # the encounter is the frame of the act the verb tells
            # ("sprach bei einer Telefonkonferenz mit ...": a weak talk verb is the encounter itself)
            alt = main_trigger([t for t in trs if t.token_index != main.token_index and t.kind in ("verb", "phrase")
                                and (not t.weak or (t.section == "statement" and t.lemma in cfg["plan_speech"]))])
            if alt is not None:
                main = alt
        if main is not None and main.kind == "noun" and _dated_attributive_head(c, found, main, stimex):
            # "sprachen über die Umsetzung des im Juni geschlossenen Pakts": the dated pact is background
            # named inside the clause (a nominal event of its own), the clause's act is the other trigger
            alt = main_trigger([t for t in trs if t.token_index != main.token_index])
            if alt is not None:
                main = alt
        if main is not None and main.kind == "noun" and main.type in ("meeting", "talks") \
                and any(c.tokens[j].low in ("zu", "zum", "zur") for j in range(max(0, main.token_index - 3),
                                                                                 main.token_index)):
            # "Kim war zu einem Treffen mit Putin nach Wostotschny gereist": the meeting is the trip's purpose
            trip = next((t for t in trs if t.kind == "verb" and t.type == "visit"), None)
            if trip is not None:
                main = trip
        if c.lead in cfg["conditional"]:
            per_clause.append(None)  # "falls andere Staaten ihm Trägerraketen zur Verfügung stellten": a condition
            continue
        since_bg = _since_background(c, main, trs, smentions, stimex) if main is not None else None
        if since_bg is not None:
            # "Seit der Invasion der Ukraine im Februar 2022 sucht Russland neue Partner": the dated event
            # after "seit" is background named inside the clause (a nominal event of its own); the clause
            # tells the state's present course: its own act, else a generic "other"
            alt = main_trigger([t for t in trs if not (since_bg[0] <= t.token_index <= since_bg[1])])
            if alt is not None:
                main = alt
            else:
                per_clause.append(_Cand(c, c.start, c.end, "other", None, trs))
                a, b = since_bg
                per_clause[-1].extra.append(_Cand(c, c.tokens[a].start, c.tokens[b].end, main.type, main, [main],
                                                  nominal=True, dated_background=True))
                continue
        # phrase searches indexed by first word (``status.find_phrase``), not every phrase at every position
        topic = (lows[0] in cfg["topic_words"] or status.find_phrase(lows, cfg["topic_phrases"]) is not None) \
            and status.find_phrase(lows, cfg["topic_constr"]) is not None
        if (main is None or main.weak) and _expected_visit(c, smentions, cfg):
            per_clause.append(_Cand(c, c.start, c.end, "visit", None, trs))  # "wird in Moskau erwartet"
            continue
        if main is None and (heading or (titled and len(c.tokens) >= 3)) \
                and (verbless := _verbless_heading(c, smentions)):
            per_clause.append(_Cand(c, c.start, c.end, verbless, None, trs))  # "Seoul: 10.000 Soldaten in Russland"
            continue
        if main is None and not topic and c.position == 0 and _reported_lead(c, cfg) \
                and not any(find_triggers(o.tokens) for o in clauses[1:]):
            # "Man müsse sie schrittweise aufheben", "Nordkorea sei ein verlässlicher Partner": reported speech
            # with no speech verb continues the statement just told (kept only right after one, and only
            # when no later clause of the sentence tells an act of its own)
            per_clause.append(_Cand(c, c.start, c.end, "statement", None, trs, continued=True))
            continue
        if main is None and not topic:
            per_clause.append(None)
            continue
        if main is not None and main.kind == "noun" and len(c.tokens) <= 2:
            per_clause.append(None)  # a bare noun ("Putin-Besuch?") is a heading, not a statement of fact
            continue
        announced_noun = False
        if main is not None and main.section == "statement" and main.kind == "verb" \
                and main.lemma not in cfg["evaluative"]:
            content = [t for t in trs if t.kind == "noun" and not t.weak and t.type != "statement" and (
                t.type in cfg["speech_content"] or main.lemma in cfg["announce"]
                or (main.lemma in cfg["offer"] and t.type == "economic_cooperation"))
                and not _in_frame(c.tokens, t, cfg)]
            if content and _calls_false(c.tokens, main, cfg):
                content = []  # "bezeichnete die Berichte über Waffenlieferungen als Erfindung": a denial of them
            if content:
                # "verkündete den Abbruch der Beziehungen": the act announced; "kündigten neue Strafmaßnahmen
                # an", "versprach Waffenlieferungen": an act still to come
                # (not "kündigte an, eine Lieferung ... zu prüfen": the infinitive tells what is to come)
                announced_noun = main.lemma in cfg["plan_noun_speech"] and not _zu_infinitive(lows) \
                    and not (main.lemma in cfg["offer"] and content[0].type == "economic_cooperation")
                main = content[0]
        if topic and (main is None or main.type in ("other", "military_cooperation", "statement")
                      or (main.type in ("talks", "meeting", "visit") and main.kind == "noun")):
            cand = _Cand(c, c.start, c.end, main.type if main else "other", main, trs, topic=True)
        else:
            # a topic clause naming an act of its own ("soll es bei den Gesprächen um die Bahnverbindung
            # gehen") keeps that act's type but refers back to the event before
            cand = _Cand(c, c.start, c.end, main.type, main, trs, topic=topic)
        cand.announced = announced_noun
        if main is not None and main.section != "statement":
            # one clause "kündigte an, Nordkorea ... zu besuchen" / "forderte auf, ... zu stoppen": a speech
            # verb before the act, the act's verb a zu-infinitive at the end
            sp = next((t for t in trs if t.section == "statement" and t.kind == "verb"
                       and t.token_index < main.token_index), None)
            after_sp = [t for t in c.tokens[sp.token_index + 1:]] if sp is not None else []
            if sp is not None and sp.lemma not in cfg["demand"] and sp.lemma not in cfg["keep_speech"] and (
                    not cfg["readiness"].isdisjoint(t.low for t in after_sp)
                    or (negation.is_negated(after_sp) and status.find_phrase(lows, cfg["never"]) is None)):
                # "sagte, Moskau werde nicht mit Seoul verhandeln", "sagte, Russland sei bereit ...": no act
                cand.type, cand.trigger = "statement", sp
            elif sp is not None and _zu_infinitive(lows):
                if sp.lemma in cfg["demand"]:
                    cand.type, cand.trigger = "statement", sp
                elif sp.lemma in cfg["plan_speech"] and main.kind == "verb":
                    cand.announced = True  # not "kündigte an, eine Lieferung ... zu prüfen": a noun is no act
            elif sp is None and _declares_readiness(lows, cfg) and main.section != "denial":
                # "Russland ist bereit, Nordkorea Weizen zu liefern", "Kim sei bereit, an die Gespräche
                # zurückzukehren": a readiness declared is a statement, not the act
                cand.type = "statement"
        # a reporting act by a medium or an impersonal "hieß es" is not an event
        media_clause = main is not None and (  # (only asked below together with a main trigger)
            not cfg["media"].isdisjoint(lows) or any(w.startswith("nachrichtenagentur") for w in lows))
        if main is not None and main.section == "statement" and main.lemma in cfg["reporting"]:
            if (media_clause or "es" in lows) and not _cites_speaker(c.tokens, main, cfg):
                per_clause.append(None)
                continue
        if main is not None and main.weak and main.kind == "noun" and media_clause \
                and (not status.cues().report_verbs.isdisjoint(lows)
                     or (len(c.tokens) <= 6 and not any(_finite(w) for w in lows))):
            # "Die Presse-Agentur berichtet fortlaufend über den Krieg": a medium's coverage of a topic
            per_clause.append(None)
            continue
        per_clause.append(cand)
        # nominal events inside the clause
        if main is not None:
            done = {main.type}
            for tr in found:
                if tr is main or tr.kind != "noun":
                    continue
                if main.kind == "verb" and main.lemma in cfg["content_speech"]:
                    continue  # "warnte vor Waffenlieferungen", "warnte, ... für Waffenlieferungen ... zahlen"
                if main.kind == "verb" and not tr.attributive and (main.type == "denial" or _calls_false(
                        c.tokens, main, cfg) or (
                        main.lemma in cfg["unconfirmed"] and negation.is_negated(c.tokens))):
                    # "Nordkorea und Russland bestreiten Waffengeschäfte", "hat die Lieferung nie bestätigt": what is
                    # denied or left unconfirmed is no event of its own
                    continue
                a, b = _attributive_span(c.tokens, tr.token_index) if tr.attributive \
                    else _np_span(c.tokens, tr.token_index)
                s, e = c.tokens[a].start, c.tokens[b].end
                inside = _mentions_in(smentions, s, e)
                dated = any(s <= t.start and t.end <= e and dating.datable(t) for t in stimex)
                if (not inside and not (tr.attributive and dated)) or (s, e) == (c.start, c.end):
                    continue
                if dated and _background_np(c.tokens, a, tr.token_index, cfg) and tr.type != "statement":
                    # "seit der Machtübernahme Kims im Jahr 2011", "Während Kims Besuch im letzten Jahr":
                    # a dated event named as the background of the clause, of any kind
                    cand.extra.append(_Cand(c, s, e, tr.type, tr, [tr], nominal=True, dated_background=True))
                    continue
                if tr.attributive and dated and tr.type not in done and tr.type != "statement" \
                        and tr.type not in lex.nominal:
                    # "des im Juni geschlossenen Beistandspakts": a dated act of any kind named by a participle
                    done.add(tr.type)
                    cand.extra.append(_Cand(c, s, e, tr.type, tr, [tr], nominal=True, dated_background=True))
                    continue
                if tr.type not in lex.nominal or tr.type in done or tr.weak or (tr.attributive and not dated):
                    continue
                if tr.attributive:  # "einer am 2. Januar ... eingeschlagenen Rakete": a dated fact of its own
                    done.add(tr.type)
                    cand.extra.append(_Cand(c, s, e, tr.type, tr, [tr], nominal=True, dated_background=True))
                    continue
                if tr.type in cfg["nominal_actor"] and not any(m.kind == "actor" for m in inside) \
                        and not any(s <= t.start and t.end <= e and dating.datable(t) for t in stimex):
                    continue
                if tr.type in cfg["nominal_time"] and not any(s <= t.start and t.end <= e and dating.datable(t)
                                                              for t in stimex):
                    continue
                done.add(tr.type)
                cand.extra.append(_Cand(c, s, e, tr.type, tr, [tr], nominal=True))

    # "nicht nur X, sondern auch Y": one event over both halves, typed by the first
    for i, cand in enumerate(per_clause):
        if not negation.not_only_at(clauses[i].tokens):
            continue
        for j in range(i + 1, len(per_clause)):
            if clauses[j].lead == "sondern":
                nx = per_clause[j]
                if cand is None:
                    if nx is not None:
                        nx.start = clauses[i].start  # the first half names the subject
                    break
                if nx is not None and nx.type != cand.type and not (nx.trigger is not None and nx.trigger.weak):
                    break  # two kinds of event ("nicht nur Lebensmittel, sondern auch Raketentechnik")
                cand.end = clauses[j].end
                if per_clause[j] is not None:
                    per_clause[j].skip = True
                break
    # speech clauses and their complements
    for i, cand in enumerate(per_clause):
        if cand is None or cand.skip:
            continue
        tr = cand.trigger
        speech = tr is not None and tr.section == "statement" and tr.kind == "verb"
        if tr is not None and tr.kind == "verb" and tr.lemma in cfg["charge"] \
                and i + 1 < len(clauses) and _zu_complement(clauses[i + 1]):
            # "Die USA werfen dem Iran vor, ballistische Raketen nach Russland geschickt zu haben": one accusation
            _take_content(cand, clauses[i + 1], per_clause[i + 1])
            continue
        if tr is not None and tr.kind == "verb" and cand.type == "denial" and i + 1 < len(clauses) \
                and clauses[i + 1].after_comma and clauses[i + 1].lead not in _COORD_LEADS \
                and (_zu_complement(clauses[i + 1]) or _konjunktiv(
                    [t.low for t in clauses[i + 1].tokens if not t.is_upper], cfg["konj"])):
            # "widerspricht der Darstellung, die Region sei zurückerobert", "bestritt, Truppen geschickt zu
            # haben": the claim denied is the denial's content, no event of its own
            _take_content(cand, clauses[i + 1], per_clause[i + 1])
            continue
        if not speech:
            nxt = per_clause[i + 1] if i + 1 < len(per_clause) else None
            if tr is not None and tr.kind == "verb" and nxt is not None and nxt.type not in ("other", "statement") \
                    and any(t.low in _CORRELATES for t in cand.clause.tokens) and _is_complement(nxt.clause):
                # "unterstützten Russland dabei, die Gebiete zurückzuerobern": the support spans its
                # purpose; the act in the complement stays an event of its own
                cand.end = nxt.clause.end
                continue
            if tr is not None and tr.kind == "verb":
                _absorb(i, cand, per_clause, clauses)  # "vereinbart, engere Beziehungen ... zu knüpfen"
            continue
        if cand.clause.lead == "wie" and cand.clause.position == 0:
            cand.report = True
            continue  # "Wie der Geheimdienst mitteilte, ...": a statement of its own beside the event
        nxt = per_clause[i + 1] if i + 1 < len(per_clause) else None
        if tr.lemma in cfg["demand"] and i + 1 < len(clauses) and _zu_complement(clauses[i + 1]):
            # "forderte Moskau auf, die Lieferungen zu stoppen": the demand is the event, over both clauses
            cand.end = clauses[i + 1].end
            cand.type = "statement"
            if nxt is not None:
                nxt.skip = True
            continue
        if tr.lemma in cfg["content_speech"] and i + 1 < len(clauses) and clauses[i + 1].after_comma \
                and (clauses[i + 1].lead in ("dass", "daß", "ob")
                     or clauses[i + 1].lead not in _RELATIVES | _COORD_LEADS | _SUBORDINATE_NOT_CONTENT):
            # "warnte, Nordkorea werde für Waffenlieferungen einen Preis zahlen", "deutete an, dass Russland
            # helfen könnte": the warning or hint is the event, its content is no act that took place
            cand.end = clauses[i + 1].end
            cand.type = "statement"
            if nxt is not None:
                nxt.skip = True
                nxt.extra = []
            continue
        own_after = [t.low for t in cand.clause.tokens[tr.token_index + 1:]]
        if i + 1 < len(clauses) and (not cfg["readiness"].isdisjoint(own_after) or clauses[i + 1].after_comma and (
                not cfg["readiness"].isdisjoint(t.low for t in clauses[i + 1].tokens)
                or (negation.is_negated(clauses[i + 1].tokens)
                    and status.find_phrase([t.low for t in clauses[i + 1].tokens], cfg["never"]) is None))):
            # "sagte, man werde sich nicht von Washington beraten lassen": a negated complement is no act;
            # "sagte, Moskau sei bereit, die Gespräche wieder aufzunehmen": a readiness is no act either;
            # the statement spans the complement (and the zu-infinitive that goes with it)
            j = i + 1
            while j + 1 < len(clauses) and _zu_complement(clauses[j + 1]):
                j += 1
            cand.end = clauses[j].end
            cand.type = "statement"
            for k in range(i + 1, j + 1):
                if per_clause[k] is not None:
                    per_clause[k].skip = True
                    per_clause[k].extra = []
            continue
        content = [t for t in cand.triggers if t is not tr and not t.weak and t.type != "statement"]
        if nxt is not None and nxt.type not in ("statement", "other") and not content \
                and tr.lemma not in cfg["keep_speech"] and not nxt.topic \
                and nxt.trigger is not None and not nxt.trigger.weak \
                and not (nxt.clause.after_comma and nxt.clause.tokens[0].is_upper):  # not a main clause
            cand.skip = True  # "Lawrow sagte, man werde ... besprechen": the complement is the event
            nxt.speaker = cand.clause
            nxt.announced = tr.lemma in cfg["plan_speech"] and _zu_complement(nxt.clause) \
                and nxt.trigger.kind == "verb"
            continue
        # absorb complements that only talk about relations
        # ("erklärt, dass Moskau und Pjöngjang gute Beziehungen unterhielten")
        _absorb(i, cand, per_clause, clauses)
        # a quote before ", sagte X" belongs to X's statement
        if i > 0 and cand.clause.tokens[0].low == tr_word(cand) and cand.clause.after_comma:
            k = i - 1
            while k >= 0:
                pv = per_clause[k]
                if k == i - 1 and clauses[k].position == 0 and clauses[k].lead in _ADVERBIAL_LEADS:
                    break  # "Als Nordkorea den Satelliten startete, gratulierte Moskau": an adverbial clause, no quote
                if pv is not None and pv.type not in ("other", "statement") \
                        and not _declares_readiness([t.low for t in pv.clause.tokens], cfg):
                    if k == i - 1 and not pv.skip and not pv.nominal and pv.trigger is not None \
                            and _konjunktiv([t.low for t in pv.clause.tokens if not t.is_upper], cfg["konj"]) \
                            and not any(t.low in _WIRD for t in pv.clause.tokens):  # not a promise ("werde ... helfen")
                        # "Sie hätten der Armee Hilfe geleistet, sagte Gerassimow": the act told is the event,
                        # the speaker (and whom he spoke with) its source; the speech is no event of its own
                        pv.end = cand.clause.end
                        pv.speaker = cand.clause
                        cand.skip = True
                        cand.extra = [x for x in cand.extra if x.dated_background]
                    break
                cand.start = clauses[k].start
                if pv is not None:
                    pv.skip = True
                k -= 1
    for cand in per_clause:
        if cand is None:
            continue
        if not cand.skip:
            out.append(cand)
        out.extend(cand.extra)
    return out


_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
                          "einen"})


def _attributive_span(toks: tuple[Token, ...], i: int) -> tuple[int, int]:
    """Token range of a noun phrase around an attributive participle at i: from its determiner
    ("einer am 2. Januar im ukrainischen Charkiw eingeschlagenen Rakete") to the noun after it."""
    a = i
    for k in range(i - 1, max(-1, i - 10), -1):
        if _finite(toks[k].low) and not toks[k].is_upper:
            break
        if toks[k].low in _DETERMINERS:
            a = k
            break
    return a, min(i + 1, len(toks) - 1)


def _dated_attributive_head(c: Clause, found: list[Trigger], noun: Trigger, stimex: list[Timex]) -> bool:
    """``noun`` heads a noun phrase with an attributive participle trigger and its own time expression
    ("des im Juni geschlossenen Beistandspakts", "den am Montag unterzeichneten Vertrag")."""
    for tr in found:
        if tr.attributive and tr.token_index == noun.token_index - 1:
            a, b = _attributive_span(c.tokens, tr.token_index)
            s, e = c.tokens[a].start, c.tokens[b].end
            return any(s <= t.start and t.end <= e and dating.datable(t) for t in stimex)
    return False


def _background_np(toks: tuple[Token, ...], a: int, i: int, cfg: dict) -> bool:
    """The noun phrase [a, i] opens with a temporal preposition ("seit", "während", "nach", ...)."""
    return any(t.low in cfg["background_preps"] for t in toks[max(0, a - 1):i])


_CONCRETE = frozenset({"troops", "arms", "goods", "tech"})
_PLURAL_PRONOUNS = frozenset({"sie", "diese", "ihnen"})


def _concrete_objects(toks: tuple[Token, ...]) -> tuple[Token, ...]:
    """The words naming troops, weapons, goods or technology."""
    return tuple(toks[i] for i, cls in object_classes(toks) if cls in _CONCRETE)


def _plural_pronoun(toks: tuple[Token, ...]) -> bool:
    """A plural "sie"/"diese"/"ihnen" (not "sie sagte")."""
    lows = [t.low for t in toks]
    if _PLURAL_PRONOUNS.isdisjoint(lows):
        return False  # (the common case)
    return any(w in _PLURAL_PRONOUNS and not (w == "sie" and _singular_verb_next_to(lows, i))
               for i, w in enumerate(lows))


def _cites_speaker(toks: tuple[Token, ...], tr: Trigger, cfg: dict) -> bool:
    """ "zitiert KCNA den Direktor ...": a medium quoting an official reports that official's
    statement; the accusative object after the verb is a person or office, not a medium."""
    if tr.lemma != "zitieren":
        return False
    for k in range(tr.token_index + 1, len(toks) - 1):
        if toks[k].low in ("den", "einen", "die", "eine"):
            head = next((t for t in toks[k + 1:k + 4] if t.is_upper), None)
            if head is not None and head.low not in cfg["media"] and not head.low.startswith("nachrichtenagentur") \
                    and head.low not in ("bericht", "erklärung", "mitteilung", "meldung", "angaben", "quellen"):
                return True
    return False


_TICKER_STAMP = re.compile(r"\s*(?:\+{2,}|[-–—•▶]+)?\s*\d{1,2}[:.]\d{2}\s*(?:Uhr)?\s*(?:\+{2,}|[-–—|:])\s*")
_HEAD_SOURCE = re.compile(r"\s*(?:(?:laut|nach)\s+)?(\w[\w\-]*(?:\s\w[\w\-]*)?)\s*:\s", re.IGNORECASE)


def _headline_source(text: str, offset: int, smentions: list[Mention]) -> Mention | None:
    """The state or person named before a colon that opens a sentence ("Seoul: ...", "Washington: ...",
    "Laut Kiew: ..."): the source of the claim after it."""
    m = _HEAD_SOURCE.match(text)
    if m is None:
        return None
    a, b = offset + m.start(1), offset + m.end(1)
    return next((x for x in smentions if a <= x.start and x.end <= b), None)


_HEADING_PREPS = frozenset({"in", "im", "nach", "bei", "beim"})
_COMBAT_WORDS = frozenset({"gefecht", "einsatz", "kampf", "kampfeinsatz", "front", "fronteinsatz"})


def _verbless_heading(c: Clause, smentions: list[Mention]) -> str | None:
    """A heading without a verb that states where troops or a person are: "Über 10.000 nordkoreanische
    Soldaten in Russland" (troop_deployment), "Putin als erster Kremlchef in Pjöngjang" (visit): troops
    or a named person of another state, a state or capital right after "in"/"nach"/"bei"."""
    toks = c.tokens
    if len(toks) < 3 or any(is_finite_verb(t.low) for t in toks):
        return None
    inside = [m for m in smentions if c.start <= m.start and m.end <= c.end]
    places = [m for m in inside if m.kind == "country" and any(
        toks[i].low in _HEADING_PREPS and toks[i + 1].start <= m.start <= toks[min(i + 2, len(toks) - 1)].start
        for i in range(len(toks) - 1))]
    if not places:
        if any(cls == "troops" for _, cls in object_classes(toks)) and any(t.low in _COMBAT_WORDS for t in toks):
            return "troop_deployment"  # "Nordkoreanische Soldaten erstmals im Gefecht"
        return None
    if any(cls == "troops" or (cls == "people" and i > 0 and toks[i - 1].low[:1].isdigit())
           for i, cls in object_classes(toks)):
        return "troop_deployment"  # "Pentagon: 10.000 Nordkoreaner in Russland"
    persons = [m for m in inside if coref.is_person(m) and m.start < places[0].start]
    if any(_actor_country(m.key) not in (None, places[0].key) for m in persons):
        return "visit"
    return None


def _expected_visit(c: Clause, smentions: list[Mention], cfg: dict) -> bool:
    """ "Lawrow wird kommende Woche in Pjöngjang erwartet": a person expected at a place (a person named
    in the clause, a place or state after a preposition, the passive participle last)."""
    aux, verb, preps, groups = cfg["expected_visit"]
    lows = [t.low for t in c.tokens]
    if len(lows) < 4 or lows[-1] not in verb or not any(w in aux for w in lows[:-1]):
        return False
    inside = [m for m in smentions if c.start <= m.start and m.end <= c.end]
    person = any(m.kind == "actor" for m in inside) or (
        any(t.is_upper and t.low.startswith(groups) for t in c.tokens) and any(m.kind == "country" for m in inside))
    place = any(m.kind == "country" and i + 1 < len(c.tokens) and c.tokens[i + 1].start == m.start
                for i, w in enumerate(lows) if w in preps for m in inside)
    return person and place


_COPULA = frozenset({"ist", "sei", "sind", "seien", "war", "waren", "wäre", "wären", "zeigte", "zeigten", "zeigt",
                     "erklärte", "erklärten", "erklärt", "zeige", "erkläre"})


def _declares_readiness(lows: list[str], cfg: dict) -> bool:
    """A readiness word as a predicate after a copula ("ist bereit", "sei gewillt", "zeigte sich bereit")
    with a zu-infinitive after it: "Nordkorea sei bereit, an die Gespräche zurückzukehren"."""
    for k, w in enumerate(lows):
        if w in cfg["readiness"] and any(x in _COPULA for x in lows[max(0, k - 4):k]):
            return _zu_infinitive(lows) or any(_zu_word(lows, j) for j in range(k + 1, len(lows)))
    return False


def _addressed_state(toks: tuple[Token, ...], k: int, own: list[Mention], codes: list[str]) -> str | None:
    """The state named right after the verb at ``k`` (articles skipped): "warnte die USA", "warnt Japan"."""
    j = k + 1
    while j < len(toks) and toks[j].low in ("die", "den", "der", "das"):
        j += 1
    if j >= len(toks) or k + 1 >= len(toks):
        return None
    m = next((m for m in own if m.start == toks[j].start and m.kind == "country"), None)
    return m.key if m is not None and m.key in codes[1:] else None


def _in_frame(tokens: tuple[Token, ...], tr: Trigger, cfg: dict) -> bool:
    """An encounter noun in a frame phrase ("bei einem Treffen mit ...", "nach dem Gespräch", "am Rande des
    Gipfels"; cues.toml [priority] ``frame_preps``/``frame_types``): the setting, not the act of the clause."""
    return tr.type in cfg["frame_types"] and any(
        tokens[j].low in cfg["frame"] for j in range(max(0, tr.token_index - 3), tr.token_index))


def _calls_false(tokens: tuple[Token, ...], main: Trigger, cfg: dict) -> bool:
    """A characterising speech verb ("sprach von", "bezeichnete ... als") with a noun of falsehood after it
    ("Falschmeldungen", "Erfindung"; cues.toml [blame] ``false_nouns``): the clause denies what it names."""
    return main.lemma.lower() in cfg["blame_lemmas"] and any(
        t.is_upper and t.low.endswith(cfg["false_nouns"]) for t in tokens[main.token_index + 1:])


def _take_content(cand: _Cand, clause: Clause, own: _Cand | None) -> None:
    """``cand`` extends over the following ``clause``, which is its content: that clause's own
    candidate ``own`` is no event, and its extra events (listed objects) become ``cand``'s."""
    cand.end = clause.end
    if own is not None:
        own.skip = True
        cand.extra.extend(own.extra)
        own.extra = []


def _zu_complement(c: Clause) -> bool:
    """A zu-infinitive clause after a comma ("..., die Lieferungen zu stoppen", "..., abzuziehen")."""
    return c.after_comma and c.lead not in ("dass", "daß", "ob") and _is_complement(c)


def _is_complement(c: Clause) -> bool:
    """A dass/ob clause or a zu-infinitive ("..., engere Beziehungen zu knüpfen")."""
    lows = [t.low for t in c.tokens]
    if c.lead in ("dass", "daß", "ob"):
        return True
    if not c.after_comma or c.lead in ("um", "und", "aber", "sondern"):
        return False
    if c.lead in _ARTICLES:
        # a relative clause has a finite verb, so "..., die Unabhängigkeit ... anzuerkennen (und ...)"
        # opens with an article: an infinitive complement
        zu = [k for k in range(len(lows)) if _zu_word(lows, k)]
        return bool(zu) and not any(_finite(w) for k, w in enumerate(lows) if k not in zu)
    return c.lead not in _RELATIVES and _zu_infinitive(lows)


_ARTICLES = frozenset({"der", "die", "das", "den", "dem"})
_ZU_SEPARABLE = re.compile(r"(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|mit|nach|vor|weg|zurück|zusammen|"
                           r"wieder|herbei|voran|weiter|bekannt|frei|statt|teil|um|durch|nieder|hoch|dar|zu|heim|los|kennen)zu[a-zäöüß]{3,}(?:e|er|el)n$")


def _zu_infinitive(lows: list[str]) -> bool:
    """The words end in a zu-infinitive: "zu liefern", "entwickeln zu wollen", "anzuerkennen"."""
    return bool(lows) and lows[-1].endswith(("en", "ern", "eln")) and (
        "zu" in lows[-3:] or bool(_ZU_SEPARABLE.match(lows[-1])))


def _zu_word(lows: list[str], k: int) -> bool:
    """Word k is a zu-infinitive ("anzuerkennen") or the verb after "zu" ("zu liefern")."""
    w = lows[k]
    return w.endswith(("en", "ern", "eln")) and (bool(_ZU_SEPARABLE.match(w)) or k > 0 and lows[k - 1] == "zu")


def _absorb(i: int, cand: _Cand, per_clause: list[_Cand | None], clauses: list[Clause]) -> None:
    j = i + 1
    while j < len(per_clause):
        nx = per_clause[j]
        c = clauses[j]
        lows = [t.low for t in c.tokens]
        # a negated complement is what the speaker said, not an event ("erklärt, dass ... nicht ... stehe")
        said = nx is not None and negation.is_negated(c.tokens) and (
            c.lead in ("dass", "daß", "ob") or lows[:2] in (["und", "dass"], ["und", "daß"]))
        follows = _is_complement(c) or said or (j > i + 1 and c.lead in ("und", "sowie") and
                                                (nx is None or nx.type == "other")) \
            or (j > i + 1 and nx is None and c.lead in _RELATIVES) \
            or (nx is None and c.lead in _cfg()["conditional"])  # "..., die es wolle, ...", "..., falls ..."
        if not follows or (nx is not None and nx.type != "other" and not said):
            break
        cand.end = c.end
        if nx is not None:
            nx.skip = True
            if cand.type == "statement" and nx.trigger is not None and nx.trigger.section == "other" \
                    and not nx.trigger.weak and j == i + 1:
                cand.type = "other"  # "Pjöngjang erklärte, die Gebiete anzuerkennen": the act declared
        j += 1


def tr_word(cand: _Cand) -> str:
    if cand.trigger is None:
        return ""
    return cand.clause.tokens[cand.trigger.token_index].low


def _since_background(c: Clause, main: Trigger, trs: list[Trigger], smentions: list[Mention],
                      stimex: list[Timex]) -> tuple[int, int] | None:
    """Token range of a dated event noun phrase opened by "seit" that holds the clause's main trigger,
    when a state or person is named outside it and a finite verb outside it carries the clause; else None."""
    if main.kind != "noun" or main.attributive:
        return None
    if not any(t.low in _SINCE for t in c.tokens[:main.token_index]):
        return None  # (no "seit" before the noun at all: the phrase test below cannot hold)
    a, b = _np_span(c.tokens, main.token_index)
    if not any(t.low in _SINCE for t in c.tokens[max(0, a - 1):main.token_index]):
        return None
    s, e = c.tokens[a].start, c.tokens[b].end
    if not any(s <= t.start and t.end <= e and dating.datable(t) for t in stimex):
        return None
    outside = [m for m in _mentions_in(smentions, c.start, c.end) if not (s <= m.start < e)]
    rest = [t.low for k, t in enumerate(c.tokens) if not (a - 1 <= k <= b)]
    if not outside or not any(_finite(w) for w in rest):
        return None
    return a, b


_PLATFORM_PREPS = frozenset({"auf", "in", "im", "bei", "über"})  # "schreibt Selenskyj auf Telegram": no medium's report
_TO = frozenset({"nach", "zum", "zur"})


def _speech_tail(clauses: list[Clause], position: int) -> tuple[str, Clause] | None:
    """The speech verb and clause of a verb-second tail after the clause at ``position`` (", sagte Gerassimow",
    ", schreibt er auf X", ", hieß es"), or None."""
    for later in clauses[position + 1:]:
        if not later.after_comma:
            continue
        head = later.tokens[0]
        if head.is_upper:
            continue
        if head.low.startswith("teilt") and "mit" in (t.low for t in later.tokens):
            return None  # ", teilte das Außenministerium mit": an official account, a report
        if any((t.low in _cfg()["media"] or "agentur" in t.low)
               and not (k and later.tokens[k - 1].low in _PLATFORM_PREPS) for k, t in enumerate(later.tokens)):
            return None  # ", meldete die Nachrichtenagentur KCNA": a medium's report of the news
        if head.low in status.cues().report_verbs or any(
                t.token_index == 0 and t.kind == "verb" and t.section == "statement"
                for t in find_triggers(later.tokens)):
            return head.text, later
    return None
