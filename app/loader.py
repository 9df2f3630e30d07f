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

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.extract.model import Document, Extraction
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
        # A changed file replaces its own events (links and citations cascade).
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

    actor_ids: dict[str, int] = {}
    known_countries: set[str] = set()
    for pos, ev in enumerate(ex.events):
        quote = doc.text[ev.start:ev.end]
        row = Event(
            article_id=article.id, type=ev.type, status=ev.status, headline=ev.headline[:500],
            date_value=ev.date.value, date_first=ev.date.first, date_last=ev.date.last,
            date_precision=ev.date.precision, date_expression=(ev.date.expression or None),
            date_basis=ev.date.basis, date_anchor=ev.date.anchor, trigger=ev.trigger,
            claims=[{"stance": c.stance, "holders": list(c.holders), "cue": c.cue} for c in ev.claims],
            position=pos,
        )
        session.add(row)
        session.flush()
        seen_actor: set[tuple[int, str]] = set()
        for a in ev.actors:
            aid = actor_ids.get(a.name) or _actor_id(session, a)
            actor_ids[a.name] = aid
            if (aid, a.role) not in seen_actor:
                seen_actor.add((aid, a.role))
                session.add(EventActor(event_id=row.id, actor_id=aid, role=a.role))
        seen_country: set[str] = set()
        for c in ev.countries:
            if c.code in seen_country:
                continue
            seen_country.add(c.code)
            if c.code not in known_countries:
                _ensure_country(session, c.code, c.name)
                known_countries.add(c.code)
            session.add(EventCountry(event_id=row.id, country_code=c.code, role=c.role))
        session.add(Citation(event_id=row.id, article_id=article.id, start=ev.start, end=ev.end,
                             quote=quote, sentence_index=ev.sentence_index))
    return len(ex.events)


def _actor_id(session: Session, ref) -> int:
    actor = session.scalars(select(Actor).where(Actor.name == ref.name)).first()
    if actor is None:
        actor = Actor(name=ref.name, kind=ref.kind, country_code=ref.country, aliases=list(ref.aliases))
        session.add(actor)
        session.flush()
    return actor.id


def _ensure_country(session: Session, code: str, name: str) -> None:
    if session.get(Country, code) is None:
        session.add(Country(code=code, name=name))
        session.flush()
