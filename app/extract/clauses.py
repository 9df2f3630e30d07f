"""Words and clauses of a sentence, with offsets into the document text.

Heuristics (no parser): a sentence is cut into clauses at semicolons, colons and spaced dashes; at
a comma when the next word opens a clause (a subordinator such as "dass", "weil", "um", a relative
pronoun, a coordinating conjunction, or any lower-case word: in German a comma followed by a
lower-case word is almost always a clause boundary or a verb-second reporting tail ", sagte X");
and at "und"/"sowie"/"sondern"/"aber" without a comma when a finite verb follows ("... gereist
und hatte dort ..."). A comma before a capitalised word (appositions: "Kim Jong Un, der Vater")
and before the words in ``no_split`` (enumerations: ", insbesondere Artillerie") does not cut -
unless that word is followed by an indicative finite verb ("-t") and the clause before has a finite
verb too (two main clauses side by side: "Nordkorea lobt die Beziehungen, Putin trifft Choe"; not
reported speech: "Lawrow sagte, Russland werde ...").

False-positive policy: cutting too often only costs a trigger its context in the neighbouring
fragment; cutting too rarely merges two events into one citation, which the one-to-one scorer and
the timeline cannot undo. So the splitter errs on the side of cutting.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources" / "events"

_TOKEN = re.compile(r"\d+(?:[.,']\d+)+|[^\W_]+(?:[-‐'’.][^\W_]+)*-?|[^\w\s]", re.UNICODE)


class Token:
    """One word or punctuation mark. ``is_word``/``is_upper`` (first character alphanumeric / upper
    case) are computed once here: every stage asks them of every token many times.

    A plain class with slots rather than a frozen dataclass, because tokens are made by the
    thousand per article; it compares, hashes and prints like the dataclass it replaces and is
    not meant to be changed after construction."""

    __slots__ = ("start", "end", "text", "low", "is_word", "is_upper")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start = start  # offsets into the document text
        self.end = end
        self.text = text
        self.low = low
        first = text[0]
        self.is_word = first.isalnum()
        self.is_upper = first.isupper()

    def _key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.text, self.low)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r}, low={self.low!r})"


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    tokens: tuple[Token, ...]  # words only, no punctuation
    sentence_index: int
    position: int  # index of the clause within its sentence
    lead: str  # the lower-cased first word ("dass", "und", "die", ...)
    after_comma: bool  # the clause was cut off at a comma


@cache
def load_toml(name: str) -> dict:
    with (RESOURCES / name).open("rb") as fh:
        return tomllib.load(fh)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation marks of ``text``; offsets shifted by ``offset``."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        s, e = m.span()
        out.append(Token(s + offset, e + offset, w, w.lower()))
    return out


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    c = load_toml("cues.toml")["clauses"]
    openers = frozenset(c["subordinators"]) | frozenset(c["relatives"]) | frozenset(c["conjunctions"])
    return (openers, frozenset(c["no_split"]), frozenset(c["finite"]), frozenset(c["prepositions"]),
            frozenset(c["relatives"]))


_DASHES = {"–", "—", "-", ";", ":"}
# a clause-final auxiliary or infinitive is no adjective ("verlegt worden, sagte Pentagon-Sprecherin ...")
_AUX_END = frozenset({"worden", "werden", "haben", "sein", "gewesen", "lassen"})
_ADJ = ("en", "er", "es", "em", "e")
_COORD = {"und", "sowie", "sondern", "aber", "doch", "oder"}


_AUXILIARIES = frozenset({"hat", "hatte", "hatten", "haben", "habe", "hätten", "hätte", "ist", "war", "waren", "sind",
                          "sei", "seien", "wurde", "wurden", "worden"})
_INSEP_PREFIXES = ("be", "er", "ver", "zer", "ent", "emp", "über", "unter")
# the second participle phrase has a time of its own: it opens with one of these or names a month, weekday or year
_TIME_LEADS = frozenset({"im", "am", "anschließend", "danach", "später", "zuvor", "dann", "kurz", "bereits", "seit",
                         "vor", "nach", "zuletzt", "schließlich"})
_TIME_WORDS = frozenset({"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                         "november", "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                         "sonntag", "jahr", "monat", "woche"})


def participle_like(w: str) -> bool:
    """A lower-case past participle by its shape: "gestartet", "vorgenommen", "stationiert", "verhängt"."""
    if len(w) < 6 or not w.endswith(("t", "en")) or not w.isalpha() or not w.islower():
        return False
    return w.startswith("ge") or "ge" in w[2:7] or w.endswith("iert") or w.startswith(_INSEP_PREFIXES)


def _shared_auxiliary(piece: list[Token], toks: list[Token], i: int, finite: frozenset[str],
                      is_finite: callable | None) -> bool:  # type: ignore[valid-type]
    """ "und" at ``i`` joins two participle phrases of one auxiliary, each with its own time ("hatte im Januar
    einen Atomtest vorgenommen und im Februar eine Rakete gestartet"): the clause before has an auxiliary and
    ends in a participle; the words after it, up to the next punctuation mark, have no finite verb, at least
    two words, a time word, and end in a participle."""
    if not piece or piece[-1].is_upper or not participle_like(piece[-1].low) \
            or not any(t.low in _AUXILIARIES for t in piece):
        return False
    seg: list[Token] = []
    for t in toks[i + 1:]:
        if not t.is_word or t.low in _COORD:
            break
        seg.append(t)
    if len(seg) < 2 or seg[-1].is_upper or not participle_like(seg[-1].low):
        return False
    if seg[0].low not in _TIME_LEADS and not any(t.low in _TIME_WORDS or t.low.isdigit() for t in seg):
        return False  # "telefoniert und ihre Freundschaft beschworen": one act told twice, no time of its own
    return not any(t.low in finite or t.low in _AUXILIARIES or (is_finite is not None and is_finite(t.low))
                   for t in seg[:-1])


def split_clauses(text: str, offset: int, sentence_index: int,
                  is_finite: callable | None = None) -> list[Clause]:  # type: ignore[valid-type]
    """Cut one sentence (``text`` starting at document offset ``offset``) into clauses.

    ``is_finite(word)`` may tell whether a lower-cased word is a finite verb form (used to cut at a
    bare "und"); the clause-boundary words come from ``cues.toml``.
    """
    openers, no_split, finite, preps, relatives = _rules()
    toks = tokenize(text, offset)
    pieces: list[list[Token]] = [[]]
    flags: list[bool] = [False]

    def cut(after_comma: bool) -> None:
        if pieces[-1]:
            pieces.append([])
            flags.append(after_comma)

    n = len(toks)
    for i, t in enumerate(toks):
        if not t.is_word:
            if t.text in _DASHES:
                # a hyphen glued to a word is part of a compound ("Einsatz- und"), handled by the regex
                cut(False)
            elif t.text == ",":
                j = i + 1
                while j < n and not toks[j].is_word:
                    j += 1
                if j >= n:
                    continue
                nxt = toks[j]
                two = f"{nxt.low} {toks[j + 1].low}" if j + 1 < n else ""
                if nxt.low in no_split or two in no_split:
                    continue
                if nxt.low in preps and nxt.low not in openers:
                    if j + 1 < n and toks[j + 1].low in relatives:
                        cut(True)
                    continue
                prev = toks[i - 1] if i else None
                verb_next = is_finite is not None and nxt.low.endswith("te") and is_finite(nxt.low)
                if prev is not None and prev.is_word and not prev.is_upper and nxt.low not in openers \
                        and not verb_next and prev.low not in _AUX_END \
                        and prev.low.endswith(_ADJ) and (nxt.low.endswith(_ADJ) or _adverb_adjective(toks, j, i)) \
                        and any(t.is_upper for t in toks[j + 1:j + 3]):
                    continue  # "dem zurückgezogenen, atomar bewaffneten Land": adjectives of one noun
                if nxt.low in openers or not nxt.is_upper:
                    cut(True)
                elif j + 1 < n and toks[j + 1].is_word and not toks[j + 1].is_upper and is_finite is not None \
                        and toks[j + 1].low.endswith("t") and is_finite(toks[j + 1].low) \
                        and any(w.low in finite or is_finite(w.low) for w in pieces[-1]):
                    cut(True)  # "Nordkorea lobt die Beziehungen, Putin trifft ...": two main clauses
            continue
        if t.low in _COORD and pieces[-1] and i + 1 < n and toks[i + 1].is_word:
            nxt = toks[i + 1].low
            if nxt in finite or (is_finite is not None and is_finite(nxt)):
                cut(False)
            elif t.low == "und" and _shared_auxiliary(pieces[-1], toks, i, finite, is_finite):
                cut(False)  # "hatte im Januar einen Atomtest vorgenommen und im Februar eine Rakete gestartet"
        pieces[-1].append(t)

    out: list[Clause] = []
    for words, after_comma in zip(pieces, flags, strict=True):
        if not words:
            continue
        out.append(Clause(words[0].start, words[-1].end, tuple(words), sentence_index, len(out),
                          words[0].low, after_comma))
    return _merge_short(_join_appositions(out, finite, is_finite))


def _join_appositions(clauses: list[Clause], finite: frozenset[str],
                      is_finite: callable | None) -> list[Clause]:  # type: ignore[valid-type]
    """ "Kim Jong Il, der Vater des heutigen Machthabers, fuhr 2001 nach Moskau": a subject, an apposition
    opened by an article (no verb, so no relative clause) and the verb-second rest are one clause."""
    def verb(w: Token) -> bool:
        return not w.is_upper and (w.low in finite or (is_finite is not None and is_finite(w.low)))

    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        c = clauses[i]
        if i + 2 < len(clauses):
            app, rest = clauses[i + 1], clauses[i + 2]
            if app.after_comma and app.lead in _DET and not any(verb(w) for w in app.tokens) \
                    and rest.after_comma and verb(rest.tokens[0]) \
                    and not any(verb(w) for w in c.tokens) and any(w.is_upper for w in c.tokens[1:] or c.tokens):
                out.append(Clause(c.start, rest.end, c.tokens + app.tokens + rest.tokens, c.sentence_index,
                                  len(out), c.lead, c.after_comma))
                i += 3
                continue
        # a clause already at its position is kept as it is (a frozen dataclass is slow to build)
        out.append(c if c.position == len(out) else
                   Clause(c.start, c.end, c.tokens, c.sentence_index, len(out), c.lead, c.after_comma))
        i += 1
    return out


_DET = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"})


def _adverb_adjective(toks: list[Token], j: int, comma: int) -> bool:
    """ "dem zurückgezogenen, atomar bewaffneten Land": after the comma an adverb and an adjective
    before a noun, and before it a determiner with an adjective (no verb can stand there)."""
    return j + 2 < len(toks) and toks[j + 1].is_word and not toks[j + 1].is_upper \
        and toks[j + 1].low.endswith(_ADJ) and toks[j + 2].is_upper \
        and comma >= 2 and toks[comma - 2].low in _DET


def _merge_short(clauses: list[Clause]) -> list[Clause]:
    """A fragment of one word cannot hold an event: glue it to its left neighbour."""
    out: list[Clause] = []
    for c in clauses:
        if out and len(c.tokens) < 2:
            p = out[-1]
            out[-1] = Clause(p.start, c.end, p.tokens + c.tokens, p.sentence_index, p.position, p.lead,
                             p.after_comma)
        else:
            out.append(c if c.position == len(out) else
                       Clause(c.start, c.end, c.tokens, c.sentence_index, len(out), c.lead, c.after_comma))
    return out
