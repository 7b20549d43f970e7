"""Networks, memberships and county quotas: their GraphQL types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.types import Info

from db import rules, tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.connections import Relation, nested_connection, page_args
from graph.context import Context
from graph.ids import int_ids
from graph.networks import loaders, service
from graph.organizations import loaders as organization_loaders
from graph.organizations.types import AS_OF, County, Organization
from graph.pagination import After, Before, Connection, First, Last

if TYPE_CHECKING:
    from graph.meetings.inputs import MeetingFilter
    from graph.meetings.reports import CadenceReport
    from graph.meetings.types import Meeting
    from graph.people.types import Role

MeetingType = Annotated["Meeting", strawberry.lazy("graph.meetings.types")]
MeetingFilterType = Annotated["MeetingFilter", strawberry.lazy("graph.meetings.inputs")]
CadenceReportType = Annotated["CadenceReport", strawberry.lazy("graph.meetings.reports")]


AsOf = Annotated[date | None, strawberry.argument(description=AS_OF)]


@strawberry.type(description="A network's rules: per-county cap and meeting cadence.")
class NetworkRules:
    max_members_per_county: int | None = strawberry.field(
        description="At most this many member organisations per county; null for no cap."
    )
    meetings_per_year: int | None = strawberry.field(
        description="Meetings the network holds in a year; null if not set."
    )
    physical_meetings_per_year: int | None = strawberry.field(
        description="Of those, how many are physical; null if not set."
    )


@strawberry.type(description="One county's line of a network's per-county quota on a date.")
class CountyQuota:
    county: County = strawberry.field(description="The county.")
    members: list[Organization] = strawberry.field(
        description="The network's members in the county on the date, by name."
    )
    member_count: int = strawberry.field(description="How many members the county has.")
    cap: int | None = strawberry.field(description="The network's cap per county; null if none.")
    open_places: int | None = strawberry.field(
        description="Places left in the county (cap minus members, never below 0); null if no cap."
    )


@strawberry.type(description="A network of organisations that meet and share knowledge.")
class Network(relay.Node):
    id: relay.NodeID[int]
    slug: str = strawberry.field(
        description="A stable, readable key, e.g. `storbynettverk-kultur`."
    )
    name: str = strawberry.field(description="The network's name.")
    description: str = strawberry.field(description="What the network is for (Norwegian).")
    kind: tables.NetworkKind = strawberry.field(description="The kind of network.")
    starts_on: date | None = strawberry.field(description="First day (first meeting or founding).")
    ends_on: date | None = strawberry.field(
        description="Last day (inclusive) of a project network; null if permanent."
    )
    rules: NetworkRules = strawberry.field(description="Per-county cap and meeting cadence.")
    stored_status: strawberry.Private[tables.NetworkStatus]
    owner_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any]) -> Network:
        return cls(
            id=row.id,
            slug=row.slug,
            name=row.name,
            description=row.description,
            kind=row.kind,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            rules=NetworkRules(
                max_members_per_county=row.max_members_per_county,
                meetings_per_year=row.meetings_per_year,
                physical_meetings_per_year=row.physical_meetings_per_year,
            ),
            stored_status=row.status,
            owner_id=row.owner_id,
        )

    @strawberry.field(description="PROJECT or PERMANENT; ENDED once the end date has passed.")
    def status(self, info: Info[Context, None]) -> tables.NetworkStatus:
        if self.ends_on is not None and self.ends_on < info.context.today:
            return tables.NetworkStatus.ENDED
        return self.stored_status

    @strawberry.field(description="The organisation that owns and runs the network.")
    async def owner(self, info: Info[Context, None]) -> Organization | None:
        if self.owner_id is None:
            return None
        day = info.context.today
        loader = info.context.loaders.get(organization_loaders.organizations_by_id, day)
        row = await loader.load(self.owner_id)
        return Organization.from_row(row, day) if row is not None else None

    @strawberry.field(description="The member organisations on a date, by name.")
    async def members(
        self,
        info: Info[Context, None],
        as_of: AsOf = None,
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
    ) -> Connection[Membership]:
        context = info.context
        day = as_of or context.today
        page = page_args(
            context, NETWORK_MEMBERS.key_types, first, after, last, before, name="Network.members"
        )
        args = (None if include_former else day, day)
        return await nested_connection(
            context, NETWORK_MEMBERS, args, self.id, page, lambda r: Membership.from_row(r, day)
        )

    @strawberry.field(description="Who held which role in the network on a date.")
    async def roles(
        self, info: Info[Context, None], as_of: AsOf = None
    ) -> list[Annotated[Role, strawberry.lazy("graph.people.types")]]:
        from graph.people.types import Role

        day = as_of or info.context.today
        rows = await info.context.loaders.get(loaders.roles_by_network, day).load(self.id)
        return [Role.from_row(row, day) for row in rows]

    @strawberry.field(
        description="Members per county against the cap, for every county valid on the date "
        "(11 counties until 2023-12-31, 15 from 2024-01-01)."
    )
    async def county_quota(
        self, info: Info[Context, None], as_of: AsOf = None
    ) -> list[CountyQuota]:
        context = info.context
        day = as_of or context.today
        counties = await context.loaders.get(loaders.counties_by_day).load(day)
        members = await context.loaders.get(loaders.members_by_network, day).load(self.id)
        lines = rules.county_quota(
            [(row.id, County.from_row(row)) for row in counties],
            [(row.county_id, Organization.from_row(row, day)) for row in members],
            self.rules.max_members_per_county,
        )
        return [
            CountyQuota(
                county=line.county,
                members=line.members,
                member_count=len(line.members),
                cap=line.cap,
                open_places=line.open_places,
            )
            for line in lines
        ]

    @strawberry.field(description="The network's meetings, oldest first.")
    async def meetings(
        self,
        info: Info[Context, None],
        filter: Annotated[
            MeetingFilterType | None,
            strawberry.argument(description="Conditions to meet (`networks` narrows further)."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[MeetingType]:
        from graph.meetings.inputs import meeting_filter_args
        from graph.meetings.types import NETWORK_MEETINGS, Meeting

        context = info.context
        args, scope = await meeting_filter_args(context, filter)
        page = page_args(
            context, NETWORK_MEETINGS.key_types, first, after, last, before, name="Network.meetings"
        )
        return await nested_connection(
            context,
            NETWORK_MEETINGS,
            (args, scope),
            self.id,
            page,
            lambda r: Meeting.from_row(r, context),
        )

    @strawberry.field(description="The network's meetings in a year against its rule.")
    async def cadence(
        self,
        info: Info[Context, None],
        year: Annotated[int, strawberry.argument(description="The calendar year.")],
    ) -> CadenceReportType:
        from db.rules import tally
        from graph.meetings.loaders import cadence_by_network
        from graph.meetings.reports import CadenceReport

        rows = await info.context.loaders.get(cadence_by_network, year).load(self.id)
        tallied = tally((row.status.value, row.format.value, row.n) for row in rows)
        return CadenceReport.build(year, self, tallied)

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Network | None]:
        rows = await info.context.loaders.get(loaders.networks_by_id).load_many(int_ids(node_ids))
        return [cls.from_row(row) if row is not None else None for row in rows]


async def load_network(context: Context, network_id: int) -> Network:
    """The network with `network_id`, through the request's loader."""
    return Network.from_row(await context.loaders.get(loaders.networks_by_id).load(network_id))


@strawberry.type(description="An organisation's membership of a network for a period.")
class Membership(relay.Node):
    id: relay.NodeID[int]
    organization: Organization = strawberry.field(
        description="The member, named as of the date the list was asked for."
    )
    joined_on: date = strawberry.field(description="First day of the membership.")
    left_on: date | None = strawberry.field(
        description="Last day of the membership (inclusive); null while it lasts."
    )
    network_id: strawberry.Private[int]
    recruited_by_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any], day: date) -> Membership:
        return cls(
            id=row.membership_id,
            organization=Organization.from_row(row, day),
            joined_on=row.joined_on,
            left_on=row.left_on,
            network_id=row.network_id,
            recruited_by_id=row.recruited_by_id,
        )

    @strawberry.field(description="The network.")
    async def network(self, info: Info[Context, None]) -> Network:
        return await load_network(info.context, self.network_id)

    @strawberry.field(description="The organisation that recruited the member, if recorded.")
    async def recruited_by(self, info: Info[Context, None]) -> Organization | None:
        if self.recruited_by_id is None:
            return None
        day = self.organization.as_of
        loader = info.context.loaders.get(organization_loaders.organizations_by_id, day)
        row = await loader.load(self.recruited_by_id)
        return Organization.from_row(row, day) if row is not None else None

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Membership | None]:
        day = info.context.today
        loader = info.context.loaders.get(loaders.memberships_by_id, day)
        rows = await loader.load_many(int_ids(node_ids))
        return [cls.from_row(row, day) if row is not None else None for row in rows]


NETWORK_MEMBERS = Relation(
    statement=service.memberships,
    parent=service.M.c.network_id,
    order=service.MEMBER_ORDER,
    key_types=(str, int),
)
ORGANIZATION_MEMBERSHIPS = Relation(
    statement=service.memberships,
    parent=service.M.c.organization_id,
    order=service.MEMBERSHIP_ORDER,
    key_types=(date, int),
)
ORGANIZATION_NETWORKS = Relation(
    statement=service.member_networks,
    parent=service.M.c.organization_id,
    order=service.NETWORK_ORDER,
    key_types=(str, int),
)


async def organization_networks(
    context: Context,
    organization_id: int,
    day: date,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[Network]:
    """The networks an organisation was a member of on `day`."""
    page = page_args(
        context,
        ORGANIZATION_NETWORKS.key_types,
        first,
        after,
        last,
        before,
        name="Organization.networks",
    )
    return await nested_connection(
        context, ORGANIZATION_NETWORKS, (day,), organization_id, page, Network.from_row
    )


async def organization_memberships(
    context: Context,
    organization_id: int,
    day: date | None,
    org_day: date,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[Membership]:
    """An organisation's memberships valid on `day` (all if None), named as of `org_day`."""
    page = page_args(
        context,
        ORGANIZATION_MEMBERSHIPS.key_types,
        first,
        after,
        last,
        before,
        name="Organization.memberships",
    )
    return await nested_connection(
        context,
        ORGANIZATION_MEMBERSHIPS,
        (day, org_day),
        organization_id,
        page,
        lambda r: Membership.from_row(r, org_day),
    )
