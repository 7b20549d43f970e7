"""Topics: the taxonomy, where each topic was discussed, and its timeline."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.types import Info

from graph.connections import Relation, nested_connection, page_args, paged_connection
from graph.context import Context
from graph.ids import int_ids
from graph.meetings import loaders
from graph.networks.types import Network, load_network
from graph.notes import service as note_service
from graph.pagination import After, Before, Connection, First, Last
from graph.themes import service as theme_service
from graph.themes.loaders import discussions_by_topic

if TYPE_CHECKING:
    from graph.meetings.types import AgendaItem, Meeting
    from graph.notes.types import Note

MeetingType = Annotated["Meeting", strawberry.lazy("graph.meetings.types")]
AgendaItemType = Annotated["AgendaItem", strawberry.lazy("graph.meetings.types")]
NoteType = Annotated["Note", strawberry.lazy("graph.notes.types")]

From = Annotated[date | None, strawberry.argument(description="First day (inclusive).")]
To = Annotated[date | None, strawberry.argument(description="Last day (inclusive).")]
IncludeSubtopics = Annotated[
    bool, strawberry.argument(description="Count sub-topics (at any depth) as this topic.")
]


@strawberry.enum(description="What a timeline entry is.")
class TimelineEntryKind(enum.Enum):
    MEETING = "MEETING"
    AGENDA_ITEM = "AGENDA_ITEM"
    NOTE = "NOTE"


KINDS = {
    theme_service.MEETING: TimelineEntryKind.MEETING,
    theme_service.AGENDA_ITEM: TimelineEntryKind.AGENDA_ITEM,
    theme_service.NOTE: TimelineEntryKind.NOTE,
}


def _scope(
    context: Context, topic_id: int, first: date | None, last: date | None, sub: bool
) -> theme_service.Scope:
    return theme_service.Scope(
        topic_ids=(topic_id,),
        include_subtopics=sub,
        first_day=first,
        last_day=last,
        viewer=context.viewer,
    )


@strawberry.type(description="How one network discussed a topic in a period.")
class TopicDiscussion:
    network: Network = strawberry.field(description="The network.")
    scope: strawberry.Private[theme_service.Scope]
    meeting_count: int = strawberry.field(description="Meetings that discussed the topic.")
    agenda_item_count: int = strawberry.field(description="Agenda items tagged with the topic.")
    note_count: int = strawberry.field(description="Notes (that you may see) on the topic.")
    first_discussed_on: date = strawberry.field(description="The first meeting's date.")
    last_discussed_on: date = strawberry.field(description="The last meeting's date.")

    @strawberry.field(description="The meetings that discussed the topic, oldest first.")
    async def meetings(
        self,
        info: Info[Context, None],
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[MeetingType]:
        from graph.meetings.types import MEETINGS_MENTIONING, Meeting

        context = info.context
        page = page_args(
            context,
            MEETINGS_MENTIONING.key_types,
            first,
            after,
            last,
            before,
            name="TopicDiscussion.meetings",
        )
        return await nested_connection(
            context,
            MEETINGS_MENTIONING,
            (self.scope,),
            self.network.id,
            page,
            lambda r: Meeting.from_row(r, context),
        )


@strawberry.type(description="A meeting, agenda item or note on a topic, in date order.")
class TimelineEntry:
    on: date = strawberry.field(description="The meeting's date.")
    kind: TimelineEntryKind = strawberry.field(description="What the entry is.")
    network_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]
    item_id: strawberry.Private[int]

    @strawberry.field(description="The network.")
    async def network(self, info: Info[Context, None]) -> Network:
        return await load_network(info.context, self.network_id)

    @strawberry.field(description="The meeting (of the entry, or the entry itself).")
    async def meeting(self, info: Info[Context, None]) -> MeetingType:
        from graph.meetings.types import Meeting

        row = await info.context.loaders.get(loaders.meetings_by_id).load(self.meeting_id)
        return Meeting.from_row(row, info.context)

    @strawberry.field(description="The agenda item, for AGENDA_ITEM entries.")
    async def agenda_item(self, info: Info[Context, None]) -> AgendaItemType | None:
        from graph.meetings.types import AgendaItem

        if self.kind is not TimelineEntryKind.AGENDA_ITEM:
            return None
        row = await info.context.loaders.get(loaders.agenda_items_by_id).load(self.item_id)
        return AgendaItem.from_row(row) if row is not None else None

    @strawberry.field(description="The note, for NOTE entries.")
    async def note(self, info: Info[Context, None]) -> NoteType | None:
        from graph.notes.types import Note

        if self.kind is not TimelineEntryKind.NOTE:
            return None
        loader = info.context.loaders.get(loaders.notes_by_id, info.context.viewer)
        row = await loader.load(self.item_id)
        return Note.from_row(row, info.context) if row is not None else None


@strawberry.type(description="A theme (tema) in the taxonomy; questions include sub-topics.")
class Topic(relay.Node):
    id: relay.NodeID[int]
    slug: str = strawberry.field(description="A stable, readable key, e.g. `kulturloven`.")
    name: str = strawberry.field(description="The topic's name (Norwegian).")
    description: str = strawberry.field(description="What the topic covers.")
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any]) -> Topic:
        m = row._mapping
        return cls(
            id=m["id"],
            slug=m["slug"],
            name=m["name"],
            description=m["description"],
            parent_id=m["parent_id"],
        )

    @strawberry.field(description="The broader topic; null for a root.")
    async def parent(self, info: Info[Context, None]) -> Topic | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.get(loaders.topics_by_id).load(self.parent_id)
        return Topic.from_row(row) if row is not None else None

    @strawberry.field(description="The direct sub-topics, by name.")
    async def children(self, info: Info[Context, None]) -> list[Topic]:
        rows = await info.context.loaders.get(loaders.children_by_topic).load(self.id)
        return [Topic.from_row(row) for row in rows]

    @strawberry.field(description="The broader topics up to the root, root first.")
    async def ancestors(self, info: Info[Context, None]) -> list[Topic]:
        rows = await info.context.loaders.get(loaders.ancestors_by_topic).load(self.id)
        return [Topic.from_row(row) for row in rows]

    @strawberry.field(description="Other names of the topic (synonyms, nynorsk forms).")
    async def aliases(self, info: Info[Context, None]) -> list[str]:
        rows = await info.context.loaders.get(loaders.aliases_by_topic).load(self.id)
        return [row.alias for row in rows]

    @strawberry.field(
        description="Which networks discussed the topic in a period: per network its meetings, "
        "counts and first and last dates, by network name."
    )
    async def discussed_in(
        self,
        info: Info[Context, None],
        from_: Annotated[
            date | None, strawberry.argument(name="from", description="First day (inclusive).")
        ] = None,
        to: To = None,
        include_subtopics: IncludeSubtopics = True,
    ) -> list[TopicDiscussion]:
        context = info.context
        scope = _scope(context, self.id, from_, to, include_subtopics)
        loader = context.loaders.get(
            discussions_by_topic, include_subtopics, from_, to, context.viewer
        )
        return [
            TopicDiscussion(
                network=Network.from_row(row),
                scope=scope,
                meeting_count=row.meeting_count,
                agenda_item_count=int(row.agenda_item_count),
                note_count=int(row.note_count),
                first_discussed_on=row.first_discussed_on,
                last_discussed_on=row.last_discussed_on,
            )
            for row in await loader.load(self.id)
        ]

    @strawberry.field(
        description="Every meeting, agenda item and note on the topic, across networks, by date."
    )
    async def timeline(
        self,
        info: Info[Context, None],
        from_: Annotated[
            date | None, strawberry.argument(name="from", description="First day (inclusive).")
        ] = None,
        to: To = None,
        include_subtopics: IncludeSubtopics = True,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[TimelineEntry]:
        context = info.context
        page = page_args(
            context,
            theme_service.TIMELINE_KEY_TYPES,
            first,
            after,
            last,
            before,
            name="Topic.timeline",
        )
        scope = _scope(context, self.id, from_, to, include_subtopics)
        return await paged_connection(
            context,
            theme_service.timeline_page(scope, page),
            theme_service.timeline_count(scope),
            len(theme_service.TIMELINE_KEY_TYPES),
            page,
            _timeline_entry,
        )

    @strawberry.field(description="Notes (that you may see) on the topic, newest first.")
    async def notes(
        self,
        info: Info[Context, None],
        include_subtopics: IncludeSubtopics = True,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[NoteType]:
        from graph.notes.types import Note

        context = info.context
        page = page_args(
            context, TOPIC_NOTES.key_types, first, after, last, before, name="Topic.notes"
        )
        args = (context.viewer, include_subtopics)
        return await nested_connection(
            context, TOPIC_NOTES, args, self.id, page, lambda r: Note.from_row(r, context)
        )

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Topic | None]:
        rows = await info.context.loaders.get(loaders.topics_by_id).load_many(int_ids(node_ids))
        return [cls.from_row(row) if row is not None else None for row in rows]


def _timeline_entry(row: Row[Any]) -> TimelineEntry:
    return TimelineEntry(
        on=row.starts_on,
        kind=KINDS[int(row.kind)],
        network_id=row.network_id,
        meeting_id=row.meeting_id,
        item_id=row.item_id,
    )


TOPIC_NOTES = Relation(
    statement=note_service.notes_on_topic,
    parent=note_service.TN.c.topic_id,
    order=note_service.NEWEST_ON_TOPIC,
    key_types=(datetime, int),
    limit_each=True,
)
