"""Small, rule-based coreference for the event stage: which persons a pronoun, a relative pronoun,
a subject ellipsis or a plural group ("beide", "die beiden Staatschefs") stands for.

Persons are the actor mentions of the entities stage that name a person (organisations and hyphen
compounds such as "Putin-Besuch" are not persons). Rules, in German word order terms:

* relative pronoun: a clause opened by "der/den/dem/welcher" (or "die/welche" for a woman) right
  after a comma that follows a person's name refers to that person ("Kim Jong Un, der versprochen
  hat"); with anything else between name and comma it refers to something else;
* personal pronoun "er" (or "sie" for a known woman): the first person named earlier in the same
  sentence, else the subject (first-named person) of the most recent earlier sentence that named a
  person of that gender;
* subject ellipsis: "... und begrüßte ..." / "..., warnte aber ..." with no person of its own takes the
  subject of the clause before it in the same sentence;
* plural group: "beide" as a pronoun (not "beide Länder") or "die beiden" + a noun for persons
  (``[coref] group_nouns`` in cues.toml) stands for the two most recently named distinct persons of
  this or the previous sentence; not inside a relative clause ("Staaten, die beide ...": states);
* gender: a person is known to be a woman when one of their mentions uses a feminine role noun
  ("Außenministerin Choe"); otherwise treated as male/unknown.

Whether a role mention without a name ("der Kremlchef") counts as an actor is decided by
:func:`named_in_text`: only when the person's name is written somewhere in the article (otherwise
the reader cannot tell who is meant, and the annotation scheme lists names the text yields).

False-positive policy: a pronoun without a fitting antecedent resolves to nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from .clauses import Token, load_toml
from .model import Mention

_NAMED = frozenset({"name", "surname", "role+name", "unknown"})
_BETWEEN = re.compile(r"^[\s,»«\"“”„'’)]*,[\s»«\"“”„'’]*$")
_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset({"ein", "eine", "einen", "einem", "der", "die", "das", "den", "dem", "sich", "am", "im",
                             "auch", "außerdem", "zudem", "bereits", "dabei", "noch", "nun", "zunächst", "erstmals"})
_MASC_REL = frozenset({"der", "den", "dem", "welcher", "welchen", "welchem"})
_FEM_REL = frozenset({"die", "welche"})


@cache
def _cfg() -> dict:
    c = load_toml("cues.toml")["coref"]
    return {"group_nouns": tuple(w.lower() for w in c["group_nouns"]),
            "group_pronouns": frozenset(c["group_pronouns"])}


def is_person(m: Mention) -> bool:
    return m.kind == "actor" and m.label != "organisation" and getattr(m, "via", "name") != "compound"


def named_in_text(mentions: Iterable[Mention]) -> frozenset[str]:
    """Persons whose name (not just a role) is written in the text."""
    return frozenset(m.key for m in mentions if is_person(m) and getattr(m, "via", "name") in _NAMED)


def women(mentions: Iterable[Mention]) -> frozenset[str]:
    """Persons introduced with a feminine role noun ("Außenministerin", "Präsidentin")."""
    out = set()
    for m in mentions:
        if not is_person(m) or not m.label or m.label in ("person", "organisation"):
            continue
        stem = m.label.lower().replace("ß", "ss")
        for w in m.text.lower().replace("ß", "ss").split():
            if w.endswith("in") and w[:-2].endswith(stem[-6:]) and len(w) > len(stem[-6:]) + 1:
                out.add(m.key)
    return frozenset(out)


@dataclass
class Tracker:
    """Walks an article sentence by sentence and remembers who was named."""

    text: str
    persons: list[Mention]  # person mentions of the whole article, by offset
    female: frozenset[str]
    subjects: list[str]  # subject (first-named person) of each earlier sentence that named one
    recent: list[str]  # distinct persons, most recent last
    last: list[str] = field(default_factory=list)  # persons of the previous sentence, in order

    @classmethod
    def of(cls, text: str, mentions: list[Mention]) -> Tracker:
        persons = [m for m in mentions if is_person(m)]
        return cls(text, persons, women(persons), [], [])

    def _before(self, sent_start: int, pos: int) -> list[Mention]:
        return [m for m in self.persons if sent_start <= m.start and m.end <= pos]

    def relative(self, lead: str, clause_start: int, sent_start: int) -> str | None:
        """The person a relative clause opened by ``lead`` at ``clause_start`` refers to."""
        if lead not in _MASC_REL and lead not in _FEM_REL:
            return None
        before = self._before(sent_start, clause_start)
        if not before:
            return None
        m = before[-1]
        gap = self.text[m.end:clause_start]
        if not _BETWEEN.match(gap):
            # the verb may close the main clause first ("... mit Lawrow zu empfangen, der ..."): a few
            # lower-case words, no other noun, between the name and the comma
            words = _WORD.findall(gap.rsplit(",", 1)[0]) if gap.rstrip().endswith(",") else []
            if not words or len(words) > 3 or any(w[0].isupper() for w in words):
                return None
        female = m.key in self.female
        if (lead in _FEM_REL) != female:
            return None
        return m.key

    def pronoun(self, word: str, pos: int, sent_start: int) -> str | None:
        """The person "er" (or "sie" for a known woman) at ``pos`` refers to."""
        want_female = word == "sie"
        for m in self._before(sent_start, pos):
            if (m.key in self.female) == want_female:
                return m.key
        for key in reversed(self.subjects):
            if (key in self.female) == want_female:
                return key
        return None

    def group(self, lows: list[str], tokens: tuple[Token, ...], pos: int, sent_start: int) -> list[str]:
        """The two persons "beide"/"die beiden Staatschefs" stands for ([] when not such a group)."""
        cfg = _cfg()
        if cfg["group_pronouns"].isdisjoint(lows):
            return []  # no "beide" at all (most clauses)
        hit = False
        sure = False  # certainly persons: a person noun follows, or a verb or function word
        for i, w in enumerate(lows):
            if w in cfg["group_pronouns"]:
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is None or not nxt.is_upper:
                    hit = True  # "Beide hätten vereinbart" (pronoun, not "beide Länder")
                    if nxt is None or nxt.low in _FUNCTION_WORDS:
                        sure = True
                    else:
                        from .events import is_finite_verb
                        sure = is_finite_verb(nxt.low)
                elif nxt.low.startswith(cfg["group_nouns"]):
                    hit = sure = True  # "die beiden Staats- und Regierungschefs"
            if hit:
                break
        if not hit:
            return []
        names = [m.key for m in self._before(sent_start, pos)]
        seq = list(dict.fromkeys(reversed(self.last + names)))
        if len(seq) < 2 and seq and sure:
            # "Für Sonntag ist ein Treffen mit Putin geplant. Dabei wollen die beiden ...": the partner
            # named one sentence earlier still counts (the persons named most recently)
            seq = list(dict.fromkeys(seq + list(reversed(self.recent[-3:]))))
        return list(reversed(seq[:2])) if len(seq) >= 2 else []

    def end_sentence(self, sent_start: int, sent_end: int) -> None:
        inside = [m.key for m in self.persons if sent_start <= m.start and m.end <= sent_end]
        self.last = inside
        if inside:
            self.subjects.append(inside[0])
            for k in inside:
                if k in self.recent:
                    self.recent.remove(k)
                self.recent.append(k)
