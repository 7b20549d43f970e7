"""Writing notes: who may, what is valid, optimistic versions, revisions, soft deletion."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db import tables
from db.mentions import refresh_meetings
from db.periods import valid_on
from db.visibility import Viewer, visible_notes
from graph.refusals import Change, Refusal, UserErrorCode, forbidden, invalid, not_found

N = tables.table_of(tables.Note)
NT = tables.table_of(tables.NoteTopic)
NR = tables.table_of(tables.NoteRevision)
MT = tables.table_of(tables.Meeting)
T = tables.table_of(tables.Topic)
R = tables.table_of(tables.Role)

MAX_BODY = 100_000
MAX_TITLE = 300
WRITE_NOTES = "write:notes"


def snapshot(row: Any, topics: Sequence[str] | None = None) -> dict[str, Any]:
    """A note's state for the audit log."""
    out = {
        "title": row.title,
        "body": row.body,
        "visibility": getattr(row.visibility, "value", row.visibility),
        "version": row.version,
        "deleted": row.deleted_at is not None,
    }
    if topics is not None:
        out["topics"] = list(topics)
    return out


def check_text(title: str | None, body: str | None) -> None:
    """Refuse an empty or oversized body and an oversized title."""
    if body is not None and not body.strip():
        raise invalid("A note needs a body.", "body")
    if body is not None and len(body) > MAX_BODY:
        raise invalid(f"A note's body has at most {MAX_BODY} characters.", "body")
    if title is not None and len(title) > MAX_TITLE:
        raise invalid(f"A note's title has at most {MAX_TITLE} characters.", "title")


async def topic_ids(conn: AsyncConnection, slugs: Sequence[str]) -> list[int]:
    """The ids of topics by slug; an unknown slug is refused."""
    rows = (await conn.execute(select(T.c.slug, T.c.id).where(T.c.slug.in_(slugs)))).all()
    found = {row.slug: row.id for row in rows}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise invalid(f"Unknown topic(s): {', '.join(missing)}.", "topics")
    return [found[slug] for slug in dict.fromkeys(slugs)]


async def _represented(
    conn: AsyncConnection, viewer: Viewer, network_id: int, day: date
) -> int | None:
    if viewer.person_id is None:
        return None
    row = (
        await conn.execute(
            select(R.c.on_behalf_of_id)
            .where(
                R.c.person_id == viewer.person_id,
                R.c.network_id == network_id,
                valid_on(R.c.starts_on, R.c.ends_on, day),
            )
            .order_by(R.c.starts_on.desc(), R.c.id)
            .limit(1)
        )
    ).first()
    return None if row is None else row.on_behalf_of_id


async def create_note(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    meeting_id: int,
    title: str,
    body: str,
    visibility: tables.NoteVisibility,
    topics: Sequence[str],
    today: date,
    now: datetime,
) -> Change:
    """Post a note to a meeting of a network the viewer belongs to."""
    if not viewer.may(WRITE_NOTES):
        raise forbidden("These credentials may not write notes (scope write:notes).")
    check_text(title, body)
    # Lock the meeting (PostgreSQL) before the note's foreign key takes a weaker lock on it.
    locked = select(MT).where(MT.c.id == meeting_id).with_for_update(key_share=True)
    meeting = (await conn.execute(locked)).first()
    if meeting is None:
        raise not_found("meeting", "meetingId")
    if not (viewer.staff or meeting.network_id in viewer.network_ids):
        raise forbidden("Only members of the network may post notes to its meetings.")
    if viewer.person_id is None:
        raise forbidden("Only users linked to a person may write notes.")
    ids = await topic_ids(conn, topics)
    values = {
        "meeting_id": meeting_id,
        "author_id": viewer.person_id,
        "on_behalf_of_id": await _represented(conn, viewer, meeting.network_id, today),
        "title": title.strip(),
        "body": body,
        "visibility": visibility,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    note_id = int((await conn.execute(insert(N).values(**values).returning(N.c.id))).scalar_one())
    if ids:
        await conn.execute(insert(NT), [{"note_id": note_id, "topic_id": t} for t in ids])
    await refresh_meetings(conn, [meeting_id])
    return Change(
        "Note",
        note_id,
        None,
        {
            **values,
            "visibility": visibility.value,
            "topics": list(topics),
            "created_at": now.isoformat(),
            "updated_at": now.isoformat(),
        },
    )


async def _editable(conn: AsyncConnection, viewer: Viewer, note_id: int) -> Row[Any]:
    row = (await conn.execute(select(N).where(N.c.id == note_id, visible_notes(viewer)))).first()
    if row is None:
        raise not_found("note", "id")
    if not (viewer.staff or (viewer.person_id is not None and row.author_id == viewer.person_id)):
        raise forbidden("Only the author (or staff) may change a note.")
    if not viewer.may(WRITE_NOTES):
        raise forbidden("These credentials may not write notes (scope write:notes).")
    return row


async def update_note(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    note_id: int,
    expected_version: int,
    title: str | None,
    body: str | None,
    visibility: tables.NoteVisibility | None,
    topics: Sequence[str] | None,
    now: datetime,
) -> Change:
    """Edit a note if it is still at `expected_version`; the old text becomes a revision."""
    check_text(title, body)
    row = await _editable(conn, viewer, note_id)
    conflict = Refusal(
        UserErrorCode.CONFLICT,
        f"The note was changed meanwhile (now version {row.version}); reload it and edit again.",
        "expectedVersion",
    )
    if row.version != expected_version:
        raise conflict
    changes: dict[str, Any] = {"updated_at": now, "version": row.version + 1}
    if title is not None:
        changes["title"] = title.strip()
    if body is not None:
        changes["body"] = body
    if visibility is not None:
        changes["visibility"] = visibility
    done = await conn.execute(
        update(N)
        .where(N.c.id == note_id, N.c.version == expected_version)
        .values(**changes)
        .returning(N)
    )
    after = done.first()
    if after is None:
        raise conflict
    await conn.execute(
        insert(NR).values(
            note_id=note_id,
            version=row.version,
            title=row.title,
            body=row.body,
            visibility=row.visibility.value,
            edited_at=now,
            editor_user_id=viewer.user_id,
        )
    )
    if topics is not None:
        ids = await topic_ids(conn, topics)
        await conn.execute(delete(NT).where(NT.c.note_id == note_id))
        if ids:
            await conn.execute(insert(NT), [{"note_id": note_id, "topic_id": t} for t in ids])
    await refresh_meetings(conn, [row.meeting_id])
    return Change("Note", note_id, snapshot(row), snapshot(after, topics))


async def delete_note(
    conn: AsyncConnection, *, viewer: Viewer, note_id: int, now: datetime
) -> Change:
    """Hide a note from everyone but staff (staff can restore it)."""
    row = await _editable(conn, viewer, note_id)
    if row.deleted_at is not None:
        raise not_found("note", "id")
    after = (
        await conn.execute(update(N).where(N.c.id == note_id).values(deleted_at=now).returning(N))
    ).first()
    await refresh_meetings(conn, [row.meeting_id])
    return Change("Note", note_id, snapshot(row), snapshot(after))


async def restore_note(conn: AsyncConnection, *, viewer: Viewer, note_id: int) -> Change:
    """Bring back a deleted note (staff only)."""
    if not viewer.staff:
        raise forbidden("Only staff may restore notes.")
    row = (await conn.execute(select(N).where(N.c.id == note_id))).first()
    if row is None or row.deleted_at is None:
        raise not_found("deleted note", "id")
    after = (
        await conn.execute(update(N).where(N.c.id == note_id).values(deleted_at=None).returning(N))
    ).first()
    await refresh_meetings(conn, [row.meeting_id])
    return Change("Note", note_id, snapshot(row), snapshot(after))
