"""Reading organisations and counties as of a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, or_, select

from db import tables
from db.periods import valid_on
from db.text import LIKE_ESCAPE, contains_pattern

O = tables.table_of(tables.Organization)
P = tables.table_of(tables.OrganizationPeriod)
C = tables.table_of(tables.County)

ORGANIZATION_ORDER: list[ColumnElement[Any]] = [O.c.sort_name, O.c.id]
COUNTY_ORDER: list[ColumnElement[Any]] = [C.c.number, C.c.id]


@dataclass(frozen=True)
class OrganizationFilterArgs:
    kinds: tuple[tables.OrganizationKind, ...] = ()
    county_number: str | None = None
    search: str | None = None
    network_id: int | None = None


def organization_columns() -> list[ColumnElement[Any]]:
    """The columns an organisation row needs, with its period as of some date."""
    return [
        O.c.id,
        O.c.kind,
        O.c.name,
        O.c.valid_from,
        O.c.valid_to,
        P.c.code,
        P.c.official_name,
        P.c.plain_name,
        P.c.county_id,
    ]


def organizations_as_of(day: date) -> Select[Any]:
    """Organisations joined with the period valid on `day` (NULLs where none is)."""
    join = O.outerjoin(
        P, and_(P.c.organization_id == O.c.id, valid_on(P.c.valid_from, P.c.valid_to, day))
    )
    return select(*organization_columns()).select_from(join)


def organizations_by_id(ids: Sequence[int], day: date) -> Select[Any]:
    """The organisations with `ids`, as of `day`."""
    return organizations_as_of(day).where(O.c.id.in_(ids))


def organization_list(day: date, args: OrganizationFilterArgs) -> Select[Any]:
    """Organisations existing on `day`, filtered."""
    stmt = organizations_as_of(day).where(valid_on(O.c.valid_from, O.c.valid_to, day))
    if args.kinds:
        stmt = stmt.where(O.c.kind.in_(args.kinds))
    if args.county_number is not None:
        stmt = stmt.where(P.c.county_id.in_(select(C.c.id).where(C.c.number == args.county_number)))
    if args.search:
        pattern = contains_pattern(args.search)
        stmt = stmt.where(
            or_(P.c.search_name.like(pattern, escape=LIKE_ESCAPE), P.c.code == args.search)
        )
    if args.network_id is not None:
        M = tables.table_of(tables.Membership)
        stmt = stmt.where(
            O.c.id.in_(
                select(M.c.organization_id).where(
                    M.c.network_id == args.network_id,
                    valid_on(M.c.joined_on, M.c.left_on, day),
                )
            )
        )
    return stmt


def organization_by_code(code: str, day: date) -> Select[Any]:
    """The organisation that had `code`: on `day` if any, else the nearest period in time."""
    distance = case(
        (valid_on(P.c.valid_from, P.c.valid_to, day), 0),
        (and_(P.c.valid_to.is_not(None), P.c.valid_to < day), 1),
        else_=2,
    )
    return (
        select(P.c.organization_id)
        .where(P.c.code == code)
        .order_by(distance, P.c.valid_to.desc().nulls_last(), P.c.valid_from.asc().nulls_first())
        .limit(1)
    )


def periods_by_organization(ids: Sequence[int]) -> Select[Any]:
    """Every period of the organisations with `ids`, oldest first."""
    return (
        select(P, C.c.number.label("county_number"))
        .select_from(P.outerjoin(C, C.c.id == P.c.county_id))
        .where(P.c.organization_id.in_(ids))
        .order_by(P.c.organization_id, P.c.valid_from.is_not(None), P.c.valid_from)
    )


def counties_on(day: date) -> Select[Any]:
    """The counties valid on `day`, by number."""
    return select(C).where(valid_on(C.c.valid_from, C.c.valid_to, day)).order_by(*COUNTY_ORDER)


def counties_by_id(ids: Sequence[int]) -> Select[Any]:
    """The counties with `ids`."""
    return select(C).where(C.c.id.in_(ids))


def county_ids_on(ids: Sequence[int], day: date) -> Select[Any]:
    """`(organization_id, county_id)` of the organisations with `ids`, as of `day`."""
    return select(P.c.organization_id, P.c.county_id).where(
        P.c.organization_id.in_(ids), valid_on(P.c.valid_from, P.c.valid_to, day)
    )


def county_municipalities(day: date) -> Select[Any]:
    """Municipalities with their county on `day` (for per-county pages)."""
    return organizations_as_of(day).where(
        O.c.kind == tables.OrganizationKind.MUNICIPALITY, P.c.id.is_not(None)
    )
