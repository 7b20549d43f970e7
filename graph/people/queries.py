"""Root fields for people."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.connections import page_args, root_connection
from graph.context import Context
from graph.errors import BadUserInput
from graph.networks.service import network_by_slug
from graph.pagination import After, Before, Connection, First, Last
from graph.people import service
from graph.people.types import Person


@strawberry.input(description="Which people to list; every condition must hold.")
class PersonFilter:
    search: str | None = strawberry.field(
        default=None, description="Part of the name (case-insensitive)."
    )
    network_slug: str | None = strawberry.field(
        default=None, description="Only people with a role in this network."
    )
    role_kinds: list[tables.RoleKind] | None = strawberry.field(
        default=None, description="Only people with a role of these kinds."
    )
    as_of: date | None = strawberry.field(
        default=None, description="Only roles held on this date count (default: any time)."
    )


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="People, by name.")
    async def people(
        self,
        info: Info[Context, None],
        filter: Annotated[
            PersonFilter | None, strawberry.argument(description="Conditions to meet.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Person]:
        page = page_args(info.context, (str, int), first, after, last, before, name="Query.people")
        args = service.PersonFilterArgs()
        slug = filter.network_slug if filter is not None else None
        if slug is not None and not await info.context.db.rows(network_by_slug(slug)):
            raise BadUserInput(f"No network has the slug {slug!r}.", argument="filter.networkSlug")
        if filter is not None:
            args = service.PersonFilterArgs(
                search=(filter.search or "").strip() or None,
                network_slug=filter.network_slug,
                role_kinds=tuple(filter.role_kinds or ()),
                as_of=filter.as_of,
            )
        return await root_connection(
            info.context, service.people(args), service.PERSON_ORDER, page, Person.from_row
        )
