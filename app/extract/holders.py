"""Claim holders as clean noun phrases: who says, suspects or denies what an event claims.

A holder is taken from the words of an attribution ("laut dem südkoreanischen Verteidigungsminister",
"nach Erkenntnissen westlicher Staaten", "Wie der ukrainische Militärgeheimdienst am Abend mitteilte")
and shown as
- the persons it names ("Shin Won Sik"), else
- the noun phrase in the nominative when its head is an institution or group ("der ukrainische
  Militärgeheimdienst", "westliche Staaten", "der Westen", "Vereinigte Staaten und Verbündete"), else
- the states it names ("USA", "Ukraine": "nach Angaben der USA und der Ukraine", "laut Kiew").

The phrase ends before a preposition or a time word ("am Abend", "in Tokio"). A document or
utterance noun ("laut Aussage", "in dem Schreiben") is no holder; its genitive is ("laut einer
Erklärung des Kremls"). A source compound names its author ("Geheimdienstschätzungen" ->
"Geheimdienste"). Word lists: ``resources/events/holders.toml``.

Normalisation is by rule, not by a morphological lexicon: determiners become the nominative article
of the head's gender (by word ending), adjective endings become "-e", a genitive "-s"/"-es" and a
dative plural "-n" are dropped. Unknown genders keep no article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .clauses import Token, load_toml
from .model import Mention

_DETERMINERS = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einem", "einen",
                          "einer"})
_POSSESSIVES = frozenset({"ihre", "ihren", "ihrer", "ihrem", "ihres", "seine", "seinen", "seiner", "seinem",
                          "seines", "unsere", "unseren", "unserer", "deren", "dessen"})
_CONJ = frozenset({"und", "sowie", "oder"})
_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr", "dieser", "diese", "jener"})
_GENITIVE_DETS = frozenset({"des", "der", "eines", "einer"})
_ADJ_ENDINGS = ("en", "er", "em", "es")


@dataclass(frozen=True)
class _Words:
    stops: frozenset[str]
    documents: frozenset[str]
    compound_heads: tuple[str, ...]
    compound_display: dict[str, str]
    plural: tuple[str, ...]
    plural_dative: tuple[str, ...]
    genders: tuple[tuple[str, str], ...]  # (ending, article), longest ending first
    adjectives: dict[str, str]


@cache
def _words() -> _Words:
    c = load_toml("holders.toml")
    plural = tuple(c["nouns"]["plural"])
    genders = [(w, "der") for w in c["nouns"]["masculine"]] + [(w, "die") for w in c["nouns"]["feminine"]] + \
        [(w, "das") for w in c["nouns"]["neuter"]]
    genders.sort(key=lambda x: len(x[0]), reverse=True)
    return _Words(
        stops=frozenset(c["cut"]["prepositions"]) | frozenset(c["cut"]["time_nouns"]),
        documents=frozenset(c["documents"]["nouns"]),
        compound_heads=tuple(c["compounds"]["heads"]),
        compound_display=dict(c["compounds"]["display"]),
        plural=plural,
        plural_dative=tuple(p + "n" for p in plural if not p.endswith("n")),
        genders=tuple(genders),
        adjectives=dict(c["adjectives"]),
    )


def is_stop(low: str) -> bool:
    """A word that ends a holder phrase (a preposition or a time word)."""
    return low in _words().stops


def cut(tokens: list[Token]) -> list[Token]:
    """The holder phrase: the words up to the first preposition or time word after its first word."""
    out: list[Token] = []
    for t in tokens:
        if not t.is_word:
            break
        if is_stop(t.low) and out:
            break
        if is_stop(t.low):
            continue
        if out and out[-1].is_upper and out[-1].low not in _DETERMINERS and not t.is_upper \
                and t.low not in _DETERMINERS and t.low not in _CONJ:
            break  # "der USA und der Ukraine ballistische Raketen": a new noun phrase begins
        out.append(t)
    return out


def _is_plural(low: str) -> bool:
    w = _words()
    return low.endswith(w.plural) or low.endswith(w.plural_dative)


def _article(low: str) -> str | None:
    for ending, art in _words().genders:
        if low.endswith(ending):
            return art
    return None


def _adjective(word: str) -> str:
    low = word.lower()
    if low.endswith(_ADJ_ENDINGS) and len(low) > 4:
        return word[:-2] + "e" if not low.endswith("e") else word
    return word


def _singular_head(word: str, det: str | None) -> str:
    """Drop a genitive "-s"/"-es" ("des Kremls", "des Rates") and a weak noun's "-en" ("dem Präsidenten")."""
    low = word.lower()
    if det in ("des", "eines") and low.endswith("s") and len(low) > 4:
        if low.endswith("es") and low[-3] in "tdsßzx" and not low.endswith("nes"):
            return word[:-2]
        return word[:-1]
    if det in ("dem", "den", "des", "einem", "einen", "eines") and low.endswith("en"):
        stem = low[:-2]
        for ending, art in _words().genders:
            if art == "der" and stem.endswith(ending) and not ending.endswith("e"):
                return word[:-2]
        for ending, art in _words().genders:
            if art == "der" and ending.endswith("e") and (stem + "e").endswith(ending):
                return word[:-1]
    return word


def _plural_head(word: str) -> str:
    low = word.lower()
    if low.endswith(_words().plural_dative):
        return word[:-1]
    return word


def _part(tokens: list[Token]) -> str:
    """One noun phrase (no coordination) in the nominative."""
    toks = [t for t in tokens if t.low not in _POSSESSIVES]
    if not toks:
        return ""
    det = toks[0].low if toks[0].low in _DETERMINERS else None
    body = toks[1:] if det else toks
    # the head: the last capitalised word before a genitive attribute ("Sprecher des Kremls")
    end = len(body)
    for k in range(1, len(body)):
        if body[k].low in _GENITIVE_DETS and any(t.is_upper for t in body[:k]):
            end = k
            break
    core, rest = body[:end], body[end:]
    heads = [k for k, t in enumerate(core) if t.is_upper]
    if not heads:
        return " ".join(t.text for t in toks)
    h = heads[-1]
    # modifiers: lower-case adjectives, and capitalised ones only when they look like adjectives
    # ("Vereinigten Staaten"); other capitalised words before the head ("Pentagon-Sprecherin Sabrina")
    # leave the phrase as written
    mods = core[:h]
    if any(t.is_upper and not t.low.endswith(_ADJ_ENDINGS + ("e",)) for t in mods):
        words = [t.text for t in core]
        return " ".join(words + [t.text for t in rest])
    head = core[h].text
    plural = _is_plural(core[h].low) or (det is None and any(t.low.endswith("er") for t in mods)
                                         and core[h].low.endswith("en"))
    if plural:
        head = _plural_head(head)
        art = None
    else:
        head = _singular_head(head, det)
        art = _article(head.lower())
        if art is None and det in ("der", "die", "das") and len(mods) > 0:
            art = det  # a subject's own article ("der lettische Grenzschutz")
        if det is None:
            art = None  # "Regierungssprecher Hayashi": no article was written
    words = ([art] if art else []) + [_adjective(t.text) for t in mods] + [head] + [t.text for t in rest]
    return " ".join(words)


def nominative(tokens: list[Token]) -> str:
    """The holder phrase in the nominative, coordinations normalised part by part."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.low in _CONJ:
            parts.append([])
        else:
            parts[-1].append(t)
    shown = [p for p in (_part(x) for x in parts if x) if p]
    text = " und ".join(shown)
    return text


def _document_genitive(tokens: list[Token]) -> list[Token] | None:
    """For a document noun head ("Aussage", "Schreiben"), its genitive attribute, or None."""
    for k, t in enumerate(tokens):
        if t.is_upper and t.low in _words().documents:
            rest = tokens[k + 1:]
            if rest and rest[0].low in _GENITIVE_DETS:
                return rest
            return []
    return None


def _compound_source(tok: Token) -> str | None:
    """"Geheimdienstschätzungen" -> "Geheimdienste"; "Regierungsangaben" -> "Regierung"."""
    w = _words()
    low = tok.low
    for head in w.compound_heads:
        if low.endswith(head) and len(low) > len(head) + 2:
            first = low[: -len(head)].rstrip("-")
            if first in w.compound_display:
                return w.compound_display[first]
            if first.endswith("s") and first[:-1] in w.compound_display:
                return w.compound_display[first[:-1]]
            return None
    return None


def _first_phrase(toks: list[Token], inside: list[Mention]) -> list[Token]:
    """Up to a second common noun right after a head noun ("amerikanischer Geheimdienste | Millionen
    Granaten"); names the mentions cover stay ("Regierungssprecher Yoshimasa Hayashi")."""
    out: list[Token] = []
    head = False
    for t in toks:
        covered = any(m.start <= t.start < m.end for m in inside)
        if head and t.is_upper and not covered and t.low not in _DETERMINERS and out \
                and out[-1].is_upper and out[-1].low not in _DETERMINERS:
            break
        out.append(t)
        if t.low in _CONJ:
            head = False
        elif t.is_upper and t.low not in _DETERMINERS:
            head = True
    return out or toks


def display(tokens: list[Token], inside: list[Mention]) -> tuple[str, ...]:
    """The holder names of an attribution phrase (see module doc); () when it names no one."""
    toks = cut(list(tokens))
    if not toks or (len(toks) == 1 and toks[0].low in _PRONOUNS):
        return ()  # "teilte er mit": the pronoun names no one by itself
    toks = _first_phrase(toks, inside)
    in_span = [m for m in inside if toks[0].start <= m.start and m.end <= toks[-1].end]
    persons = tuple(dict.fromkeys(m.key for m in in_span if m.kind == "actor"))
    if persons:
        return persons
    states = tuple(dict.fromkeys(m.label or m.text for m in in_span if m.kind == "country"))
    if len(toks) == 1 and toks[0].is_upper:
        compound = _compound_source(toks[0])
        if compound:
            return (compound,)
        if states:
            return states  # "nach US-Erkenntnissen", "laut Kiew"
    doc = _document_genitive(toks)
    if doc is not None:
        if not doc:
            return states  # "Ukrainischen Daten zufolge"; "laut Aussage" names no one
        toks = doc
        in_span = [m for m in in_span if toks[0].start <= m.start]
        states = tuple(dict.fromkeys(m.label or m.text for m in in_span if m.kind == "country"))
    # heads that are states themselves ("der USA", "Kiew", "Russlands"): the states
    uppers = [t for t in toks if t.is_upper and t.low not in _DETERMINERS]
    if not uppers:
        # a lone adjective ("nach südkoreanischen Schätzungen", "nach westlichen Erkenntnissen")
        if states:
            return states
        stem = toks[-1].low.rstrip("nrsme")
        return (_words().adjectives[stem],) if stem in _words().adjectives else ()
    covered = [any(m.start <= t.start and t.end <= m.end for m in in_span if m.kind == "country") for t in uppers]
    if states and covered and all(covered):
        return states
    phrase = nominative(toks)
    return (phrase,) if phrase else states
