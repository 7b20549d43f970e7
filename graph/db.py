"""Per-operation database access: one connection, one statement at a time.

graphql-core resolves sibling fields concurrently, and one connection cannot run two statements
at once; every read goes through `Db.rows`, which holds a lock for the length of a statement.
DataLoader batching is unaffected: a batch is one statement.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


class Db:
    """A lazily opened connection for one GraphQL operation."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._connection: AsyncConnection | None = None
        self._lock = asyncio.Lock()

    async def rows(
        self, statement: Executable, parameters: dict[str, Any] | None = None
    ) -> Sequence[Row[Any]]:
        """Run `statement` (with `parameters` for its unbound parameters); all its rows."""
        async with self._lock:
            if self._connection is None:
                self._connection = await self.engine.connect()
            result = await self._connection.execute(statement, parameters)
            return result.all()

    async def close(self) -> None:
        """End the read transaction and give the connection back to the pool."""
        async with self._lock:
            if self._connection is not None:
                connection, self._connection = self._connection, None
                await connection.rollback()
                await connection.close()
