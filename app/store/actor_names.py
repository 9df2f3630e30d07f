"""A typed actor name in a filter (``?actor=Kim Jong-un``) → the name the actor is stored under.

Actors are stored under the canonical name of the extraction lexicon (``app/extract/resources``):
"Kim Jong Un", "Sergej Lawrow". Analysts type what they know: "Kim Jong-un", "Kim Dschong Un",
"Lavrov", "Putin". A typed value resolves, ignoring case, to the canonical name when it is a full
form of one listed person (every transliteration the lexicon generates) or the surname of exactly
one listed person; the value as typed is always looked up too, so a person the lexicon does not
list (stored under the name the article gave) still matches. A surname shared by several persons
("Kim") resolves to nobody: a filter must not guess.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from app.extract.lexicon import LEXICON


@cache
def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for p in LEXICON.persons.values():
        for form in (p.name, *p.aliases):
            out.setdefault(form.casefold(), p.name)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for p in LEXICON.persons.values():
        for s in p.surnames:
            by_surname[s.casefold()].add(p.name)
    for s, names in by_surname.items():
        if len(names) == 1:
            out.setdefault(s, next(iter(names)))
    return out


def canonical(typed: str) -> str:
    """The stored name for a typed actor name (the typed value itself when the lexicon has none)."""
    return _index().get(" ".join(typed.split()).casefold(), typed)


def lookup_keys(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Lower-cased names to look up → the value as typed, for the non-numeric actor values of a
    filter: the value itself and its canonical name (the SQL side compares ``lower(actor.name)``)."""
    out: dict[str, str] = {}
    for v in values:
        if not v.isdigit():
            out.setdefault(v.lower(), v)
            out.setdefault(canonical(v).lower(), v)
    return out
