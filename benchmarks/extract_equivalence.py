"""Golden output of ingest + extraction (and optionally of a database load), for checking that a
speed-up changes nothing.

Runs ``parse_document`` + ``extract`` over every article of ``../shared/seeds`` and ``../shared/dev``
(with and without their manifest), the raw texts of the KRAUTS Dolomiten parts (with and without
their DCT) and the varied articles of ``benchmarks/load_throughput.py``, plus the temporal tagger
alone over ``krauts/jsonl/docs.jsonl`` (what ``timeline timex`` writes), and dumps a canonical JSON of
everything: the document (DCT, dropped spans, title, warnings, sentences with offsets), time
expressions, mentions and events with every field. With ``--db`` it also loads seeds, dev and a
share of the variants into a fresh SQLite file (plus a re-load of changed files) and dumps every
table row, so the database writes and what merging made of them are compared too.

    python benchmarks/extract_equivalence.py -o /tmp/golden.json [--db] [--n 1000]
    python benchmarks/extract_equivalence.py -o /tmp/after.json [--db] && cmp /tmp/golden.json /tmp/after.json

``--compare FILE`` prints the first differing document instead of writing blindly.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from app.extract.pipeline import extract  # noqa: E402
from app.extract.timex import tag  # noqa: E402
from app.extract.timex_io import timex_to_json  # noqa: E402
from app.ingest import ArticleMeta, IngestError, parse_document, read_manifest  # noqa: E402

SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.S)


def _plain(x):
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, (date, datetime)):
        return x.isoformat()
    return x


def articles(n_variants: int) -> list[tuple[str, str, ArticleMeta | None]]:
    """(label, text, meta) of every article checked."""
    out: list[tuple[str, str, ArticleMeta | None]] = []
    for folder in ("seeds", "dev"):
        d = SHARED / folder
        metas = read_manifest(d / "manifest.csv") if (d / "manifest.csv").exists() else {}
        for p in sorted(d.glob("*.txt")):
            text = p.read_bytes().decode("utf-8", errors="surrogateescape")
            out.append((f"{folder}/{p.name}", text, metas.get(p.name)))
            out.append((f"{folder}/{p.name}#nometa", text, None))
    for p in sorted((SHARED / "krauts" / "KRAUTS").glob("*_raw-text/*.tml")):
        raw = p.read_text(encoding="utf-8")
        m = _TEXT.search(raw)
        if not m:
            continue
        import html

        text = html.unescape(m.group(1))
        dct = _DCT.search(raw)
        label = f"krauts/{p.parent.name}/{p.name}"
        out.append((label, text, ArticleMeta(p.name, published=dct.group(1)[:10]) if dct else None))
        out.append((label + "#nometa", text, None))
    if n_variants:
        from load_throughput import variants

        out += [(f"variant/{name}", text, None) for name, text in variants(n_variants)]
    return out


def golden(n_variants: int) -> dict:
    docs = {}
    for label, text, meta in articles(n_variants):
        name = label.rsplit("/", 1)[-1].split("#")[0]
        try:
            doc = parse_document(name, text.encode("utf-8", errors="surrogateescape"), meta)
        except IngestError as exc:
            docs[label] = {"error": exc.reason}
            continue
        ex = extract(doc)
        docs[label] = {"doc": _plain(doc), "extraction": _plain(ex)}
    timex = {}
    jl = SHARED / "krauts" / "jsonl" / "docs.jsonl"
    for line in jl.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            timex[d["doc"]] = [timex_to_json(t) for t in tag(d.get("text") or "", d.get("dct") or None)]
            timex[d["doc"] + "#nodct"] = [timex_to_json(t) for t in tag(d.get("text") or "", None)]
    return {"documents": docs, "timex": timex}


def db_dump(n_variants: int, merging: bool = True) -> dict:
    """Load seeds, dev and variants into a fresh SQLite file, change a few files and load again;
    every table's rows (timestamps left out). ``merging=False`` switches merging off in this process
    (the rows are then exactly what the loader writes); with merging, the digest of the merge code is
    recorded, since a change there changes the rows too."""
    from app.store import merge

    out: dict = {}
    saved = merge.assign_groups, merge.repair_groups, merge.refresh_groups
    if merging:
        code = b"".join((REPO / "app" / "store" / f).read_bytes() for f in ("merge.py", "sources.py"))
        out["merge_code_sha256"] = hashlib.sha256(code).hexdigest()
    else:
        merge.assign_groups = lambda *a, **k: set()
        merge.repair_groups = lambda *a, **k: set()
        merge.refresh_groups = lambda *a, **k: None
    try:
        return _db_dump(n_variants, out)
    finally:
        merge.assign_groups, merge.repair_groups, merge.refresh_groups = saved


def _db_dump(n_variants: int, out: dict) -> dict:
    from load_throughput import variants
    from sqlalchemy import text as sql

    from app.loader import load_paths
    from app.store.database import make_engine
    from app.store.migrate import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'eq.db'}"
        upgrade(url)
        engine = make_engine(url)
        reports = []
        for folder in ("seeds", "dev"):
            d = SHARED / folder
            reports.append(load_paths([d], engine, d / "manifest.csv"))
        vd = Path(tmp) / "variants"
        vd.mkdir()
        arts = variants(n_variants)
        for name, text in arts:
            (vd / name).write_text(text, encoding="utf-8")
        reports.append(load_paths([vd], engine))
        # changed files: replaced in place (ids reused where the clause survives, groups repaired)
        for name, text in arts[: max(1, n_variants // 10)]:
            paras = text.split("\n\n")
            (vd / name).write_text("\n\n".join(paras[:1] + paras[2:] + paras[1:2]), encoding="utf-8")
        reports.append(load_paths([vd], engine))
        reports.append(load_paths([vd], engine))  # unchanged
        out["reports"] = [[list(dataclasses.astuple(r)) for r in rep.results] for rep in reports]
        with engine.connect() as conn:
            tables = [r[0] for r in conn.execute(sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%fts%' AND name != 'alembic_version' ORDER BY name"))]
            for t in tables:
                cols = [r[1] for r in conn.execute(sql(f'PRAGMA table_info("{t}")'))
                        if r[1] not in ("loaded_at", "created_at", "epoch")]  # epoch: random per database
                collist = ", ".join(f'"{c}"' for c in cols)
                rows = conn.execute(sql(f'SELECT {collist} FROM "{t}" ORDER BY {collist}')).all()
                out[t] = {"columns": cols, "rows": [[_plain(v) for v in r] for r in rows]}
            fts = [r[0] for r in conn.execute(sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE '%fts' ORDER BY name"))]
            for t in fts:
                rows = conn.execute(sql(f'SELECT rowid, * FROM "{t}" ORDER BY rowid')).all()
                out[t] = [[_plain(v) for v in r] for r in rows]
        engine.dispose()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=1000, help="varied articles (load_throughput.variants)")
    ap.add_argument("--db", action="store_true", help="also dump database loads, without and with merging")
    ap.add_argument("--db-n", type=int, default=300, help="varied articles in the database load")
    ap.add_argument("--db-only", action="store_true", help="only the database loads (implies --db)")
    ap.add_argument("--compare", type=Path, help="a golden file: report the first difference")
    args = ap.parse_args()
    t0 = time.perf_counter()
    result = golden(args.n) if not args.db_only else {"documents": {}, "timex": {}}
    t1 = time.perf_counter()
    args.db = args.db or args.db_only
    if args.db:
        result["database"] = db_dump(args.db_n, merging=False)
        result["database_merged"] = db_dump(args.db_n, merging=True)
    t2 = time.perf_counter()
    blob = json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0)
    result = json.loads(blob)
    args.out.write_text(blob, encoding="utf-8")
    digest = hashlib.sha256(blob.encode()).hexdigest()[:16]
    print(f"{len(result['documents'])} documents, {len(result['timex'])} timex docs; extraction {t1 - t0:.1f} s"
          + (f", database {t2 - t1:.1f} s" if args.db else "") + f"; sha256 {digest} → {args.out}")
    if args.compare:
        gold = json.loads(args.compare.read_text(encoding="utf-8"))
        parts = [p for p in ("documents", "timex", "database", "database_merged") if p in result
                 and (result[p] or p not in ("documents", "timex") or not args.db_only)]
        same = True
        for part in parts:
            a, b = gold.get(part) or {}, result.get(part) or {}
            for k in sorted(set(a) | set(b)):
                if a.get(k) != b.get(k):
                    print(f"DIFFERENT: {part} / {k}")
                    same = False
                    break
            if json.dumps(a, ensure_ascii=False, sort_keys=True) != json.dumps(b, ensure_ascii=False, sort_keys=True):
                same = False
        print(f"compared {', '.join(parts)}: " + ("identical" if same else "NOT identical"))
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
