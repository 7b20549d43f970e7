"""Batch loads for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Row

from graph.db import Db
from graph.people import service


async def people_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Person rows, in key order."""
    found = {row.id: row for row in await db.rows(service.people_by_id(ids))}
    return [found.get(i) for i in ids]
