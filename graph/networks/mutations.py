"""Mutations on a network's members and roles (its leaders and coordinators, or staff)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import tables
from graph.context import Context
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.networks import service as network_service
from graph.networks import writes
from graph.networks.types import Membership
from graph.notes.mutations import node_key
from graph.people.types import Role
from graph.refusals import Change


@strawberry.input(description="A new member of a network.")
class MembershipAddInput:
    network_id: strawberry.ID = strawberry.field(description="The network's id.")
    organization_id: strawberry.ID = strawberry.field(description="The new member's id.")
    joined_on: date = strawberry.field(
        description="First day of the membership. The per-county cap is checked on this day, "
        "with the county map of this day."
    )
    recruited_by_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organisation that recruited the member (e.g. a KS office)."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the membership is made once."
    )


@strawberry.input(description="The end of a membership.")
class MembershipEndInput:
    id: strawberry.ID = strawberry.field(description="The membership's id.")
    left_on: date = strawberry.field(
        description="Last day of the membership (inclusive); not before it began."
    )


@strawberry.input(description="A person's new role in a network.")
class RoleAssignInput:
    network_id: strawberry.ID = strawberry.field(description="The network's id.")
    person_id: strawberry.ID = strawberry.field(description="The person's id.")
    kind: tables.RoleKind = strawberry.field(description="The role.")
    on_behalf_of_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The organisation the person represents; it must be a member on `from`.",
    )
    from_: date = strawberry.field(name="from", description="First day in the role.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the role is made once."
    )


@strawberry.input(description="The end of a role.")
class RoleEndInput:
    id: strawberry.ID = strawberry.field(description="The role's id.")
    to: date = strawberry.field(description="Last day in the role (inclusive); not before `from`.")


@strawberry.type(description="The result of a membership mutation.")
class MembershipPayload:
    membership: Membership | None = strawberry.field(
        description="The membership as it is now, its organisation named as of the day the "
        "mutation was about (joining or leaving); null on errors."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


@strawberry.type(description="The result of a role mutation.")
class RolePayload:
    role: Role | None = strawberry.field(
        description="The role as it is now, its organisation named as of the day the mutation "
        "was about (start or end); null on errors."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


async def _membership(info: Info[Context, None], outcome: Outcome, day: date) -> MembershipPayload:
    if outcome.errors or outcome.object_id is None:
        return MembershipPayload(membership=None, user_errors=outcome.errors)
    rows = await info.context.db.rows(network_service.memberships_by_id([outcome.object_id], day))
    membership = Membership.from_row(rows[0], day) if rows else None
    return MembershipPayload(membership=membership, user_errors=[])


async def _role(info: Info[Context, None], outcome: Outcome, day: date) -> RolePayload:
    if outcome.errors or outcome.object_id is None:
        return RolePayload(role=None, user_errors=outcome.errors)
    rows = await info.context.db.rows(network_service.roles_by_id([outcome.object_id]))
    return RolePayload(role=Role.from_row(rows[0], day) if rows else None, user_errors=[])


@strawberry.type
class NetworkMutation:
    @strawberry.mutation(
        description="Add a member to a network you lead or coordinate (or as staff). Refused: "
        "an organisation that did not exist on `joinedOn`, one that is already a member then "
        "or later (CONFLICT), and one whose county on `joinedOn` already has the network's cap "
        "of members (RULE_VIOLATION)."
    )
    async def membership_add(
        self, info: Info[Context, None], input: Annotated[MembershipAddInput, INPUT]
    ) -> MembershipPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            recruited_by = input.recruited_by_id
            return await writes.add_membership(
                conn,
                viewer=context.viewer,
                network_id=node_key(input.network_id, "Network", "networkId"),
                organization_id=node_key(input.organization_id, "Organization", "organizationId"),
                joined_on=input.joined_on,
                recruited_by_id=None
                if recruited_by is None
                else node_key(recruited_by, "Organization", "recruitedById"),
            )

        outcome = await perform(
            context, "membershipAdd", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _membership(info, outcome, input.joined_on)

    @strawberry.mutation(
        description="End a membership of a network you lead or coordinate (or as staff); the "
        "roles held on behalf of the member end on the same day."
    )
    async def membership_end(
        self, info: Info[Context, None], input: Annotated[MembershipEndInput, INPUT]
    ) -> MembershipPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.end_membership(
                conn,
                viewer=context.viewer,
                membership_id=node_key(input.id, "Membership", "id"),
                left_on=input.left_on,
            )

        outcome = await perform(context, "membershipEnd", work)
        return await _membership(info, outcome, input.left_on)

    @strawberry.mutation(
        description="Give a person a role in a network you lead or coordinate (or as staff), "
        "on behalf of an organisation that is a member on `from` (else RULE_VIOLATION)."
    )
    async def role_assign(
        self, info: Info[Context, None], input: Annotated[RoleAssignInput, INPUT]
    ) -> RolePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            on_behalf_of = input.on_behalf_of_id
            return await writes.assign_role(
                conn,
                viewer=context.viewer,
                network_id=node_key(input.network_id, "Network", "networkId"),
                person_id=node_key(input.person_id, "Person", "personId"),
                kind=input.kind,
                on_behalf_of_id=None
                if on_behalf_of is None
                else node_key(on_behalf_of, "Organization", "onBehalfOfId"),
                starts_on=input.from_,
            )

        outcome = await perform(
            context, "roleAssign", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _role(info, outcome, input.from_)

    @strawberry.mutation(
        description="End a role in a network you lead or coordinate (or as staff)."
    )
    async def role_end(
        self, info: Info[Context, None], input: Annotated[RoleEndInput, INPUT]
    ) -> RolePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.end_role(
                conn,
                viewer=context.viewer,
                role_id=node_key(input.id, "Role", "id"),
                ends_on=input.to,
            )

        outcome = await perform(context, "roleEnd", work)
        return await _role(info, outcome, input.to)
