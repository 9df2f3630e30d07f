"""Event extraction against gold: seeds and dev, scored by /work/shared/tools/eval_events.py.

    python benchmarks/events_eval.py            # through the CLI: timeline load + export (sqlite)
    python benchmarks/events_eval.py --direct   # export built straight from extract()
    python benchmarks/events_eval.py --detail   # also list misses and wrong dates

SHARED_DIR overrides where the shared folder (seeds/, dev/, gold/, tools/) lives.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETS = (("seeds", "seeds.json"), ("dev", "dev.json"))


def shared_dir() -> Path:
    return Path(os.environ.get("SHARED_DIR") or ROOT.parent / "shared")


def direct_export(folder: Path) -> tuple[dict, float]:
    """Export dict built from extract() for every article of ``folder``; also seconds spent in extract()."""
    from app.extract.pipeline import extract
    from app.ingest import read_document, read_manifest

    manifest_path = folder / "manifest.csv"
    manifest = read_manifest(manifest_path) if manifest_path.exists() else {}
    events = []
    spent = 0.0
    for path in sorted(folder.glob("*.txt")):
        doc = read_document(path, manifest.get(path.name))
        t0 = time.perf_counter()
        ex = extract(doc)
        spent += time.perf_counter() - t0
        for k, ev in enumerate(ex.events):
            events.append({
                "id": f"{path.stem}-{k}",
                "headline": ev.headline,
                "type": ev.type,
                "status": ev.status,
                "date": {"value": ev.date.value, "start": ev.date.first.isoformat() if ev.date.first else None,
                         "end": ev.date.last.isoformat() if ev.date.last else None,
                         "precision": ev.date.precision, "expression": ev.date.expression, "basis": ev.date.basis},
                "actors": [{"name": a.name, "role": a.role} for a in ev.actors],
                "countries": [{"code": c.code, "name": c.name} for c in ev.countries],
                "citations": [{"source": path.name, "start": ev.start, "end": ev.end,
                               "quote": doc.text[ev.start:ev.end]}],
            })
    return {"events": events}, spent


def cli_export(folder: Path, out: Path) -> None:
    """timeline load + export through a throw-away sqlite database."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/events.db")
        exe = Path(sys.executable).parent
        timeline = str(exe / "timeline")
        alembic = str(exe / "alembic")
        if (ROOT / "alembic.ini").exists():
            subprocess.run([alembic, "upgrade", "head"], cwd=ROOT, env=env, check=True, capture_output=True)
        cmd = [timeline, "load", str(folder)]
        if (folder / "manifest.csv").exists():
            cmd += ["--manifest", str(folder / "manifest.csv")]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run([timeline, "export", "--format", "json", "-o", str(out)], cwd=ROOT, env=env, check=True,
                       capture_output=True)


def score(gold: Path, export: Path, texts: Path, detail: bool) -> tuple[dict, str]:
    tool = shared_dir() / "tools" / "eval_events.py"
    cmd = [sys.executable, str(tool), str(gold), str(export), str(texts)] + (["--detail"] if detail else [])
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    lines = res.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


def evaluate(direct: bool = True, detail: bool = False) -> dict[str, dict]:
    shared = shared_dir()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold_name in SETS:
            folder = shared / name
            out = Path(tmp) / f"{name}.json"
            if direct:
                export, spent = direct_export(folder)
                out.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
            else:
                cli_export(folder, out)
                spent = None
            figures, text = score(shared / "gold" / gold_name, out, folder, detail)
            if spent is not None:
                figures["extract_ms_per_article"] = round(1000 * spent / max(1, len(list(folder.glob("*.txt")))), 2)
            results[name] = figures
            if detail and text:
                print(f"--- {name}\n{text}")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--direct", action="store_true", help="build the export from extract() (no database)")
    ap.add_argument("--detail", action="store_true", help="list misses and wrong dates")
    a = ap.parse_args()
    for name, figures in evaluate(direct=a.direct, detail=a.detail).items():
        print(name, json.dumps(figures))


if __name__ == "__main__":
    main()
