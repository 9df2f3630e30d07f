"""merging: event groups, corroboration by source, near-duplicate fingerprints, id redirects

Why (issue 7): the same real event is reported many times. Every event row stays one reported
mention (the export contract is unchanged); rows sharing ``group_id`` are one real event. Articles
get the newsroom they come from and a MinHash sketch, so syndicated copies count as one source.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article") as b:
        b.add_column(sa.Column("source_key", sa.String(255), nullable=True))
        b.add_column(sa.Column("source_group", sa.String(255), nullable=True))
        b.add_column(sa.Column("fingerprint", sa.String(128), nullable=True))
        for i in range(4):
            b.add_column(sa.Column(f"fp_b{i}", sa.Integer(), nullable=True))
    op.create_index("ix_article_source_key", "article", ["source_key"])
    op.create_index("ix_article_source_group", "article", ["source_group"])
    for i in range(4):
        op.create_index(f"ix_article_fp_b{i}", "article", [f"fp_b{i}"])

    with op.batch_alter_table("event") as b:
        b.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        b.add_column(sa.Column("merge_reason", sa.Text(), nullable=True))
        b.add_column(sa.Column("group_status", sa.String(20), nullable=True))
        b.add_column(sa.Column("source_count", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(sa.Column("sources", sa.JSON(), nullable=False, server_default="[]"))
    op.execute("UPDATE event SET group_id = id, group_status = status")
    op.create_index("ix_event_group_id", "event", ["group_id"])
    op.create_index("ix_event_source_count", "event", ["source_count"])
    # Candidate lookup for merging: same type, overlapping date interval.
    op.create_index("ix_event_type_first_last", "event", ["type", "date_first", "date_last"])

    op.create_table(
        "event_redirect",
        sa.Column("old_id", sa.Integer(), primary_key=True),
        sa.Column("new_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_event_redirect_new_id", "event_redirect", ["new_id"])


def downgrade() -> None:
    op.drop_index("ix_event_redirect_new_id", table_name="event_redirect")
    op.drop_table("event_redirect")
    op.drop_index("ix_event_type_first_last", table_name="event")
    op.drop_index("ix_event_source_count", table_name="event")
    op.drop_index("ix_event_group_id", table_name="event")
    with op.batch_alter_table("event") as b:
        for col in ("sources", "source_count", "group_status", "merge_reason", "group_id"):
            b.drop_column(col)
    for i in range(4):
        op.drop_index(f"ix_article_fp_b{i}", table_name="article")
    op.drop_index("ix_article_source_group", table_name="article")
    op.drop_index("ix_article_source_key", table_name="article")
    with op.batch_alter_table("article") as b:
        for col in ("fp_b3", "fp_b2", "fp_b1", "fp_b0", "fingerprint", "source_group", "source_key"):
            b.drop_column(col)
