"""Required literals of a regular expression: a cheap test that lets a search be skipped.

``required(pattern)`` reads the parsed pattern and returns strings of which every match must
contain at least one (or None when no such set is known). ``may_match(need, folded, line, low)``
then tells in a few substring tests whether the pattern can match at all; only then is the real
search run, so results are exactly those of the search. Most lines of running text hold none of
a boilerplate rule's literals, and an unanchored search tries every position of the line.

Case-insensitive patterns are tested against the lower-cased line with their lower-cased literals,
using only characters that nothing but their own upper and lower case match under
``re.IGNORECASE`` (ASCII but ``i``, ``k`` and ``s``: the dotted capital I, the Kelvin sign and the
long s match them too; a few caseless marks such as ``©``); a literal is cut at every other
character, since any piece of a required literal is required too. ``tests/test_speed_literals.py`` checks these claims.
"""

from __future__ import annotations

import re
import string
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser  # type: ignore[attr-defined]

# ASCII characters that, under re.IGNORECASE, match only their own two cases (and whose lower case no
# other character's lower case contains): the literals usable against a lower-cased line.
FOLD_SAFE = frozenset(c for c in string.printable if c.lower() not in "iks") | frozenset("©®°§€–—„“”‚‘’«»·…")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


def _pieces(run: str, folded: bool) -> list[str]:
    """The usable parts of a literal run (for a folded pattern: lower case, fold-safe characters)."""
    if not folded:
        return [run]
    out, cur = [], []
    for ch in run.lower():
        if ch in FOLD_SAFE:
            cur.append(ch)
        else:
            out.append("".join(cur))
            cur = []
    out.append("".join(cur))
    return [p for p in out if p]


_COMMON = frozenset(string.ascii_letters + string.digits + " .,-")


def _weight(lit: str) -> int:
    """How rarely a literal occurs in running text, roughly: its length, marks other than the common
    ones ("©", "(", "/") counting three times."""
    return sum(1 if ch in _COMMON else 3 for ch in lit)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective alternative set (the rarest weakest literal, then fewest literals)."""
    if not options:
        return None
    return max(options, key=lambda s: (min(map(_weight, s)), -len(s)))


def _seq(items, folded: bool) -> frozenset[str] | None:
    """Literals one of which every match of the sequence ``items`` contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.extend(frozenset({p}) for p in _pieces("".join(run), folded))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None  # scoped flags change what a literal matches: no claim
            got = _seq(sub, folded)
        elif op is C.BRANCH:
            alts = [_seq(b, folded) for b in av[1]]
            got = None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            got = _seq(av[2], folded)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            got = _seq(av, folded)
        else:
            got = None
        if got:
            options.append(got)
    flush()
    return _best(options)


def required(regex: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """(literals, folded): every match of ``regex`` contains one of the literals (in the lower-cased
    text when ``folded``); None when nothing is known (then the search must always run)."""
    if regex.flags & (re.VERBOSE | re.ASCII | re.LOCALE) or not isinstance(regex.pattern, str):
        return None
    folded = bool(regex.flags & re.IGNORECASE)
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unknown parser: no shortcut
        return None
    if parsed.state.flags & ~(re.IGNORECASE | re.UNICODE | re.MULTILINE | re.DOTALL):
        return None
    if bool(parsed.state.flags & re.IGNORECASE) != folded:
        return None  # an inline (?i) at the start: keep it simple
    need = _seq(list(parsed), folded)
    if not need or "" in need:
        return None
    return tuple(sorted(need)), folded


def anchored(regex: re.Pattern[str]) -> bool:
    """The pattern starts with ``^`` (not multi-line) or ``\\A``: its search tries one position only, and
    a literal test would cost more than it saves."""
    if regex.flags & re.MULTILINE or not isinstance(regex.pattern, str):
        return False
    try:
        parsed = list(_parser.parse(regex.pattern, regex.flags))
    except Exception:  # noqa: BLE001
        return False
    return bool(parsed) and parsed[0][0] is C.AT and parsed[0][1] in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)


def prefilter(regex: re.Pattern[str], max_literals: int = 6) -> tuple[tuple[str, ...], bool] | None:
    """``required(regex)`` where a literal test pays off: an unanchored search, few literals to look for."""
    if anchored(regex):
        return None
    need = required(regex)
    return need if need is not None and len(need[0]) <= max_literals else None


def may_match(need: tuple[str, ...], folded: bool, line: str, low: str) -> bool:
    """Whether the line holds one of the required literals (``low`` is ``line.lower()``)."""
    hay = low if folded else line
    for lit in need:
        if lit in hay:
            return True
    return False
