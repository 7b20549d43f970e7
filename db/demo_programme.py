"""The demo meeting programme: topics, fictional demo members, meetings, agendas, notes, attendance.

Called once by `db.demo.seed_demo`, after the networks, memberships and the real people's roles.
The content lives in `db.demo_programme_data` and `db.demo_programme_notes`; this module turns it
into rows with bulk inserts. Every invented text is written by a fictional demo member.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.demo_programme_data import MEETINGS, MEMBERS, TOPICS, MeetingSpec
from db.demo_programme_notes import NOTES
from db.tables import (
    AgendaItem,
    AgendaItemTopic,
    Attendance,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    MeetingTopic,
    Membership,
    Note,
    NoteTopic,
    Person,
    Role,
    RoleKind,
    Topic,
    table_of,
)
from db.text import search_text
from db.topics import create_topic

Progress = Callable[[str, int], None]

OSLO = ZoneInfo("Europe/Oslo")
ONLINE_BASE = "https://demo.invalid/teams/"
"""Meeting links use the reserved .invalid top-level domain: they never reach a real host."""


@dataclass(frozen=True)
class Period:
    """An organisation's membership of a network, or a demo member's role in one."""

    network_id: int
    organization_id: int
    starts_on: date
    ends_on: date | None

    def holds(self, day: date) -> bool:
        """Whether the period includes `day` (both ends inclusive)."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class Seat:
    """A demo member's role: who, and the period they represent an organisation."""

    slug: str
    person_id: int
    period: Period


@dataclass(frozen=True)
class HeldMeeting:
    """A seeded meeting: its spec, id, network id and start."""

    spec: MeetingSpec
    id: int
    network_id: int
    starts_at: datetime


async def _insert_returning_ids(
    conn: AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Bulk-insert `rows` and return their new ids, in the order of `rows`."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    result = await conn.execute(statement, list(rows))
    return [int(row_id) for row_id in result.scalars()]


async def _insert_all(conn: AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Bulk-insert `rows` (nothing when there are none)."""
    if rows:
        await conn.execute(insert(table), list(rows))


async def seed_topics(conn: AsyncConnection) -> dict[str, int]:
    """Create the demo taxonomy, reusing topics that already exist by slug; return slug → id."""
    topics = table_of(Topic)
    slugs = [spec.slug for spec in TOPICS]
    found = await conn.execute(select(topics.c.slug, topics.c.id).where(topics.c.slug.in_(slugs)))
    ids: dict[str, int] = {row.slug: int(row.id) for row in found}
    for spec in TOPICS:
        if spec.slug in ids:
            continue
        ids[spec.slug] = await create_topic(
            conn,
            slug=spec.slug,
            name=spec.name,
            parent_id=ids[spec.parent] if spec.parent else None,
            description=spec.description,
            aliases=spec.aliases,
        )
    return ids


async def _memberships(conn: AsyncConnection, network_ids: Iterable[int]) -> list[Period]:
    """Every membership of the given networks."""
    table = table_of(Membership)
    rows = await conn.execute(
        select(
            table.c.network_id, table.c.organization_id, table.c.joined_on, table.c.left_on
        ).where(table.c.network_id.in_(list(network_ids)))
    )
    return [Period(r.network_id, r.organization_id, r.joined_on, r.left_on) for r in rows]


def _member_periods(
    memberships: Sequence[Period], network_id: int, organization_id: int
) -> list[Period]:
    """An organisation's membership periods in a network; an error if it has none."""
    found = [
        p
        for p in memberships
        if p.network_id == network_id and p.organization_id == organization_id
    ]
    if not found:
        raise ValueError(f"demo seat without membership: org {organization_id} in {network_id}")
    return found


async def _seed_members(
    conn: AsyncConnection,
    network_ids: dict[str, int],
    org_ids: dict[str, int],
    memberships: Sequence[Period],
) -> list[Seat]:
    """Insert the demo members and their representative roles (for each membership period)."""
    people = [
        {
            "key": f"demo:{m.slug}",
            "name": m.name,
            "search_name": search_text(m.name),
            "title": m.title,
        }
        for m in MEMBERS
    ]
    person_ids = await _insert_returning_ids(conn, table_of(Person), people)
    seats = [
        Seat(member.slug, person_id, period)
        for member, person_id in zip(MEMBERS, person_ids, strict=True)
        for network, org_key in member.seats
        for period in _member_periods(memberships, network_ids[network], org_ids[org_key])
    ]
    roles = [
        {
            "network_id": seat.period.network_id,
            "person_id": seat.person_id,
            "kind": RoleKind.REPRESENTATIVE,
            "on_behalf_of_id": seat.period.organization_id,
            "starts_on": seat.period.starts_on,
            "ends_on": seat.period.ends_on,
        }
        for seat in seats
    ]
    await _insert_all(conn, table_of(Role), roles)
    return seats


def _moment(day: date, at: time) -> datetime:
    """An aware Europe/Oslo datetime."""
    return datetime.combine(day, at, tzinfo=OSLO)


def _meeting_row(spec: MeetingSpec, network_id: int) -> dict[str, Any]:
    """The meeting row of a spec: Oslo times, place for physical, a link for digital."""
    online = spec.format in (MeetingFormat.DIGITAL, MeetingFormat.HYBRID)
    starts_at = _moment(spec.day, spec.start)
    return {
        "network_id": network_id,
        "title": spec.title,
        "description": spec.description,
        "starts_at": starts_at,
        "ends_at": _moment(spec.day + timedelta(days=spec.days - 1), spec.end),
        "starts_on": starts_at.date(),
        "format": spec.format,
        "status": spec.status,
        "place": spec.place if spec.format != MeetingFormat.DIGITAL else None,
        "online_url": ONLINE_BASE + spec.slug if online else None,
    }


def meeting_topics(spec: MeetingSpec) -> list[str]:
    """A meeting's topics: those of its agenda items, in order of first appearance."""
    return list(dict.fromkeys(slug for it in spec.items for slug in it.topics))


async def _seed_meetings(
    conn: AsyncConnection, network_ids: dict[str, int], topic_ids: dict[str, int]
) -> list[HeldMeeting]:
    """Insert the meetings and their topic tags."""
    rows = [_meeting_row(spec, network_ids[spec.network]) for spec in MEETINGS]
    ids = await _insert_returning_ids(conn, table_of(Meeting), rows)
    meetings = [
        HeldMeeting(spec, meeting_id, row["network_id"], row["starts_at"])
        for spec, meeting_id, row in zip(MEETINGS, ids, rows, strict=True)
    ]
    tags = [
        {"meeting_id": m.id, "topic_id": topic_ids[slug]}
        for m in meetings
        for slug in meeting_topics(m.spec)
    ]
    await _insert_all(conn, table_of(MeetingTopic), tags)
    return meetings


async def _seed_agenda(
    conn: AsyncConnection, meetings: Sequence[HeldMeeting], topic_ids: dict[str, int]
) -> int:
    """Insert every meeting's agenda items (positions 1..n) and their topic tags."""
    pairs = [(m, position, it) for m in meetings for position, it in enumerate(m.spec.items, 1)]
    rows = [
        {"meeting_id": m.id, "position": position, "title": it.title, "description": it.description}
        for m, position, it in pairs
    ]
    ids = await _insert_returning_ids(conn, table_of(AgendaItem), rows)
    tags = [
        {"agenda_item_id": item_id, "topic_id": topic_ids[slug]}
        for item_id, (_m, _position, it) in zip(ids, pairs, strict=True)
        for slug in it.topics
    ]
    await _insert_all(conn, table_of(AgendaItemTopic), tags)
    return len(rows)


def _seat_on(seats: Sequence[Seat], slug: str, network_id: int, day: date) -> Seat:
    """The demo member's seat in a network on a day; an error if they hold none."""
    for seat in seats:
        if seat.slug == slug and seat.period.network_id == network_id and seat.period.holds(day):
            return seat
    raise ValueError(f"demo member {slug} has no role in network {network_id} on {day}")


def _held(meetings: Sequence[HeldMeeting]) -> list[HeldMeeting]:
    """The meetings that took place."""
    return [m for m in meetings if m.spec.status == MeetingStatus.HELD]


def _note_rows(
    meetings: Sequence[HeldMeeting], seats: Sequence[Seat]
) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """Note rows with their topic slugs, written a few days after each held meeting."""
    out: list[tuple[dict[str, Any], tuple[str, ...]]] = []
    for meeting in _held(meetings):
        last_day = meeting.spec.day + timedelta(days=meeting.spec.days - 1)
        for index, note in enumerate(NOTES.get(meeting.spec.slug, ())):
            seat = _seat_on(seats, note.author, meeting.network_id, meeting.spec.day)
            written = _moment(last_day + timedelta(days=2 + index), time(10 + index, 15))
            row = {
                "meeting_id": meeting.id,
                "author_id": seat.person_id,
                "on_behalf_of_id": seat.period.organization_id,
                "title": note.title,
                "body": note.body.strip() + "\n",
                "visibility": note.visibility,
                "created_at": written,
                "updated_at": written,
                "version": 1,
            }
            out.append((row, note.topics))
    return out


async def _seed_notes(
    conn: AsyncConnection,
    meetings: Sequence[HeldMeeting],
    seats: Sequence[Seat],
    topic_ids: dict[str, int],
) -> int:
    """Insert the demo members' notes and their topic tags."""
    pairs = _note_rows(meetings, seats)
    ids = await _insert_returning_ids(conn, table_of(Note), [row for row, _ in pairs])
    tags = [
        {"note_id": note_id, "topic_id": topic_ids[slug]}
        for note_id, (_row, slugs) in zip(ids, pairs, strict=True)
        for slug in slugs
    ]
    await _insert_all(conn, table_of(NoteTopic), tags)
    return len(ids)


def _attendance_rows(
    meeting: HeldMeeting,
    memberships: Sequence[Period],
    seats: Sequence[Seat],
    absent: set[int],
) -> list[dict[str, Any]]:
    """One row per member organisation on the meeting day, through its demo member if any."""
    day = meeting.spec.day
    rows = []
    for member in memberships:
        if member.network_id != meeting.network_id or not member.holds(day):
            continue
        present = member.organization_id not in absent
        person = next(
            (
                s.person_id
                for s in seats
                if s.period.network_id == meeting.network_id
                and s.period.organization_id == member.organization_id
                and s.period.holds(day)
            ),
            None,
        )
        rows.append(
            {
                "meeting_id": meeting.id,
                "organization_id": member.organization_id,
                "person_id": person if present else None,
                "present": present,
            }
        )
    return rows


async def _seed_attendance(
    conn: AsyncConnection,
    meetings: Sequence[HeldMeeting],
    memberships: Sequence[Period],
    seats: Sequence[Seat],
    org_ids: dict[str, int],
) -> int:
    """Insert attendance for every held meeting."""
    rows = [
        row
        for meeting in _held(meetings)
        for row in _attendance_rows(
            meeting, memberships, seats, {org_ids[key] for key in meeting.spec.absent}
        )
    ]
    await _insert_all(conn, table_of(Attendance), rows)
    return len(rows)


async def seed_programme(
    conn: AsyncConnection,
    *,
    network_ids: dict[str, int],
    org_ids: dict[str, int],
    progress: Progress | None = None,
) -> None:
    """Add the topics, demo members, meetings, agendas, notes and attendance of the demo."""
    report = progress or (lambda _step, _n: None)
    topic_ids = await seed_topics(conn)
    report("topics", len(topic_ids))
    memberships = await _memberships(conn, network_ids.values())
    seats = await _seed_members(conn, network_ids, org_ids, memberships)
    report("demo members", len(MEMBERS))
    report("demo member roles", len(seats))
    meetings = await _seed_meetings(conn, network_ids, topic_ids)
    report("meetings", len(meetings))
    report("agenda items", await _seed_agenda(conn, meetings, topic_ids))
    report("notes", await _seed_notes(conn, meetings, seats, topic_ids))
    report("attendance", await _seed_attendance(conn, meetings, memberships, seats, org_ids))
