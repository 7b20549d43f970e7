"""Batch loads for networks, memberships and roles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.engine import Row

from graph.db import Db
from graph.networks import service
from graph.organizations.service import counties_on


def _in_order(rows: Sequence[Row[Any]], ids: Sequence[Any], key: str = "id") -> list[Any]:
    found = {row._mapping[key]: row for row in rows}
    return [found.get(i) for i in ids]


def _grouped(rows: Sequence[Row[Any]], ids: Sequence[Any], key: str) -> list[list[Row[Any]]]:
    groups: dict[Any, list[Row[Any]]] = {}
    for row in rows:
        groups.setdefault(row._mapping[key], []).append(row)
    return [groups.get(i, []) for i in ids]


async def networks_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Network rows, in key order."""
    return _in_order(await db.rows(service.networks_by_id(ids)), ids)


async def memberships_by_id(db: Db, ids: Sequence[int], day: date) -> list[Row[Any] | None]:
    """Membership rows with their organisation as of `day`, in key order."""
    return _in_order(await db.rows(service.memberships_by_id(ids, day)), ids, "membership_id")


async def roles_by_network(db: Db, ids: Sequence[int], day: date | None) -> list[list[Row[Any]]]:
    """Roles of each network held on `day`."""
    return _grouped(await db.rows(service.roles_by_network(ids, day)), ids, "network_id")


async def roles_by_person(db: Db, ids: Sequence[int], day: date | None) -> list[list[Row[Any]]]:
    """Roles of each person held on `day` (all if None)."""
    return _grouped(await db.rows(service.roles_by_person(ids, day)), ids, "person_id")


async def roles_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Role rows, in key order."""
    return _in_order(await db.rows(service.roles_by_id(ids)), ids)


async def members_by_network(db: Db, ids: Sequence[int], day: date) -> list[list[Row[Any]]]:
    """Members of each network on `day`, with their county on that day."""
    return _grouped(await db.rows(service.member_counties(ids, day)), ids, "network_id")


async def counties_by_day(db: Db, days: Sequence[date]) -> list[list[Row[Any]]]:
    """The counties valid on each day."""
    return [list(await db.rows(counties_on(day))) for day in days]
