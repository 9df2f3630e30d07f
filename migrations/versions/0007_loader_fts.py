"""full-text rows written by the loader itself: a pause for the insert triggers of migration 0002;
is_head stored by the loader is not set again

Why (issues 5 and 7, loading speed): the triggers of 0002 rebuild an event's ``event_fts`` row on every
insert into ``event`` and into ``citation`` (delete the row, select the event, gather its quotes,
insert the row again). The loader writes an article's citations and events together and knows each
event's headline and quote, so it can write each full-text row once, directly: about 0.8 ms of CPU per
article of ~24 events (a quarter of the event and citation inserts).

SQLite only: a table ``rk_fts_pause``, empty except inside a loader's transaction. The insert
triggers ``event_fts_ai`` and ``citation_fts_ai`` are recreated with the same bodies and
``WHEN NOT EXISTS (SELECT 1 FROM rk_fts_pause)``: every other writer (the ORM, tests, scripts) keeps
the full-text rows in sync exactly as before. The loader puts a row into the table before its inserts,
deletes it after them and then inserts the events' full-text rows (``app/loader.py``), all in its one
transaction, so no other connection ever sees the pause (a rollback takes it back with the rest). The
update and delete triggers are unchanged.

The loader also stores ``is_head`` as 0004's trigger ``event_head_ai`` would set it (0 for a merged
mention); that trigger is recreated to skip a row already stored with ``is_head = 0``, for which its
update changed nothing but cost an index rewrite per merged mention (about 0.7 ms per article when
most mentions merge). A writer that leaves ``is_head`` to its default (1) gets the update as before.

PostgreSQL has no full-text table (expression indexes, 0002) and sets is_head in a BEFORE trigger:
nothing to do.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_QUOTES = ("coalesce((SELECT group_concat(c.quote, char(10) || char(10)) FROM citation c "
           "WHERE c.event_id = e.id), '')")


def _refresh(id_expr: str) -> str:
    """The body of 0002's insert triggers: rebuild the FTS row of event ``id_expr``."""
    return (f"DELETE FROM event_fts WHERE rowid = {id_expr}; "
            f"INSERT INTO event_fts(rowid, headline, quotes) "
            f"SELECT e.id, e.headline, {_QUOTES} FROM event e WHERE e.id = {id_expr};")


def _triggers(when: str) -> list[str]:
    return [
        f"CREATE TRIGGER event_fts_ai AFTER INSERT ON event {when}BEGIN {_refresh('new.id')} END",
        f"CREATE TRIGGER citation_fts_ai AFTER INSERT ON citation {when}BEGIN {_refresh('new.event_id')} END",
    ]


_DROP = ["DROP TRIGGER IF EXISTS event_fts_ai", "DROP TRIGGER IF EXISTS citation_fts_ai"]

# 0004's is_head trigger for new rows, and the same one that leaves a row alone whose writer already
# stored is_head = 0 (the update would change nothing).
_HEAD_AI = ("CREATE TRIGGER event_head_ai AFTER INSERT ON event "
            "WHEN new.group_id IS NOT NULL AND new.group_id <> new.id{extra} BEGIN "
            "UPDATE event SET is_head = 0 WHERE id = new.id; END")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE rk_fts_pause (id INTEGER PRIMARY KEY)")
    for sql in _DROP + _triggers("WHEN NOT EXISTS (SELECT 1 FROM rk_fts_pause) "):
        op.execute(sql)
    op.execute("DROP TRIGGER IF EXISTS event_head_ai")
    op.execute(_HEAD_AI.format(extra=" AND new.is_head <> 0"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in _DROP + _triggers(""):
        op.execute(sql)
    op.execute("DROP TRIGGER IF EXISTS event_head_ai")
    op.execute(_HEAD_AI.format(extra=""))
    op.execute("DROP TABLE IF EXISTS rk_fts_pause")
