"""SQLModel tables: articles, events, actors, countries, and the links between them.

An event belongs to the article it was extracted from (``article_id``: re-loading a changed file
replaces exactly its own events); its evidence is a list of citations, each an exact span of an
article's original text. Actors and countries are shared across events, linked through tables that
keep each participant's role. Every column a page filters or sorts on is indexed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Integer, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(index=True, unique=True, max_length=255)
    content_hash: str = Field(index=True, max_length=64)
    outlet: str | None = Field(default=None, max_length=255)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=500)
    dct_value: str | None = Field(default=None, max_length=20)
    dct_precision: str | None = Field(default=None, max_length=10)
    dct_source: str | None = Field(default=None, max_length=20)
    dct_detail: str | None = Field(default=None, max_length=200)
    encoding: str = Field(default="utf-8", max_length=20)
    # Corroboration (see app/store/merge.py): the newsroom behind the text ("Reuters" for
    # "onvista.de (Reuters)"), the unit counted as one source, and a MinHash sketch of the text whose
    # first four values are indexed for near-duplicate candidates (app/store/sources.py).
    source_key: str | None = Field(default=None, index=True, max_length=255)
    source_group: str | None = Field(default=None, index=True, max_length=255)
    fingerprint: str | None = Field(default=None, max_length=128)
    fp_b0: int | None = Field(default=None, index=True)
    fp_b1: int | None = Field(default=None, index=True)
    fp_b2: int | None = Field(default=None, index=True)
    fp_b3: int | None = Field(default=None, index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    report: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    loaded_at: datetime = Field(default_factory=_now, sa_column=Column(DateTime(timezone=True), nullable=False))


class Event(SQLModel, table=True):
    __table_args__ = (
        Index("ix_event_date_range", "date_first", "date_last"),
        Index("ix_event_sort", "date_first", "id"),
        # Migration 0004: real events only (is_head = 1), index-only facet counts and timeline order.
        Index("ix_event_head_facets", "is_head", "type", "date_first", "date_last", "status", "group_status",
              "source_count"),
        Index("ix_event_head_sort", "is_head", "date_first", "id", "date_last", "type", "status", "group_status",
              "source_count"),
        Index("ix_event_merged", "id", "group_id", sqlite_where=text("is_head = 0"),
              postgresql_where=text("is_head = 0")),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    type: str = Field(index=True, max_length=40)
    status: str = Field(max_length=20)  # indexed by ix_event_status_sort (migration 0002)
    headline: str = Field(max_length=500)
    date_value: str | None = Field(default=None, max_length=20)
    date_first: date | None = Field(default=None)
    date_last: date | None = Field(default=None)
    date_precision: str | None = Field(default=None, max_length=10)
    date_expression: str | None = Field(default=None, max_length=200)
    date_basis: str = Field(default="none", max_length=20)
    date_anchor: str | None = Field(default=None, max_length=64)
    trigger: str | None = Field(default=None, max_length=200)
    claims: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = Field(default=0)  # order within its article
    # Merging (app/store/merge.py): every row is one reported mention; rows with the same group_id
    # are one real event, whose id is group_id (the row with id == group_id stands for it).
    group_id: int | None = Field(default=None, index=True)
    merge_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    group_status: str | None = Field(default=None, max_length=20)
    source_count: int = Field(default=1, index=True)
    sources: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    # 1 for a real event (group_id NULL or == id), 0 for a merged mention. Kept by database triggers
    # (migration 0004) whatever a writer stores here; read it only in queries.
    is_head: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))


class Actor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    kind: str = Field(default="person", max_length=20)
    country_code: str | None = Field(default=None, max_length=3)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Country(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=3)
    name: str = Field(max_length=100)


class EventActor(SQLModel, table=True):
    __tablename__ = "event_actor"
    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id", primary_key=True)  # ix_event_actor_actor_event (0002)
    role: str = Field(default="participant", primary_key=True, max_length=20)


class EventCountry(SQLModel, table=True):
    __tablename__ = "event_country"
    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    country_code: str = Field(foreign_key="country.code", primary_key=True, max_length=3)  # ix_event_country_code_event
    role: str = Field(default="participant", max_length=20)


class Citation(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("event_id", "article_id", "start", "end"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    sentence_index: int = 0


class EventRedirect(SQLModel, table=True):
    """An event id that no longer stands for an event, and the one that does now."""

    __tablename__ = "event_redirect"
    old_id: int = Field(primary_key=True)
    new_id: int = Field(index=True)
    reason: str = Field(max_length=500)
    created_at: datetime = Field(default_factory=_now, sa_column=Column(DateTime(timezone=True), nullable=False))
