"""Root fields for networks."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.connections import page_args, root_connection
from graph.context import Context
from graph.networks import service
from graph.networks.types import Network
from graph.pagination import After, Before, Connection, First, Last


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="Every network, by name.")
    async def networks(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Network]:
        page = page_args(
            info.context, (str, int), first, after, last, before, name="Query.networks"
        )
        return await root_connection(
            info.context, service.networks(), service.NETWORK_ORDER, page, Network.from_row
        )

    @strawberry.field(description="The network with a slug, e.g. `kommunenettverk-kultur`.")
    async def network(
        self,
        info: Info[Context, None],
        slug: Annotated[str, strawberry.argument(description="The network's slug.")],
    ) -> Network | None:
        rows = await info.context.db.rows(service.network_by_slug(slug))
        return Network.from_row(rows[0]) if rows else None
