"""The loader end to end on real files: bad input, idempotence, transactions, gold recall."""

from __future__ import annotations

import codecs
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from app.loader import load_paths
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
TABLES = (Article, Event, Citation, Actor, Country, EventActor, EventCountry)

ARTICLE = (
    "Moskau - Russlands Präsident Wladimir Putin hat am Mittwoch mit Nordkoreas Machthaber Kim Jong Un "
    "telefoniert. Beide Seiten vereinbarten nach Angaben des Kremls eine engere Zusammenarbeit. "
    "Nordkorea soll Russland Artilleriemunition geliefert haben, wie die USA vermuten. "
    "Der Kreml wies dies zurück.\n"
)


def counts(engine) -> dict[str, int]:
    with Session(engine) as s:
        return {t.__name__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def test_seeds_load_and_citations_are_exact(engine):
    report = load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    assert report.count("failed") == 0, report.failed
    assert report.count("loaded") == 5
    with Session(engine) as s:
        texts = {a.id: a.text for a in s.scalars(select(Article))}
        cits = list(s.scalars(select(Citation)))
        assert cits, "the seeds yield cited events"
        for c in cits:
            assert texts[c.article_id][c.start:c.end] == c.quote
        a = s.scalars(select(Article).where(Article.file_name == "003_cd4c5c27adc4d450.txt")).one()
        assert a.dct_value == "2024-W24" and a.dct_source == "manifest"
        assert a.outlet == "nau.ch"


def test_reload_three_times_duplicates_nothing(engine):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    once = counts(engine)
    for _ in range(2):
        report = load_paths([SEEDS], engine, SEEDS / "manifest.csv")
        assert report.count("unchanged") == 5
    assert counts(engine) == once


def test_changed_file_replaces_its_own_events(engine, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in SEEDS.glob("00[01]_*.txt"):
        shutil.copy(p, d / p.name)
    load_paths([d], engine)
    before = counts(engine)
    target = next(d.glob("000_*.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\n" + ARTICLE, encoding="utf-8")
    report = load_paths([d], engine)
    outcomes = {r.file: r.outcome for r in report.results}
    assert outcomes[target.name] == "replaced"
    assert sum(o == "unchanged" for o in outcomes.values()) == 1
    after = counts(engine)
    assert after["Article"] == before["Article"]
    with Session(engine) as s:
        art = s.scalars(select(Article).where(Article.file_name == target.name)).one()
        for c in s.scalars(select(Citation).where(Citation.article_id == art.id)):
            assert art.text[c.start:c.end] == c.quote


def test_bad_input_is_reported_and_the_rest_loads(engine, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "latin1.txt").write_bytes(ARTICLE.encode("latin-1"))
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    (d / "huge.txt").write_bytes((ARTICLE * 60_000).encode()[:20_000_000])
    (d / "notes.txt").write_bytes(b"TODO: milk, eggs\n")
    (d / "table.txt").write_bytes(b"id;value;x;y;z\n" + b"1;2;3;4;5\n" * 500)
    shutil.copy(SEEDS / "000_bbac8b38a92c41c1.txt", d)
    report = load_paths([d], engine)
    out = {r.file: r for r in report.results}
    assert out["empty.txt"].outcome == "failed" and "empty" in out["empty.txt"].reason
    assert out["binary.txt"].outcome == "failed" and "binary" in out["binary.txt"].reason
    assert out["huge.txt"].outcome == "failed" and "too large" in out["huge.txt"].reason
    assert out["notes.txt"].outcome == "failed" and "not an article" in out["notes.txt"].reason
    assert out["table.txt"].outcome == "failed" and "not an article" in out["table.txt"].reason
    for ok in ("latin1.txt", "utf16.txt", "000_bbac8b38a92c41c1.txt"):
        assert out[ok].outcome == "loaded", out[ok]
    with Session(engine) as s:
        encs = {a.file_name: a.encoding for a in s.scalars(select(Article))}
        assert encs["utf16.txt"] == "utf-16-le" and encs["latin1.txt"] in ("cp1252", "latin-1")
        assert set(encs) == {"latin1.txt", "utf16.txt", "000_bbac8b38a92c41c1.txt"}


def test_failure_while_writing_leaves_no_partial_rows(engine, tmp_path, monkeypatch):
    import app.loader as loader

    shutil.copy(SEEDS / "000_bbac8b38a92c41c1.txt", tmp_path)
    real = loader._ensure_countries

    def boom(session, names):
        real(session, names)
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "_ensure_countries", boom)
    report = load_paths([tmp_path], engine)
    assert report.results[0].outcome == "failed" and "disk full" in report.results[0].reason
    assert all(v == 0 for v in counts(engine).values())


def test_cli_load_and_export(tmp_path, db_url):
    env = {"DATABASE_URL": db_url, "PATH": str(Path(sys.executable).parent), "COLUMNS": "250"}
    run = subprocess.run([sys.executable, "-m", "app.cli", "load", str(SEEDS), "--manifest",
                          str(SEEDS / "manifest.csv")], capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "geladen: 5" in run.stderr, run.stderr
    out = tmp_path / "export.json"
    run = subprocess.run([sys.executable, "-m", "app.cli", "export", "--format", "json", "-o", str(out)],
                         capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0, run.stderr
    events = json.loads(out.read_text())["events"]
    assert events
    ev = events[0]
    assert set(ev) >= {"id", "headline", "type", "status", "date", "actors", "countries", "citations"}
    assert set(ev["date"]) >= {"value", "start", "end", "precision", "expression", "basis"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for e in events:
        for c in e["citations"]:
            assert texts[c["source"]][c["start"]:c["end"]] == c["quote"]


def test_seed_recall_against_gold(tmp_path, db_url, shared_dir, engine):
    """The seeds, exported and scored with the project's scorer: event recall ≥ 0.6."""
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    from app.store.queries import export_events

    with Session(engine) as s:
        data = export_events(s)
    out = tmp_path / "export.json"
    out.write_text(json.dumps(data, ensure_ascii=False))
    res = subprocess.run([sys.executable, str(shared_dir / "tools" / "eval_events.py"),
                          str(shared_dir / "gold" / "seeds.json"), str(out), str(shared_dir / "seeds")],
                         capture_output=True, text=True, check=True)
    scores = json.loads(res.stdout.strip().splitlines()[-1])
    assert scores["recall"] >= 0.6, scores
    assert scores["unlocated_citations"] == 0


@pytest.mark.parametrize("missing", ["nope.txt"])
def test_missing_path_is_reported(engine, tmp_path, missing):
    report = load_paths([tmp_path / missing], engine)
    assert report.results[0].outcome == "failed" and "no such file" in report.results[0].reason
