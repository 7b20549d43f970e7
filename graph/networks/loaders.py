"""Batch loads for networks, memberships and roles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.engine import Row

from graph.db import Db
from graph.loaders import grouped, in_order
from graph.networks import service
from graph.organizations.service import counties_on


async def networks_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Network rows, in key order."""
    return in_order(await db.rows(service.networks_by_id(ids)), ids)


async def memberships_by_id(db: Db, ids: Sequence[int], day: date) -> list[Row[Any] | None]:
    """Membership rows with their organisation as of `day`, in key order."""
    return in_order(await db.rows(service.memberships_by_id(ids, day)), ids, "membership_id")


async def roles_by_network(db: Db, ids: Sequence[int], day: date | None) -> list[list[Row[Any]]]:
    """Roles of each network held on `day`."""
    return grouped(await db.rows(service.roles_by_network(ids, day)), ids, "network_id")


async def roles_by_person(db: Db, ids: Sequence[int], day: date | None) -> list[list[Row[Any]]]:
    """Roles of each person held on `day` (all if None)."""
    return grouped(await db.rows(service.roles_by_person(ids, day)), ids, "person_id")


async def roles_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Role rows, in key order."""
    return in_order(await db.rows(service.roles_by_id(ids)), ids)


async def members_by_network(db: Db, ids: Sequence[int], day: date) -> list[list[Row[Any]]]:
    """Members of each network on `day`, with their county on that day."""
    return grouped(await db.rows(service.member_counties(ids, day)), ids, "network_id")


async def counties_by_day(db: Db, days: Sequence[date]) -> list[list[Row[Any]]]:
    """The counties valid on each day."""
    return [list(await db.rows(counties_on(day))) for day in days]
