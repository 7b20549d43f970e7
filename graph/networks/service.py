"""Reading networks, memberships and roles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, select

from db import tables
from db.periods import valid_on
from graph.organizations.service import O, P, organization_columns

N = tables.table_of(tables.Network)
M = tables.table_of(tables.Membership)
R = tables.table_of(tables.Role)

NETWORK_ORDER: list[ColumnElement[Any]] = [N.c.name, N.c.id]
MEMBER_ORDER: list[ColumnElement[Any]] = [O.c.sort_name, M.c.id]
MEMBERSHIP_ORDER: list[ColumnElement[Any]] = [M.c.joined_on, M.c.id]


def networks() -> Select[Any]:
    """Every network."""
    return select(N)


def networks_by_id(ids: Sequence[int]) -> Select[Any]:
    """The networks with `ids`."""
    return select(N).where(N.c.id.in_(ids))


def network_by_slug(slug: str) -> Select[Any]:
    """The network with `slug`."""
    return select(N).where(N.c.slug == slug)


def _membership_columns() -> list[ColumnElement[Any]]:
    return [
        M.c.id.label("membership_id"),
        M.c.network_id,
        M.c.organization_id,
        M.c.joined_on,
        M.c.left_on,
        M.c.recruited_by_id,
    ]


def memberships(day: date | None, org_day: date) -> Select[Any]:
    """Memberships valid on `day` (all if None), with the organisation as of `org_day`."""
    join = M.join(O, O.c.id == M.c.organization_id).outerjoin(
        P, and_(P.c.organization_id == O.c.id, valid_on(P.c.valid_from, P.c.valid_to, org_day))
    )
    stmt = select(*_membership_columns(), *organization_columns()).select_from(join)
    if day is not None:
        stmt = stmt.where(valid_on(M.c.joined_on, M.c.left_on, day))
    return stmt


def memberships_by_id(ids: Sequence[int], org_day: date) -> Select[Any]:
    """The memberships with `ids`, organisations as of `org_day`."""
    return memberships(None, org_day).where(M.c.id.in_(ids))


def member_networks(day: date) -> Select[Any]:
    """Networks with the organisations that were members on `day`."""
    join = N.join(M, M.c.network_id == N.c.id)
    return select(N).select_from(join).where(valid_on(M.c.joined_on, M.c.left_on, day))


def roles(day: date | None) -> Select[Any]:
    """Roles held on `day` (all if None)."""
    stmt = select(R)
    if day is not None:
        stmt = stmt.where(valid_on(R.c.starts_on, R.c.ends_on, day))
    return stmt


def roles_by_network(ids: Sequence[int], day: date | None) -> Select[Any]:
    """Roles in the networks with `ids` held on `day`, by kind and start."""
    return roles(day).where(R.c.network_id.in_(ids)).order_by(R.c.kind, R.c.starts_on, R.c.id)


def roles_by_person(ids: Sequence[int], day: date | None) -> Select[Any]:
    """Roles of the people with `ids` held on `day` (all if None), oldest first."""
    return roles(day).where(R.c.person_id.in_(ids)).order_by(R.c.starts_on, R.c.id)


def roles_by_id(ids: Sequence[int]) -> Select[Any]:
    """The roles with `ids`."""
    return select(R).where(R.c.id.in_(ids))


def member_counties(ids: Sequence[int], day: date) -> Select[Any]:
    """Members of the networks with `ids` on `day`, with their county on that day."""
    return memberships(day, day).where(M.c.network_id.in_(ids)).order_by(O.c.sort_name, O.c.id)
