"""Meetings, agenda items and attendance: GraphQL types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
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
from graph.meetings import loaders, service
from graph.networks.types import Network, load_network
from graph.notes import service as note_service
from graph.organizations import loaders as organization_loaders
from graph.organizations.types import Organization
from graph.pagination import After, Before, Connection, First, Last
from graph.people import loaders as people_loaders
from graph.people.types import Person
from graph.themes import service as theme_service

if TYPE_CHECKING:
    from graph.notes.types import Note
    from graph.topics.types import Topic

TopicType = Annotated["Topic", strawberry.lazy("graph.topics.types")]
NoteType = Annotated["Note", strawberry.lazy("graph.notes.types")]


def _topics(rows: Iterable[Row[Any]]) -> list[Any]:
    from graph.topics.types import Topic

    return [Topic.from_row(row) for row in rows]


@strawberry.type(description="An item (sak) on a meeting's agenda.")
class AgendaItem(relay.Node):
    id: relay.NodeID[int]
    position: int = strawberry.field(description="Place on the agenda, from 1.")
    title: str = strawberry.field(description="The item's title.")
    description: str = strawberry.field(description="What the item is about (Markdown).")
    meeting_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: Row[Any]) -> AgendaItem:
        m = row._mapping
        return cls(
            id=m["id"],
            position=m["position"],
            title=m["title"],
            description=m["description"],
            meeting_id=m["meeting_id"],
        )

    @strawberry.field(description="The meeting.")
    async def meeting(self, info: Info[Context, None]) -> Meeting:
        row = await info.context.loaders.get(loaders.meetings_by_id).load(self.meeting_id)
        return Meeting.from_row(row, info.context)

    @strawberry.field(description="The topics the item is tagged with, by name.")
    async def topics(self, info: Info[Context, None]) -> list[TopicType]:
        return _topics(await info.context.loaders.get(loaders.topics_by_agenda_item).load(self.id))

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[AgendaItem | None]:
        loader = info.context.loaders.get(loaders.agenda_items_by_id)
        rows = await loader.load_many(int_ids(node_ids))
        return [cls.from_row(row) if row is not None else None for row in rows]


@strawberry.type(description="Whether a member organisation attended a meeting, and through whom.")
class Attendance:
    present: bool = strawberry.field(description="True if the organisation was there.")
    organization_id: strawberry.Private[int]
    person_id: strawberry.Private[int | None]
    day: strawberry.Private[date]

    @strawberry.field(description="The organisation (named as of the meeting's date).")
    async def organization(self, info: Info[Context, None]) -> Organization:
        loader = info.context.loaders.get(organization_loaders.organizations_by_id, self.day)
        return Organization.from_row(await loader.load(self.organization_id), self.day)

    @strawberry.field(description="Who attended for the organisation, if recorded.")
    async def person(self, info: Info[Context, None]) -> Person | None:
        if self.person_id is None:
            return None
        row = await info.context.loaders.get(people_loaders.people_by_id).load(self.person_id)
        return Person.from_row(row) if row is not None else None


@strawberry.type(description="A meeting (møte) of a network.")
class Meeting(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="The meeting's title.")
    description: str = strawberry.field(description="What the meeting is for (Markdown).")
    starts_at: datetime = strawberry.field(description="Start, with its Europe/Oslo offset.")
    ends_at: datetime | None = strawberry.field(description="End, with its offset.")
    starts_on: date = strawberry.field(description="The local date of the start.")
    format: tables.MeetingFormat = strawberry.field(description="Digital, physical or hybrid.")
    status: tables.MeetingStatus = strawberry.field(description="Planned, held or cancelled.")
    place: str | None = strawberry.field(description="Where a physical meeting is held.")
    online_url: str | None = strawberry.field(description="The link to a digital meeting.")
    network_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: Row[Any], context: Context) -> Meeting:
        tz = context.settings.tz
        m = row._mapping
        ends_at = m["ends_at"]
        return cls(
            id=m["id"],
            title=m["title"],
            description=m["description"],
            starts_at=m["starts_at"].astimezone(tz),
            ends_at=ends_at.astimezone(tz) if ends_at is not None else None,
            starts_on=m["starts_on"],
            format=m["format"],
            status=m["status"],
            place=m["place"],
            online_url=m["online_url"],
            network_id=m["network_id"],
        )

    @strawberry.field(description="The network that met.")
    async def network(self, info: Info[Context, None]) -> Network:
        return await load_network(info.context, self.network_id)

    @strawberry.field(description="The agenda, in order.")
    async def agenda(self, info: Info[Context, None]) -> list[AgendaItem]:
        rows = await info.context.loaders.get(loaders.agenda_by_meeting).load(self.id)
        return [AgendaItem.from_row(row) for row in rows]

    @strawberry.field(description="The topics the meeting as a whole is tagged with, by name.")
    async def topics(self, info: Info[Context, None]) -> list[TopicType]:
        return _topics(await info.context.loaders.get(loaders.topics_by_meeting).load(self.id))

    @strawberry.field(description="Who attended (one line per member organisation recorded).")
    async def attendance(self, info: Info[Context, None]) -> list[Attendance]:
        rows = await info.context.loaders.get(loaders.attendance_by_meeting).load(self.id)
        return [
            Attendance(
                present=row.present,
                organization_id=row.organization_id,
                person_id=row.person_id,
                day=self.starts_on,
            )
            for row in rows
        ]

    @strawberry.field(description="The meeting's notes that you may see, oldest first.")
    async def notes(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[NoteType]:
        from graph.notes.types import Note

        context = info.context
        page = page_args(
            context, MEETING_NOTES.key_types, first, after, last, before, name="Meeting.notes"
        )
        return await nested_connection(
            context,
            MEETING_NOTES,
            (context.viewer,),
            self.id,
            page,
            lambda r: Note.from_row(r, context),
        )

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Meeting | None]:
        rows = await info.context.loaders.get(loaders.meetings_by_id).load_many(int_ids(node_ids))
        return [cls.from_row(row, info.context) if row is not None else None for row in rows]


MEETINGS_MENTIONING = Relation(
    statement=theme_service.meetings_mentioning,
    parent=service.MT.c.network_id,
    order=service.MEETING_ORDER,
    key_types=(datetime, int),
)
NETWORK_MEETINGS = Relation(
    statement=service.meetings,
    parent=service.MT.c.network_id,
    order=service.MEETING_ORDER,
    key_types=(datetime, int),
)
MEETING_NOTES = Relation(
    statement=note_service.notes,
    parent=note_service.N.c.meeting_id,
    order=note_service.NOTE_ORDER,
    key_types=(datetime, int),
)
