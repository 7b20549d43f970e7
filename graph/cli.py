"""The command line: `samvirke serve`, `samvirke db upgrade|seed-demo|check`, `samvirke reference import`."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from db import migrate
from db.setup import load_demo, load_reference, prepare
from graph.settings import Settings

app = typer.Typer(
    help="Samvirke: a GraphQL backend for knowledge sharing across networks of municipalities "
    "and counties. Configuration comes from the environment (DATABASE_URL, HOST, PORT, ...).",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema and content.", no_args_is_help=True)
reference_app = typer.Typer(
    help="Reference data: counties and municipalities.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(reference_app, name="reference")

console = Console(stderr=True)


def _progress(step: str, count: int) -> None:
    console.print(f"  [green]✓[/green] {step}: {count}")


def _settings(database_url: str | None) -> Settings:
    settings = Settings.from_env()
    if database_url:
        settings = Settings(**{**settings.__dict__, "database_url": database_url})
    return settings


DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url", help="Database URL (default: $DATABASE_URL or var/samvirke.db)."
    ),
]


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to bind (default: $HOST or 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: $PORT or 8000).")] = None,
    database_url: DatabaseUrl = None,
    seed_demo: Annotated[
        bool,
        typer.Option(
            "--seed-demo",
            help="Add the demo networks if they are not there yet (never over existing data).",
        ),
    ] = False,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Migrate, load the reference data, then serve /graphql."""
    import uvicorn

    from graph.app import create_app

    settings = _settings(database_url)
    console.print(f"[bold]Preparing[/bold] {settings.database_url}")
    report = asyncio.run(prepare(settings.database_url, demo=seed_demo, progress=_progress))
    if report.demo_added is False:
        console.print("  demo data already present; left as it is")
    bind_host = host or settings.host
    bind_port = port or settings.port
    console.print(f"[bold]Serving[/bold] http://{bind_host}:{bind_port}/graphql")
    uvicorn.run(
        create_app(settings), host=bind_host, port=bind_port, log_level="info", reload=reload
    )


@db_app.command("upgrade")
def db_upgrade(
    database_url: DatabaseUrl = None,
    revision: Annotated[str, typer.Option(help="Target revision.")] = "head",
) -> None:
    """Apply the migrations up to a revision (default: the latest)."""
    settings = _settings(database_url)
    with console.status("Migrating…"):
        migrate.upgrade(settings.database_url, revision)
    console.print(f"[green]Migrated[/green] {settings.database_url} to {revision}")


@db_app.command("check")
def db_check(database_url: DatabaseUrl = None) -> None:
    """Fail if the tables in the code differ from what the migrations build."""
    settings = _settings(database_url)
    migrate.check(settings.database_url)
    console.print("[green]No drift[/green] between the models and the migrations")


@db_app.command("seed-demo")
def db_seed_demo(database_url: DatabaseUrl = None) -> None:
    """Add the demo networks, members and roles (skipped if they are already there)."""
    settings = _settings(database_url)
    added = asyncio.run(load_demo(settings.database_url, progress=_progress))
    console.print("[green]Demo data added[/green]" if added else "Demo data already present")


@reference_app.command("import")
def reference_import(database_url: DatabaseUrl = None) -> None:
    """Load or refresh the counties and municipalities of 2020–2023 and 2024 (idempotent)."""
    settings = _settings(database_url)
    counts = asyncio.run(load_reference(settings.database_url, progress=_progress))
    console.print(f"[green]Reference data loaded[/green]: {counts}")


@app.command("export-schema")
def export_schema(
    output: Annotated[Path, typer.Option(help="Where to write the SDL.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) to a file."""
    from graph.schema import sdl

    output.write_text(sdl(), encoding="utf-8")
    console.print(f"[green]Wrote[/green] {output}")
