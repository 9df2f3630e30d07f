"""full-text search over headlines and quotes; composite indexes for facet counts

Why: ``q`` used to be a ``LIKE '%…%'`` scan over every headline and every quote, and the facet counts
(issue 6) group the link tables by value over a filtered id set. Both must stay fast at 100,000 events.

SQLite: an FTS5 table ``event_fts(headline, quotes)`` whose rowid is the event id; ``quotes`` is all
of the event's citation quotes joined by a blank line. Triggers on ``event`` and ``citation`` keep it
in sync, so every writer (the loader inserts through SQLAlchemy Core) maintains it without knowing it
exists. The tokenizer ``unicode61 remove_diacritics 2`` folds case and diacritics: "PJÖNGJANG",
"pjöngjang" and "pjongjang" are the same token.

PostgreSQL: no shadow table; an IMMUTABLE SQL function ``rk_fold(text)`` (lower-case, umlauts and
common accents stripped, ß → ss, ae/oe/ue → a/o/u) and expression GIN indexes on
``to_tsvector('simple', rk_fold(headline))`` and ``to_tsvector('simple', rk_fold(quote))``. The
``simple`` configuration (no stemming) keeps results predictable and equal to SQLite's prefix
semantics; ``unaccent`` is not used because the extension may not be installable.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Composite indexes: the facet counts and the link filters read (value, event_id) pairs straight
# from the index ("covering"), never from the table.
INDEXES: list[tuple[str, str, list[str]]] = [
    ("ix_event_country_code_event", "event_country", ["country_code", "event_id"]),
    ("ix_event_actor_actor_event", "event_actor", ["actor_id", "event_id"]),
    ("ix_event_type_sort", "event", ["type", "date_first", "id"]),
    ("ix_event_status_sort", "event", ["status", "date_first", "id"]),
]

_SQLITE_QUOTES = (
    "coalesce((SELECT group_concat(c.quote, char(10) || char(10)) FROM citation c "
    "WHERE c.event_id = {id}), '')"
)


def _sqlite_refresh(id_expr: str) -> str:
    """Statements that rebuild the FTS row of event ``id_expr`` (a no-op if the event is gone)."""
    return (
        f"DELETE FROM event_fts WHERE rowid = {id_expr}; "
        f"INSERT INTO event_fts(rowid, headline, quotes) "
        f"SELECT e.id, e.headline, {_SQLITE_QUOTES.format(id='e.id')} FROM event e WHERE e.id = {id_expr};"
    )


SQLITE_UP = [
    "CREATE VIRTUAL TABLE event_fts USING fts5(headline, quotes, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO event_fts(rowid, headline, quotes) "
    f"SELECT e.id, e.headline, {_SQLITE_QUOTES.format(id='e.id')} FROM event e",
    "CREATE TRIGGER event_fts_ai AFTER INSERT ON event BEGIN "
    f"{_sqlite_refresh('new.id')} END",
    "CREATE TRIGGER event_fts_au AFTER UPDATE OF headline ON event BEGIN "
    f"{_sqlite_refresh('new.id')} END",
    "CREATE TRIGGER event_fts_ad AFTER DELETE ON event BEGIN "
    "DELETE FROM event_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER citation_fts_ai AFTER INSERT ON citation BEGIN "
    f"{_sqlite_refresh('new.event_id')} END",
    "CREATE TRIGGER citation_fts_au AFTER UPDATE ON citation BEGIN "
    f"{_sqlite_refresh('old.event_id')} {_sqlite_refresh('new.event_id')} END",
    "CREATE TRIGGER citation_fts_ad AFTER DELETE ON citation BEGIN "
    f"{_sqlite_refresh('old.event_id')} END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS citation_fts_ad",
    "DROP TRIGGER IF EXISTS citation_fts_au",
    "DROP TRIGGER IF EXISTS citation_fts_ai",
    "DROP TRIGGER IF EXISTS event_fts_ad",
    "DROP TRIGGER IF EXISTS event_fts_au",
    "DROP TRIGGER IF EXISTS event_fts_ai",
    "DROP TABLE IF EXISTS event_fts",
]

# Keep in sync with app.store.search.fold_text (the Python side of the same folding).
PG_UP = [
    """CREATE OR REPLACE FUNCTION rk_fold(t text) RETURNS text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT replace(replace(replace(replace(
                  translate(lower(t), 'äöüàáâãåèéêëìíîïòóôõùúûçñčšžøæ', 'aouaaaaaeeeeiiiioooouuucncszoa'),
                  'ß', 'ss'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u')
       $$""",
    "CREATE INDEX ix_event_headline_fts ON event "
    "USING gin (to_tsvector('simple'::regconfig, rk_fold(headline)))",
    "CREATE INDEX ix_citation_quote_fts ON citation "
    "USING gin (to_tsvector('simple'::regconfig, rk_fold(quote)))",
]
PG_DOWN = [
    "DROP INDEX IF EXISTS ix_citation_quote_fts",
    "DROP INDEX IF EXISTS ix_event_headline_fts",
    "DROP FUNCTION IF EXISTS rk_fold(text)",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)
    if dialect == "sqlite":
        for sql in SQLITE_UP:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in PG_UP:
            op.execute(sql)
    # Other dialects: no full-text index; app.store.search falls back to LIKE.


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for sql in SQLITE_DOWN:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in PG_DOWN:
            op.execute(sql)
    for name, table, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
