"""Mutations on notes: create, update (with the expected version), delete, restore."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import tables
from graph.context import Context
from graph.ids import int_ids
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.notes import service as note_service
from graph.notes import writes
from graph.notes.types import Note
from graph.refusals import Change, invalid


def node_key(value: strawberry.ID, type_name: str, *field: str) -> int:
    """The database key in a global id of `type_name`; refused if it is not one."""
    from strawberry import relay

    try:
        gid = relay.GlobalID.from_id(str(value))
    except ValueError as exc:
        raise invalid(f"Not a {type_name} id.", *field) from exc
    key = int_ids([gid.node_id])[0] if gid.type_name == type_name else -1
    if key < 0:
        raise invalid(f"Not a {type_name} id.", *field)
    return key


@strawberry.input(description="A new note on a meeting.")
class NoteCreateInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting's id.")
    body: str = strawberry.field(description="The note, in Markdown (stored as written).")
    title: str = strawberry.field(default="", description="A title (optional).")
    visibility: tables.NoteVisibility = strawberry.field(
        default=tables.NoteVisibility.NETWORK, description="Who may read it (default NETWORK)."
    )
    topics: list[str] = strawberry.field(default_factory=list, description="Topic slugs.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the note is made once."
    )


@strawberry.input(description="Changes to a note; fields left out stay as they are.")
class NoteUpdateInput:
    id: strawberry.ID = strawberry.field(description="The note's id.")
    expected_version: int = strawberry.field(
        description="The version you edited; if the note has moved on, the edit is refused."
    )
    body: str | None = strawberry.field(default=None, description="The new body.")
    title: str | None = strawberry.field(default=None, description="The new title.")
    visibility: tables.NoteVisibility | None = strawberry.field(
        default=None, description="The new visibility."
    )
    topics: list[str] | None = strawberry.field(
        default=None, description="The new topic slugs (replacing the old)."
    )


@strawberry.input(description="The note to delete or restore.")
class NoteIdInput:
    id: strawberry.ID = strawberry.field(description="The note's id.")


@strawberry.type(description="The result of a note mutation.")
class NotePayload:
    note: Note | None = strawberry.field(description="The note as it is now; null on errors.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


async def _payload(info: Info[Context, None], outcome: Outcome) -> NotePayload:
    if outcome.errors or outcome.object_id is None:
        return NotePayload(note=None, user_errors=outcome.errors)
    context = info.context
    rows = await context.db.rows(note_service.notes_by_id([outcome.object_id], context.viewer))
    note = Note.from_row(rows[0], context) if rows else None
    return NotePayload(note=note, user_errors=[])


@strawberry.type
class NoteMutation:
    @strawberry.mutation(description="Post a note to a meeting of a network you belong to.")
    async def note_create(
        self,
        info: Info[Context, None],
        input: Annotated[NoteCreateInput, INPUT],
    ) -> NotePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.create_note(
                conn,
                viewer=context.viewer,
                meeting_id=node_key(input.meeting_id, "Meeting", "meetingId"),
                title=input.title,
                body=input.body,
                visibility=input.visibility,
                topics=input.topics,
                today=context.today,
                now=datetime.now(UTC),
            )

        outcome = await perform(
            context, "noteCreate", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _payload(info, outcome)

    @strawberry.mutation(
        description="Edit your note. The previous text is kept as a revision; an edit based "
        "on an old version is refused with CONFLICT and changes nothing."
    )
    async def note_update(
        self,
        info: Info[Context, None],
        input: Annotated[NoteUpdateInput, INPUT],
    ) -> NotePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.update_note(
                conn,
                viewer=context.viewer,
                note_id=node_key(input.id, "Note", "id"),
                expected_version=input.expected_version,
                title=input.title,
                body=input.body,
                visibility=input.visibility,
                topics=input.topics,
                now=datetime.now(UTC),
            )

        return await _payload(info, await perform(context, "noteUpdate", work))

    @strawberry.mutation(description="Delete your note (staff can restore it).")
    async def note_delete(
        self,
        info: Info[Context, None],
        input: Annotated[NoteIdInput, INPUT],
    ) -> NotePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.delete_note(
                conn,
                viewer=context.viewer,
                note_id=node_key(input.id, "Note", "id"),
                now=datetime.now(UTC),
            )

        outcome = await perform(context, "noteDelete", work)
        return NotePayload(note=None, user_errors=outcome.errors)

    @strawberry.mutation(description="Restore a deleted note (staff).")
    async def note_restore(
        self,
        info: Info[Context, None],
        input: Annotated[NoteIdInput, INPUT],
    ) -> NotePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.restore_note(
                conn, viewer=context.viewer, note_id=node_key(input.id, "Note", "id")
            )

        return await _payload(info, await perform(context, "noteRestore", work))
