"""Negated clauses: "Eine Stellungnahme liegt nicht vor", "Es gab keine Bestätigung", "Kim war nie in
Moskau" state that something did NOT happen, so they are no event.

Rules (cue words in ``resources/events/cues.toml`` ``[negation]``):
- a negator ("nicht", "nie", "kein-", "weder") in the clause's own words negates its event; the scope is
  the clause (a negated "dass" complement does not negate the speech clause before it);
- not a negation: "nicht nur/zuletzt/selten/erst ..." and other fixed phrases (``not_after``),
  comparisons ("wie nie zuvor"), and a negator inside a quotation (the quoted words are what a
  speaker said: the statement happened);
- "weder bestätigt noch dementiert" and the other ``[denial] not_denial`` phrases are statements,
  and denials (the event is the act of denying) are never suppressed - both decided by the caller;
- a nominal event inside a clause is negated only when a negator stands in its own noun phrase
  ("keine Waffenlieferungen"), not by a negated predicate around it ("Seit dem Besuch gab es keine
  Gespräche": the visit happened).

False-positive policy: when in doubt the event stays; a negator must be a whole word of the clause.
"""

from __future__ import annotations

from functools import cache

from .clauses import Token, load_toml

_QUOTES = frozenset("„“”\"«»")


@cache
def _cfg() -> dict:
    c = load_toml("cues.toml")["negation"]
    return {"words": frozenset(c["words"]), "not_after": frozenset(c["not_after"]),
            "not_before": frozenset(c["not_before"]),
            "not_only": tuple(tuple(p.split()) for p in c["not_only"]),
            "not_excluded": frozenset(load_toml("cues.toml")["speculative"]["not_excluded_verbs"])}


def in_quote(text: str, start: int, pos: int) -> bool:
    """``pos`` lies inside a quotation or a parenthesis opened after ``start`` (quote marks toggle):
    quoted words are what someone said, a parenthesis is a remark aside ("(nicht abgebildet)")."""
    before = text[start:pos]
    return sum(1 for ch in before if ch in _QUOTES) % 2 == 1 or before.count("(") > before.count(")")


def negators(toks: tuple[Token, ...] | list[Token], text: str = "", quote_from: int | None = None) -> list[int]:
    """Indices of the tokens that negate the predicate of these words."""
    cfg = _cfg()
    out = []
    lows = [t.low for t in toks]
    if cfg["words"].isdisjoint(lows):
        return out  # no negation word at all (most clauses)
    hedged = "nicht" in lows and ("auszuschließen" in lows or "ausgeschlossen" in lows or (
        "aus" in lows and not cfg["not_excluded"].isdisjoint(lows)))
    for i, t in enumerate(toks):
        if t.low not in cfg["words"]:
            continue
        if hedged and t.low == "nicht":
            continue  # "schließt ... nicht mehr aus": a hedge (status.py), not a negation
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        prv = toks[i - 1].low if i else ""
        if nxt in cfg["not_after"] or prv in cfg["not_before"]:
            continue
        if text and quote_from is not None and in_quote(text, quote_from, t.start):
            continue
        out.append(i)
    return out


def is_negated(toks: tuple[Token, ...] | list[Token], text: str = "", quote_from: int | None = None) -> bool:
    return bool(negators(toks, text, quote_from))


def not_only_at(toks: tuple[Token, ...] | list[Token]) -> bool:
    """The words hold "nicht nur" (the first half of "nicht nur ..., sondern auch ...")."""
    lows = [t.low for t in toks]
    firsts = _not_only_firsts()
    if firsts is not None and firsts.isdisjoint(lows):
        return False  # no phrase can start here
    return any(tuple(lows[i:i + len(p)]) == p for p in _cfg()["not_only"] for i in range(len(lows)))


@cache
def _not_only_firsts() -> frozenset[str] | None:
    phrases = _cfg()["not_only"]
    return None if any(not p for p in phrases) else frozenset(p[0] for p in phrases)
