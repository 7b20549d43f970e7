"""`samvirke user create|deactivate|list`: hashing, prompts, duplicates, audit, help."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from typer.testing import CliRunner

from db import accounts
from db.engine import make_engine
from db.migrate import upgrade
from db.tables import AuditEntry, table_of
from graph.cli import app
from tests import factories as f

runner = CliRunner()
PASSWORD = "eit langt nok passord"


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMVIRKE_PASSWORD_HASHING", "cheapest")


@pytest.fixture
def migrated(empty_db: str) -> str:
    upgrade(empty_db)
    return empty_db


def _run(url: str, *args: str, input: str | None = None) -> Any:
    return runner.invoke(app, ["user", *args, "--database-url", url], input=input)


def _rows(url: str, table: Any) -> list[Any]:
    async def read() -> list[Any]:
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(select(table).order_by(table.c.id))).all())
        finally:
            await engine.dispose()

    return asyncio.run(read())


def _person(url: str, name: str) -> None:
    async def insert() -> None:
        engine = make_engine(url)
        try:
            async with engine.begin() as conn:
                await f.make_person(conn, name)
        finally:
            await engine.dispose()

    asyncio.run(insert())


@pytest.mark.parametrize(
    "command", [[], ["create"], ["deactivate"], ["list"]], ids=lambda c: " ".join(c) or "user"
)
def test_help(command: list[str]) -> None:
    result = runner.invoke(app, ["user", *command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_create_from_stdin_with_the_configured_default_hashing(migrated: str) -> None:
    result = _run(
        migrated,
        "create",
        "--email",
        "Ny@Test.Invalid",
        "--staff",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created staff account Ny@Test.Invalid" in result.output
    [user] = _rows(migrated, accounts.USERS)
    assert (user.email, user.email_key, user.is_staff, user.is_active) == (
        "Ny@Test.Invalid",
        "ny@test.invalid",
        True,
        True,
    )
    assert user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PasswordHasher().verify(user.password_hash, PASSWORD)
    [entry] = _rows(migrated, table_of(AuditEntry))
    assert (entry.action, entry.object_type, entry.object_id, entry.actor_user_id) == (
        "userCreate",
        "User",
        user.id,
        None,
    )
    assert entry.after["via"] == "command line"


@pytest.mark.usefixtures("cheap_hashing")
def test_create_prompts_twice_with_hidden_input(migrated: str) -> None:
    result = _run(
        migrated, "create", "--email", "prompt@test.invalid", input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden input is not echoed
    assert "Repeat for confirmation" in result.output
    [user] = _rows(migrated, accounts.USERS)
    assert user.password_hash.startswith("$argon2id$")
    assert accounts.verify_password(
        accounts.password_hasher("cheapest"), user.password_hash, PASSWORD
    )


@pytest.mark.usefixtures("cheap_hashing")
def test_mismatched_prompts_ask_again(migrated: str) -> None:
    typed = f"{PASSWORD}\nnoko anna heilt\n{PASSWORD}\n{PASSWORD}\n"
    result = _run(migrated, "create", "--email", "again@test.invalid", input=typed)
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert len(_rows(migrated, accounts.USERS)) == 1


@pytest.mark.usefixtures("cheap_hashing")
def test_refuses_duplicates_in_any_case_and_weak_passwords(migrated: str) -> None:
    first = _run(
        migrated, "create", "--email", "dup@test.invalid", "--password-stdin", input=PASSWORD
    )
    assert first.exit_code == 0, first.output
    again = _run(
        migrated, "create", "--email", "DUP@Test.Invalid", "--password-stdin", input=PASSWORD
    )
    assert again.exit_code == 1
    assert "An account with the email DUP@Test.Invalid already exists." in again.output
    short = _run(
        migrated, "create", "--email", "short@test.invalid", "--password-stdin", input="kort\n"
    )
    assert short.exit_code == 1
    assert "at least 12 characters" in short.output
    bad = _run(migrated, "create", "--email", "not-an-email", "--password-stdin", input=PASSWORD)
    assert bad.exit_code == 1
    assert "Not an email address" in bad.output
    assert [u.email for u in _rows(migrated, accounts.USERS)] == ["dup@test.invalid"]


@pytest.mark.usefixtures("cheap_hashing")
def test_person_key_links_the_account(migrated: str) -> None:
    _person(migrated, "Kari Demolenkje")
    linked = _run(
        migrated,
        "create",
        "--email",
        "kari@test.invalid",
        "--person-key",
        "test:kari-demolenkje",
        "--password-stdin",
        input=PASSWORD,
    )
    assert linked.exit_code == 0, linked.output
    unknown = _run(
        migrated,
        "create",
        "--email",
        "ola@test.invalid",
        "--person-key",
        "test:ingen",
        "--password-stdin",
        input=PASSWORD,
    )
    assert unknown.exit_code == 1
    assert "No person has the key 'test:ingen'" in unknown.output
    listed = _run(migrated, "list")
    assert listed.exit_code == 0, listed.output
    assert "kari@test.invalid\t-\tKari Demolenkje" in listed.output
    assert "ola@test.invalid" not in listed.output


@pytest.mark.usefixtures("cheap_hashing")
def test_deactivate_and_list(migrated: str) -> None:
    for email, extra in (("a@test.invalid", ["--staff"]), ("b@test.invalid", [])):
        result = _run(
            migrated, "create", "--email", email, *extra, "--password-stdin", input=PASSWORD
        )
        assert result.exit_code == 0, result.output
    done = _run(migrated, "deactivate", "--email", "B@TEST.invalid")
    assert done.exit_code == 0, done.output
    assert "Deactivated" in done.output
    again = _run(migrated, "deactivate", "--email", "b@test.invalid")
    assert again.exit_code == 1
    assert "already deactivated" in again.output
    missing = _run(migrated, "deactivate", "--email", "c@test.invalid")
    assert missing.exit_code == 1
    assert "No account has the email c@test.invalid" in missing.output
    listed = _run(migrated, "list")
    assert listed.exit_code == 0, listed.output
    assert "a@test.invalid\tstaff\t-" in listed.output
    assert "b@test.invalid\tinactive\t-" in listed.output
    assert "2 account(s)" in listed.output
    users = {u.email: u for u in _rows(migrated, accounts.USERS)}
    assert users["b@test.invalid"].is_active is False
    actions = [e.action for e in _rows(migrated, table_of(AuditEntry))]
    assert actions == ["userCreate", "userCreate", "userDeactivate"]


@pytest.mark.usefixtures("cheap_hashing")
def test_deactivate_revokes_sessions_and_tokens(migrated: str) -> None:
    assert (
        _run(
            migrated, "create", "--email", "s@test.invalid", "--password-stdin", input=PASSWORD
        ).exit_code
        == 0
    )
    [user] = _rows(migrated, accounts.USERS)

    async def credentials() -> tuple[str, str]:
        engine = make_engine(migrated)
        now = datetime.now(UTC)
        try:
            async with engine.begin() as conn:
                session = await accounts.create_session(
                    conn, user_id=user.id, now=now, absolute=timedelta(hours=8)
                )
                _, token = await accounts.create_api_token(
                    conn,
                    user_id=user.id,
                    name="t",
                    scopes=frozenset({accounts.Scope.READ}),
                    now=now,
                    expires_at=now + timedelta(days=1),
                )
            return session, token
        finally:
            await engine.dispose()

    async def alive(*tokens: str) -> list[bool]:
        engine = make_engine(migrated)
        try:
            async with engine.connect() as conn:
                return [
                    await accounts.principal_for(
                        conn, t, now=datetime.now(UTC), idle=timedelta(minutes=30)
                    )
                    is not None
                    for t in tokens
                ]
        finally:
            await engine.dispose()

    session, token = asyncio.run(credentials())
    assert asyncio.run(alive(session, token)) == [True, True]
    assert _run(migrated, "deactivate", "--email", "s@test.invalid").exit_code == 0
    assert asyncio.run(alive(session, token)) == [False, False]
