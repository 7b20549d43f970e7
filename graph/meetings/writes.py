"""Writing meetings: scheduling, editing, cancelling, agendas and attendance.

Who may: staff, or someone who runs the meeting's network today (leader, deputy leader or
coordinator), with credentials carrying the `write:meetings` scope. Every function here runs
inside the mutation's write transaction and returns the `Change` for its audit row; an expected
failure raises a `Refusal`, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db import tables
from db.mentions import refresh_meetings
from db.periods import valid_on
from db.visibility import Viewer
from graph.notes.writes import topic_ids
from graph.organizations import service as organization_service
from graph.refusals import Change, Refusal, UserErrorCode, forbidden, invalid, not_found

MT = tables.table_of(tables.Meeting)
MTT = tables.table_of(tables.MeetingTopic)
AI = tables.table_of(tables.AgendaItem)
AIT = tables.table_of(tables.AgendaItemTopic)
AT = tables.table_of(tables.Attendance)
NW = tables.table_of(tables.Network)
MS = tables.table_of(tables.Membership)
PE = tables.table_of(tables.Person)
T = tables.table_of(tables.Topic)

WRITE_MEETINGS = "write:meetings"
MAX_TITLE = 300
MAX_PLACE = 300
MAX_URL = 500
MAX_TEXT = 100_000
MAX_REASON = 2_000
NEEDS_PLACE = (tables.MeetingFormat.PHYSICAL, tables.MeetingFormat.HYBRID)
UPDATABLE_STATUSES = (tables.MeetingStatus.PLANNED, tables.MeetingStatus.HELD)


# Checks ---------------------------------------------------------------------------------------


def _check_scope(viewer: Viewer) -> None:
    if not viewer.may(WRITE_MEETINGS):
        raise forbidden("These credentials may not write meetings (scope write:meetings).")


def _check_leads(viewer: Viewer, network_id: int) -> None:
    if not (viewer.staff or network_id in viewer.lead_network_ids):
        raise forbidden(
            "Only the network's leaders and coordinators (or staff) may plan its meetings."
        )


def _title(value: str, what: str) -> str:
    title = value.strip()
    if not title:
        raise invalid(f"{what} needs a title.", "title")
    if len(title) > MAX_TITLE:
        raise invalid(f"{what}'s title has at most {MAX_TITLE} characters.", "title")
    return title


def _description(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise invalid(f"A description has at most {MAX_TEXT} characters.", "description")
    return value


def _moment(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise invalid(
            "A time needs its UTC offset, e.g. 2024-06-02T10:00:00+02:00.",
            field,
        )
    return value


def _optional_text(value: str | None, limit: int, field: str, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) > limit:
        raise invalid(f"{what} has at most {limit} characters.", field)
    return text


def _online_url(value: str | None) -> str | None:
    url = _optional_text(value, MAX_URL, "onlineUrl", "A meeting link")
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url:
        raise invalid("A meeting link is an http:// or https:// address.", "onlineUrl")
    return url


def _check_meeting(values: dict[str, Any]) -> None:
    """Rules on a meeting as a whole (after an edit, on the merged values)."""
    ends_at = values["ends_at"]
    if ends_at is not None and ends_at < values["starts_at"]:
        raise invalid("A meeting cannot end before it starts.", "endsAt")
    if values["format"] in NEEDS_PLACE and not values["place"]:
        raise invalid(
            f"A {values['format'].value.lower()} meeting needs a place.",
            "place",
        )


# Snapshots for the audit log ------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def meeting_snapshot(row: Any, topics: Sequence[str] | None = None) -> dict[str, Any]:
    """A meeting's state for the audit log (plain JSON)."""
    out: dict[str, Any] = {
        "network_id": row["network_id"],
        "title": row["title"],
        "description": row["description"],
        "starts_at": _iso(row["starts_at"]),
        "ends_at": _iso(row["ends_at"]),
        "starts_on": _iso(row["starts_on"]),
        "format": getattr(row["format"], "value", row["format"]),
        "status": getattr(row["status"], "value", row["status"]),
        "place": row["place"],
        "online_url": row["online_url"],
    }
    if topics is not None:
        out["topics"] = list(topics)
    return out


def item_snapshot(row: Any, topics: Sequence[str] | None = None) -> dict[str, Any]:
    """An agenda item's state for the audit log."""
    out: dict[str, Any] = {
        "meeting_id": row["meeting_id"],
        "position": row["position"],
        "title": row["title"],
        "description": row["description"],
    }
    if topics is not None:
        out["topics"] = list(topics)
    return out


def attendance_snapshot(row: Any) -> dict[str, Any]:
    """An attendance line's state for the audit log."""
    return {
        "meeting_id": row["meeting_id"],
        "organization_id": row["organization_id"],
        "person_id": row["person_id"],
        "present": bool(row["present"]),
    }


async def _slugs(conn: AsyncConnection, link: Any, key: Any, owner_id: int) -> list[str]:
    rows = await conn.execute(
        select(T.c.slug)
        .select_from(link.join(T, T.c.id == link.c.topic_id))
        .where(key == owner_id)
        .order_by(T.c.slug)
    )
    return [row.slug for row in rows]


async def _retag(
    conn: AsyncConnection, link: Any, key: str, owner_id: int, ids: Sequence[int]
) -> None:
    await conn.execute(delete(link).where(link.c[key] == owner_id))
    if ids:
        await conn.execute(insert(link), [{key: owner_id, "topic_id": t} for t in ids])


# Loading what is written ----------------------------------------------------------------------


async def _meeting(conn: AsyncConnection, meeting_id: int, field: str) -> Row[Any]:
    """The meeting, locked for the rest of the transaction (PostgreSQL; SQLite locks it all)."""
    locked = select(MT).where(MT.c.id == meeting_id).with_for_update(key_share=True)
    row = (await conn.execute(locked)).first()
    if row is None:
        raise not_found("meeting", field)
    return row


async def _writable_meeting(
    conn: AsyncConnection, viewer: Viewer, meeting_id: int, field: str
) -> Row[Any]:
    _check_scope(viewer)
    row = await _meeting(conn, meeting_id, field)
    _check_leads(viewer, row.network_id)
    return row


async def _writable_item(
    conn: AsyncConnection, viewer: Viewer, item_id: int
) -> tuple[Row[Any], Row[Any]]:
    _check_scope(viewer)
    item = (await conn.execute(select(AI).where(AI.c.id == item_id))).first()
    if item is None:
        raise not_found("agenda item", "id")
    meeting = await _meeting(conn, item.meeting_id, "id")
    _check_leads(viewer, meeting.network_id)
    # Read again under the meeting's lock: a concurrent writer may have moved or removed it.
    item = (await conn.execute(select(AI).where(AI.c.id == item_id))).first()
    if item is None:
        raise not_found("agenda item", "id")
    return item, meeting


async def _agenda_ids(conn: AsyncConnection, meeting_id: int) -> list[int]:
    rows = await conn.execute(
        select(AI.c.id).where(AI.c.meeting_id == meeting_id).order_by(AI.c.position, AI.c.id)
    )
    return [row.id for row in rows]


async def _renumber(conn: AsyncConnection, meeting_id: int, order: Sequence[int]) -> None:
    """Give the meeting's items `order` the positions 1..n (writing only those that move)."""
    rows = await conn.execute(select(AI.c.id, AI.c.position).where(AI.c.meeting_id == meeting_id))
    current = {row.id: row.position for row in rows}
    for position, item_id in enumerate(order, start=1):
        if current.get(item_id) != position:
            await conn.execute(update(AI).where(AI.c.id == item_id).values(position=position))


# Meetings -------------------------------------------------------------------------------------


async def schedule_meeting(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    network_id: int,
    title: str,
    starts_at: datetime,
    ends_at: datetime | None,
    format: tables.MeetingFormat,
    place: str | None,
    online_url: str | None,
    description: str,
    topics: Sequence[str],
    tz: tzinfo,
) -> Change:
    """Plan a meeting of a network the viewer runs; its status is PLANNED."""
    _check_scope(viewer)
    network = (await conn.execute(select(NW.c.id).where(NW.c.id == network_id))).first()
    if network is None:
        raise not_found("network", "networkId")
    _check_leads(viewer, network_id)
    starts = _moment(starts_at, "startsAt")
    values: dict[str, Any] = {
        "network_id": network_id,
        "title": _title(title, "A meeting"),
        "description": _description(description),
        "starts_at": starts,
        "ends_at": None if ends_at is None else _moment(ends_at, "endsAt"),
        "starts_on": starts.astimezone(tz).date(),
        "format": format,
        "status": tables.MeetingStatus.PLANNED,
        "place": _optional_text(place, MAX_PLACE, "place", "A place"),
        "online_url": _online_url(online_url),
    }
    _check_meeting(values)
    ids = await topic_ids(conn, topics)
    meeting_id = int(
        (await conn.execute(insert(MT).values(**values).returning(MT.c.id))).scalar_one()
    )
    await _retag(conn, MTT, "meeting_id", meeting_id, ids)
    await refresh_meetings(conn, [meeting_id])
    slugs = sorted(dict.fromkeys(topics))
    return Change("Meeting", meeting_id, None, meeting_snapshot(values, slugs))


async def update_meeting(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    meeting_id: int,
    changes: dict[str, Any],
    topics: Sequence[str] | None,
    tz: tzinfo,
) -> Change:
    """Edit a meeting. `changes` holds the columns to set (title, description, starts_at,
    ends_at, format, place, online_url, status); a None in ends_at, place or online_url clears
    it. Setting PLANNED or HELD on a cancelled meeting reinstates it."""
    row = await _writable_meeting(conn, viewer, meeting_id, "id")
    values: dict[str, Any] = {}
    if "title" in changes:
        values["title"] = _title(changes["title"], "A meeting")
    if "description" in changes:
        values["description"] = _description(changes["description"])
    if "starts_at" in changes:
        values["starts_at"] = _moment(changes["starts_at"], "startsAt")
        values["starts_on"] = values["starts_at"].astimezone(tz).date()
    if "ends_at" in changes:
        ends = changes["ends_at"]
        values["ends_at"] = None if ends is None else _moment(ends, "endsAt")
    if "format" in changes:
        values["format"] = changes["format"]
    if "place" in changes:
        values["place"] = _optional_text(changes["place"], MAX_PLACE, "place", "A place")
    if "online_url" in changes:
        values["online_url"] = _online_url(changes["online_url"])
    if "status" in changes:
        if changes["status"] not in UPDATABLE_STATUSES:
            raise invalid("Use meetingCancel to cancel a meeting.", "status")
        values["status"] = changes["status"]
    merged = {**row._asdict(), **values}
    _check_meeting(merged)
    ids = None if topics is None else await topic_ids(conn, topics)
    before = meeting_snapshot(row._asdict(), await _slugs(conn, MTT, MTT.c.meeting_id, meeting_id))
    if values:
        await conn.execute(update(MT).where(MT.c.id == meeting_id).values(**values))
    if ids is not None:
        await _retag(conn, MTT, "meeting_id", meeting_id, ids)
    await refresh_meetings(conn, [meeting_id])
    after = meeting_snapshot(merged, await _slugs(conn, MTT, MTT.c.meeting_id, meeting_id))
    return Change("Meeting", meeting_id, before, after)


async def cancel_meeting(
    conn: AsyncConnection, *, viewer: Viewer, meeting_id: int, reason: str | None
) -> Change:
    """Cancel a meeting; the reason is kept in the audit log. Cancelling twice is refused."""
    row = await _writable_meeting(conn, viewer, meeting_id, "id")
    if row.status == tables.MeetingStatus.CANCELLED:
        raise Refusal(UserErrorCode.RULE_VIOLATION, "The meeting is already cancelled.", "id")
    why = _optional_text(reason, MAX_REASON, "reason", "A reason")
    await conn.execute(
        update(MT).where(MT.c.id == meeting_id).values(status=tables.MeetingStatus.CANCELLED)
    )
    await refresh_meetings(conn, [meeting_id])
    after = {**row._asdict(), "status": tables.MeetingStatus.CANCELLED}
    return Change(
        "Meeting",
        meeting_id,
        meeting_snapshot(row._asdict()),
        {**meeting_snapshot(after), "reason": why},
    )


# Agenda items ---------------------------------------------------------------------------------


async def add_agenda_item(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    meeting_id: int,
    title: str,
    description: str,
    position: int | None,
    topics: Sequence[str],
) -> Change:
    """Put an item on a meeting's agenda at `position` (default: last); later items move down."""
    await _writable_meeting(conn, viewer, meeting_id, "meetingId")
    clean_title = _title(title, "An agenda item")
    clean_description = _description(description)
    order = await _agenda_ids(conn, meeting_id)
    place = len(order) + 1 if position is None else position
    if not 1 <= place <= len(order) + 1:
        raise invalid(f"The position is from 1 to {len(order) + 1}.", "position")
    ids = await topic_ids(conn, topics)
    values = {
        "meeting_id": meeting_id,
        "position": place,
        "title": clean_title,
        "description": clean_description,
    }
    item_id = int((await conn.execute(insert(AI).values(**values).returning(AI.c.id))).scalar_one())
    order.insert(place - 1, item_id)
    await _renumber(conn, meeting_id, order)
    await _retag(conn, AIT, "agenda_item_id", item_id, ids)
    await refresh_meetings(conn, [meeting_id])
    return Change("AgendaItem", item_id, None, item_snapshot(values, sorted(dict.fromkeys(topics))))


async def update_agenda_item(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    item_id: int,
    title: str | None,
    description: str | None,
    topics: Sequence[str] | None,
) -> Change:
    """Edit an agenda item's title, description or topics (None: unchanged)."""
    item, _ = await _writable_item(conn, viewer, item_id)
    values: dict[str, Any] = {}
    if title is not None:
        values["title"] = _title(title, "An agenda item")
    if description is not None:
        values["description"] = _description(description)
    ids = None if topics is None else await topic_ids(conn, topics)
    before = item_snapshot(item._asdict(), await _slugs(conn, AIT, AIT.c.agenda_item_id, item_id))
    if values:
        await conn.execute(update(AI).where(AI.c.id == item_id).values(**values))
    if ids is not None:
        await _retag(conn, AIT, "agenda_item_id", item_id, ids)
        await refresh_meetings(conn, [item.meeting_id])
    after = item_snapshot(
        {**item._asdict(), **values}, await _slugs(conn, AIT, AIT.c.agenda_item_id, item_id)
    )
    return Change("AgendaItem", item_id, before, after)


async def move_agenda_item(
    conn: AsyncConnection, *, viewer: Viewer, item_id: int, position: int
) -> Change:
    """Move an item to `position` (1..n); the others keep their order and are renumbered."""
    item, meeting = await _writable_item(conn, viewer, item_id)
    order = await _agenda_ids(conn, meeting.id)
    if not 1 <= position <= len(order):
        raise invalid(f"The position is from 1 to {len(order)}.", "position")
    before = order.index(item_id) + 1
    order.remove(item_id)
    order.insert(position - 1, item_id)
    await _renumber(conn, meeting.id, order)
    return Change(
        "AgendaItem",
        item_id,
        {**item_snapshot(item._asdict()), "position": before},
        {**item_snapshot(item._asdict()), "position": position},
    )


async def remove_agenda_item(conn: AsyncConnection, *, viewer: Viewer, item_id: int) -> Change:
    """Take an item off the agenda; the items after it move up."""
    item, meeting = await _writable_item(conn, viewer, item_id)
    topics = await _slugs(conn, AIT, AIT.c.agenda_item_id, item_id)
    await conn.execute(delete(AIT).where(AIT.c.agenda_item_id == item_id))
    await conn.execute(delete(AI).where(AI.c.id == item_id))
    await _renumber(conn, meeting.id, await _agenda_ids(conn, meeting.id))
    await refresh_meetings(conn, [meeting.id])
    return Change("AgendaItem", item_id, item_snapshot(item._asdict(), topics), None)


# Attendance -----------------------------------------------------------------------------------


async def record_attendance(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    meeting_id: int,
    organization_id: int,
    present: bool,
    person_id: int | None,
) -> Change:
    """Record whether a member organisation attended (one line per organisation, replaced)."""
    meeting = await _writable_meeting(conn, viewer, meeting_id, "meetingId")
    day = meeting.starts_on
    organization = (
        await conn.execute(organization_service.organizations_by_id([organization_id], day))
    ).first()
    if organization is None:
        raise not_found("organisation", "organizationId")
    member = (
        await conn.execute(
            select(MS.c.id).where(
                MS.c.network_id == meeting.network_id,
                MS.c.organization_id == organization_id,
                valid_on(MS.c.joined_on, MS.c.left_on, day),
            )
        )
    ).first()
    if member is None:
        network = (await conn.execute(select(NW.c.name).where(NW.c.id == meeting.network_id))).one()
        name = organization.plain_name or organization.name
        raise Refusal(
            UserErrorCode.RULE_VIOLATION,
            f"{name} was not a member of {network.name} on {day.isoformat()}.",
            "organizationId",
        )
    if person_id is not None:
        person = (await conn.execute(select(PE.c.id).where(PE.c.id == person_id))).first()
        if person is None:
            raise not_found("person", "personId")
    values = {
        "meeting_id": meeting_id,
        "organization_id": organization_id,
        "person_id": person_id,
        "present": present,
    }
    existing = (
        await conn.execute(
            select(AT).where(AT.c.meeting_id == meeting_id, AT.c.organization_id == organization_id)
        )
    ).first()
    if existing is None:
        attendance_id = int(
            (await conn.execute(insert(AT).values(**values).returning(AT.c.id))).scalar_one()
        )
        return Change("Attendance", attendance_id, None, attendance_snapshot(values))
    await conn.execute(
        update(AT).where(AT.c.id == existing.id).values(person_id=person_id, present=present)
    )
    before = attendance_snapshot(existing._asdict())
    return Change("Attendance", existing.id, before, attendance_snapshot(values))
