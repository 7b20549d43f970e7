"""Checks that the mention summaries agree with the tags they are kept from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.mentions import MTM, TN, rebuild_mentions

Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


async def _rows(conn: AsyncConnection) -> Rows:
    mentions = await conn.execute(select(MTM).order_by(*MTM.primary_key.columns))
    notes = await conn.execute(select(TN).order_by(*TN.primary_key.columns))
    return [tuple(r) for r in mentions], [tuple(r) for r in notes]


async def assert_summaries_current(engine: AsyncEngine) -> None:
    """The stored summaries equal a rebuild from scratch (which is rolled back)."""
    async with engine.connect() as conn:
        kept = await _rows(conn)
        await conn.rollback()
        async with conn.begin() as transaction:
            await rebuild_mentions(conn)
            fresh = await _rows(conn)
            await transaction.rollback()
    assert kept[0] == fresh[0], "meeting_topic_mention is out of step with the tags"
    assert kept[1] == fresh[1], "topic_note is out of step with the tags"
