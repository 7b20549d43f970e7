"""Batch loads for organisations and counties."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.engine import Row

from graph.db import Db
from graph.loaders import grouped, in_order
from graph.organizations import service


async def organizations_by_id(db: Db, ids: Sequence[int], day: date) -> list[Row[Any] | None]:
    """Organisation rows as of `day`, in key order."""
    return in_order(await db.rows(service.organizations_by_id(ids, day)), ids)


async def counties_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """County rows, in key order."""
    return in_order(await db.rows(service.counties_by_id(ids)), ids)


async def county_ids_by_organization(db: Db, ids: Sequence[int], day: date) -> list[int | None]:
    """The county of each organisation on `day` (None where it had none)."""
    rows = {
        row.organization_id: row.county_id for row in await db.rows(service.county_ids_on(ids, day))
    }
    return [rows.get(i) for i in ids]


async def periods_by_organization(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Every period of each organisation, oldest first."""
    return grouped(await db.rows(service.periods_by_organization(ids)), ids, "organization_id")
