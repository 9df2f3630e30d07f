"""A throwaway PostgreSQL cluster for tests: initdb in a temp dir, pg_ctl start on a free loopback
port, stopped and removed afterwards. Runs the server as the ``postgres`` user when the tests run
as root (PostgreSQL refuses to run as root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def pg_bin() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(cand, "initdb").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def require_postgres() -> None:
    """Skip the calling test when the server binaries are missing — fail instead under
    ``REQUIRE_POSTGRES`` (CI), where a skip would hide that nothing ran."""
    import pytest

    if pg_bin() is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here (REQUIRE_POSTGRES) but initdb was not found")
        pytest.skip("PostgreSQL server binaries not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh database on a private cluster."""
    bindir = pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb) not found")
    root = Path(tempfile.mkdtemp(prefix="pgtest-"))
    datadir, sockdir = root / "data", root / "sock"
    sockdir.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        for p in (root, sockdir):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        os.chmod(root, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    log = root / "server.log"

    def run(*args: str) -> None:
        subprocess.run(prefix + list(args), check=True, capture_output=True, text=True)

    try:
        run(str(bindir / "initdb"), "-D", str(datadir), "-U", "timeline", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8")
        run(str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log), "-w", "-t", "60", "start",
            "-o", f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 -c fsync=off")
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "timeline", "timeline")
        yield f"postgresql+psycopg://timeline@127.0.0.1:{port}/timeline"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
