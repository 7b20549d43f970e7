"""Engines and connections: SQLite pragmas, the per-request statement counter; no globals."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

statement_counter: ContextVar[list[int] | None] = ContextVar("statement_counter", default=None)
"""When set to a one-item list, every SQL statement sent in this context adds one to it."""


def is_sqlite(url: str) -> bool:
    """Whether a database URL names SQLite."""
    return make_url(url).get_backend_name() == "sqlite"


def ensure_sqlite_folder(url: str) -> None:
    """Create the folder of a SQLite file database, so that a first start needs no set-up."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        database = parsed.database
        assert database is not None
        if not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITE_OPTION = "samvirke_write"
"""Execution option marking a connection whose transaction will write."""


def _sqlite_no_driver_transactions(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own implicit BEGIN is turned off; `_sqlite_begin` emits it instead.
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock up front: a deferred transaction that reads and then
    # writes fails at once with SQLITE_BUSY when another writer got there first.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _count_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    box = statement_counter.get()
    if box is not None and not statement.startswith("BEGIN"):
        box[0] += 1


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine for `url`, with SQLite's pragmas and the statement counter attached."""
    ensure_sqlite_folder(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if not is_sqlite(url):
        kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "connect", _sqlite_no_driver_transactions)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
    event.listen(engine.sync_engine, "before_cursor_execute", _count_statement)
    return engine


@asynccontextmanager
async def write_transaction(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A transaction for writing: committed on success, rolled back on any error.

    On SQLite it begins IMMEDIATE (taking the write lock at once, waiting up to the busy
    timeout); on PostgreSQL it is an ordinary READ COMMITTED transaction.
    """
    async with engine.connect() as conn:
        await conn.execution_options(**{WRITE_OPTION: True})
        async with conn.begin():
            yield conn
