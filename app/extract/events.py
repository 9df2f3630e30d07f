"""Event triggers: the German trigger lexicon (``resources/events/triggers.toml``) expanded into
every inflected form, and the search for triggers in a clause.

Verbs are listed once, by principal parts; this module generates present, preterite, participle,
Konjunktiv I, zu-infinitive and, for separable verbs, both the joined forms ("zurückgewiesen",
"zurückzuweisen") and the split ones ("wies ... zurück": the finite stem anywhere in the clause,
the prefix as a later word of the same clause). Nouns are stems that also match as the head of a
compound ("Staatsbesuch", "Waffenlieferungen") in any case/number form; the modifier of such a
compound is checked against the object classes ("Raketen-lieferung" → arms).

False-positive policy: generic triggers ("liefern", "erhalten", "reisen", "Zusammenarbeit") never
decide an event on their own. Transfer and relation triggers need an object of a known class
(weapons, troops, goods, technology; relations) in the clause, and ``weak`` triggers count only
when no other trigger is present and the clause itself names a state or a person. A compound head
must be preceded by at least three letters ("Preise" is not a "Reise").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from functools import cache

from .clauses import Token, load_toml

_INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "über", "unter", "wider", "hinter", "voll")
_NEEDS_E = re.compile(r"(?:t|d|chn|ffn|gn|dn|tm|dm)$")
_NOUN_SUFFIXES = ("", "e", "s", "es", "en", "n", "er", "ern", "nen")


@dataclass(frozen=True)
class VerbEntry:
    type: str  # a type from triggers.toml (may be a generic section: "transfer", "relation")
    lemma: str  # prefix + infinitive
    prefix: str  # separable prefix, "" if none
    weak: bool
    needs: str | None  # object class the clause must name
    object_types: tuple[tuple[str, str], ...]  # object class → event type, in priority order


@dataclass(frozen=True)
class Trigger:
    type: str  # resolved event type
    section: str  # the triggers.toml section it came from
    lemma: str
    kind: str  # "verb" | "noun" | "phrase"
    start: int
    end: int
    token_index: int
    weak: bool
    object_class: str | None = None
    prefix_index: int | None = None  # for compound nouns: where the head starts in the word
    attributive: bool = False  # a participle used as adjective ("der eingeschlagenen Rakete")


def _stem(inf: str) -> str:
    if inf.endswith(("eln", "ern")):
        return inf[:-1]
    if inf.endswith("en"):
        return inf[:-2]
    return inf[:-1] if inf.endswith("n") else inf


def verb_forms(spec: str) -> tuple[str, set[str], set[str]]:
    """Expand one verb spec of triggers.toml.

    Returns (prefix, joined forms, split finite forms). Joined forms are every form written as one
    word (for a separable verb: prefixed finite forms of subordinate clauses, participle,
    zu-infinitive); split finite forms are the unprefixed finite forms of a verb-second clause,
    valid only when the prefix follows later in the clause.
    """
    spec = spec.strip().lower()
    prefix = ""
    if "+" in spec:
        prefix, spec = spec.split("+", 1)
    parts = spec.split("/")
    inf = parts[0]
    stem = _stem(inf)
    e = "e" if _NEEDS_E.search(stem) else ""
    finite: set[str] = {stem + "e", stem + e + "st", stem + e + "t", inf, stem + "en", stem + e + "te",
                        stem + e + "test", stem + e + "ten", stem + e + "tet"}
    insep = inf.startswith(_INSEPARABLE) or inf.endswith("ieren")
    participles = {stem + e + "t" if insep else "ge" + stem + e + "t"}
    if len(parts) == 4:
        finite = {stem + "e", stem + e + "t", inf, stem + "en", stem + "est"}
        for third in parts[1].split("|"):
            finite |= {third, third[:-1] + "st" if not third.endswith("st") else third}
        for pret in parts[2].split("|"):
            if pret.endswith("e"):
                finite |= {pret, pret + "st", pret + "n", pret + "t"}
            else:
                finite |= {pret, pret + "st", pret + "en", pret + "t", pret + "est"}
        participles = set(parts[3].split("|"))
    finite.discard("")
    if not prefix:
        return "", finite | participles, set()
    joined = {prefix + f for f in finite} | {prefix + p for p in participles} | {prefix + "zu" + inf}
    return prefix, joined, finite


@dataclass(frozen=True)
class Lexicon:
    joined: dict[str, tuple[VerbEntry, ...]]
    split: dict[str, tuple[VerbEntry, ...]]
    nouns: dict[str, tuple[str, str, bool, str | None, tuple[tuple[str, str], ...]]]
    phrases: tuple[tuple[tuple[str, ...], str, str, tuple[tuple[str, str], ...], frozenset[str] | None], ...]
    objects: dict[str, str]  # noun stem → object class
    unions: dict[str, tuple[str, ...]]
    class_order: tuple[str, ...]
    fields: tuple[tuple[str, tuple[str, ...]], ...]
    relation_cues: frozenset[str]
    priority: tuple[str, ...]
    nominal: frozenset[str]
    needs_object_sections: frozenset[str]
    anniversary: frozenset[str]
    # words right before a noun trigger that make it the topic of another act, per section
    # ("eine Lockerung der Sanktionen", "um Unterstützung gegen die Sanktionen")
    topic_of: dict[str, frozenset[str]] = field(default_factory=dict)


def _key(word: str) -> str:
    return word.replace(" ", "").lower()


@cache
def lexicon() -> Lexicon:
    trig = load_toml("triggers.toml")
    obj = load_toml("objects.toml")
    cues = load_toml("cues.toml")
    joined: dict[str, list[VerbEntry]] = {}
    split: dict[str, list[VerbEntry]] = {}
    nouns: dict[str, tuple] = {}
    phrases: list[tuple] = []
    needs_object_sections = set()
    for section, body in trig.items():
        weak = {_key(w) for w in body.get("weak", [])}
        needs = {_key(k): v for k, v in body.get("needs", {}).items()}
        otypes = tuple(body.get("object_types", {}).items())
        # classes that name the recipient, not what is given, after some verbs ("sagte dem Minister Hilfe zu")
        recipient = {_key(v): cls for cls, vs in body.get("recipient_verbs", {}).items() for v in vs}
        if body.get("needs_object"):
            needs_object_sections.add(section)
        for spec in body.get("verbs", []):
            prefix, forms, split_forms = verb_forms(spec)
            lemma = _key(spec.split("/")[0].replace("+", ""))
            own = tuple(o for o in otypes if o[0] != recipient.get(lemma)) if lemma in recipient else otypes
            entry = VerbEntry(section, lemma, prefix, lemma in weak, needs.get(lemma), own)
            for f in forms:
                joined.setdefault(f, []).append(entry)
            for f in split_forms:
                split.setdefault(f, []).append(entry)
        for noun in body.get("nouns", []):
            k = _key(noun)
            nouns.setdefault(k, (section, k, k in weak, needs.get(k), otypes))
        for ph in body.get("phrases", []):
            # "zur verfügung ... stellte|stellten": the words before "..." in a row, one of the words
            # after it anywhere in the clause (a split verb: "stellte Nordkorea Weizen zur Verfügung")
            head, _, tail = ph.lower().partition(" ... ")
            phrases.append((tuple(head.split()), section, ph, otypes, frozenset(tail.split("|")) if tail else None))
    objects: dict[str, str] = {}
    for cls, words in obj["classes"].items():
        for w in words:
            objects.setdefault(_key(w), cls)
    # Swiss spelling writes "ss" for "ß" ("begrüsste", "Strafmassnahmen", "schliessen"): every form
    # with "ß" is also listed with "ss" (an existing entry of that spelling keeps precedence)
    for table in (joined, split, nouns, objects):
        for k in [k for k in table if "ß" in k]:
            table.setdefault(k.replace("ß", "ss"), table[k])  # type: ignore[index]
    phrases += [(tuple(w.replace("ß", "ss") for w in head), section, ph, otypes,
                 frozenset(w.replace("ß", "ss") for w in tail) if tail is not None else None)
                for head, section, ph, otypes, tail in list(phrases) if "ß" in ph]
    fields = tuple((t, tuple(w.lower() for w in ws)) for t, ws in obj["fields"].items())
    return Lexicon(
        joined={k: tuple(v) for k, v in joined.items()},
        split={k: tuple(v) for k, v in split.items()},
        nouns=nouns,
        phrases=tuple(phrases),
        objects=objects,
        unions={k: tuple(v) for k, v in obj.get("unions", {}).items()},
        class_order=tuple(obj["classes"].keys()),
        fields=fields,
        relation_cues=frozenset(w.lower() for w in obj["relation_cues"]["words"]),
        priority=tuple(cues["priority"]["order"]),
        nominal=frozenset(cues["priority"]["nominal"]),
        needs_object_sections=frozenset(needs_object_sections),
        anniversary=frozenset(w.lower() for w in cues["priority"]["anniversary"]),
        topic_of={k: frozenset(w.lower() for w in v) for k, v in cues.get("topic_of", {}).items()},
    )


_TALK_PARTNER = frozenset({"mit", "miteinander", "über"})
_ADJ_ENDINGS = ("en", "e", "er", "es", "em")


@cache
def _participles() -> dict[str, tuple[VerbEntry, ...]]:
    """Past participles of the trigger verbs (prefix joined): "eingeschlagen", "geliefert"."""
    lex = lexicon()
    out: dict[str, list[VerbEntry]] = {}
    for body_section, body in load_toml("triggers.toml").items():
        for spec in body.get("verbs", []):
            low = spec.strip().lower()
            prefix, _, rest = low.rpartition("+")
            parts = rest.split("/")
            inf = parts[0]
            if len(parts) == 4:
                parts_ = parts[3].split("|")
            else:
                stem = _stem(inf)
                e = "e" if _NEEDS_E.search(stem) else ""
                insep = inf.startswith(_INSEPARABLE) or inf.endswith("ieren")
                parts_ = [stem + e + "t" if insep else "ge" + stem + e + "t"]
            lemma = _key(spec.split("/")[0].replace("+", ""))
            entries = [v for v in lex.joined.get(prefix + parts_[0], ()) if v.lemma == lemma
                       and v.type == body_section]
            for part in parts_:
                out.setdefault(prefix + part, []).extend(x for x in entries if x not in out.get(prefix + part, []))
    return {k: tuple(v) for k, v in out.items() if v}


def attributive_entries(word: str) -> tuple[VerbEntry, ...]:
    """The verbs whose past participle ``word`` inflects as an adjective ("eingeschlagenen",
    "gelieferte"); none for a form that is also a finite verb ("besuchte", "lieferten")."""
    if word in lexicon().joined:
        return ()
    return _participle_entries(word)


_ATTR_PREPS = frozenset({"im", "am", "in", "vom", "von", "bei", "beim", "nach", "vor", "seit", "zum", "zur", "auf"})
_ATTR_DETS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
                        "dieses", "diesen", "dieser", "diese"})


def _attributive_context(tokens: tuple[Token, ...], i: int) -> bool:
    """Word i stands between a determiner directly followed by a preposition and a capitalised noun:
    "den im Juni unterzeichneten Vertrag", "des am Montag geschlossenen Abkommens"."""
    if i + 1 >= len(tokens) or not tokens[i + 1].is_upper or tokens[i].is_upper:
        return False
    for k in range(i - 2, max(-1, i - 7), -1):
        if tokens[k].low in _ATTR_DETS:
            return tokens[k + 1].low in _ATTR_PREPS
    return False


def _participle_entries(word: str) -> tuple[VerbEntry, ...]:
    """The verbs whose past participle ``word`` inflects as an adjective, finite forms included."""
    for end in _ADJ_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 4:
            found = _participles().get(word[: -len(end)])
            if found:
                return found
    return ()


@cache
def _presence() -> tuple[frozenset[str], frozenset[str]]:
    """Copulas and reflexive stay verbs that, with troops and "in", state where troops are."""
    body = load_toml("triggers.toml")["troop_deployment"]
    stay: set[str] = set()
    for spec in body.get("presence_reflexive", []):
        _, joined, split = verb_forms(spec)
        stay |= joined | split
    return frozenset(body.get("presence", [])), frozenset(stay)


@cache
def preterite_forms() -> frozenset[str]:
    """Simple-past forms of all trigger and cue verbs ("traf", "besuchte", "wies"), prefixed or not."""
    out: set[str] = set()
    for body in load_toml("triggers.toml").values():
        for spec in body.get("verbs", []):
            spec = spec.lower()
            prefix, _, rest = spec.rpartition("+")
            parts = rest.split("/")
            stem = _stem(parts[0])
            e = "e" if _NEEDS_E.search(stem) else ""
            prets = parts[2].split("|") if len(parts) == 4 else [stem + e + "te"]
            for p in prets:
                forms = {p, p + "n", p + "en", p + "st"} if not p.endswith("e") else {p, p + "n", p + "st"}
                out |= forms | {prefix + f for f in forms}
    return frozenset(out)


def is_finite_verb(word: str) -> bool:
    """True when the lower-cased word is a non-infinitive form of a trigger verb (memoised per word:
    the clause splitter and the pipeline ask it of every word)."""
    hit = _FINITE.get(word)
    if hit is None:
        lex = lexicon()
        entries = lex.joined.get(word) or lex.split.get(word)
        hit = bool(entries) and not any(word == e.lemma for e in entries)
        if len(_FINITE) > 200_000:
            _FINITE.clear()
        _FINITE[word] = hit
    return hit


_FINITE: dict[str, bool] = {}


_MEMO: dict[tuple[int, str], tuple[str, int] | None] = {}


def _compound_match(word: str, table: dict) -> tuple[str, int] | None:
    """(key, head start) of the longest entry of ``table`` that ``word`` (lower-case) ends with, in
    any inflection; as a compound head it must follow at least three letters (memoised)."""
    key = (id(table), word)
    if key not in _MEMO:
        if len(_MEMO) > 200_000:
            _MEMO.clear()
        _MEMO[key] = _compound_scan(word, table)
    return _MEMO[key]


def _compound_scan(word: str, table: dict) -> tuple[str, int] | None:
    for part in (word, word.rsplit("-", 1)[-1]) if "-" in word else (word,):
        part = part.rstrip("-")
        for suf in _NOUN_SUFFIXES:
            if suf and not part.endswith(suf):
                continue
            base = part[: len(part) - len(suf)] if suf else part
            if len(base) < 3:
                if not suf and base in table:  # short whole words ("Öl")
                    return base, len(word) - len(part)
                continue
            for i in range(0, len(base) - 2):
                if i and i < 3:
                    continue
                if base[i:] in table:
                    return base[i:], len(word) - len(part) + i
    return None




@cache
def _relation_words() -> dict[str, str]:
    """Relation nouns (objects.toml ``relation``), also those listed under another class first."""
    words = load_toml("objects.toml")
    rel = next((v for k, v in _walk(words) if k == "relation"), [])
    return {w.lower(): w.lower() for w in rel}


def _walk(d: dict):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from _walk(v)
        else:
            yield k, v


_OC_MEMO: dict[int, tuple[tuple[Token, ...], list[tuple[int, str]]]] = {}


def object_classes(tokens: tuple[Token, ...]) -> list[tuple[int, str]]:
    """(token index, object class) for every noun (or compound modifier) of a known class.

    A clause's words are asked several times (triggers, referents, headline), so the answer is
    kept for the same tuple object (the reference is kept too, so its id is not reused); the
    returned list is shared and must not be changed."""
    if tokens.__class__ is tuple and len(tokens) > 2:  # (a word or two, such as a relative's antecedent
        # sliced off anew each time, is quicker to look at than to keep)
        hit = _OC_MEMO.get(id(tokens))
        if hit is not None and hit[0] is tokens:
            return hit[1]
        out = _object_classes(tokens)
        if len(_OC_MEMO) > 512:
            _OC_MEMO.clear()
        _OC_MEMO[id(tokens)] = (tokens, out)
        return out
    return _object_classes(tokens)


_WORD_OBJECT: dict[str, tuple[bool, str | None]] = {}  # word -> (starts with a digit, its class)


def _word_object(low: str) -> tuple[bool, str | None]:
    """(starts with a digit, object class) of one lower-cased word, memoised as in ``_object_classes``."""
    info = _WORD_OBJECT.get(low)
    if info is None:
        if len(_WORD_OBJECT) > 200_000:
            _WORD_OBJECT.clear()
        info = _WORD_OBJECT[low] = (low[0].isdigit(), _word_class(low))
    return info


def _object_classes(tokens: tuple[Token, ...]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    memo = _WORD_OBJECT
    for i, t in enumerate(tokens):
        info = memo.get(t.low)
        if info is None:
            if len(memo) > 200_000:
                memo.clear()
            low = t.low
            info = memo[low] = (low[0].isdigit(), _word_class(low))
        if info[1] is not None and (t.is_upper or info[0]):
            out.append((i, info[1]))
    return out


def _word_class(low: str) -> str | None:
    lex = lexicon()
    m = _compound_match(low, lex.objects)
    if m:
        return lex.objects[m[0]]
    # modifier of a compound: "Raketenlieferungen", "Lebensmittellieferungen"
    for j in range(len(low) - 3, 3, -1):
        head = low[:j]
        for suf in ("", "n", "s", "en"):
            base = head[: len(head) - len(suf)] if suf else head
            if (not suf or head.endswith(suf)) and base in lex.objects:
                return lex.objects[base]
    return None


_FIELD_MEMO: dict[tuple[str, bool], frozenset[str]] = {}


def _field_types(low: str, upper: bool) -> frozenset[str]:
    """The fields (objects.toml ``fields``) one word names (memoised per word)."""
    key = (low, upper)
    hit = _FIELD_MEMO.get(key)
    if hit is None:
        found = set()
        for typ, words in lexicon().fields:
            for w in words:
                if w[0].islower():
                    if low.startswith(w) and not upper:
                        found.add(typ)
                        break
                elif low == w.lower() or low.startswith(w.lower()) and len(low) <= len(w) + 2:
                    found.add(typ)
                    break
        if len(_FIELD_MEMO) > 200_000:
            _FIELD_MEMO.clear()
        hit = _FIELD_MEMO[key] = frozenset(found)
    return hit


def field_type(tokens: tuple[Token, ...]) -> str | None:
    """military_cooperation / economic_cooperation when the clause names such a field (the first
    field of objects.toml that any word names)."""
    found: set[str] = set()
    for t in tokens:
        hit = _field_types(t.low, t.is_upper)
        if hit:
            found |= hit
    if found:
        for typ, _ in lexicon().fields:
            if typ in found:
                return typ
    return None


def _resolve(section: str, needs: str | None, otypes: tuple[tuple[str, str], ...],
             classes: set[str], tokens: tuple[Token, ...], lex: Lexicon) -> tuple[str, str | None] | None:
    """The event type of a trigger given the object classes of its clause; None if it does not hold."""
    if needs:
        if classes.isdisjoint(lex.unions.get(needs, (needs,))):
            return None
    for cls, typ in otypes:
        if cls in classes:
            return typ, cls
    if section == "transfer":
        return None
    if section == "aid":
        return "economic_cooperation", None  # aid given without a named class: gifts, relief
    if section == "support":
        return field_type(tokens) or "military_cooperation", None
    if section == "relation":
        if "relation" not in classes:
            return None
        return field_type(tokens) or "other", "relation"
    return section, None


_MIT_DETERMINERS = frozenset({"dem", "der", "diesem", "dieser", "seinem", "seiner", "ihrem", "ihrer", "einem", "einer"})


def _framing_noun(tokens: tuple[Token, ...], i: int) -> bool:
    """The noun at ``i`` heads "Mit dem (ersten) Besuch" opening the clause: a determiner, at most two adjectives
    in between."""
    j = i - 1
    while j >= 0 and i - j <= 2 and not tokens[j].is_upper and tokens[j].low.endswith(("e", "en", "er", "es")) \
            and tokens[j].low not in _MIT_DETERMINERS:
        j -= 1
    if j < 1 or tokens[j].low not in _MIT_DETERMINERS:
        return False
    return j == 1 and tokens[0].low == "mit"


_NOTHING = ((), (), (), None)
_WORD_INFO: dict[str, tuple] = {}


def _word_info(low: str) -> tuple:
    """What the lexicon says about one lower-cased word, looked up once per word: its verb entries
    (joined forms, split finite forms), the verbs whose participle it inflects as an adjective, and
    its event-noun match (a compound head, never for a word starting with a digit)."""
    lex = lexicon()
    noun = None if low[0].isdigit() else _compound_match(low, lex.nouns)
    info = (lex.joined.get(low, ()), lex.split.get(low, ()), attributive_entries(low), noun)
    if not any(info[:3]) and noun is None:
        info = _NOTHING
    if len(_WORD_INFO) > 200_000:
        _WORD_INFO.clear()
    _WORD_INFO[low] = info
    return info


@cache
def _phrase_firsts() -> dict[str, tuple[int, ...]]:
    """Lexicon phrase indices by first word, so a clause visits only phrases it can hold."""
    out: dict[str, list[int]] = {}
    for k, (words, *_) in enumerate(lexicon().phrases):
        out.setdefault(words[0], []).append(k)
    return {w: tuple(ks) for w, ks in out.items()}


def _phrases_starting(lowset: set[str], lows: list[str]) -> tuple[list[tuple], dict[str, list[int]]]:
    """The lexicon phrases whose first word is in the clause (``lowset``: the set of its words ``lows``),
    in lexicon order (trigger order), and the ascending positions of each such first word."""
    firsts = _phrase_firsts()
    common = firsts.keys() & lowset
    if not common:
        return [], {}
    at: dict[str, list[int]] = {w: [] for w in common}
    for i, w in enumerate(lows):
        if w in common:
            at[w].append(i)
    phrases = lexicon().phrases
    hits = [k for w in common for k in firsts[w]]
    if len(hits) > 1:
        hits.sort()
    return [phrases[k] for k in hits], at


@cache
def _invitation() -> tuple[frozenset[str], frozenset[str]]:
    pr = load_toml("cues.toml")["priority"]
    return frozenset(w.lower() for w in pr["invitation"]), frozenset(pr["invitation_preps"])


def _drop_invited(out: list[Trigger], lows: list[str]) -> list[Trigger]:
    """Encounter triggers that name what an invitation in the clause invites to ("eine Einladung zu
    einem Besuch", "zu Gesprächen eingeladen"): the clause reports the invitation (cues.toml [priority])."""
    for tr in out:
        if tr.type == "statement":
            break
    else:
        return out  # no statement trigger, so no invitation
    lemmas, preps = _invitation()
    # "auf Einladung Putins zu einem Besuch": the visit takes place on an invitation, it is not invited to
    inv = [tr for tr in out if tr.type == "statement" and tr.lemma.lower() in lemmas
           and "auf" not in lows[max(0, tr.token_index - 2):tr.token_index]]
    if not inv:
        return out

    def invited(tr: Trigger) -> bool:
        if tr.type not in ("visit", "meeting", "talks"):
            return False
        i = tr.token_index
        # the preposition opens the trigger's phrase ("zu einem Besuch"), or stands just before it
        near = lows[max(0, i - 3):i + 1] if tr.kind != "phrase" else lows[i:i + 1]
        if not any(w in preps for w in near):
            return False
        # a noun invitation governs what follows it; a verb ("zu einem Besuch eingeladen") may follow too
        # ("eine Einladung von Präsident Wladimir Putin zu einem Besuch": a "von" phrase may stand between)
        return any((iv.kind == "noun" and (0 < i - iv.token_index <= 4 or (
            0 < i - iv.token_index <= 8 and "von" in lows[iv.token_index + 1:i]
            and not {",", "und"} & set(lows[iv.token_index + 1:i])))) or iv.kind != "noun" for iv in inv)

    return [tr for tr in out if not invited(tr)]


def _means_of_travel(tokens: tuple[Token, ...], i: int) -> bool:
    """A vehicle named as someone's means of travel ("mit seinem gepanzerten Zug", "per Zug"), not as the
    subject that runs a route."""
    return any(t.low in ("mit", "per") for t in tokens[max(0, i - 3):i])


def find_triggers(tokens: tuple[Token, ...], context: tuple[Token, ...] = (),
                  tail: tuple[str, ...] = ()) -> list[Trigger]:
    """All triggers in one clause (tokens are its words); ``context`` holds words outside the clause
    whose objects count too (the antecedent of a relative clause: "Vereinbarungen, die ... getroffen");
    ``tail`` the last words of the later clauses of the sentence, where a separable prefix may stand
    after an embedded clause ("führte ..., die ..., auch Drohnen vor")."""
    lex = lexicon()
    objs = object_classes(tokens)
    classes = {c for _, c in objs} | {c for _, c in object_classes(context)}
    if "goods" in classes and "tech" in classes and "arms" not in classes and "troops" not in classes:
        first_goods = min(i for i, c in objs if c == "goods") if any(c == "goods" for _, c in objs) else None
        first_tech = min(i for i, c in objs if c == "tech") if any(c == "tech" for _, c in objs) else None
        if first_goods is not None and first_tech is not None and first_goods < first_tech:
            classes.discard("tech")  # "Öl, Lebensmittel und womöglich Militärtechnologie": a trade, tech at its end
    if "transport" in classes and all(_means_of_travel(tokens, i) for i, c in objs if c == "transport"):
        classes.discard("transport")  # "Kim fuhr mit dem Zug nach Moskau": a traveller's means, no route of its own
    if "relation" not in classes and any(_compound_match(tokens[i].low, _relation_words()) for i, _ in objs):
        classes.add("relation")  # "Bündnis", "Allianzen": an agreement's object and a relation alike
    lows = [t.low for t in tokens]
    out: list[Trigger] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        low = t.low
        info = _WORD_INFO.get(low)
        if info is None:
            info = _word_info(low)
        if info is _NOTHING:
            continue  # not a trigger word in any reading (most words)
        entries, split_entries, attributive, noun = info
        if entries and not attributive and _attributive_context(tokens, i):
            # "den im Juni unterzeichneten Vertrag": a preterite-like form used as a participle adjective
            attributive = _participle_entries(low)
            if attributive:
                entries, split_entries = (), ()
        cands: list[tuple[VerbEntry, int | None]] = [(e, None) for e in entries]
        for e in split_entries:
            if e.prefix in lows[i + 1:]:
                k = i + 1 + lows[i + 1:].index(e.prefix)
                if e.prefix == "zu" and k + 1 < n and tokens[k + 1].is_word and not tokens[k + 1].is_upper:
                    continue  # "sagte, ... mit Weizen zu beliefern": the infinitive marker, not "zusagen"
                cands.append((e, k))
            elif e.prefix in tail:
                cands.append((e, None))
        seen = set()
        for e, pidx in cands:
            if (e.type, e.lemma) in seen:
                continue
            seen.add((e.type, e.lemma))
            # a capitalised form mid-clause is a noun ("das Treffen"), not the verb
            if t.is_upper and i > 0:
                continue
            r = _resolve(e.type, e.needs, e.object_types, classes, tokens, lex)
            if r is None:
                continue
            end = tokens[pidx].end if pidx is not None else t.end
            out.append(Trigger(r[0], e.type, e.lemma, "verb", t.start, end, i, e.weak, r[1]))
        if attributive and not t.is_upper and i + 1 < n and tokens[i + 1].is_upper and not entries:
            # an attributive participle before its noun: "einer ... eingeschlagenen Rakete"
            for e in attributive:
                r = _resolve(e.type, e.needs, e.object_types, classes, tokens, lex)
                if r is not None:
                    out.append(Trigger(r[0], e.type, e.lemma, "noun", t.start, t.end, i, e.weak, r[1],
                                       attributive=True))
                    break
        if noun is not None and t.is_upper:
            m = noun
            if any(w in lex.anniversary for w in lows[max(0, i - 4):i]):
                m = None  # "zum 70. Jahrestag des Endes im Koreakrieg": a commemoration, not the war
            topic = m is not None and any(w in lex.topic_of.get(lex.nouns[m[0]][0], ()) for w in lows[max(0, i - 3):i])
            if m:
                section, lemma, weak, needs, otypes = lex.nouns[m[0]]
                local = set(classes)
                if m[1] > 0:  # the compound's modifier names the object ("Raketenlieferung")
                    # (``object_classes`` of the modifier as a capitalised word of its own: its class, if any)
                    mod = _word_object(t.low[: m[1]])[1]
                    if mod is not None:
                        local = {mod}
                r = _resolve(section, needs, otypes, local, tokens, lex)
                if r is not None and topic:
                    # "eine Lockerung der Sanktionen fordern": the act is talk about the sanctions
                    out.append(Trigger("statement", "statement", lemma, "noun", t.start, t.end, i, True, r[1], m[1]))
                elif r is not None:
                    out.append(Trigger(r[0], section, lemma, "noun", t.start, t.end, i, weak, r[1], m[1]))
    lowset = set(lows)
    if "von" in lowset and not lowset & _TALK_PARTNER:
        # "KCNA sprach in diesem Zusammenhang von Heldentaten": speaking of something is a statement
        out = [Trigger("statement", "statement", "sprechen von", "verb", tr.start, tr.end, tr.token_index, False)
               if tr.lemma == "sprechen" and tr.kind == "verb" and "von" in lows[tr.token_index + 1:] else tr
               for tr in out]
    phrases, at = _phrases_starting(lowset, lows)
    for words, section, ph, otypes, along in phrases:
        if along is not None and lowset.isdisjoint(along):
            continue
        k = len(words)
        stop = len(lows) - k + 1
        for i in at[words[0]]:
            if i >= stop:
                break
            if tuple(lows[i:i + k]) == words:
                r = _resolve(section, None, otypes, classes, tokens, lex)
                if r is not None:
                    out.append(Trigger(r[0], section, ph, "phrase", tokens[i].start, tokens[i + k - 1].end, i,
                                       False, r[1]))
    if not out and "troops" in classes and ("in" in lowset or "im" in lowset):
        copulas, stay = _presence()
        for i, w in enumerate(lows):
            if w in copulas or (w in stay and "sich" in lowset):
                out.append(Trigger("troop_deployment", "troop_deployment", w, "verb", tokens[i].start,
                                   tokens[i].end, i, False, "troops"))
                break
    out = _drop_invited(out, lows)
    # relation nouns become events through a relation cue word ("werden immer enger")
    if not any(tr.section == "relation" for tr in out) and "relation" in classes:
        if any(lw in lex.relation_cues for lw in lows):
            i = next(i for i, c in objs if c == "relation")
            typ = field_type(tokens) or "other"
            out.append(Trigger(typ, "relation", tokens[i].low, "noun", tokens[i].start, tokens[i].end, i, True,
                               "relation"))
    if len(out) > 1 and lows[0] == "mit":
        # "Mit dem Besuch setzt Moskau seine Annäherung fort": the event named as the means is not what the
        # clause reports; any other trigger of the clause goes first ("seit der Invasion ..." stays: a background
        # event of its own)
        out = [dc_replace(tr, weak=True) if tr.kind == "noun" and _framing_noun(tokens, tr.token_index) else tr
               for tr in out]
    return out


@cache
@cache
def _limit_verbs() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["priority"].get("limit_verbs", ()))


def _priority_rank() -> dict[str, int]:
    return {t: i for i, t in enumerate(lexicon().priority)}


def main_trigger(triggers: list[Trigger]) -> Trigger | None:
    """The trigger that gives a clause its type: strong before weak, verbs and phrases before nouns,
    then the type order of cues.toml [priority]."""
    if not triggers:
        return None
    if len(triggers) == 1:
        return triggers[0]
    rank = _priority_rank()
    limits = _limit_verbs()
    cap = next((tr for tr in triggers if tr.kind == "verb" and tr.section == "sanction" and tr.lemma in limits), None)
    if cap is not None and any(tr.kind == "noun" and tr.type in ("economic_cooperation", "arms_transfer")
                               for tr in triggers) \
            and not any(tr.kind != "noun" and not tr.weak and tr is not cap for tr in triggers):
        return cap  # "die Ölexporte / Lieferungen begrenzen": a cap on trade is a sanction

    def key(tr: Trigger) -> tuple:
        # strong verbs and phrases, then weak verbs, then strong nouns, then weak nouns
        # strong verbs/phrases, strong nouns of a specific type, weak verbs, nouns of type "other", weak nouns
        noun = tr.kind == "noun"
        return (noun and tr.weak, noun and tr.type == "other", tr.weak and not noun, noun,
                rank.get(tr.type, 99), tr.token_index)

    return min(triggers, key=key)
