"""Managing a network's members and roles: who may, the per-county cap, periods that fit.

Leaders, deputy leaders and coordinators manage their own networks, staff every network; API
tokens need the scope `write:meetings`. A new member counts against its county in the county
map of each day: the day it joins, and every later day on which its county could fill up (when
another member joins, or the map changes), so a backdated member cannot break the cap later.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db import tables
from db.periods import valid_on
from db.visibility import Viewer
from graph.networks import service as network_service
from graph.organizations import service as organization_service
from graph.organizations.service import O, P
from graph.refusals import Change, Refusal, UserErrorCode, forbidden, invalid, not_found

N = network_service.N
M = network_service.M
R = network_service.R
C = organization_service.C
PE = tables.table_of(tables.Person)

WRITE_MEETINGS = "write:meetings"


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Values for the audit log: dates as ISO strings, enums as their values."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = getattr(value, "value", value)
    return out


def membership_snapshot(row: Any) -> dict[str, Any]:
    """A membership's state for the audit log."""
    return _plain(
        {
            "network_id": row.network_id,
            "organization_id": row.organization_id,
            "joined_on": row.joined_on,
            "left_on": row.left_on,
            "recruited_by_id": row.recruited_by_id,
        }
    )


def role_snapshot(row: Any) -> dict[str, Any]:
    """A role's state for the audit log."""
    return _plain(
        {
            "network_id": row.network_id,
            "person_id": row.person_id,
            "kind": row.kind,
            "on_behalf_of_id": row.on_behalf_of_id,
            "starts_on": row.starts_on,
            "ends_on": row.ends_on,
        }
    )


async def managed_network(
    conn: AsyncConnection, viewer: Viewer, network_id: int, *field: str
) -> Row[Any]:
    """The network, locked for the rest of the transaction, if the viewer may manage it.

    The lock makes concurrent changes to one network's members and roles take turns, so that
    two additions cannot both pass the per-county cap.
    """
    if not viewer.may(WRITE_MEETINGS):
        raise forbidden("These credentials may not manage networks (scope write:meetings).")
    row = (await conn.execute(select(N).where(N.c.id == network_id).with_for_update())).first()
    if row is None:
        raise not_found("network", *field)
    if not (viewer.staff or network_id in viewer.lead_network_ids):
        raise forbidden(
            "Only the network's leaders and coordinators (or staff) may manage its members "
            "and roles."
        )
    return row


def _within_network(network: Row[Any], day: date, *field: str) -> None:
    if network.ends_on is not None and day > network.ends_on:
        raise invalid(f"{network.name} ended on {network.ends_on.isoformat()}.", *field)


async def organization_on(
    conn: AsyncConnection, organization_id: int, day: date, *field: str
) -> Row[Any]:
    """The organisation with its code, name and county on `day`."""
    stmt = organization_service.organizations_by_id([organization_id], day)
    row: Row[Any] | None = (await conn.execute(stmt)).first()
    if row is None:
        raise not_found("organization", *field)
    return row


def _name(row: Row[Any]) -> str:
    return str(row.plain_name or row.name)


def _existed(organization: Row[Any], day: date) -> bool:
    starts, ends = organization.valid_from, organization.valid_to
    return (starts is None or starts <= day) and (ends is None or ends >= day)


def _members(count: int) -> str:
    return f"{count} member" if count == 1 else f"{count} members"


async def check_county_cap(
    conn: AsyncConnection, network: Row[Any], organization: Row[Any], day: date, joined_on: date
) -> None:
    """Refuse a member that would put its county (on `day`) over the network's cap."""
    cap = network.max_members_per_county
    if cap is None or organization.county_id is None:
        return
    members = (
        await conn.execute(
            network_service.memberships(day, day)
            .where(M.c.network_id == network.id, P.c.county_id == organization.county_id)
            .order_by(O.c.sort_name, O.c.id)
        )
    ).all()
    if len(members) < cap:
        return
    county = (await conn.execute(select(C.c.name).where(C.c.id == organization.county_id))).scalar()
    names = ", ".join(_name(row) for row in members)
    has = "already has" if day == joined_on else "has"
    when = "" if day == joined_on else f"On {day.isoformat()}, "
    raise Refusal(
        UserErrorCode.RULE_VIOLATION,
        f"{when}{county} {has} {_members(len(members))} ({names}); "
        f"the network allows {cap} per county.",
        "organizationId",
    )


async def _cap_days(conn: AsyncConnection, network: Row[Any], joined_on: date) -> list[date]:
    """The days on which an open membership from `joined_on` could newly break the cap.

    A county's count can only grow on the day a member joins, or when the county map (or an
    organisation's county) changes; checking those days covers the whole open period.
    """
    later_joins = select(M.c.joined_on.label("day")).where(
        M.c.network_id == network.id, M.c.joined_on > joined_on
    )
    map_changes = select(P.c.valid_from.label("day")).where(P.c.valid_from > joined_on)
    found = {row.day for row in await conn.execute(later_joins.union(map_changes))}
    last = network.ends_on
    return sorted({joined_on} | {day for day in found if last is None or day <= last})


async def add_membership(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    network_id: int,
    organization_id: int,
    joined_on: date,
    recruited_by_id: int | None,
) -> Change:
    """Make an organisation a member from `joined_on`, within the network's per-county cap."""
    network = await managed_network(conn, viewer, network_id, "networkId")
    _within_network(network, joined_on, "joinedOn")
    organization = await organization_on(conn, organization_id, joined_on, "organizationId")
    if not _existed(organization, joined_on):
        since, until = organization.valid_from, organization.valid_to
        when = (
            f"it existed until {until.isoformat()}"
            if until is not None and until < joined_on
            else f"it exists from {since.isoformat()}"
        )
        raise invalid(
            f"{_name(organization)} did not exist on {joined_on.isoformat()} ({when}).",
            "joinedOn",
        )
    if recruited_by_id is not None:
        await organization_on(conn, recruited_by_id, joined_on, "recruitedById")
    overlapping = (
        await conn.execute(
            select(M.c.joined_on, M.c.left_on)
            .where(
                M.c.network_id == network_id,
                M.c.organization_id == organization_id,
                or_(M.c.left_on.is_(None), M.c.left_on >= joined_on),
            )
            .order_by(M.c.joined_on)
            .limit(1)
        )
    ).first()
    if overlapping is not None:
        until = "" if overlapping.left_on is None else f" to {overlapping.left_on.isoformat()}"
        raise Refusal(
            UserErrorCode.CONFLICT,
            f"{_name(organization)} is already a member of {network.name} "
            f"(from {overlapping.joined_on.isoformat()}{until}).",
            "organizationId",
        )
    for day in await _cap_days(conn, network, joined_on):
        member = await organization_on(conn, organization_id, day, "organizationId")
        if not _existed(member, day):
            break
        await check_county_cap(conn, network, member, day, joined_on)
    values = {
        "network_id": network_id,
        "organization_id": organization_id,
        "joined_on": joined_on,
        "left_on": None,
        "recruited_by_id": recruited_by_id,
    }
    membership_id = int(
        (await conn.execute(insert(M).values(**values).returning(M.c.id))).scalar_one()
    )
    return Change("Membership", membership_id, None, _plain(values))


async def end_membership(
    conn: AsyncConnection, *, viewer: Viewer, membership_id: int, left_on: date
) -> Change:
    """Set the last day (inclusive) of a membership that has not ended."""
    row = (await conn.execute(select(M).where(M.c.id == membership_id))).first()
    if row is None:
        raise not_found("membership", "id")
    await managed_network(conn, viewer, row.network_id, "id")
    if row.left_on is not None:
        raise Refusal(
            UserErrorCode.CONFLICT,
            f"The membership already ended on {row.left_on.isoformat()}.",
            "id",
        )
    if left_on < row.joined_on:
        raise invalid(
            f"A membership cannot end before it began ({row.joined_on.isoformat()}).", "leftOn"
        )
    held = R.c.network_id == row.network_id, R.c.on_behalf_of_id == row.organization_id
    later = (
        await conn.execute(
            select(R.c.starts_on, PE.c.name)
            .join(PE, PE.c.id == R.c.person_id)
            .where(*held, R.c.starts_on > left_on)
            .order_by(R.c.starts_on, R.c.id)
        )
    ).all()
    if later:
        starts = ", ".join(f"{r.name} from {r.starts_on.isoformat()}" for r in later)
        raise Refusal(
            UserErrorCode.RULE_VIOLATION,
            f"Roles on behalf of the member begin after {left_on.isoformat()} ({starts}); "
            "end the membership later.",
            "leftOn",
        )
    after = (
        await conn.execute(
            update(M).where(M.c.id == membership_id).values(left_on=left_on).returning(M)
        )
    ).one()
    # The people who represented the member in the network stop with it.
    ended = (
        await conn.execute(
            update(R)
            .where(*held, or_(R.c.ends_on.is_(None), R.c.ends_on > left_on))
            .values(ends_on=left_on)
            .returning(R.c.id)
        )
    ).all()
    return Change(
        "Membership",
        membership_id,
        membership_snapshot(row),
        {**membership_snapshot(after), "roles_ended": sorted(int(r.id) for r in ended)},
    )


async def assign_role(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    network_id: int,
    person_id: int,
    kind: tables.RoleKind,
    on_behalf_of_id: int | None,
    starts_on: date,
) -> Change:
    """Give a person a role in a network from `starts_on`, for a member organisation."""
    network = await managed_network(conn, viewer, network_id, "networkId")
    _within_network(network, starts_on, "from")
    person = (await conn.execute(select(PE.c.id).where(PE.c.id == person_id))).first()
    if person is None:
        raise not_found("person", "personId")
    if on_behalf_of_id is not None:
        organization = await organization_on(conn, on_behalf_of_id, starts_on, "onBehalfOfId")
        member = (
            await conn.execute(
                select(M.c.id).where(
                    M.c.network_id == network_id,
                    M.c.organization_id == on_behalf_of_id,
                    valid_on(M.c.joined_on, M.c.left_on, starts_on),
                )
            )
        ).first()
        if member is None:
            raise Refusal(
                UserErrorCode.RULE_VIOLATION,
                f"{_name(organization)} is not a member of {network.name} on "
                f"{starts_on.isoformat()}; a role is held on behalf of a member.",
                "onBehalfOfId",
            )
    same_org = (
        R.c.on_behalf_of_id.is_(None)
        if on_behalf_of_id is None
        else R.c.on_behalf_of_id == on_behalf_of_id
    )
    overlapping = (
        await conn.execute(
            select(R.c.starts_on)
            .where(
                R.c.network_id == network_id,
                R.c.person_id == person_id,
                R.c.kind == kind,
                same_org,
                or_(R.c.ends_on.is_(None), R.c.ends_on >= starts_on),
            )
            .limit(1)
        )
    ).first()
    if overlapping is not None:
        raise Refusal(
            UserErrorCode.CONFLICT,
            f"The person already holds this role in {network.name} "
            f"(from {overlapping.starts_on.isoformat()}).",
            "personId",
        )
    values = {
        "network_id": network_id,
        "person_id": person_id,
        "kind": kind,
        "on_behalf_of_id": on_behalf_of_id,
        "starts_on": starts_on,
        "ends_on": None,
    }
    role_id = int((await conn.execute(insert(R).values(**values).returning(R.c.id))).scalar_one())
    return Change("Role", role_id, None, _plain(values))


async def end_role(conn: AsyncConnection, *, viewer: Viewer, role_id: int, ends_on: date) -> Change:
    """Set the last day (inclusive) of a role that has not ended."""
    row = (await conn.execute(select(R).where(R.c.id == role_id))).first()
    if row is None:
        raise not_found("role", "id")
    await managed_network(conn, viewer, row.network_id, "id")
    if row.ends_on is not None:
        raise Refusal(
            UserErrorCode.CONFLICT, f"The role already ended on {row.ends_on.isoformat()}.", "id"
        )
    if ends_on < row.starts_on:
        raise invalid(f"A role cannot end before it began ({row.starts_on.isoformat()}).", "to")
    after = (
        await conn.execute(update(R).where(R.c.id == role_id).values(ends_on=ends_on).returning(R))
    ).one()
    return Change("Role", role_id, role_snapshot(row), role_snapshot(after))
