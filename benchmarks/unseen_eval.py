"""Event extraction on self-written unseen articles (tests/fixtures/unseen, expectations in expected.json).

    python benchmarks/unseen_eval.py [--detail]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.events_eval import direct_export, shared_dir  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "unseen"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detail", action="store_true")
    a = ap.parse_args()
    import subprocess

    export, _ = direct_export(FOLDER)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "unseen.json"
        out.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(shared_dir() / "tools" / "eval_events.py"), str(FOLDER / "expected.json"), str(out),
               str(FOLDER)] + (["--detail"] if a.detail else [])
        print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
