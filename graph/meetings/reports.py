"""Reports on meetings: a network's cadence in a year, an organisation's attendance."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from db import rules
from graph.context import Context
from graph.networks.types import Network, load_network


@strawberry.type(
    description="A network's meetings in a year against its rule (e.g. 4 a year, 1 physical). "
    "Hybrid meetings count as physical; cancelled meetings count for nothing."
)
class CadenceReport:
    year: int = strawberry.field(description="The calendar year.")
    meetings_per_year: int | None = strawberry.field(description="The rule; null if none.")
    physical_meetings_per_year: int | None = strawberry.field(
        description="Of those, in person; null if none."
    )
    held: int = strawberry.field(description="Meetings held.")
    planned: int = strawberry.field(description="Meetings planned and not yet held.")
    cancelled: int = strawberry.field(description="Meetings cancelled.")
    digital: int = strawberry.field(description="Held or planned digital meetings.")
    physical: int = strawberry.field(description="Held or planned physical meetings.")
    hybrid: int = strawberry.field(description="Held or planned hybrid meetings.")
    scheduled: int = strawberry.field(description="Held plus planned.")
    remaining: int | None = strawberry.field(
        description="Meetings still to plan to meet the rule; null without a rule."
    )
    physical_remaining: int | None = strawberry.field(
        description="Physical (or hybrid) meetings still to plan; null without a rule."
    )
    on_track: bool | None = strawberry.field(
        description="Held plus planned meetings meet the rule; null without a rule."
    )
    kept: bool | None = strawberry.field(
        description="Held meetings alone meet the rule; null without a rule."
    )

    @classmethod
    def build(cls, year: int, network: Network, tallied: rules.MeetingTally) -> CadenceReport:
        required = network.rules.meetings_per_year
        in_person = network.rules.physical_meetings_per_year
        check = rules.cadence(tallied, required, in_person)
        return cls(
            year=year,
            meetings_per_year=required,
            physical_meetings_per_year=in_person,
            held=tallied.held,
            planned=tallied.planned,
            cancelled=tallied.cancelled,
            digital=tallied.digital,
            physical=tallied.physical,
            hybrid=tallied.hybrid,
            scheduled=check.scheduled,
            remaining=check.remaining,
            physical_remaining=check.in_person_remaining,
            on_track=check.on_track,
            kept=check.kept,
        )


@strawberry.type(description="An organisation's attendance at one network's meetings in a year.")
class AttendanceSummary:
    year: int = strawberry.field(description="The calendar year.")
    recorded: int = strawberry.field(description="Meetings with attendance recorded for it.")
    present: int = strawberry.field(description="Meetings it attended.")
    absent: int = strawberry.field(description="Meetings it missed.")
    network_id: strawberry.Private[int]

    @strawberry.field(description="The network.")
    async def network(self, info: Info[Context, None]) -> Network:
        return await load_network(info.context, self.network_id)
