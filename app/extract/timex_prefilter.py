"""Literal prefilter for the temporal tagger's patterns (``app/extract/timex.py``).

``required_literals(regex)`` derives, from a compiled pattern (that is, from the resource files the
pattern was expanded from: lexicon word lists and ``patterns.toml``), a set of literal strings of
which every match must contain at least one, plus a bound on how far into the match the first such
literal can start. ``TokenIndex`` finds, in one pass over a text's word tokens, where those literals
can occur: a region (sentence) in which none of a pattern's literals occurs is never searched, and
the search inside a region starts no earlier than the literal allows.

The analysis is conservative: anything it does not understand (classes, back references,
conditionals, unbounded widths) yields "no requirement" or "unbounded", never a wrong literal.
A pattern with case-insensitive literals (IGNORECASE) gets no prefilter: it is always searched.
Lookbehinds are ignored (they may look outside the searched region);
lookaheads count, as the region's end bounds them.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser as P  # noqa: N812

__all__ = ["TokenIndex", "required_literals"]

_MAX_SET = 256  # largest literal set carried through concatenation
_MAX_CLASS = 10  # largest character class expanded into literals
_UNBOUNDED = 1 << 30

Lit = tuple[str, bool]  # (text, case-insensitive)


class _Info:
    """What the analysis knows about a (sub)pattern.
    exact: every string it can match (None = not a small finite set);
    req: (literals, max offset of the literal's start from the node's start) or None."""

    __slots__ = ("exact", "req")

    def __init__(self, exact: frozenset[Lit] | None, req: tuple[frozenset[Lit], int] | None) -> None:
        self.exact = exact
        self.req = req


def _score(lits: frozenset[Lit]) -> tuple[int, int]:
    return min(min(len(s) for s, _ in lits), 4), -len(lits)


def _better(a: tuple[frozenset[Lit], int] | None,
            b: tuple[frozenset[Lit], int] | None) -> tuple[frozenset[Lit], int] | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _score(b[0]) > _score(a[0]) else a


def _as_req(exact: frozenset[Lit] | None) -> tuple[frozenset[Lit], int] | None:
    if not exact or any(not s for s, _ in exact):
        return None
    return exact, 0


def _width(state: P.State, items: list) -> int:
    if not items:
        return 0
    hi = P.SubPattern(state, list(items)).getwidth()[1]
    return hi if hi < C.MAXREPEAT - 1 else _UNBOUNDED


def _concat(a: frozenset[Lit], b: frozenset[Lit]) -> frozenset[Lit] | None:
    if len(a) * len(b) > _MAX_SET:
        return None
    return frozenset((x + y, cx or cy) for x, cx in a for y, cy in b)


def _class(items: list, ci: bool) -> frozenset[Lit] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, big ranges
            return None
    if len(chars) > _MAX_CLASS:
        return None
    return frozenset((c, ci) for c in chars)


def _seq(state: P.State, items: list, flags: int) -> _Info:
    best = None
    run: frozenset[Lit] | None = frozenset({("", False)})
    run_start = 0  # index of the item where the current exact run starts
    for i, item in enumerate(items):
        info = _node(state, item, flags)
        if info.exact is not None and run is not None:
            cat = _concat(run, info.exact)
            if cat is not None:
                run = cat
                continue
        # the run ends before item i: it is a candidate, then start over
        if run is not None and (r := _as_req(run)) is not None:
            best = _better(best, (r[0], _width(state, items[:run_start])))
        if info.req is not None:
            off = _width(state, items[:i])
            best = _better(best, (info.req[0], min(_UNBOUNDED, off + info.req[1])))
        run, run_start = info.exact, i
    if run is not None and (r := _as_req(run)) is not None:
        best = _better(best, (r[0], _width(state, items[:run_start])))
    whole = run if run_start == 0 else None
    return _Info(whole, best)


def _node(state: P.State, item: tuple, flags: int) -> _Info:
    op, av = item
    ci = bool(flags & C.SRE_FLAG_IGNORECASE)
    if op is C.LITERAL:
        e = frozenset({(chr(av), ci)})
        return _Info(e, _as_req(e))
    if op is C.IN:
        e = _class(av, ci)
        return _Info(e, _as_req(e))
    if op is C.AT:
        return _Info(frozenset({("", False)}), None)
    if op is C.SUBPATTERN:
        _group, add, rm, sub = av
        return _seq(state, sub.data, (flags | add) & ~rm)
    if op is C.ATOMIC_GROUP:
        return _seq(state, av.data, flags)
    if op is C.BRANCH:
        infos = [_seq(state, b.data, flags) for b in av[1]]
        exact: frozenset[Lit] | None = None
        if all(x.exact is not None for x in infos):
            exact = frozenset().union(*(x.exact for x in infos))  # type: ignore[misc]
            if len(exact) > _MAX_SET:
                exact = None
        req = None
        if all(x.req is not None for x in infos):
            lits = frozenset().union(*(x.req[0] for x in infos))  # type: ignore[index]
            req = (lits, max(x.req[1] for x in infos))  # type: ignore[index]
        return _Info(exact, req)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        inner = _seq(state, sub.data, flags)
        exact = None
        if inner.exact is not None and hi <= 4:
            acc: frozenset[Lit] | None = frozenset({("", False)})
            parts: set[Lit] = set()
            for k in range(hi + 1):
                if k >= lo:
                    parts |= acc  # type: ignore[arg-type]
                if k < hi:
                    acc = _concat(acc, inner.exact) if acc is not None else None  # type: ignore[arg-type]
                    if acc is None:
                        break
            if acc is not None and len(parts) <= _MAX_SET:
                exact = frozenset(parts)
        return _Info(exact, inner.req if lo >= 1 else None)
    if op is C.ASSERT:
        direction, sub = av
        if direction < 0:  # lookbehind: may look before the searched region
            return _Info(frozenset({("", False)}), None)
        inner = _seq(state, sub.data, flags)
        return _Info(frozenset({("", False)}), inner.req or _as_req(inner.exact))
    if op is C.ASSERT_NOT:
        return _Info(frozenset({("", False)}), None)
    return _Info(None, None)  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


def required_literals(regex: re.Pattern[str]) -> tuple[frozenset[Lit], int] | None:
    """(literals, max start offset): every match of ``regex`` contains one of the literals, starting
    at most ``max start offset`` characters after the match start; None if no such set is known."""
    if regex.flags & (re.VERBOSE | re.LOCALE | re.MULTILINE):
        return None
    try:
        tree = P.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unknown construct: no prefilter
        return None
    info = _seq(tree.state, tree.data, tree.state.flags)
    return _better(None, _as_req(info.exact)) if info.req is None else _better(info.req, _as_req(info.exact))


_WORD = re.compile(r"\w+")


class TokenIndex:
    r"""Where the patterns' literals can occur in a text, found from its word tokens (maximal ``\w+``
    runs) in one pass.

    Each literal is represented by its longest word run (its "key"): wherever the literal occurs, the
    key lies inside one token of the text, and the literal starts at most ``off`` (the key's offset in
    the literal) before it. So for a pattern, the tokens containing one of its keys, widened by
    ``lead + off``, bound where its matches can be: a region (sentence) without such a token is never
    searched, and in a region the search starts no earlier than the next such token allows.
    Which keys a token contains depends only on the token, so it is cached across texts.

    ``per_pattern[k]`` is (group, lead) or None (no prefilter: always search); ``scan(text)`` gives,
    per group, the sorted start and end offsets of the tokens that contain one of its keys."""

    def __init__(self, regexes: list[re.Pattern[str]], cache_size: int = 100_000) -> None:
        groups: dict[frozenset[str], int] = {}
        per: list[tuple[int, int] | None] = []
        for rx in regexes:
            req = required_literals(rx)
            keyed = None
            if req is not None and not any(ci for _, ci in req[0]):
                keys: set[str] = set()
                off = 0
                for lit, _ in req[0]:
                    runs = list(_WORD.finditer(lit))
                    if not runs:
                        keys = set()
                        break
                    key = max(runs, key=lambda m: len(m.group()))
                    keys.add(key.group())
                    off = max(off, key.start())
                if keys:
                    g = groups.setdefault(frozenset(keys), len(groups))
                    keyed = (g, min(_UNBOUNDED, req[1] + off))
            per.append(keyed)
        self.per_pattern: tuple[tuple[int, int] | None, ...] = tuple(per)
        self.n_groups = len(groups)
        by_key: dict[str, set[int]] = {}
        for keys, g in groups.items():
            for key in keys:
                by_key.setdefault(key, set()).add(g)
        # every prefix of a key -> the groups of the key it completes (() if it completes none)
        trie: dict[str, tuple[int, ...]] = {}
        for key, gs in by_key.items():
            for i in range(1, len(key)):
                trie.setdefault(key[:i], ())
            trie[key] = tuple(sorted(gs))
        self._trie = trie
        self._cache: dict[str, tuple[int, ...]] = {}
        self._cache_size = cache_size

    def groups_of(self, token: str) -> tuple[int, ...]:
        """The groups with a key inside ``token``: from each offset, extend while it is a key prefix."""
        found: set[int] = set()
        trie = self._trie
        n = len(token)
        for i in range(n):
            j = i + 1
            while j <= n:
                g = trie.get(token[i:j])
                if g is None:
                    break
                if g:
                    found.update(g)
                j += 1
        return tuple(sorted(found))

    def scan(self, text: str) -> list[tuple[list[int], list[int]]]:
        out: list[tuple[list[int], list[int]]] = [([], []) for _ in range(self.n_groups)]
        cache = self._cache
        for m in _WORD.finditer(text):
            tok = m.group()
            gs = cache.get(tok)
            if gs is None:
                if len(cache) >= self._cache_size:
                    cache.clear()
                gs = cache[tok] = self.groups_of(tok)
            if gs:
                s, e = m.span()
                for g in gs:
                    starts, ends = out[g]
                    starts.append(s)
                    ends.append(e)
        return out
