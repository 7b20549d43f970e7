"""Who is logged in: the `viewer` root field."""

from __future__ import annotations

import strawberry
from sqlalchemy import select
from strawberry import relay
from strawberry.types import Info

from db import accounts
from graph.accounts.tokens import ApiToken, viewer_api_tokens
from graph.context import Context
from graph.networks.types import Network, load_network
from graph.pagination import Connection
from graph.people import loaders as people_loaders
from graph.people.types import Person


@strawberry.type(description="A user account.")
class User(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="The login email.")
    is_staff: bool = strawberry.field(description="KS staff: may see and do everything.")
    person_id: strawberry.Private[int | None]

    @strawberry.field(description="The person the account belongs to.")
    async def person(self, info: Info[Context, None]) -> Person | None:
        if self.person_id is None:
            return None
        row = await info.context.loaders.get(people_loaders.people_by_id).load(self.person_id)
        return Person.from_row(row) if row is not None else None


@strawberry.type(description="The logged-in viewer and what their credentials allow.")
class Viewer:
    scopes: list[str] = strawberry.field(description="What the credentials may do.")
    is_staff: bool = strawberry.field(description="Whether staff powers are in effect.")
    user_id: strawberry.Private[int]
    network_ids: strawberry.Private[frozenset[int]]
    lead_network_ids: strawberry.Private[frozenset[int]]

    @strawberry.field(description="The account.")
    async def user(self, info: Info[Context, None]) -> User:
        table = accounts.USERS
        rows = await info.context.db.rows(select(table).where(table.c.id == self.user_id))
        row = rows[0]
        return User(id=row.id, email=row.email, is_staff=row.is_staff, person_id=row.person_id)

    api_tokens: Connection[ApiToken] = strawberry.field(
        resolver=viewer_api_tokens,
        description="Your API tokens, newest first, revoked and expired ones too (no secrets).",
    )

    @strawberry.field(
        description="Networks whose members' notes you read and to whose meetings you post."
    )
    async def networks(self, info: Info[Context, None]) -> list[Network]:
        found = [await load_network(info.context, i) for i in sorted(self.network_ids)]
        return sorted(found, key=lambda n: n.name)

    @strawberry.field(description="Networks you run (leader, deputy leader or coordinator).")
    async def lead_networks(self, info: Info[Context, None]) -> list[Network]:
        found = [await load_network(info.context, i) for i in sorted(self.lead_network_ids)]
        return sorted(found, key=lambda n: n.name)


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="Who you are logged in as; null when anonymous.")
    def viewer(self, info: Info[Context, None]) -> Viewer | None:
        viewer = info.context.viewer
        if viewer.user_id is None:
            return None
        return Viewer(
            scopes=sorted(viewer.scopes),
            is_staff=viewer.staff,
            user_id=viewer.user_id,
            network_ids=viewer.network_ids,
            lead_network_ids=viewer.lead_network_ids,
        )
