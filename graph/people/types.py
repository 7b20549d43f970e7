"""People and their roles: GraphQL types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

import strawberry
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.types import Info

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.context import Context
from graph.ids import int_ids
from graph.networks import loaders as network_loaders
from graph.networks.types import Network, load_network
from graph.organizations import loaders as organization_loaders
from graph.organizations.types import Organization
from graph.people import loaders


@strawberry.type(description="A person who holds or has held roles in networks.")
class Person(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Full name.")
    title: str | None = strawberry.field(description="Position, as reported; null if unknown.")

    @classmethod
    def from_row(cls, row: Row[Any]) -> Person:
        return cls(id=row.id, name=row.name, title=row.title)

    @strawberry.field(
        description="The person's roles: held on `asOf`, or all of them over time (each then "
        "naming its organisation as of the role's last day)."
    )
    async def roles(
        self,
        info: Info[Context, None],
        as_of: Annotated[
            date | None,
            strawberry.argument(description="Only roles held on this date (default: all)."),
        ] = None,
    ) -> list[Role]:
        today = info.context.today
        rows = await info.context.loaders.get(network_loaders.roles_by_person, as_of).load(self.id)
        # Without a date, each role names its organisation as of the role's last day.
        return [Role.from_row(row, as_of or min(today, row.ends_on or today)) for row in rows]

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Person | None]:
        rows = await info.context.loaders.get(loaders.people_by_id).load_many(int_ids(node_ids))
        return [cls.from_row(row) if row is not None else None for row in rows]


@strawberry.type(description="A person's role in a network, on behalf of an organisation.")
class Role(relay.Node):
    id: relay.NodeID[int]
    kind: tables.RoleKind = strawberry.field(
        description="Leader, deputy leader, coordinator or representative."
    )
    from_: date = strawberry.field(name="from", description="First day in the role.")
    to: date | None = strawberry.field(
        description="Last day in the role (inclusive); null while it lasts."
    )
    as_of: strawberry.Private[date]
    person_id: strawberry.Private[int]
    network_id: strawberry.Private[int]
    on_behalf_of_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any], day: date) -> Role:
        return cls(
            id=row.id,
            kind=row.kind,
            from_=row.starts_on,
            to=row.ends_on,
            as_of=day,
            person_id=row.person_id,
            network_id=row.network_id,
            on_behalf_of_id=row.on_behalf_of_id,
        )

    @strawberry.field(description="Who holds the role.")
    async def person(self, info: Info[Context, None]) -> Person:
        row = await info.context.loaders.get(loaders.people_by_id).load(self.person_id)
        return Person.from_row(row)

    @strawberry.field(description="The network.")
    async def network(self, info: Info[Context, None]) -> Network:
        return await load_network(info.context, self.network_id)

    @strawberry.field(
        description="The organisation the person represents in the role (named as of the date asked for)."
    )
    async def on_behalf_of(self, info: Info[Context, None]) -> Organization | None:
        if self.on_behalf_of_id is None:
            return None
        loader = info.context.loaders.get(organization_loaders.organizations_by_id, self.as_of)
        row = await loader.load(self.on_behalf_of_id)
        return Organization.from_row(row, self.as_of) if row is not None else None

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Role | None]:
        day = info.context.today
        rows = await info.context.loaders.get(network_loaders.roles_by_id).load_many(
            int_ids(node_ids)
        )
        return [cls.from_row(row, day) if row is not None else None for row in rows]
