"""date_anchor holds up to 64 characters: a known event's id ("kb:putin-besuch-pjoengjang-2024",
``app/extract/knowledge.py``) as well as a DCT or an ISO date.

Only PostgreSQL enforces a VARCHAR length; SQLite stores the text as it is, and altering the column
there would mean rebuilding the event table (and losing its full-text, head and version triggers),
so the SQLite schema is left alone.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("event", "date_anchor", existing_type=sa.String(length=20), type_=sa.String(length=64),
                        existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("event", "date_anchor", existing_type=sa.String(length=64), type_=sa.String(length=20),
                        existing_nullable=True)
