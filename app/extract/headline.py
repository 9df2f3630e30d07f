"""A short German headline per event, built from its parts: who (actor or state), the type's verb
phrase, whom, and the status ("Putin besucht Nordkorea", "Nordkorea liefert Waffen an Russland
(mutmaßlich)", "Die USA greifen Russland an", "Angriff der Ukraine"). Templates, the article, case
and number of states named with an article, and the speech verbs live in
``resources/events/headlines.toml``.

Statements, accusations and denials use the speech verb and the topic noun of their clause when the
resource knows them ("Nordkorea lobt Beziehungen zu Russland", "Russland warnt Südkorea", "Russland
bestätigt Gespräch"); otherwise the generic "X äußert sich zu Y".

Policy: the headline only uses names the event carries; an empty slot falls back to the state, then
to a neutral wording, never to a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .clauses import Token, load_toml
from .model import ActorRef, CountryRef


@cache
def _templates() -> dict:
    return load_toml("headlines.toml")


_SHORT: dict[str, str] = {}


def _short(name: str) -> str:
    """The surname from the actor lexicon (family name first for Korean and Chinese names; the full
    name where a surname is shared, as with Kim). Memoised per name."""
    hit = _SHORT.get(name)
    if hit is None:
        from .entities import short_name  # the lexicon loads once, on first use

        if len(_SHORT) > 100_000:
            _SHORT.clear()
        hit = _SHORT[name] = short_name(name)
    return hit


_ACTS = frozenset({"troop_deployment", "arms_transfer", "attack", "sanction", "visit"})


@dataclass(frozen=True)
class _Party:
    name: str
    person: bool
    code: str | None = None

    @property
    def plural(self) -> bool:
        forms = _templates()["articled"].get(self.code or "") if not self.person else None
        return bool(forms) and forms[4] == "pl"

    def form(self, case: str) -> str:
        """The party in a case: nom, akk, dat, gen or nach (a destination)."""
        forms = None if self.person else _templates()["articled"].get(self.code or "")
        if forms and forms[0].split()[-1] == self.name.split()[-1]:
            if case == "nach":
                return "in " + forms[1]
            return forms[{"nom": 0, "akk": 1, "dat": 2, "gen": 3}.get(case, 0)]
        if case == "nach":
            return ("zu " if self.person else "nach ") + self.name
        if case == "gen":
            if self.person or self.name[-1:] in ("s", "x", "z", "ß") or " " in self.name:
                return "von " + self.name
            return self.name + "s"
        return self.name


_SLOT = re.compile(r"\{(a|b|obj|t)(?::(nom|akk|dat|gen|nach))?\}")
_VERB = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def _render(pattern: str, a: _Party | None, b: _Party | None, obj: str, topic: str) -> str:
    def slot(m: re.Match[str]) -> str:
        which, case = m.group(1), m.group(2) or "nom"
        if which == "obj":
            return obj
        if which == "t":
            return topic
        party = a if which == "a" else b
        return party.form(case) if party is not None else ""

    plural = a is not None and a.plural
    text = _VERB.sub(lambda m: m.group(2) if plural else m.group(1), pattern)
    text = _contract(" ".join(_SLOT.sub(slot, text).split()))
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Topic:
    """What a statement is about, as a headline shows it: "Beziehungen" (plural), "Gespräch" (neuter)."""

    text: str
    plural: bool
    gender: str  # m | f | n
    prep: str  # how the other party joins it ("zu", "mit", "an", ...; "" for none)
    process: bool = False  # "Verstärkung der Beziehungen": no other party

    def dative(self) -> str:
        """"zu" + the topic: "zu den Beziehungen", "zum Besuch", "zur Lockerung der Sanktionen"."""
        if self.plural:
            t = self.text if self.text.endswith(("n", "s")) else self.text + "n"
            return "zu den " + t
        return ("zur " if self.gender == "f" else "zum ") + self.text


@cache
def _topic_nouns() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(x) for x in _templates()["topics"]["nouns"])


@cache
def _process_nouns() -> frozenset[str]:
    return frozenset(_templates()["topics"]["process"])


_NUMBER_ENDINGS = {"": False, "s": False, "es": False, "e": True, "en": True, "n": True, "er": True, "ern": True}


_TOPIC_WORDS: dict[tuple[str, str], Topic | None] = {}  # (text, low) of a capitalised word -> its topic


def _topic_word(t: Token) -> Topic | None:
    """The topic a noun names (memoised per word: every topic noun is tried against it)."""
    if not t.is_upper or len(t.low) < 4:
        return None
    key = (t.text, t.low)
    hit = _TOPIC_WORDS.get(key, _UNSEEN)
    if hit is _UNSEEN:
        if len(_TOPIC_WORDS) > 100_000:
            _TOPIC_WORDS.clear()
        hit = _TOPIC_WORDS[key] = _topic_scan(t)
    return hit


_UNSEEN = object()  # a marker: the word was not looked at yet


def _topic_scan(t: Token) -> Topic | None:
    for stem, sg, pl, prep, gender in _topic_nouns():
        i = t.low.find(stem)
        if i < 0 or (0 < i < 3):
            continue
        rest = t.low[i + len(stem):]
        if rest not in _NUMBER_ENDINGS:
            continue
        plural = _NUMBER_ENDINGS[rest]
        form = pl if plural else sg
        plural = plural or (sg == pl and sg.endswith("e") and gender != "f")  # "Grüße"
        return Topic(t.text[:i] + form.lower() if i else form, plural, gender, prep)
    return None


def complement_of(tokens: tuple[Token, ...] | list[Token]) -> Topic | None:
    """The predicative adjective after a reflexive "sich" ("zeigte sich besorgt", "zeigten sich zufrieden"),
    as a topic marked ``process`` (shown as it is)."""
    toks = list(tokens)
    for k, t in enumerate(toks[:-1]):
        if t.low == "sich":
            nxt = next((x for x in toks[k + 1:] if x.low not in ("sehr", "tief", "äußerst", "zutiefst", "erneut",
                                                                  "auch", "zuletzt", "zunehmend")), None)
            if nxt is not None and not nxt.is_upper and nxt.low.isalpha():
                return Topic(nxt.low, False, "", "", True)
    return None


def topic_of(tokens: tuple[Token, ...] | list[Token], after: int = 0,
             names: frozenset[int] = frozenset()) -> Topic | None:
    """The topic noun of a statement clause: the first noun from token ``after`` on (else before it) that
    is not a name (token starts in ``names``), when the resource knows it; a process noun with a topic in
    the genitive keeps both ("Verstärkung der Beziehungen"). A first noun that is no topic means none."""
    toks = list(tokens)
    for part in (toks[after:], toks[:after]):
        for k, t in enumerate(part):
            if not t.is_upper or t.start in names or (k == 0 and part is toks[:after] and after > 0):
                continue
            if t.low in _process_nouns() and k + 2 < len(part) and part[k + 1].low in ("der", "des"):
                inner = _topic_word(part[k + 2])
                if inner is not None:
                    return Topic(f"{t.text} {part[k + 1].text} {part[k + 2].text}", False,
                                 "m" if t.low.startswith(("ausbau", "stopp")) else "f", "", True)
            found = _topic_word(t)
            if found is not None or part is toks[after:]:
                return found
    return None


_CONTRACTIONS = ((" zu der ", " zur "), (" zu dem ", " zum "), (" von dem ", " vom "), (" an dem ", " am "),
                 (" in dem ", " im "), (" in das ", " ins "))


def _contract(text: str) -> str:
    for a, b in _CONTRACTIONS:
        text = text.replace(a, b)
    return text


def _speech(verb: str, a: _Party, b: _Party | None, topic: Topic | None, addressed: bool = False) -> str | None:
    """"Nordkorea lobt Beziehungen zu Russland", "Russland warnt Südkorea", "Putin dankt Kim für Hilfe";
    ``addressed``: ``b`` is the object of the verb in the clause ("Lawrow warnt die USA vor Eskalation")."""
    spec = _templates()["verbs"].get(verb)
    if spec is not None and spec.get("complement"):
        if topic is None or not topic.process or " " in topic.text:
            return None
        text = f"{a.form('nom')} {spec['pl'] if a.plural else spec['sg']} {topic.text}"  # "zeigt sich besorgt"
        return text[:1].upper() + text[1:]
    if spec is None or (spec.get("needs_topic") and topic is None) or (spec.get("object") and b is None):
        return None
    if spec.get("no_topic"):
        topic = None
    v = spec["pl"] if a.plural else spec["sg"]
    case = spec.get("case")
    prep = spec.get("topic_prep")
    parts = [a.form("nom"), v]
    if spec.get("object"):
        parts.append(spec["object"])  # "bestellt Botschafter Russlands ein"
        if b is not None:
            parts.append(b.form(case or "gen"))
    elif topic is not None and prep:
        if b is not None and case and (prep != "vor" or addressed):
            parts.append(b.form(case))
        if prep == "zu":
            parts.append(topic.dative())  # "gratuliert Putin zum Sieg"
        else:
            parts += [prep, topic.text]
    elif topic is not None:
        if b is not None and case == "dat":
            parts += [b.form("dat"), topic.text]  # "sichert Russland Unterstützung zu"
        else:
            parts.append(topic.text)
            if b is not None and topic.prep in ("zu", "mit") and not topic.process:
                parts += [topic.prep, b.form("dat")]  # "lobt Beziehungen zu Russland"
    elif b is not None and case:
        parts.append(b.form(case))
    else:
        return None
    if spec.get("particle"):
        parts.append(spec["particle"])
    text = _contract(" ".join(parts))
    return text[:1].upper() + text[1:]


def act_of(event_type: str, lemmas: tuple[str, ...], words: list[str], arms: bool) -> str | None:
    """The ``[acts]`` entry of an "other" event: a trigger lemma or a word of its clause names what was done."""
    if event_type != "other":
        return None
    for key, spec in _templates()["acts"].items():
        if spec.get("needs_arms") and not arms:
            continue
        if any(x in spec.get("lemmas", ()) for x in lemmas) or any(w in spec["words"] for w in words):
            return key
    return None


def act_object(act: str, tokens: list[Token]) -> str | None:
    """The object of an act as the clause words it ("Separatisten-Gebiete"), by the entry's ``obj_nouns``."""
    nouns = _templates()["acts"][act].get("obj_nouns", ())
    hit = next((t.text.strip('"„“') for t in tokens if t.is_upper and any(n in t.low for n in nouns)), None)
    return hit or None


def act_pattern(act: str) -> str:
    return _templates()["acts"][act]["pattern"]


def complement_topic(event_type: str) -> Topic | None:
    """The topic a statement takes from the act of its complement ("bestätigt Truppenentsendung")."""
    spec = _templates()["complement_topics"].get(event_type)
    return Topic(spec[0], spec[1], spec[2], "") if spec else None


_HEADLINES: dict[tuple, str] = {}


def headline(event_type: str, status: str, actors: tuple[ActorRef, ...], countries: tuple[CountryRef, ...],
             obj: str | None = None, verb: str | None = None, topic: Topic | None = None,
             dest: str | None = None, act: str | None = None, addressee: str | None = None) -> str:
    """The event's headline: a pure function of its (frozen, hashable) arguments, so it is kept per
    argument tuple; the same parties and types come back in article after article."""
    key = (event_type, status, actors, countries, obj, verb, topic, dest, act, addressee)
    try:
        hit = _HEADLINES.get(key)
    except TypeError:  # a list or another unhashable argument: no memo
        return _headline(*key)
    if hit is None:
        if len(_HEADLINES) > 20_000:
            _HEADLINES.clear()
        hit = _HEADLINES[key] = _headline(*key)
    return hit


def _headline(event_type: str, status: str, actors: tuple[ActorRef, ...], countries: tuple[CountryRef, ...],
              obj: str | None, verb: str | None, topic: Topic | None, dest: str | None, act: str | None,
              addressee: str | None = None) -> str:
    # addressee: the state the speech verb takes as its object ("Lawrow warnte die USA vor ...")
    t = _templates()
    people = [_Party(_short(x.name), True, x.country) for x in actors]
    states = [_Party(c.name, False, c.code) for c in countries]
    a = people[0] if people else (states[0] if states else None)
    di = next((i for i, x in enumerate(states) if x.code == dest), None)
    if not people and di is not None and di >= 1 and event_type in _ACTS:
        # "Südkoreas Geheimdienst berichtete, Nordkorea habe Soldaten nach Russland verlegt": the state just
        # before the destination acts (the speaker's state comes first)
        a = states[di - 1]
    actor_states = {x.country for x in actors if x.country}
    rest = [s for s in states if s.code not in actor_states and (a is None or s.name != a.name)]
    goal = next((s for s in rest if s.code == dest), None)  # "... Waffenlieferungen an die Ukraine"
    b = people[1] if len(people) > 1 else (goal or (rest[0] if rest else None))
    person_state = t["person_state"]
    if a is not None and a.person and b is not None and not b.person \
            and event_type in person_state["states_only"]:
        own = next((s for s in states if s.code == actors[0].country), None)
        if own is not None and own.code != b.code:
            a = own  # "Beziehungen zwischen Russland und Nordkorea", not "zwischen Putin und Nordkorea"
    text = None
    if a is not None and verb and event_type in ("statement", "accusation", "denial"):
        text = _speech(verb, a, b, topic, b is not None and not b.person and b.code == addressee)
    if text is None:
        pattern = t["types"].get(event_type, t["types"]["other"])
        if a is not None and act is not None:
            spec = t["acts"][act]
            pattern, obj = spec["pattern"], obj or spec.get("obj", "")
            if people and (actors[0].country is None or not countries or actors[0].country == countries[0].code):
                a = people[0]  # "Putin erkennt ... an": the person acts (not a guest of another state)
            elif states:
                a = states[0]
        elif a is None:
            pattern = t["fallback"].get(event_type, t["fallback"]["other"])
        elif not people and states and all(c.role == "target" for c in countries) \
                and event_type in t["target_only"]:
            pattern = t["target_only"][event_type]  # "Vorwürfe gegen Nordkorea": the accuser is not named
        elif b is None:
            pattern = t["single"].get(event_type, pattern)
        elif a.person and not b.person and event_type in person_state:
            pattern = person_state[event_type]
        elif event_type == "statement" and topic is not None:
            pattern = "{a} [äußert|äußern] sich {t}" + (
                f" {topic.prep} {{b:dat}}" if topic.prep in ("zu", "mit") and not topic.process else "")
        text = _render(pattern, a, b, obj or t["objects"].get(event_type, ""), topic.dative() if topic else "")
    suffix = t["status"].get(status, "")
    return f"{text} {suffix}".strip()
