"""Notes: GraphQL types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.types import Info

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.context import Context
from graph.ids import int_ids
from graph.meetings import loaders
from graph.organizations import loaders as organization_loaders
from graph.organizations.types import Organization
from graph.people import loaders as people_loaders
from graph.people.types import Person

if TYPE_CHECKING:
    from graph.meetings.types import Meeting
    from graph.topics.types import Topic


@strawberry.type(description="A note as it was before an edit.")
class NoteRevision:
    version: int = strawberry.field(description="The version this text had.")
    title: str = strawberry.field(description="The title then.")
    body: str = strawberry.field(description="The body then.")
    visibility: tables.NoteVisibility = strawberry.field(description="The visibility then.")
    replaced_at: datetime = strawberry.field(description="When the next version replaced it.")


@strawberry.type(description="A member's meeting note (referat, notat), in Markdown.")
class Note(relay.Node):
    id: relay.NodeID[int]
    title: str = strawberry.field(description="The note's title (may be empty).")
    body: str = strawberry.field(
        description="The note as written, in Markdown; never rendered to HTML by the server."
    )
    visibility: tables.NoteVisibility = strawberry.field(description="Who may read it.")
    created_at: datetime = strawberry.field(description="When it was written.")
    updated_at: datetime = strawberry.field(description="When it was last changed.")
    version: int = strawberry.field(description="1 when written, one more with every change.")
    meeting_id: strawberry.Private[int]
    author_id: strawberry.Private[int]
    on_behalf_of_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any], context: Context) -> Note:
        tz = context.settings.tz
        m = row._mapping  # by key: a third of the cost of attribute access on a Row
        return cls(
            id=m["id"],
            title=m["title"],
            body=m["body"],
            visibility=m["visibility"],
            created_at=m["created_at"].astimezone(tz),
            updated_at=m["updated_at"].astimezone(tz),
            version=m["version"],
            meeting_id=m["meeting_id"],
            author_id=m["author_id"],
            on_behalf_of_id=m["on_behalf_of_id"],
        )

    @strawberry.field(description="The meeting the note is from.")
    async def meeting(
        self, info: Info[Context, None]
    ) -> Annotated[Meeting, strawberry.lazy("graph.meetings.types")]:
        from graph.meetings.types import Meeting

        row = await info.context.loaders.get(loaders.meetings_by_id).load(self.meeting_id)
        return Meeting.from_row(row, info.context)

    @strawberry.field(description="Who wrote it.")
    async def author(self, info: Info[Context, None]) -> Person:
        row = await info.context.loaders.get(people_loaders.people_by_id).load(self.author_id)
        return Person.from_row(row)

    @strawberry.field(description="The organisation the author wrote for (as of the note's date).")
    async def on_behalf_of(self, info: Info[Context, None]) -> Organization | None:
        if self.on_behalf_of_id is None:
            return None
        day = self.created_at.date()
        loader = info.context.loaders.get(organization_loaders.organizations_by_id, day)
        row = await loader.load(self.on_behalf_of_id)
        return Organization.from_row(row, day) if row is not None else None

    @strawberry.field(description="The topics the note is tagged with, by name.")
    async def topics(
        self, info: Info[Context, None]
    ) -> list[Annotated[Topic, strawberry.lazy("graph.topics.types")]]:
        from graph.topics.types import Topic

        rows = await info.context.loaders.get(loaders.topics_by_note).load(self.id)
        return [Topic.from_row(row) for row in rows]

    @strawberry.field(
        description="Earlier versions, oldest first (visible to whoever may see the note)."
    )
    async def revisions(self, info: Info[Context, None]) -> list[NoteRevision]:
        rows = await info.context.loaders.get(loaders.revisions_by_note).load(self.id)
        tz = info.context.settings.tz
        return [
            NoteRevision(
                version=row.version,
                title=row.title,
                body=row.body,
                visibility=tables.NoteVisibility(row.visibility),
                replaced_at=row.edited_at.astimezone(tz),
            )
            for row in rows
        ]

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[Note | None]:
        loader = info.context.loaders.get(loaders.notes_by_id, info.context.viewer)
        rows = await loader.load_many(int_ids(node_ids))
        return [cls.from_row(row, info.context) if row is not None else None for row in rows]
