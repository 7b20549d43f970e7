"""Mutations on meetings: schedule, update, cancel; agenda items; attendance."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.context import Context
from graph.loaders import Loaders
from graph.meetings import service, writes
from graph.meetings.types import AgendaItem, Attendance, Meeting
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.notes.mutations import node_key
from graph.refusals import Change

# Inputs ---------------------------------------------------------------------------------------


@strawberry.input(description="A new meeting of a network you run; it starts out PLANNED.")
class MeetingScheduleInput:
    network_id: strawberry.ID = strawberry.field(description="The network's id.")
    title: str = strawberry.field(description="The meeting's title (1 to 300 characters).")
    starts_at: datetime = strawberry.field(
        description="Start, with its UTC offset (e.g. `2024-06-02T10:00:00+02:00`); a time "
        "without an offset is refused. The meeting's date is its local date in Europe/Oslo."
    )
    format: tables.MeetingFormat = strawberry.field(
        description="Digital, physical or hybrid; physical and hybrid meetings need a place."
    )
    ends_at: datetime | None = strawberry.field(
        default=None, description="End, with its UTC offset; not before the start."
    )
    place: str | None = strawberry.field(default=None, description="Where the meeting is held.")
    online_url: str | None = strawberry.field(
        default=None, description="The link to join online (an http or https address)."
    )
    description: str = strawberry.field(
        default="", description="What the meeting is for (Markdown)."
    )
    topics: list[str] = strawberry.field(
        default_factory=list, description="Slugs of the topics the meeting is tagged with."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the meeting is made once."
    )


@strawberry.input(
    description="Changes to a meeting; fields left out stay as they are. `null` clears "
    "`endsAt`, `place` and `onlineUrl`, and leaves the other fields as they are."
)
class MeetingUpdateInput:
    id: strawberry.ID = strawberry.field(description="The meeting's id.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description="The new title.")
    starts_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="The new start, with its UTC offset."
    )
    ends_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="The new end, with its UTC offset (null: none)."
    )
    format: tables.MeetingFormat | None = strawberry.field(
        default=strawberry.UNSET, description="The new format."
    )
    place: str | None = strawberry.field(
        default=strawberry.UNSET, description="The new place (null: none)."
    )
    online_url: str | None = strawberry.field(
        default=strawberry.UNSET, description="The new link (null: none)."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="The new description."
    )
    status: tables.MeetingStatus | None = strawberry.field(
        default=strawberry.UNSET,
        description="PLANNED or HELD (a cancelled meeting is thereby reinstated); use "
        "`meetingCancel` to cancel.",
    )
    topics: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The new topic slugs (replacing the old)."
    )


@strawberry.input(description="The meeting to cancel.")
class MeetingCancelInput:
    id: strawberry.ID = strawberry.field(description="The meeting's id.")
    reason: str | None = strawberry.field(
        default=None, description="Why it is cancelled (kept in the audit log)."
    )


@strawberry.input(description="A new item on a meeting's agenda.")
class AgendaItemAddInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting's id.")
    title: str = strawberry.field(description="The item's title (1 to 300 characters).")
    description: str = strawberry.field(
        default="", description="What the item is about (Markdown)."
    )
    position: int | None = strawberry.field(
        default=None,
        description="Where on the agenda, from 1 (default: last); later items move down.",
    )
    topics: list[str] = strawberry.field(
        default_factory=list, description="Slugs of the topics the item is tagged with."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the item is added once."
    )


@strawberry.input(description="Changes to an agenda item; fields left out stay as they are.")
class AgendaItemUpdateInput:
    id: strawberry.ID = strawberry.field(description="The agenda item's id.")
    title: str | None = strawberry.field(default=None, description="The new title.")
    description: str | None = strawberry.field(default=None, description="The new description.")
    topics: list[str] | None = strawberry.field(
        default=None, description="The new topic slugs (replacing the old)."
    )


@strawberry.input(description="Where to move an agenda item.")
class AgendaItemMoveInput:
    id: strawberry.ID = strawberry.field(description="The agenda item's id.")
    position: int = strawberry.field(
        description="The new place, from 1 to the number of items; the others keep their order."
    )


@strawberry.input(description="The agenda item to remove.")
class AgendaItemRemoveInput:
    id: strawberry.ID = strawberry.field(description="The agenda item's id.")


@strawberry.input(description="Whether a member organisation attended a meeting.")
class AttendanceRecordInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting's id.")
    organization_id: strawberry.ID = strawberry.field(
        description="The organisation's id; it must be a member of the network on the "
        "meeting's date."
    )
    present: bool = strawberry.field(description="True if the organisation was there.")
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who attended for the organisation (optional)."
    )


# Payloads -------------------------------------------------------------------------------------


@strawberry.type(description="The result of a meeting mutation.")
class MeetingPayload:
    meeting: Meeting | None = strawberry.field(
        description="The meeting as it is now; null on errors."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


@strawberry.type(description="The result of an agenda item mutation.")
class AgendaItemPayload:
    agenda_item: AgendaItem | None = strawberry.field(
        description="The item as it is now; null on errors and after a removal."
    )
    meeting: Meeting | None = strawberry.field(
        description="The item's meeting (with its renumbered agenda); null on errors."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


@strawberry.type(description="The result of recording attendance.")
class AttendancePayload:
    attendance: Attendance | None = strawberry.field(
        description="The organisation's attendance line as it is now; null on errors."
    )
    meeting: Meeting | None = strawberry.field(description="The meeting; null on errors.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


async def _fresh(context: Context) -> None:
    """After a write: end the operation's read snapshot and forget what the loaders cached."""
    await context.db.close()
    context.loaders = Loaders(context.db)


async def _meeting(context: Context, meeting_id: int) -> Meeting | None:
    rows = await context.db.rows(service.meetings_by_id([meeting_id]))
    return Meeting.from_row(rows[0], context) if rows else None


async def _meeting_payload(context: Context, outcome: Outcome) -> MeetingPayload:
    if outcome.errors or outcome.object_id is None:
        return MeetingPayload(meeting=None, user_errors=outcome.errors)
    await _fresh(context)
    return MeetingPayload(meeting=await _meeting(context, outcome.object_id), user_errors=[])


async def _item_payload(
    context: Context, outcome: Outcome, meeting_id: int | None = None
) -> AgendaItemPayload:
    if outcome.errors or outcome.object_id is None:
        return AgendaItemPayload(agenda_item=None, meeting=None, user_errors=outcome.errors)
    await _fresh(context)
    item = None
    if meeting_id is None:
        rows = await context.db.rows(service.agenda_items_by_id([outcome.object_id]))
        if rows:
            item = AgendaItem.from_row(rows[0])
            meeting_id = rows[0].meeting_id
    meeting = None if meeting_id is None else await _meeting(context, meeting_id)
    return AgendaItemPayload(agenda_item=item, meeting=meeting, user_errors=[])


async def _attendance_payload(context: Context, outcome: Outcome) -> AttendancePayload:
    if outcome.errors or outcome.object_id is None:
        return AttendancePayload(attendance=None, meeting=None, user_errors=outcome.errors)
    await _fresh(context)
    rows = await context.db.rows(select(service.AT).where(service.AT.c.id == outcome.object_id))
    if not rows:
        return AttendancePayload(attendance=None, meeting=None, user_errors=[])
    row = rows[0]
    meeting = await _meeting(context, row.meeting_id)
    if meeting is None:
        return AttendancePayload(attendance=None, meeting=None, user_errors=[])
    attendance = Attendance(
        present=row.present,
        organization_id=row.organization_id,
        person_id=row.person_id,
        day=meeting.starts_on,
    )
    return AttendancePayload(attendance=attendance, meeting=meeting, user_errors=[])


CLEARABLE = ("ends_at", "place", "online_url")
UPDATABLE = ("title", "starts_at", "format", "description", "status", *CLEARABLE)


def _changes(input: MeetingUpdateInput) -> dict[str, Any]:
    """The columns an update sets: those given (and, for the clearable ones, given as null)."""
    out: dict[str, Any] = {}
    for name in UPDATABLE:
        value = getattr(input, name)
        if value is strawberry.UNSET or (value is None and name not in CLEARABLE):
            continue
        out[name] = value
    return out


@strawberry.type
class MeetingMutation:
    @strawberry.mutation(
        description="Plan a meeting of a network you lead or coordinate (or as staff)."
    )
    async def meeting_schedule(
        self, info: Info[Context, None], input: Annotated[MeetingScheduleInput, INPUT]
    ) -> MeetingPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.schedule_meeting(
                conn,
                viewer=context.viewer,
                network_id=node_key(input.network_id, "Network", "networkId"),
                title=input.title,
                starts_at=input.starts_at,
                ends_at=input.ends_at,
                format=input.format,
                place=input.place,
                online_url=input.online_url,
                description=input.description,
                topics=input.topics,
                tz=context.settings.tz,
            )

        outcome = await perform(
            context, "meetingSchedule", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _meeting_payload(context, outcome)

    @strawberry.mutation(description="Change a meeting's title, time, format, place or status.")
    async def meeting_update(
        self, info: Info[Context, None], input: Annotated[MeetingUpdateInput, INPUT]
    ) -> MeetingPayload:
        context = info.context
        topics = None if input.topics is strawberry.UNSET else input.topics

        async def work(conn: AsyncConnection) -> Change:
            return await writes.update_meeting(
                conn,
                viewer=context.viewer,
                meeting_id=node_key(input.id, "Meeting", "id"),
                changes=_changes(input),
                topics=topics,
                tz=context.settings.tz,
            )

        return await _meeting_payload(context, await perform(context, "meetingUpdate", work))

    @strawberry.mutation(
        description="Cancel a meeting; cancelling one that is already cancelled is refused."
    )
    async def meeting_cancel(
        self, info: Info[Context, None], input: Annotated[MeetingCancelInput, INPUT]
    ) -> MeetingPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.cancel_meeting(
                conn,
                viewer=context.viewer,
                meeting_id=node_key(input.id, "Meeting", "id"),
                reason=input.reason,
            )

        return await _meeting_payload(context, await perform(context, "meetingCancel", work))

    @strawberry.mutation(description="Put an item on a meeting's agenda.")
    async def agenda_item_add(
        self, info: Info[Context, None], input: Annotated[AgendaItemAddInput, INPUT]
    ) -> AgendaItemPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.add_agenda_item(
                conn,
                viewer=context.viewer,
                meeting_id=node_key(input.meeting_id, "Meeting", "meetingId"),
                title=input.title,
                description=input.description,
                position=input.position,
                topics=input.topics,
            )

        outcome = await perform(
            context, "agendaItemAdd", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _item_payload(context, outcome)

    @strawberry.mutation(description="Change an agenda item's title, description or topics.")
    async def agenda_item_update(
        self, info: Info[Context, None], input: Annotated[AgendaItemUpdateInput, INPUT]
    ) -> AgendaItemPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.update_agenda_item(
                conn,
                viewer=context.viewer,
                item_id=node_key(input.id, "AgendaItem", "id"),
                title=input.title,
                description=input.description,
                topics=input.topics,
            )

        return await _item_payload(context, await perform(context, "agendaItemUpdate", work))

    @strawberry.mutation(
        description="Move an agenda item; the agenda is renumbered 1..n, in order otherwise."
    )
    async def agenda_item_move(
        self, info: Info[Context, None], input: Annotated[AgendaItemMoveInput, INPUT]
    ) -> AgendaItemPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.move_agenda_item(
                conn,
                viewer=context.viewer,
                item_id=node_key(input.id, "AgendaItem", "id"),
                position=input.position,
            )

        return await _item_payload(context, await perform(context, "agendaItemMove", work))

    @strawberry.mutation(
        description="Remove an agenda item; the items after it move up. The payload's "
        "`agendaItem` is null and its `meeting` shows the agenda left."
    )
    async def agenda_item_remove(
        self, info: Info[Context, None], input: Annotated[AgendaItemRemoveInput, INPUT]
    ) -> AgendaItemPayload:
        context = info.context
        meeting_ids: list[int] = []

        async def work(conn: AsyncConnection) -> Change:
            change = await writes.remove_agenda_item(
                conn, viewer=context.viewer, item_id=node_key(input.id, "AgendaItem", "id")
            )
            meeting_ids.append(int((change.before or {})["meeting_id"]))
            return change

        outcome = await perform(context, "agendaItemRemove", work)
        return await _item_payload(context, outcome, meeting_ids[-1] if meeting_ids else None)

    @strawberry.mutation(
        description="Record whether a member organisation attended a meeting; recording it "
        "again replaces the organisation's line."
    )
    async def attendance_record(
        self, info: Info[Context, None], input: Annotated[AttendanceRecordInput, INPUT]
    ) -> AttendancePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            person = input.person_id
            return await writes.record_attendance(
                conn,
                viewer=context.viewer,
                meeting_id=node_key(input.meeting_id, "Meeting", "meetingId"),
                organization_id=node_key(input.organization_id, "Organization", "organizationId"),
                present=input.present,
                person_id=None if person is None else node_key(person, "Person", "personId"),
            )

        outcome = await perform(context, "attendanceRecord", work)
        return await _attendance_payload(context, outcome)
