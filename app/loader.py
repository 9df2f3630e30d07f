"""The loader: article files → ingest → extraction → the store, one transaction per file.

Guarantees:
- a broken file is reported (file, reason) and skipped; the other files still load;
- the same content is skipped as ``unchanged`` (SHA-256 of the bytes, per file name);
- a changed file replaces its own article row's events in the same transaction;
- a failure while writing rolls the file's transaction back, leaving no partial rows.
Ingest and extraction run before the transaction opens, so the database is only held for writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.extract.model import ActorRef, Document, Extraction
from app.extract.pipeline import extract
from app.extract.timevalue import interval
from app.ingest import ArticleMeta, IngestError, content_hash, parse_document, read_manifest
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry


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
    report = LoadReport()
    for path in iter_article_files(paths):
        result = load_file(path, engine, metas.get(path.name))
        report.results.append(result)
        if progress:
            progress(path, result)
    return report


def load_file(path: Path, engine: Engine, meta: ArticleMeta | None = None) -> FileResult:
    name = path.name
    if not path.exists():
        return FileResult(name, "failed", "no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(name, "failed", f"cannot read file: {exc.strerror or exc}")
    digest = content_hash(data)
    with Session(engine) as session:
        existing = session.scalars(select(Article).where(Article.file_name == name)).first()
        if existing is not None and existing.content_hash == digest and _meta_same(existing, meta):
            return FileResult(name, "unchanged")
    try:
        doc = parse_document(name, data, meta)
        extraction = extract(doc)
    except IngestError as exc:
        return FileResult(name, "failed", exc.reason)
    except Exception as exc:  # an extraction bug must not stop the other files
        return FileResult(name, "failed", f"extraction error: {type(exc).__name__}: {exc}")
    try:
        with Session(engine) as session, session.begin():
            n = _store(session, doc, extraction, digest, meta)
    except Exception as exc:
        return FileResult(name, "failed", f"database error: {type(exc).__name__}: {exc}")
    return FileResult(name, "replaced" if existing is not None else "loaded", events=n)


def _meta_same(article: Article, meta: ArticleMeta | None) -> bool:
    if meta is None:
        return True  # a load without manifest keeps what an earlier manifest said
    return (article.outlet, article.url) == (meta.outlet, meta.url) and (
        meta.published is None or article.dct_value == meta.published
    )


def _report(doc: Document) -> dict:
    return {
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "dropped": [{"start": d.start, "end": d.end, "reason": d.reason, "text": d.text} for d in doc.dropped],
        "sentences": len(doc.sentences),
    }


def _store(session: Session, doc: Document, ex: Extraction, digest: str, meta: ArticleMeta | None) -> int:
    article = session.scalars(select(Article).where(Article.file_name == doc.name)).first()
    if article is None:
        article = Article(file_name=doc.name, content_hash=digest, text=doc.text)
        session.add(article)
    else:
        # A changed file replaces its own events (links and citations go with them).
        event_ids = select(Event.id).where(Event.article_id == article.id)
        session.execute(delete(Citation).where(Citation.event_id.in_(event_ids)))
        session.execute(delete(EventActor).where(EventActor.event_id.in_(event_ids)))
        session.execute(delete(EventCountry).where(EventCountry.event_id.in_(event_ids)))
        session.execute(delete(Event).where(Event.article_id == article.id))
    article.content_hash = digest
    article.text = doc.text
    article.title = doc.title
    article.encoding = doc.encoding
    if meta is not None:
        article.outlet, article.url = meta.outlet, meta.url
    dct = doc.dct
    article.dct_value = dct.value if dct else None
    article.dct_precision = (interval(dct.value) or (None, None, None))[2] if dct else None
    article.dct_source = dct.source if dct else None
    article.dct_detail = dct.detail[:200] if dct else None
    article.report = _report(doc)
    session.flush()
    if not ex.events:
        return 0

    # Bulk inserts: one statement per table, ids back in parameter order.
    rows = [
        {
            "article_id": article.id, "type": ev.type, "status": ev.status, "headline": ev.headline[:500],
            "date_value": ev.date.value, "date_first": ev.date.first, "date_last": ev.date.last,
            "date_precision": ev.date.precision, "date_expression": (ev.date.expression or None),
            "date_basis": ev.date.basis, "date_anchor": ev.date.anchor, "trigger": ev.trigger,
            "claims": [{"stance": c.stance, "holders": list(c.holders), "cue": c.cue} for c in ev.claims],
            "position": pos,
        }
        for pos, ev in enumerate(ex.events)
    ]
    conn = session.connection()  # Core inserts: the ORM's bulk path costs more than the SQL here
    ev_t = Event.__table__
    ids = list(conn.execute(insert(ev_t).returning(ev_t.c.id, sort_by_parameter_order=True), rows).scalars())
    actor_ids = _actor_ids(session, [a for ev in ex.events for a in ev.actors])
    _ensure_countries(session, {c.code: c.name for ev in ex.events for c in ev.countries})

    links_a, links_c, cits = [], [], []
    for event_id, ev in zip(ids, ex.events, strict=True):
        seen_a: set[tuple[int, str]] = set()
        for a in ev.actors:
            key = (actor_ids[a.name], a.role)
            if key not in seen_a:
                seen_a.add(key)
                links_a.append({"event_id": event_id, "actor_id": key[0], "role": a.role})
        seen_c: set[str] = set()
        for c in ev.countries:
            if c.code not in seen_c:
                seen_c.add(c.code)
                links_c.append({"event_id": event_id, "country_code": c.code, "role": c.role})
        cits.append({"event_id": event_id, "article_id": article.id, "start": ev.start, "end": ev.end,
                     "quote": doc.text[ev.start:ev.end], "sentence_index": ev.sentence_index})
    if links_a:
        conn.execute(insert(EventActor.__table__), links_a)
    if links_c:
        conn.execute(insert(EventCountry.__table__), links_c)
    conn.execute(insert(Citation.__table__), cits)
    return len(ex.events)


def _actor_ids(session: Session, refs: list[ActorRef]) -> dict[str, int]:
    """Ids of the named actors, creating the missing ones."""
    by_name = {r.name: r for r in refs}
    if not by_name:
        return {}
    conn = session.connection()
    t = Actor.__table__
    found = dict(conn.execute(select(t.c.name, t.c.id).where(t.c.name.in_(list(by_name)))).all())
    missing = [r for name, r in by_name.items() if name not in found]
    if missing:
        new = conn.execute(
            insert(t).returning(t.c.id, sort_by_parameter_order=True),
            [{"name": r.name, "kind": r.kind, "country_code": r.country, "aliases": list(r.aliases)}
             for r in missing],
        ).scalars()
        found.update(zip([r.name for r in missing], new, strict=True))
    return found


def _ensure_countries(session: Session, names: dict[str, str]) -> None:
    if not names:
        return
    conn = session.connection()
    t = Country.__table__
    have = set(conn.execute(select(t.c.code).where(t.c.code.in_(list(names)))).scalars())
    new = [{"code": c, "name": n} for c, n in names.items() if c not in have]
    if new:
        conn.execute(insert(t), new)
