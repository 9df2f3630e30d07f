"""The loader: article files → ingest → extraction → the store, one transaction per file.

Guarantees:
- a broken file is reported (file, reason) and skipped; the other files still load;
- the same content is skipped as ``unchanged`` (SHA-256 of the bytes, per file name);
- a changed file replaces its own article row's events in the same transaction;
- a failure while writing rolls the file's transaction back, leaving no partial rows.
Ingest and extraction run before the transaction opens, so the database is only held for writing.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from app.extract.entities import actor_info
from app.extract.model import ActorRef, Document, Extraction
from app.extract.pipeline import extract
from app.extract.timevalue import interval
from app.extract.timex_io import timex_record
from app.ingest import ArticleMeta, IngestError, content_hash, parse_document, read_manifest
from app.store import merge, sources
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry, _now


@dataclass
class FileResult:
    file: str
    outcome: str  # loaded | replaced | unchanged | failed
    reason: str = ""
    events: int = 0


@dataclass
class LoadReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == "failed"]


def iter_article_files(paths: Iterable[Path]) -> Iterable[Path]:
    """Files as given, folders expanded to their ``*.txt`` files (sorted, not recursive)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(x for x in p.glob("*.txt") if x.is_file())
        else:
            yield p


def load_paths(
    paths: list[Path],
    engine: Engine,
    manifest: Path | None = None,
    *,
    progress: Callable[[Path, FileResult], None] | None = None,
) -> LoadReport:
    """Load every article file under ``paths``. Raises IngestError only for an unreadable manifest."""
    metas: dict[str, ArticleMeta] = read_manifest(manifest) if manifest else {}
    loader = Loader(engine)
    report = LoadReport()
    frozen = False
    try:
        for path in iter_article_files(paths):
            result = loader.load_file(path, metas.get(path.name))
            report.results.append(result)
            if progress:
                progress(path, result)
            if not frozen and result.outcome in ("loaded", "replaced"):
                # What exists after the first article (lexicons, compiled patterns, the engine) lives
                # for the whole load: the cyclic garbage collector need not walk it again and again.
                gc.freeze()
                frozen = True
    finally:
        if frozen:
            gc.unfreeze()
    return report


class Loader:
    """Loads files one transaction each, remembering what the database already holds.

    The caches (articles' hashes, actor ids, country codes) are read once and updated only after a
    commit, so a rolled-back file never leaves a stale id behind.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._known: dict[str, tuple[str, str | None, str | None, str | None]] | None = None
        self.actors: dict[str, StoredActor] = {}
        self.countries: set[str] = set()
        self.mentions = merge.MentionCache()

    def _existing(self, name: str) -> tuple[str, str | None, str | None, str | None] | None:
        if self._known is None:
            with Session(self.engine) as session:
                rows = session.execute(select(Article.file_name, Article.content_hash, Article.outlet,
                                              Article.url, Article.dct_value)).all()
            self._known = {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
        return self._known.get(name)

    def load_file(self, path: Path, meta: ArticleMeta | None = None) -> FileResult:
        name = path.name
        if not path.exists():
            return FileResult(name, "failed", "no such file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            return FileResult(name, "failed", f"cannot read file: {exc.strerror or exc}")
        digest = content_hash(data)
        existing = self._existing(name)
        if existing is not None and existing[0] == digest and _meta_same(existing, meta):
            return FileResult(name, "unchanged")
        try:
            doc = parse_document(name, data, meta)
            extraction = extract(doc)
        except IngestError as exc:
            return FileResult(name, "failed", exc.reason)
        except Exception as exc:  # an extraction bug must not stop the other files
            return FileResult(name, "failed", f"extraction error: {type(exc).__name__}: {exc}")
        actors = dict(self.actors)
        countries = set(self.countries)
        try:
            with Session(self.engine) as session, session.begin():
                n = _store(session, doc, extraction, digest, meta, actors, countries, self.mentions)
        except Exception as exc:
            self.mentions.rollback()
            return FileResult(name, "failed", f"database error: {type(exc).__name__}: {exc}")
        self.actors, self.countries = actors, countries
        self.mentions.commit()
        assert self._known is not None
        dct = doc.dct.value if doc.dct else None
        self._known[name] = (digest, meta.outlet if meta else (existing or (None,) * 4)[1],
                             meta.url if meta else (existing or (None,) * 4)[2], dct)
        return FileResult(name, "replaced" if existing is not None else "loaded", events=n)


def _meta_same(existing: tuple[str, str | None, str | None, str | None], meta: ArticleMeta | None) -> bool:
    """Whether a manifest row changes nothing for an already stored file (hash, outlet, url, dct)."""
    if meta is None:
        return True  # a load without manifest keeps what an earlier manifest said
    _, outlet, url, dct = existing
    return (outlet, url) == (meta.outlet, meta.url) and (meta.published is None or dct == meta.published)


def _report(doc: Document, ex: Extraction) -> dict:
    return {
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "dropped": [{"start": d.start, "end": d.end, "reason": d.reason, "text": d.text} for d in doc.dropped],
        "sentences": len(doc.sentences),
        "timexes": [timex_record(t) for t in ex.timexes],  # what dated the events, shown in the article view
    }


@dataclass
class _ArticleRow:
    """The article's columns as written (what ``_set_source`` reads and sets)."""

    outlet: str | None = None
    url: str | None = None
    source_key: str | None = None
    source_group: str | None = None
    fingerprint: str | None = None
    fp_b0: int | None = None
    fp_b1: int | None = None
    fp_b2: int | None = None
    fp_b3: int | None = None


# Statements built once (their compiled form is cached by SQLAlchemy; building them per article costs).
_FIND_ARTICLE = select(Article.__table__.c.id, Article.__table__.c.outlet, Article.__table__.c.url).where(
    Article.__table__.c.file_name == bindparam("name"))
_MAX_EVENT_ID = select(func.max(Event.__table__.c.id))
_HAS_FTS_PAUSE = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rk_fts_pause'"
_NEXT_EVENT_IDS = text("SELECT nextval(pg_get_serial_sequence('event', 'id')) FROM generate_series(1, :n)")


def _store(session: Session, doc: Document, ex: Extraction, digest: str, meta: ArticleMeta | None,
           actors: dict[str, StoredActor] | None = None, countries: set[str] | None = None,
           mentions: merge.MentionCache | None = None) -> int:
    """Write one document's article row, events, links and citations. ``actors`` and
    ``countries`` are caches of what the database holds; they are extended in place. ``mentions``
    is the load's cache of stored mentions for merging (the replaced ones are dropped from it here).

    Core statements on the session's connection (one transaction): the ORM's unit of work costs
    more than the SQL here. On SQLite the statements of every article run as the same SQL on the
    DBAPI connection underneath (``merge.fetch``, ``merge.insert_rows``): SQLAlchemy's own work per
    statement and per row cost more than SQLite's."""
    actors = {} if actors is None else actors
    countries = set() if countries is None else countries
    conn = session.connection()
    raw = merge.dbapi(conn)
    art_t, ev_t = Article.__table__, Event.__table__
    found = next(iter(merge.fetch(conn, _FIND_ARTICLE, {"name": doc.name})), None)
    reusable: dict[tuple[str, str], int] = {}
    old_groups: set[int] = set()
    article = _ArticleRow()
    if found is not None:
        article_id = found[0]
        article.outlet, article.url = found[1], found[2]
        # A changed file replaces its own mentions (links and citations go with them). Ids of
        # mentions whose clause and type survive the edit are reused, so their URLs stay stable.
        old = conn.execute(
            select(ev_t.c.id, ev_t.c.type, ev_t.c.group_id, Citation.__table__.c.quote)
            .join(Citation.__table__, Citation.__table__.c.event_id == ev_t.c.id, isouter=True)
            .where(ev_t.c.article_id == article_id)
        ).all()
        for eid, etype, gid, quote in old:
            reusable.setdefault((quote or "", etype), eid)
            old_groups.add(gid or eid)
        if mentions is not None:
            mentions.discard(r[0] for r in old)
            mentions.drop_groups(old_groups)
        event_ids = select(ev_t.c.id).where(ev_t.c.article_id == article_id)
        for link in (Citation.__table__, EventActor.__table__, EventCountry.__table__):
            conn.execute(delete(link).where(link.c.event_id.in_(event_ids)))
        conn.execute(delete(ev_t).where(ev_t.c.article_id == article_id))
    if meta is not None:
        article.outlet, article.url = meta.outlet, meta.url
    twin = _set_source(session, article, doc, meta)
    dct = doc.dct
    values = {
        "content_hash": digest, "text": doc.text, "title": doc.title, "encoding": doc.encoding,
        "dct_value": dct.value if dct else None,
        "dct_precision": (interval(dct.value) or (None, None, None))[2] if dct else None,
        "dct_source": dct.source if dct else None,
        "dct_detail": dct.detail[:200] if dct else None,
        "report": _report(doc, ex),
        **{k: getattr(article, k) for k in ("source_key", "source_group", "fingerprint", "fp_b0", "fp_b1", "fp_b2",
                                            "fp_b3")},
    }
    if found is None:
        article_id = merge.insert_row(conn, art_t, {
            "file_name": doc.name, "outlet": article.outlet, "url": article.url, "loaded_at": _now(), **values})
    else:
        if meta is not None:
            values["outlet"], values["url"] = meta.outlet, meta.url
        conn.execute(update(art_t).where(art_t.c.id == article_id).values(**values))
    if not ex.events:
        merge.repair_groups(session, old_groups, reason="Artikel neu geladen")
        return 0

    # Ids first (reused ones, then new ones), so that the mentions are merged before they are
    # written: each row goes in once, with its group, and only stored groups are updated afterwards.
    reused = [reusable.pop((doc.text[ev.start:ev.end], ev.type), None) for ev in ex.events]
    fresh = iter(_new_event_ids(conn, reused.count(None), max((i for i in reused if i is not None), default=0)))
    ids: list[int] = [eid if eid is not None else next(fresh) for eid in reused]
    rows = [
        {
            "id": event_id, "article_id": article_id, "type": ev.type, "status": ev.status,
            "headline": ev.headline[:500], "date_value": ev.date.value, "date_first": ev.date.first,
            "date_last": ev.date.last, "date_precision": ev.date.precision,
            "date_expression": (ev.date.expression or None), "date_basis": ev.date.basis,
            "date_anchor": ev.date.anchor, "trigger": ev.trigger,
            "claims": [{"stance": c.stance, "holders": list(c.holders), "cue": c.cue} for c in ev.claims],
            "position": pos, "group_id": None, "merge_reason": None, "group_status": None, "source_count": 1,
            "sources": [],
        }
        for pos, (event_id, ev) in enumerate(zip(ids, ex.events, strict=True))
    ]
    actors.update(_actors(session, [a for ev in ex.events for a in ev.actors if a.name not in actors]))
    wanted = {c.code: c.name for ev in ex.events for c in ev.countries if c.code not in countries}
    _ensure_countries(session, wanted)
    countries.update(wanted)
    links_a, links_c = _links(ids, ex, actors)
    citations = _citations(ids, ex, doc, article_id)

    new = _mentions(ids, ex, citations, links_c, actors, article_id, values["dct_value"])
    touched = merge.assign_groups(session, new, twin.id if twin else None, rows, article.outlet or doc.name,
                                  mentions)

    for r in rows:  # as the database's triggers would set it (migration 0007: then they need not)
        r["is_head"] = 1 if r["group_id"] is None or r["group_id"] == r["id"] else 0
    if raw is not None:
        # The citations go in first, under deferred foreign keys (until this transaction ends). The
        # full-text insert triggers are paused meanwhile (migration 0007) and each event's row is
        # written once, here; without that migration the triggers write it.
        raw.execute("PRAGMA defer_foreign_keys = ON")
        pause = raw.execute(_HAS_FTS_PAUSE).fetchone() is not None
        if pause:
            raw.execute("INSERT INTO rk_fts_pause (id) VALUES (1)")
        merge.insert_rows(conn, Citation.__table__, citations)
        merge.insert_rows(conn, ev_t, rows)
        if pause:
            raw.execute("DELETE FROM rk_fts_pause")
            quotes: dict[int, list[str]] = {}
            for c in citations:
                quotes.setdefault(c["event_id"], []).append(c["quote"])
            raw.executemany("INSERT INTO event_fts(rowid, headline, quotes) VALUES (?, ?, ?)",
                            [(r["id"], r["headline"], "\n\n".join(quotes.get(r["id"], ()))) for r in rows])
    else:
        merge.insert_rows(conn, ev_t, rows)
        merge.insert_rows(conn, Citation.__table__, citations)
    if links_a:
        merge.insert_rows(conn, EventActor.__table__, links_a)
    if links_c:
        merge.insert_rows(conn, EventCountry.__table__, links_c)

    repaired = merge.repair_groups(session, old_groups, reason="Artikel neu geladen")
    if mentions is not None:
        mentions.drop_groups(repaired)
    members = [merge.GroupRow(r["group_id"], r["type"], r["status"], article.source_group, article.outlet, doc.name,
                              r["id"], r["date_basis"], r["date_precision"], r["merge_reason"]) for r in rows]
    merge.refresh_groups(session, touched | repaired, mentions, members)
    return len(ex.events)


def _new_event_ids(conn: Connection, n: int, reused_max: int) -> list[int]:
    """``n`` unused event ids, ascending. SQLite gives a new row of a table without AUTOINCREMENT the
    largest id + 1 (``reused_max``: the largest id this article keeps, already deleted and not yet
    written again); PostgreSQL takes them from the column's sequence."""
    if n == 0:
        return []
    if conn.dialect.name == "sqlite":
        top = max(merge.fetch(conn, _MAX_EVENT_ID, {})[0][0] or 0, reused_max)
        return list(range(top + 1, top + n + 1))
    return sorted(conn.execute(_NEXT_EVENT_IDS, {"n": n}).scalars())


def _links(ids: list[int], ex: Extraction, actors: dict[str, StoredActor]) -> tuple[list[dict], list[dict]]:
    """The event_actor and event_country rows: each actor once per role, each country once (its
    first role)."""
    links_a, links_c = [], []
    for event_id, ev in zip(ids, ex.events, strict=True):
        seen_a: set[tuple[int, str]] = set()
        for a in ev.actors:
            key = (actors[a.name].id, a.role)
            if key not in seen_a:
                seen_a.add(key)
                links_a.append({"event_id": event_id, "actor_id": key[0], "role": a.role})
        seen_c: set[str] = set()
        for c in ev.countries:
            if c.code not in seen_c:
                seen_c.add(c.code)
                links_c.append({"event_id": event_id, "country_code": c.code, "role": c.role})
    return links_a, links_c


def _mentions(ids: list[int], ex: Extraction, citations: list[dict], links_c: list[dict],
              actors: dict[str, StoredActor], article_id: int, dct_value: str | None) -> list[merge.MentionInfo]:
    """The new mentions as ``merge.load_infos`` would read them back once written, without reading
    them back: persons are the linked actors whose stored kind is "person", a speaker's state is the
    stored actor's country, a country's role is that of its stored link (its first mention)."""
    persons: dict[int, set[str]] = {i: set() for i in ids}
    speaker_states: dict[int, set[str]] = {i: set() for i in ids}
    for eid, ev in zip(ids, ex.events, strict=True):
        for a in ev.actors:
            actor = actors[a.name]
            if actor.kind == "person":
                persons[eid].add(a.name)
                if a.role == "source" and actor.country:
                    speaker_states[eid].add(actor.country)
    countries: dict[int, set[str]] = {i: set() for i in ids}
    senders: dict[int, set[str]] = {i: set() for i in ids}
    for link in links_c:
        countries[link["event_id"]].add(link["country_code"])
        if link["role"] == "source":
            senders[link["event_id"]].add(link["country_code"])
    return [
        merge.MentionInfo(
            id=eid, article_id=article_id, group_id=eid, sentence_index=cit["sentence_index"] or 0, type=ev.type,
            status=ev.status, first=ev.date.first, last=ev.date.last, precision=ev.date.precision,
            value=ev.date.value, persons=frozenset(persons[eid]), countries=frozenset(countries[eid]),
            quote=cit["quote"] or "", basis=ev.date.basis or "none", senders=frozenset(senders[eid]),
            trigger=ev.trigger or "", speaker_states=frozenset(speaker_states[eid]),
            published=merge.published(ev.type, ev.status, ev.date.first, dct_value))
        for eid, ev, cit in zip(ids, ex.events, citations, strict=True)
    ]


def _citations(ids: list[int], ex: Extraction, doc: Document, article_id: int) -> list[dict]:
    """One citation row per event: its clause in the original text."""
    return [{"event_id": event_id, "article_id": article_id, "start": ev.start, "end": ev.end,
             "quote": doc.text[ev.start:ev.end], "sentence_index": ev.sentence_index}
            for event_id, ev in zip(ids, ex.events, strict=True)]


def _set_source(session: Session, article: _ArticleRow, doc: Document, meta: ArticleMeta | None) -> sources.Twin | None:
    """Newsroom, near-duplicate sketch and the source group counted once for corroboration.
    Returns the stored near-duplicate of this article, if any."""
    article.source_key = sources.source_key(article.outlet, article.url, doc)
    sketch = sources.minhash(sources.kept_text(doc))
    article.fingerprint = sources.encode(sketch)
    article.fp_b0, article.fp_b1, article.fp_b2, article.fp_b3 = sketch[:4]
    twin = sources.near_duplicate(session, sketch, doc.name)
    if twin is not None and twin.source_group:
        article.source_group = twin.source_group
    else:
        article.source_group = article.source_key or f"article:{doc.name}"
    return twin


class StoredActor(NamedTuple):
    """An actor row as stored (an existing name keeps the kind and state it was first stored with)."""

    id: int
    name: str
    kind: str
    country: str | None


def _actors(session: Session, refs: list[ActorRef]) -> dict[str, StoredActor]:
    """The stored named actors, creating the missing ones."""
    by_name = {r.name: r for r in refs}
    if not by_name:
        return {}
    conn = session.connection()
    t = Actor.__table__
    found = {r[1]: StoredActor(*r) for r in conn.execute(
        select(t.c.id, t.c.name, t.c.kind, t.c.country_code).where(t.c.name.in_(list(by_name))))}
    missing = [r for name, r in by_name.items() if name not in found]
    if missing:
        new = conn.execute(
            insert(t).returning(t.c.id, sort_by_parameter_order=True),
            [{"name": r.name, "kind": r.kind, "country_code": r.country, "aliases": _aliases(r)} for r in missing],
        ).scalars()
        found.update((r.name, StoredActor(i, r.name, r.kind, r.country)) for r, i in zip(missing, new, strict=True))
    return found


def _aliases(ref: ActorRef) -> list[str]:
    """The other names of an actor: the mention's, else every full form the lexicon knows
    ("Kim Jong-un", "Kim Dschong Un" for Kim Jong Un), shown on the actor page."""
    if ref.aliases:
        return list(ref.aliases)
    info = actor_info(ref.name)
    return list(info.aliases) if info is not None else []


def _ensure_countries(session: Session, names: dict[str, str]) -> None:
    if not names:
        return
    conn = session.connection()
    t = Country.__table__
    have = set(conn.execute(select(t.c.code).where(t.c.code.in_(list(names)))).scalars())
    new = [{"code": c, "name": n} for c, n in names.items() if c not in have]
    if new:
        conn.execute(insert(t), new)
