"""The loader's fast paths store exactly what the plain paths store.

- SQLite statements run on the DBAPI connection (``merge.fetch`` / ``insert_rows`` / ``execute_many``);
- the loader writes the full-text rows itself while migration 0007 pauses the insert triggers;
- ``refresh_groups`` takes whole groups from the load's ``MentionCache``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.loader import Loader, load_paths
from app.store import merge
from app.store.database import make_engine
from app.store.migrate import alembic_config, upgrade
from app.store.models import Article, Citation, Event

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

EVENT_ROWS = ("SELECT id, article_id, type, status, headline, date_first, group_id, merge_reason, group_status, "
              "source_count, sources, is_head FROM event ORDER BY id")
FTS_ROWS = "SELECT rowid, headline, quotes FROM event_fts ORDER BY rowid"
FTS_EXPECTED = ("SELECT e.id, e.headline, coalesce((SELECT group_concat(c.quote, char(10) || char(10)) "
                "FROM citation c WHERE c.event_id = e.id), '') FROM event e ORDER BY e.id")


def dump(engine) -> dict[str, list]:
    with engine.connect() as c:
        return {"event": [tuple(r) for r in c.execute(text(EVENT_ROWS))],
                "fts": [tuple(r) for r in c.execute(text(FTS_ROWS))],
                "redirect": [tuple(r) for r in c.execute(text("SELECT old_id, new_id FROM event_redirect ORDER BY 1"))]}


def fresh_engine(tmp_path: Path, name: str):
    """A new SQLite file migrated to the newest revision."""
    url = f"sqlite:///{tmp_path / f'{name}.db'}"
    upgrade(url)
    return make_engine(url)


def checked_dump(engine) -> dict[str, list]:
    """``dump`` after checking the full-text rows, with the engine disposed."""
    fts_in_sync(engine)
    rows = dump(engine)
    engine.dispose()
    return rows


def fts_in_sync(engine) -> None:
    with engine.connect() as c:
        expected = [tuple(r) for r in c.execute(text(FTS_EXPECTED))]
        stored = [tuple(r) for r in c.execute(text(FTS_ROWS))]
        assert c.execute(text("SELECT count(*) FROM rk_fts_pause")).scalar() == 0
    assert stored == expected


def test_loader_writes_the_fulltext_rows_the_triggers_would(engine):
    report = load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    assert report.count("loaded") == 5
    fts_in_sync(engine)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM event_fts")).scalar() > 50


def test_other_writers_keep_fulltext_in_sync_through_the_triggers(engine):
    with Session(engine) as s:
        art = Article(file_name="x.txt", content_hash="0" * 64, text="Putin besuchte Pjöngjang.", report={})
        s.add(art)
        s.flush()
        ev = Event(article_id=art.id, type="visit", status="reported", headline="Putin in Pjöngjang", claims=[])
        s.add(ev)
        s.flush()
        s.add(Citation(event_id=ev.id, article_id=art.id, start=0, end=25, quote="Putin besuchte Pjöngjang."))
        s.add(Event(article_id=art.id, type="visit", status="reported", headline="Besuch", claims=[],
                    group_id=ev.id))  # a merged mention whose writer leaves is_head to the trigger
        s.commit()
    fts_in_sync(engine)
    with engine.connect() as c:
        assert c.execute(text("SELECT quotes FROM event_fts WHERE rowid = 1")).scalar() == "Putin besuchte Pjöngjang."
        assert [tuple(r) for r in c.execute(text("SELECT id, is_head FROM event ORDER BY id"))] == [(1, 1), (2, 0)]


def test_loader_stores_is_head_as_the_triggers_set_it(engine):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    with engine.connect() as c:
        rows = c.execute(text("SELECT id, group_id, is_head FROM event")).all()
    assert rows and any(h == 0 for _, _, h in rows)
    assert all(h == (1 if g is None or g == i else 0) for i, g, h in rows)


def test_a_rolled_back_file_leaves_no_pause_and_no_fulltext(engine, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge, "refresh_groups", boom)  # after the inserts
    report = load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    assert report.count("failed") == 5
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM event_fts")).scalar() == 0
        assert c.execute(text("SELECT count(*) FROM event")).scalar() == 0
    fts_in_sync(engine)


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _variants(n: int) -> list[tuple[str, str]]:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from load_throughput import variants
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return variants(n)


def test_one_loader_stores_what_a_loader_per_file_stores(tmp_path):
    """The load's caches (mentions, whole groups) change nothing: loading file by file with a fresh
    Loader each time, and loading them all, then edited versions, with one Loader give the same rows."""
    arts = _variants(36)
    work = tmp_path / "work"
    work.mkdir()
    results = []
    for shared in (True, False):
        engine = fresh_engine(tmp_path, str(shared))
        one = Loader(engine)
        for round_ in range(3):
            for i, (name, body) in enumerate(arts):
                if round_ == 1 and i % 3 == 0:
                    body = ". ".join(body.split(". ")[:-3])  # shortened: replaced events and repaired groups
                if round_ == 2 and i % 4 == 0:
                    body = ". ".join(body.split(". ")[2:])
                (work / name).write_text(body, encoding="utf-8")
                result = (one if shared else Loader(engine)).load_file(work / name)
                assert result.outcome != "failed", result
        results.append(checked_dump(engine))
    assert results[0] == results[1]


def test_rollback_drops_what_the_transaction_staged(tmp_path, monkeypatch):
    """A failed file leaves no cached mention or group behind: the next files load as into a fresh load."""
    dumps = []
    for fail in (True, False):
        engine = fresh_engine(tmp_path, str(fail))
        one = Loader(engine)
        files = _seed_files()
        if fail:
            real = merge.refresh_groups

            def boom(*a, real=real, **k):
                real(*a, **k)  # stages the groups it recomputed
                raise RuntimeError("late failure")

            monkeypatch.setattr(merge, "refresh_groups", boom)
            assert one.load_file(files[0]).outcome == "failed"
            monkeypatch.setattr(merge, "refresh_groups", real)
        for p in files:
            assert one.load_file(p).outcome in ("loaded", "unchanged")
        dumps.append(checked_dump(engine))
    assert dumps[0] == dumps[1]


def test_migration_0007_downgrades_to_the_plain_triggers(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    command.downgrade(alembic_config(url), "0006")
    engine = make_engine(url)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'rk_fts_pause'")).scalar() == 0
        sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name = 'event_fts_ai'")).scalar()
        assert "rk_fts_pause" not in sql
    # Without the pause table the loader leaves the full-text rows to the triggers.
    assert load_paths([SEEDS], engine, SEEDS / "manifest.csv").count("loaded") == 5
    with engine.connect() as c:
        expected = [tuple(r) for r in c.execute(text(FTS_EXPECTED))]
        stored = [tuple(r) for r in c.execute(text(FTS_ROWS))]
    assert stored == expected and stored
    engine.dispose()
    command.upgrade(alembic_config(url), "head")


@pytest.mark.parametrize("stmt", ["group_of", "dated"])
def test_fetch_runs_the_statement_sqlalchemy_compiles(engine, stmt):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    from datetime import date

    if stmt == "group_of":
        q, params = merge._GROUP_OF, {"ids": [1, 2, 3, 5, 8]}
    else:
        q, params = merge._dated_query(True, True), {
            "types": ["meeting", "talks", "visit"], "aid": 0, "hi": date(2030, 1, 1), "lo": date(2000, 1, 1),
            "start": date(1999, 1, 1), "names": ["Wladimir Putin", "Kim Jong Un"], "limit": 12}
    with engine.connect() as c:
        plain = [tuple(r) for r in c.execute(q, params)]
        fast = [tuple(r) for r in merge.fetch(c, q, params)]
    assert fast == plain and fast
    json.dumps(fast)  # plain values


def test_without_the_sqlalchemy_internals_the_core_path_stores_the_same(tmp_path, monkeypatch):
    """Should a SQLAlchemy release drop the compiler internals the prebuilt statements read
    (``merge.FAST_SQLITE`` false), SQLite loads go through Core and store the same rows."""
    arts = _variants(12)
    work = tmp_path / "work"
    work.mkdir()
    for name, body in arts:
        (work / name).write_text(body, encoding="utf-8")
    results = []
    for fast in (True, False):
        monkeypatch.setattr(merge, "FAST_SQLITE", fast)
        engine = fresh_engine(tmp_path, str(fast))
        report = load_paths([work], engine)
        assert report.count("loaded") == len(arts), report.failed
        results.append(checked_dump(engine))
    assert results[0] == results[1]
