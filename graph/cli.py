"""The command line: `samvirke serve`, `samvirke db upgrade|seed-demo|check`,
`samvirke reference import`, `samvirke user create|deactivate|list`."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db import accounts, migrate
from db.engine import make_engine, write_transaction
from db.setup import load_demo, load_reference, prepare
from db.tables import AuditEntry, Person, table_of
from graph.refusals import Change, Refusal
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
user_app = typer.Typer(
    help="User accounts: create, deactivate, list (audited, with no actor).", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(reference_app, name="reference")
app.add_typer(user_app, name="user")

console = Console(stderr=True)
AUDIT = table_of(AuditEntry)


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

    from graph.app import create_app, freeze_long_lived_objects

    settings = _settings(database_url)
    console.print(f"[bold]Preparing[/bold] {settings.database_url}")
    report = asyncio.run(prepare(settings.database_url, demo=seed_demo, progress=_progress))
    if report.demo_added is False:
        console.print("  demo data already present; left as it is")
    bind_host = host or settings.host
    bind_port = port or settings.port
    console.print(f"[bold]Serving[/bold] http://{bind_host}:{bind_port}/graphql")
    app = create_app(settings)
    freeze_long_lived_objects()
    uvicorn.run(app, host=bind_host, port=bind_port, log_level="info", reload=reload)


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


class UserCommandError(Exception):
    """A `samvirke user` command cannot do what was asked; the message says why."""


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]Error:[/red] {message}")
    return typer.Exit(code=1)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


async def _audit(conn: AsyncConnection, action: str, change: Change, now: datetime) -> None:
    await conn.execute(
        insert(AUDIT).values(
            at=now,
            action=action,
            object_type=change.object_type,
            object_id=change.object_id,
            before=change.before,
            after={**(change.after or {}), "via": "command line"},
        )
    )


async def _create_user(
    settings: Settings, *, email: str, password: str, staff: bool, person_key: str | None
) -> int:
    from graph.accounts import writes

    password_hash = await writes.hash_password(settings, password)
    engine = make_engine(settings.database_url)
    try:
        async with write_transaction(engine) as conn:
            person_id = None
            if person_key is not None:
                people = table_of(Person)
                found = await conn.execute(select(people.c.id).where(people.c.key == person_key))
                person_id = found.scalar_one_or_none()
                if person_id is None:
                    raise UserCommandError(f"No person has the key {person_key!r}.")
            now = datetime.now(UTC)
            change = await writes.create_account(
                conn,
                email=email,
                password_hash=password_hash,
                person_id=person_id,
                is_staff=staff,
                now=now,
            )
            await _audit(conn, "userCreate", change, now)
            assert change.object_id is not None
            return change.object_id
    except Refusal as refusal:
        raise UserCommandError(refusal.message) from None
    finally:
        await engine.dispose()


async def _email_taken(settings: Settings, email: str) -> bool:
    from graph.accounts import writes

    engine = make_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            return await writes.email_taken(conn, email)
    finally:
        await engine.dispose()


async def _deactivate_user(settings: Settings, *, email: str) -> None:
    from graph.accounts import writes

    users = accounts.USERS
    engine = make_engine(settings.database_url)
    try:
        async with write_transaction(engine) as conn:
            found = await conn.execute(
                select(users.c.id).where(users.c.email_key == accounts.email_key(email))
            )
            user_id = found.scalar_one_or_none()
            if user_id is None:
                raise UserCommandError(f"No account has the email {email.strip()}.")
            now = datetime.now(UTC)
            change = await writes.deactivate_account(conn, user_id=user_id, now=now)
            await _audit(conn, "userDeactivate", change, now)
    except Refusal as refusal:
        raise UserCommandError(refusal.message) from None
    finally:
        await engine.dispose()


async def _list_users(settings: Settings) -> list[Row[Any]]:
    users = accounts.USERS
    people = table_of(Person)
    engine = make_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            result = await conn.execute(
                select(users, people.c.name.label("person"))
                .join_from(users, people, people.c.id == users.c.person_id, isouter=True)
                .order_by(users.c.email_key)
            )
            return list(result.all())
    finally:
        await engine.dispose()


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Option("--email", help="The login email (unique, any case).")],
    staff: Annotated[bool, typer.Option("--staff", help="Give the account staff powers.")] = False,
    person_key: Annotated[
        str | None,
        typer.Option("--person-key", help="Link the account to the person with this key."),
    ] = None,
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the password from the first line of standard input instead of asking.",
        ),
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Create an account; asks for the password twice (hidden) unless --password-stdin."""
    from graph.accounts import writes

    settings = _settings(database_url)
    try:
        address = writes.check_email(email)
        if asyncio.run(_email_taken(settings, address)):
            raise UserCommandError(f"An account with the email {address} already exists.")
        password = _read_password(password_stdin)
        writes.check_password(password, address)
        user_id = asyncio.run(
            _create_user(
                settings, email=address, password=password, staff=staff, person_key=person_key
            )
        )
    except Refusal as refusal:
        raise _fail(refusal.message) from None
    except UserCommandError as exc:
        raise _fail(str(exc)) from None
    kind = "staff account" if staff else "account"
    console.print(f"[green]Created[/green] {kind} {address} (id {user_id})")


@user_app.command("deactivate")
def user_deactivate(
    email: Annotated[str, typer.Option("--email", help="The account's email (any case).")],
    database_url: DatabaseUrl = None,
) -> None:
    """Deactivate an account: it can no longer log in; its sessions and tokens end now."""
    settings = _settings(database_url)
    try:
        asyncio.run(_deactivate_user(settings, email=email))
    except UserCommandError as exc:
        raise _fail(str(exc)) from None
    console.print(f"[green]Deactivated[/green] {email.strip()}")


@user_app.command("list")
def user_list(database_url: DatabaseUrl = None) -> None:
    """List the accounts, one a line: email, flags (staff, inactive), linked person."""
    settings = _settings(database_url)
    rows = asyncio.run(_list_users(settings))
    for row in rows:
        flags = [
            flag for flag, on in (("staff", row.is_staff), ("inactive", not row.is_active)) if on
        ]
        typer.echo(f"{row.email}\t{','.join(flags) or '-'}\t{row.person or '-'}")
    console.print(f"{len(rows)} account(s)")
