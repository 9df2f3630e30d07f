"""The ``timeline`` command line: migrate, load, export, timex, serve.

``load`` and ``export`` are contracts other tools call; keep their options stable.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

cli = typer.Typer(help="Zeitleiste der russisch-nordkoreanischen Beziehungen: laden, exportieren, prüfen.",
                  no_args_is_help=True, add_completion=False)
console = Console(stderr=True)


class ExportFormat(StrEnum):
    json = "json"


@cli.command()
def migrate() -> None:
    """Bring the database (DATABASE_URL) to the newest schema (alembic upgrade head)."""
    from app.store.migrate import upgrade

    upgrade()
    console.print("[green]Datenbank ist auf dem neuesten Stand.[/green]")


@cli.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt) or folders of them.")],
    manifest: Annotated[Path | None, typer.Option("--manifest", "-m",
                                                  help="CSV: file, outlet, url, published.")] = None,
    migrate_first: Annotated[bool, typer.Option("--migrate/--no-migrate",
                                                help="Run migrations before loading.")] = True,
) -> None:
    """Load German news articles: extract dated, cited events and store them.

    Exit status 0 when every file either loaded or was reported; 1 when a path does not exist or
    the manifest cannot be read.
    """
    from app.ingest import IngestError
    from app.loader import iter_article_files, load_paths
    from app.store.database import get_engine
    from app.store.migrate import upgrade

    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]Pfad nicht gefunden:[/red] {', '.join(map(str, missing))}")
        raise typer.Exit(1)
    if manifest is not None and not manifest.is_file():
        console.print(f"[red]Manifest nicht gefunden:[/red] {manifest}")
        raise typer.Exit(1)
    if migrate_first:
        upgrade()
    files = list(iter_article_files(paths))
    with Progress(TextColumn("[bold]Laden"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=False) as progress:
        task = progress.add_task("", total=len(files))

        def tick(path: Path, _result) -> None:
            progress.update(task, advance=1, description=path.name)

        try:
            report = load_paths(paths, get_engine(), manifest, progress=tick)
        except IngestError as exc:
            console.print(f"[red]{exc.reason}[/red]")
            raise typer.Exit(1) from exc

    table = Table(title="Ergebnis")
    table.add_column("Datei")
    table.add_column("Status")
    table.add_column("Ereignisse", justify="right")
    table.add_column("Grund")
    styles = {"loaded": "green", "replaced": "cyan", "unchanged": "dim", "failed": "red"}
    for r in report.results:
        table.add_row(r.file, f"[{styles[r.outcome]}]{r.outcome}[/]", str(r.events) if r.events else "",
                      r.reason)
    console.print(table)
    console.print(
        f"geladen: {report.count('loaded')}, ersetzt: {report.count('replaced')}, "
        f"unverändert: {report.count('unchanged')}, fehlgeschlagen: {report.count('failed')}"
    )


@cli.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Write every event in the export contract: {"events": [...]}."""
    from sqlmodel import Session

    from app.store.database import get_engine
    from app.store.queries import export_events

    with Session(get_engine()) as session:
        data = export_events(session)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"{len(data['events'])} Ereignisse nach {output} geschrieben.")


@cli.command()
def timex(
    docs: Annotated[Path, typer.Argument(help='JSONL lines {"doc", "text", "dct"}.')],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL lines {\"doc\", \"timexes\"}.")],
) -> None:
    """Tag German time expressions (TIMEX3) in a JSONL corpus."""
    from app.extract.timex_io import run

    n = run(docs, output)
    console.print(f"{n} Dokumente getaggt → {output}")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    reload: Annotated[bool, typer.Option(help="Reload on code changes.")] = False,
) -> None:
    """Serve the web app (uvicorn)."""
    import uvicorn

    uvicorn.run("app.main:app", host=host, port=port, reload=reload)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
