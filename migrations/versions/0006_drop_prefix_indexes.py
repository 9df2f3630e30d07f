"""Drop three single-column indexes that are the leading column of a composite index.

``ix_event_status`` is a prefix of ``ix_event_status_sort`` (migration 0002),
``ix_event_actor_actor_id`` of ``ix_event_actor_actor_event`` and ``ix_event_country_country_code`` of
``ix_event_country_code_event``: every lookup they served the composite index serves as well, while
each one costs a write per inserted event or link (issues 5 and 7: loading speed).

``ix_event_type`` stays although ``ix_event_type_sort`` starts with the same column: it is ordered by
id within a type, and the merger walks one type's events newest first (``merge.py``); without it
that walk sorts, and merging with 10,000 stored articles took four times as long.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: (index, table, column) of the indexes dropped here.
DROPPED = [
    ("ix_event_status", "event", "status"),
    ("ix_event_actor_actor_id", "event_actor", "actor_id"),
    ("ix_event_country_country_code", "event_country", "country_code"),
]


def upgrade() -> None:
    for name, table, _column in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, column in DROPPED:
        op.create_index(name, table, [column])
