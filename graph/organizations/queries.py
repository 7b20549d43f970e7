"""Root fields for organisations and counties."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.connections import page_args, root_connection
from graph.context import Context
from graph.errors import BadUserInput
from graph.networks import service as network_service
from graph.organizations import loaders, service
from graph.organizations.inputs import OrganizationFilter
from graph.organizations.types import AS_OF, County, Organization
from graph.pagination import After, Before, Connection, First, Last

ORG_KEYS = (str, int)


async def _filter_args(
    info: Info[Context, None], flt: OrganizationFilter | None
) -> service.OrganizationFilterArgs:
    if flt is None:
        return service.OrganizationFilterArgs()
    network_id = None
    if flt.network_slug is not None:
        rows = await info.context.db.rows(network_service.network_by_slug(flt.network_slug))
        if not rows:
            raise BadUserInput(
                f"No network has the slug {flt.network_slug!r}.", argument="filter.networkSlug"
            )
        network_id = rows[0].id
    return service.OrganizationFilterArgs(
        kinds=tuple(flt.kinds or ()),
        county_number=flt.county_number,
        search=(flt.search or "").strip() or None,
        network_id=network_id,
    )


@strawberry.type
class OrganizationQuery:
    @strawberry.field(description="The counties valid on a date, by number.")
    async def counties(
        self,
        info: Info[Context, None],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
    ) -> list[County]:
        rows = await info.context.db.rows(service.counties_on(as_of or info.context.today))
        return [County.from_row(row) for row in rows]

    @strawberry.field(description="Organisations existing on a date, by name (Norwegian order).")
    async def organizations(
        self,
        info: Info[Context, None],
        filter: Annotated[
            OrganizationFilter | None, strawberry.argument(description="Conditions to meet.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Organization]:
        context = info.context
        page = page_args(context, ORG_KEYS, first, after, last, before, name="Query.organizations")
        day = (filter.as_of if filter else None) or context.today
        stmt = service.organization_list(day, await _filter_args(info, filter))
        return await root_connection(
            context, stmt, service.ORGANIZATION_ORDER, page, lambda r: Organization.from_row(r, day)
        )

    @strawberry.field(
        description="The organisation with a code (municipality number, county number or `KS`). "
        "Old and new numbers both resolve: `3024` and `3201` are both Bærum. A number valid on "
        "`asOf` wins; otherwise the most recent organisation that had it."
    )
    async def organization(
        self,
        info: Info[Context, None],
        code: Annotated[str, strawberry.argument(description="The code, e.g. `3024` or `0301`.")],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
    ) -> Organization | None:
        context = info.context
        day = as_of or context.today
        found = await context.db.rows(service.organization_by_code(code.strip(), day))
        if not found:
            return None
        loader = context.loaders.get(loaders.organizations_by_id, day)
        row = await loader.load(found[0].organization_id)
        return Organization.from_row(row, day) if row is not None else None
