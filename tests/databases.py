"""Test databases: a SQLite file or a throw-away PostgreSQL database, migrated and loaded."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
KINDS = ["sqlite", "postgresql"]


def postgres_admin_url() -> str:
    """The PostgreSQL server the tests create their databases on."""
    return os.environ.get("SAMVIRKE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


async def _admin(sql: str) -> None:
    engine = create_async_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


_reachable: bool | None = None
_reason = ""


def require_postgres() -> None:
    """Skip (on a laptop) or fail (with CI=true) when PostgreSQL cannot be reached."""
    global _reachable, _reason
    if _reachable is None:
        try:
            asyncio.run(asyncio.wait_for(_admin("SELECT 1"), timeout=5))
            _reachable = True
        except Exception as exc:  # any failure means the server is not usable
            _reachable, _reason = False, f"{type(exc).__name__}: {exc}"
    if not _reachable:
        message = f"PostgreSQL at {postgres_admin_url()} is unreachable ({_reason})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI=true requires it", pytrace=False)
        pytest.skip(message + "; set SAMVIRKE_TEST_POSTGRES_URL or start PostgreSQL")


@contextmanager
def empty_database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database of `kind`, removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / f'samvirke-{uuid.uuid4().hex[:8]}.db'}"
        return
    require_postgres()
    name = f"samvirke_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield (
            make_url(postgres_admin_url()).set(database=name).render_as_string(hide_password=False)
        )
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
