"""Full-text search for ``q``: SQLite FTS5 or PostgreSQL text search, LIKE only as a fallback.

Why: a ``LIKE '%…%'`` scan over every headline and quote cannot use an index and grows with the
corpus; migration 0002 builds a real full-text index on both dialects (see its docstring).

Heuristics (documented for analysts, tested in ``tests/test_search.py``):

- The query is split into word tokens (letters and digits; punctuation separates). All tokens must
  occur (AND), each as a *word prefix*: ``Pjöng`` finds "Pjöngjang", ``kurs`` finds "Kursk", but
  ``jang`` does not find "Pjöngjang" (no infix matches; FTS indexes words, not substrings).
- Case and diacritics are folded: "PJÖNGJANG" = "pjöngjang" = "pjongjang". Umlaut spellings with
  ``e`` are folded too: "Gespraeche" finds "Gespräche" (each token containing ``ae``/``oe``/``ue``
  also tries the plain vowel), and ``ss``/``ß`` are interchangeable ("Strasse" = "Straße").
- SQLite searches one document per event (headline plus all its quotes), so the tokens may be spread
  over headline and quotes. PostgreSQL does the same per token: each token must occur in the
  headline or in one of the event's quotes.
- A query without any word token ("%", "_", "„…“") falls back to the old case-insensitive substring
  search (LIKE with escaped wildcards), so punctuation can still be searched literally.

User text never becomes SQL: the FTS5 query string and the tsquery are bound parameters, each
token is a double-quoted FTS5 string (embedded ``"`` doubled) and a tsquery token contains only
letters and digits.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, exists, func, literal, literal_column, or_, select, table
from sqlalchemy.sql.elements import ColumnElement

from app.store.models import Citation, Event

#: Tokens beyond this are ignored (an FTS query of 200 characters is plenty).
MAX_TOKENS = 12
_TOKEN = re.compile(r"[^\W_]+")

#: The SQLite function name the LIKE fallback uses for Unicode case folding (registered per
#: connection by ``app.store.queries.prepare``).
SQLITE_FOLD = "rk_casefold"

# Same mapping as rk_fold() in migration 0002 (PostgreSQL).
_FOLD_FROM = "äöüàáâãåèéêëìíîïòóôõùúûçñčšžøæ"
_FOLD_TO = "aouaaaaaeeeeiiiioooouuucncszoa"
_FOLD = str.maketrans(_FOLD_FROM, _FOLD_TO)


def tokens(q: str) -> list[str]:
    """Word tokens of a query, deduplicated case-insensitively, in order."""
    out: list[str] = []
    seen: set[str] = set()
    for t in _TOKEN.findall(q or ""):
        k = t.casefold()
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out[:MAX_TOKENS]


def fold_text(text: str) -> str:
    """The PostgreSQL folding of migration 0002's ``rk_fold`` in Python (lower, strip accents,
    ß → ss, ae/oe/ue → a/o/u)."""
    t = text.lower().translate(_FOLD).replace("ß", "ss")
    return t.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _variants(token: str) -> list[str]:
    """Spellings to try for one token in FTS5 (its tokenizer folds case and diacritics itself)."""
    t = token.lower()
    out = [t]
    plain = t.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if plain != t:
        out.append(plain)
    for v in list(out):
        if "ss" in v:
            out.append(v.replace("ss", "ß"))
        if "ß" in v:
            out.append(v.replace("ß", "ss"))
    return list(dict.fromkeys(out))


def _fts5_string(s: str) -> str:
    return '"' + s.replace('"', '""') + '"*'


def fts5_query(q: str) -> str | None:
    """The FTS5 MATCH expression for ``q`` (to be bound as a parameter), or None if ``q`` has no
    word token. ``"Gespraeche" Moskau`` → ``("gespraeche"* OR "gesprache"*) AND "moskau"*``."""
    parts = []
    for tok in tokens(q):
        vs = [_fts5_string(v) for v in _variants(tok)]
        parts.append(vs[0] if len(vs) == 1 else "(" + " OR ".join(vs) + ")")
    return " AND ".join(parts) or None


def tsquery_terms(q: str) -> list[str]:
    """PostgreSQL prefix terms (``pjongjang:*``), letters and digits only."""
    out = []
    for tok in tokens(q):
        folded = "".join(_TOKEN.findall(fold_text(tok)))
        if folded and folded + ":*" not in out:
            out.append(folded + ":*")
    return out


def escape_like(text: str) -> str:
    """Escape LIKE wildcards (``%``, ``_``) and the escape character itself (``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _simple() -> Any:
    # A constant (not a bound parameter) so PostgreSQL can match the expression GIN indexes.
    return literal_column("'simple'::regconfig")


def _pg_vector(col: Any) -> Any:
    return func.to_tsvector(_simple(), func.rk_fold(col))


def text_condition(q: str, dialect: str, ev: Any = Event) -> ColumnElement[bool]:
    """WHERE condition on ``ev`` (``Event`` or an alias of it) for the search text ``q`` on the given
    dialect."""
    if dialect == "sqlite" and (match := fts5_query(q)):
        fts = table("event_fts")
        ids = select(literal_column("rowid")).select_from(fts).where(
            literal_column("event_fts").op("MATCH")(literal(match))
        )
        return ev.id.in_(ids)
    if dialect == "postgresql" and (terms := tsquery_terms(q)):
        conds = []
        for term in terms:
            tsq = func.to_tsquery(_simple(), literal(term))
            conds.append(
                or_(
                    _pg_vector(ev.headline).op("@@")(tsq),
                    exists(
                        select(Citation.id).where(
                            Citation.event_id == ev.id, _pg_vector(Citation.quote).op("@@")(tsq)
                        )
                    ),
                )
            )
        return and_(*conds)
    return like_condition(q, dialect, ev)


def matching_ids(q: str, dialect: str, ev: Any = Event) -> Any:
    """A one-column select of the ids of the rows (``ev``: ``Event`` or an alias) matching ``q``.

    On SQLite with FTS5 this is the FTS rowid list itself, without a lookup in the event table."""
    if dialect == "sqlite" and (match := fts5_query(q)):
        return select(literal_column("rowid")).select_from(table("event_fts")).where(
            literal_column("event_fts").op("MATCH")(literal(match))
        )
    return select(ev.id).where(text_condition(q, dialect, ev))


def like_condition(q: str, dialect: str, ev: Any = Event) -> ColumnElement[bool]:
    """Case-insensitive substring search over headline and quotes (the pre-FTS behaviour)."""
    if dialect == "sqlite":
        # SQLite's lower()/LIKE fold ASCII only; "über" must find "Über".
        def fold(col: Any) -> Any:
            return getattr(func, SQLITE_FOLD)(col)

        needle = q.casefold()
    else:

        def fold(col: Any) -> Any:
            return func.lower(col)

        needle = q.lower()
    pattern = "%" + escape_like(needle) + "%"
    in_headline = fold(ev.headline).like(pattern, escape="\\")
    in_quote = exists(
        select(Citation.id).where(Citation.event_id == ev.id, fold(Citation.quote).like(pattern, escape="\\"))
    )
    return or_(in_headline, in_quote)
