"""facet speed: an indexed head flag and a data version for the facet cache

Why (issue 6): every timeline query keeps only real events, the first mention of each merge group
(``group_id IS NULL OR group_id = id``). That condition compares two columns of one row, so no index
can answer it and SQLite read every candidate row from the (wide) event table: 150–500 ms for the
facets of 100,000 events. ``event.is_head`` (1 for a group's first mention or a row without group,
0 for a merged mention) holds the same fact in one column, and two indexes that start with it cover
the timeline order and every scalar facet/filter column, so counts are index-only scans.

``is_head`` is maintained by the database, so no writer has to know about it: new rows default to
1; a trigger sets 0 when a row is stored or updated with a ``group_id`` other than its own id
(SQLite: AFTER triggers; PostgreSQL: a BEFORE trigger). Existing rows are backfilled.

``rk_data_version`` is a one-row table whose counter triggers bump on every change of events, their
actors, countries and citations (SQLite per row, PostgreSQL per statement), with a random ``epoch``
per database. ``app.store.facets`` keys its per-process cache of facet counts and totals by
(database, epoch, counter), so a cached count is never served after a load changed the data.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HEAD_SQL = "CASE WHEN {r}.group_id IS NULL OR {r}.group_id = {r}.id THEN 1 ELSE 0 END"
INDEXES = [
    # Scalar facets and filters over real events (type, date, status, sources): index-only.
    ("ix_event_head_facets", ["is_head", "type", "date_first", "date_last", "status", "group_status",
                              "source_count"]),
    # The timeline order (date_first, id) among real events, covering the scalar filter columns so
    # that walking it for one page never reads the table; also their count.
    ("ix_event_head_sort", ["is_head", "date_first", "id", "date_last", "type", "status", "group_status",
                            "source_count"]),
]
# Merged mentions only (few): mention -> group for the group-level actor/country/text filters.
MERGED = ("ix_event_merged", ["id", "group_id"])
VERSIONED = ("event", "event_actor", "event_country", "citation")

_SQLITE_UP = [
    "CREATE TRIGGER event_head_ai AFTER INSERT ON event "
    "WHEN new.group_id IS NOT NULL AND new.group_id <> new.id BEGIN "
    "UPDATE event SET is_head = 0 WHERE id = new.id; END",
    "CREATE TRIGGER event_head_au AFTER UPDATE OF group_id ON event "
    f"WHEN new.is_head IS NOT ({HEAD_SQL.format(r='new')}) BEGIN "
    f"UPDATE event SET is_head = {HEAD_SQL.format(r='new')} WHERE id = new.id; END",
] + [
    f"CREATE TRIGGER {t}_version_a{k[0]} AFTER {k} ON {t} BEGIN "
    "UPDATE rk_data_version SET n = n + 1 WHERE id = 1; END"
    for t in VERSIONED for k in ("INSERT", "UPDATE", "DELETE")
]
_SQLITE_DOWN = ["DROP TRIGGER IF EXISTS event_head_ai", "DROP TRIGGER IF EXISTS event_head_au"] + [
    f"DROP TRIGGER IF EXISTS {t}_version_a{k}" for t in VERSIONED for k in ("i", "u", "d")
]

_PG_UP = [
    f"""CREATE OR REPLACE FUNCTION rk_event_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.is_head := {HEAD_SQL.format(r='NEW')};
  RETURN NEW;
END $$""",
    "CREATE TRIGGER event_head BEFORE INSERT OR UPDATE OF group_id, id ON event "
    "FOR EACH ROW EXECUTE FUNCTION rk_event_head()",
    """CREATE OR REPLACE FUNCTION rk_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rk_data_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$""",
] + [
    f"CREATE TRIGGER {t}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {t} "
    "FOR EACH STATEMENT EXECUTE FUNCTION rk_bump_version()"
    for t in VERSIONED
]
_PG_DOWN = [f"DROP TRIGGER IF EXISTS {t}_version ON {t}" for t in VERSIONED] + [
    "DROP FUNCTION IF EXISTS rk_bump_version()",
    "DROP TRIGGER IF EXISTS event_head ON event",
    "DROP FUNCTION IF EXISTS rk_event_head()",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("event") as b:
        b.add_column(sa.Column("is_head", sa.Integer(), nullable=False, server_default="1"))
    op.execute(f"UPDATE event SET is_head = {HEAD_SQL.format(r='event')}")
    for name, cols in INDEXES:
        op.create_index(name, "event", cols)
    op.create_index(MERGED[0], "event", MERGED[1], sqlite_where=sa.text("is_head = 0"),
                    postgresql_where=sa.text("is_head = 0"))
    op.create_table(
        "rk_data_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("epoch", sa.String(40), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    epoch = "lower(hex(randomblob(8)))" if dialect == "sqlite" else "md5(random()::text || clock_timestamp()::text)"
    op.execute(f"INSERT INTO rk_data_version (id, epoch, n) VALUES (1, {epoch}, 0)")
    if dialect == "sqlite":
        for sql in _SQLITE_UP:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in _PG_UP:
            op.execute(sql)
    # Other dialects: is_head must be kept by the writer; without triggers the version never moves,
    # so app.store.facets does not cache there (it caches only on SQLite and PostgreSQL).


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for sql in _SQLITE_DOWN:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in _PG_DOWN:
            op.execute(sql)
    op.drop_table("rk_data_version")
    op.drop_index(MERGED[0], table_name="event")
    for name, _cols in reversed(INDEXES):
        op.drop_index(name, table_name="event")
    with op.batch_alter_table("event") as b:
        b.drop_column("is_head")
