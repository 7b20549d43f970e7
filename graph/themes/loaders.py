"""Batch loads for theme questions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Row

from db.visibility import Viewer
from graph.db import Db
from graph.loaders import grouped
from graph.networks.service import N
from graph.themes import service


async def discussions_by_topic(
    db: Db,
    topic_ids: Sequence[int],
    include_subtopics: bool,
    first_day: date | None,
    last_day: date | None,
    viewer: Viewer,
) -> list[list[Row[Any]]]:
    """For each topic, one row per network that discussed it (the network's columns and the
    counts), by network name."""
    scope = service.Scope(
        topic_ids=tuple(topic_ids),
        include_subtopics=include_subtopics,
        first_day=first_day,
        last_day=last_day,
        viewer=viewer,
    )
    cells = service.cells(scope).subquery()
    stmt = (
        select(N, *[c for c in cells.c if c.name != "network_id"])
        .join_from(cells, N, N.c.id == cells.c.network_id)
        .order_by(cells.c.topic_id, N.c.name, N.c.id)
    )
    return grouped(await db.rows(stmt), topic_ids, "topic_id")
