"""Organisations and counties: their GraphQL types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.types import Info

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.connections import Relation, nested_connection, page_args
from graph.context import Context
from graph.ids import int_ids
from graph.organizations import loaders, service
from graph.pagination import After, Before, Connection, First, Last

if TYPE_CHECKING:
    from graph.meetings.reports import AttendanceSummary
    from graph.networks.types import Membership, Network


AS_OF = "The date to answer for (default: today in Europe/Oslo)."


@strawberry.type(description="A county (fylke) under one number for one period.")
class County(relay.Node):
    id: relay.NodeID[int]
    number: str = strawberry.field(description="The county number (fylkesnummer), e.g. `46`.")
    name: str = strawberry.field(description="The plain Norwegian name, e.g. `Vestland`.")
    valid_from: date | None = strawberry.field(
        description="First day of this county's period; null if it began before our data."
    )
    valid_to: date | None = strawberry.field(
        description="Last day of this county's period (inclusive); null while it is valid."
    )

    @classmethod
    def from_row(cls, row: Row[Any]) -> County:
        return cls(
            id=row.id,
            number=row.number,
            name=row.name,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
        )

    @strawberry.field(description="The municipalities in this county on a date, by name.")
    async def municipalities(
        self,
        info: Info[Context, None],
        as_of: Annotated[
            date | None,
            strawberry.argument(
                description="The date (default: today, or the county's last day if it has ended)."
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Organization]:
        context = info.context
        day = as_of or context.today
        if as_of is None and self.valid_to is not None and self.valid_to < day:
            day = self.valid_to
        page = page_args(
            context,
            COUNTY_MUNICIPALITIES.key_types,
            first,
            after,
            last,
            before,
            name="County.municipalities",
        )
        return await nested_connection(
            context,
            COUNTY_MUNICIPALITIES,
            (day,),
            self.id,
            page,
            lambda row: Organization.from_row(row, day),
        )

    @classmethod
    async def load_nodes(
        cls,
        *,
        info: Info[Context, None],
        node_ids: Iterable[str],
    ) -> list[County | None]:
        loader = info.context.loaders.get(loaders.counties_by_id)
        rows = await loader.load_many(int_ids(node_ids))
        return [cls.from_row(row) if row is not None else None for row in rows]


@strawberry.type(description="An organisation's code, names and county for one period.")
class OrganizationPeriod:
    code: str | None = strawberry.field(
        description="The code in this period: a municipality or county number, or `KS`."
    )
    official_name: str = strawberry.field(
        description="The official name, multilingual where it is so, e.g. `Trondheim - Tråante`."
    )
    name: str = strawberry.field(description="The plain Norwegian name, e.g. `Trondheim`.")
    county_number: str | None = strawberry.field(description="The county's number.")
    valid_from: date | None = strawberry.field(
        description="First day of the period; null if it began before our data."
    )
    valid_to: date | None = strawberry.field(
        description="Last day of the period (inclusive); null while it is valid."
    )
    county_id: strawberry.Private[int | None]

    @strawberry.field(description="The county in this period.")
    async def county(self, info: Info[Context, None]) -> County | None:
        if self.county_id is None:
            return None
        row = await info.context.loaders.get(loaders.counties_by_id).load(self.county_id)
        return County.from_row(row) if row is not None else None


@strawberry.type(
    description="An organisation with one identity over time: a municipality keeps its identity "
    "when it is renumbered (Bærum is 3024 until 2023-12-31 and 3201 from 2024-01-01). Its code, "
    "names and county are answered as of a date: the `asOf` of the field that returned it."
)
class Organization(relay.Node):
    id: relay.NodeID[int]
    kind: tables.OrganizationKind = strawberry.field(description="The kind of organisation.")
    as_of: date = strawberry.field(description="The date the code, names and county hold for.")
    code: str | None = strawberry.field(
        description="The code on `asOf`: municipality number (`3201`), county number for a "
        "county authority (`32`), `KS` for KS; null if it did not exist then."
    )
    name: str = strawberry.field(
        description="The plain Norwegian name on `asOf` (the latest name if it did not exist)."
    )
    official_name: str = strawberry.field(
        description="The official name on `asOf`, multilingual where it is so."
    )
    valid_from: date | None = strawberry.field(
        description="First day the organisation existed; null if before our data."
    )
    valid_to: date | None = strawberry.field(
        description="Last day the organisation existed (inclusive); null while it exists."
    )
    county_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any], day: date) -> Organization:
        name = row.plain_name or row.name
        return cls(
            id=row.id,
            kind=row.kind,
            as_of=day,
            code=row.code,
            name=name,
            official_name=row.official_name or name,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            county_id=row.county_id,
        )

    @strawberry.field(description="The county the organisation belonged to on a date.")
    async def county(
        self,
        info: Info[Context, None],
        as_of: Annotated[
            date | None,
            strawberry.argument(description="The date (default: this object's `asOf`)."),
        ] = None,
    ) -> County | None:
        context = info.context
        county_id = self.county_id
        if as_of is not None and as_of != self.as_of:
            loader = context.loaders.get(loaders.county_ids_by_organization, as_of)
            county_id = await loader.load(self.id)
        if county_id is None:
            return None
        row = await context.loaders.get(loaders.counties_by_id).load(county_id)
        return County.from_row(row) if row is not None else None

    @strawberry.field(description="Every code, name and county the organisation has had.")
    async def periods(self, info: Info[Context, None]) -> list[OrganizationPeriod]:
        rows = await info.context.loaders.get(loaders.periods_by_organization).load(self.id)
        return [
            OrganizationPeriod(
                code=row.code,
                official_name=row.official_name,
                name=row.plain_name,
                county_number=row.county_number,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                county_id=row.county_id,
            )
            for row in rows
        ]

    @strawberry.field(description="The networks the organisation was a member of on a date.")
    async def networks(
        self,
        info: Info[Context, None],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Network, strawberry.lazy("graph.networks.types")]]:
        from graph.networks.types import organization_networks

        return await organization_networks(
            info.context, self.id, as_of or info.context.today, first, after, last, before
        )

    @strawberry.field(
        description="The organisation's memberships: those valid on `asOf`, or all of them."
    )
    async def memberships(
        self,
        info: Info[Context, None],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
        include_former: Annotated[
            bool,
            strawberry.argument(
                description="Every membership over time, ignoring `asOf` for the period "
                "(organisations are still named as of `asOf`)."
            ),
        ] = False,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[Membership, strawberry.lazy("graph.networks.types")]]:
        from graph.networks.types import organization_memberships

        day = as_of or info.context.today
        return await organization_memberships(
            info.context, self.id, None if include_former else day, day, first, after, last, before
        )

    @strawberry.field(description="Attendance at each network's meetings in a year.")
    async def attendance(
        self,
        info: Info[Context, None],
        year: Annotated[int, strawberry.argument(description="The calendar year.")],
    ) -> list[Annotated[AttendanceSummary, strawberry.lazy("graph.meetings.reports")]]:
        from graph.meetings.loaders import attendance_by_organization
        from graph.meetings.reports import AttendanceSummary

        loader = info.context.loaders.get(attendance_by_organization, year)
        return [
            AttendanceSummary(
                year=year,
                recorded=row.recorded,
                present=int(row.present or 0),
                absent=row.recorded - int(row.present or 0),
                network_id=row.network_id,
            )
            for row in await loader.load(self.id)
        ]

    @classmethod
    async def load_nodes(
        cls,
        *,
        info: Info[Context, None],
        node_ids: Iterable[str],
    ) -> list[Organization | None]:
        day = info.context.today
        loader = info.context.loaders.get(loaders.organizations_by_id, day)
        rows = await loader.load_many(int_ids(node_ids))
        return [cls.from_row(row, day) if row is not None else None for row in rows]


COUNTY_MUNICIPALITIES = Relation(
    statement=service.county_municipalities,
    parent=service.P.c.county_id,
    order=service.ORGANIZATION_ORDER,
    key_types=(str, int),
)
