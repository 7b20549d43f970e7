"""Plain typed factories: each inserts one row (with sensible defaults) and returns its id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db import tables
from db.mentions import refresh_meetings
from db.tables import table_of
from db.text import search_text
from db.topics import create_topic

OSLO = ZoneInfo("Europe/Oslo")


async def _insert(conn: AsyncConnection, model: type, values: dict[str, Any]) -> int:
    table = table_of(model)
    result = await conn.execute(insert(table).values(**values).returning(table.c.id))
    return int(result.scalar_one())


async def make_network(conn: AsyncConnection, slug: str, **overrides: Any) -> int:
    values: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").title(),
        "description": "",
        "kind": tables.NetworkKind.OTHER,
        "status": tables.NetworkStatus.PERMANENT,
        "starts_on": date(2020, 1, 1),
        "meetings_per_year": 4,
        "physical_meetings_per_year": 1,
    }
    return await _insert(conn, tables.Network, values | overrides)


async def make_topic(
    conn: AsyncConnection, slug: str, parent: int | None = None, aliases: Sequence[str] = ()
) -> int:
    return await create_topic(
        conn, slug=slug, name=slug.replace("-", " ").capitalize(), parent_id=parent, aliases=aliases
    )


async def _tag(
    conn: AsyncConnection, model: type, key: str, owner: int, topics: Sequence[int]
) -> None:
    if topics:
        await conn.execute(
            insert(table_of(model)), [{key: owner, "topic_id": topic} for topic in topics]
        )


async def make_meeting(
    conn: AsyncConnection,
    network_id: int,
    day: date,
    *,
    fmt: tables.MeetingFormat = tables.MeetingFormat.DIGITAL,
    status: tables.MeetingStatus = tables.MeetingStatus.HELD,
    topics: Sequence[int] = (),
    **overrides: Any,
) -> int:
    starts = datetime(day.year, day.month, day.day, 10, 0, tzinfo=OSLO)
    values: dict[str, Any] = {
        "network_id": network_id,
        "title": f"Møte {day.isoformat()}",
        "description": "",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "starts_on": day,
        "format": fmt,
        "status": status,
    }
    meeting_id = await _insert(conn, tables.Meeting, values | overrides)
    await _tag(conn, tables.MeetingTopic, "meeting_id", meeting_id, topics)
    await refresh_meetings(conn, [meeting_id])
    return meeting_id


async def make_agenda_item(
    conn: AsyncConnection,
    meeting_id: int,
    position: int,
    *,
    topics: Sequence[int] = (),
    **overrides: Any,
) -> int:
    values: dict[str, Any] = {
        "meeting_id": meeting_id,
        "position": position,
        "title": f"Sak {position}",
        "description": "",
    }
    item_id = await _insert(conn, tables.AgendaItem, values | overrides)
    await _tag(conn, tables.AgendaItemTopic, "agenda_item_id", item_id, topics)
    await refresh_meetings(conn, [meeting_id])
    return item_id


async def make_person(conn: AsyncConnection, name: str) -> int:
    key = "test:" + name.lower().replace(" ", "-")
    return await _insert(
        conn, tables.Person, {"key": key, "name": name, "search_name": search_text(name)}
    )


async def make_note(
    conn: AsyncConnection,
    meeting_id: int,
    author_id: int,
    body: str,
    *,
    visibility: tables.NoteVisibility = tables.NoteVisibility.PUBLIC,
    topics: Sequence[int] = (),
    created_at: datetime | None = None,
    **overrides: Any,
) -> int:
    moment = created_at or datetime(2024, 1, 1, 12, tzinfo=UTC)
    values: dict[str, Any] = {
        "meeting_id": meeting_id,
        "author_id": author_id,
        "body": body,
        "visibility": visibility,
        "created_at": moment,
        "updated_at": moment,
        "version": 1,
    }
    note_id = await _insert(conn, tables.Note, values | overrides)
    await _tag(conn, tables.NoteTopic, "note_id", note_id, topics)
    await refresh_meetings(conn, [meeting_id])
    return note_id


async def make_attendance(
    conn: AsyncConnection, meeting_id: int, organization_id: int, present: bool
) -> int:
    return await _insert(
        conn,
        tables.Attendance,
        {"meeting_id": meeting_id, "organization_id": organization_id, "present": present},
    )


async def organization_id(conn: AsyncConnection, key: str) -> int:
    table = table_of(tables.Organization)
    return int((await conn.execute(select(table.c.id).where(table.c.key == key))).scalar_one())


async def make_membership(
    conn: AsyncConnection,
    network_id: int,
    organization_id: int,
    joined: date,
    left: date | None = None,
) -> int:
    values = {
        "network_id": network_id,
        "organization_id": organization_id,
        "joined_on": joined,
        "left_on": left,
    }
    return await _insert(conn, tables.Membership, values)


async def make_role(
    conn: AsyncConnection,
    network_id: int,
    person_id: int,
    kind: tables.RoleKind,
    on_behalf_of: int | None,
    starts: date,
    ends: date | None = None,
) -> int:
    values = {
        "network_id": network_id,
        "person_id": person_id,
        "kind": kind,
        "on_behalf_of_id": on_behalf_of,
        "starts_on": starts,
        "ends_on": ends,
    }
    return await _insert(conn, tables.Role, values)


async def make_user(
    conn: AsyncConnection,
    email: str,
    password_hash: str,
    *,
    person_id: int | None = None,
    is_staff: bool = False,
) -> int:
    from db.accounts import create_user

    return await create_user(
        conn,
        email=email,
        password_hash=password_hash,
        now=datetime.now(UTC),
        person_id=person_id,
        is_staff=is_staff,
    )
