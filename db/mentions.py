"""Where topics are mentioned: the raw mentions, and the summary tables kept from them.

A meeting mentions a topic when the meeting, one of its agenda items or one of its notes is
tagged with the topic or with one of its sub-topics (at any depth). `mention_union` lists
those mentions from the tag tables. Reading it for every theme question would aggregate every
tag of the period, so two derived tables hold the answer ready:

- `meeting_topic_mention`: per meeting and topic (with and without sub-topics), whether the
  meeting itself is tagged and how many agenda items and live notes (per visibility) are;
- `topic_note`: each live note under every topic it is tagged with or below, newest first.

`refresh_meetings` rebuilds a meeting's rows from the tag tables. Every write that changes what
a meeting mentions calls it in the same transaction (note and agenda writes, meeting tags,
date and status), and topic moves and merges call it for the meetings under the moved tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Executable,
    FromClause,
    Select,
    case,
    cast,
    delete,
    distinct,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    union,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import (
    AgendaItem,
    AgendaItemTopic,
    Meeting,
    MeetingStatus,
    MeetingTopic,
    MeetingTopicMention,
    Note,
    NoteTopic,
    NoteVisibility,
    TopicClosure,
    TopicNote,
    table_of,
)

MT = table_of(Meeting)
MTT = table_of(MeetingTopic)
AI = table_of(AgendaItem)
AIT = table_of(AgendaItemTopic)
N = table_of(Note)
NT = table_of(NoteTopic)
TC = table_of(TopicClosure)
MTM = table_of(MeetingTopicMention)
TN = table_of(TopicNote)

MEETING, AGENDA_ITEM, NOTE = 0, 1, 2
CHUNK = 500


def _branch(
    kind: int,
    item: ColumnElement[Any],
    visibility: ColumnElement[Any],
    joined: FromClause,
    conditions: Sequence[ColumnElement[bool]],
) -> Select[Any]:
    return (
        select(
            MT.c.network_id,
            MT.c.id.label("meeting_id"),
            MT.c.starts_on,
            literal_column(str(kind)).label("kind"),
            item.label("item_id"),
            TC.c.ancestor_id.label("topic_id"),
            TC.c.depth,
            visibility.label("visibility"),
        )
        .select_from(joined)
        .where(*conditions)
    )


def mention_union(
    conditions: Sequence[ColumnElement[bool]],
    note_conditions: Sequence[ColumnElement[bool]] = (),
) -> CompoundSelect[Any]:
    """Every (network, meeting, day, kind, item, topic, depth, visibility) mention.

    `conditions` may use the `meeting` and `topic_closure` columns and apply to every branch;
    `note_conditions` (on `note`) only to notes. `topic_id` is the tagged topic or any topic
    above it, `depth` how far above; `visibility` is null except for notes.
    """
    none = cast(null(), N.c.visibility.type)
    meeting_tags = MTT.join(MT, MT.c.id == MTT.c.meeting_id).join(
        TC, TC.c.descendant_id == MTT.c.topic_id
    )
    agenda_tags = (
        AIT.join(AI, AI.c.id == AIT.c.agenda_item_id)
        .join(MT, MT.c.id == AI.c.meeting_id)
        .join(TC, TC.c.descendant_id == AIT.c.topic_id)
    )
    note_tags = (
        NT.join(N, N.c.id == NT.c.note_id)
        .join(MT, MT.c.id == N.c.meeting_id)
        .join(TC, TC.c.descendant_id == NT.c.topic_id)
    )
    return union_all(
        _branch(MEETING, MT.c.id, none, meeting_tags, conditions),
        _branch(AGENDA_ITEM, AI.c.id, none, agenda_tags, conditions),
        _branch(NOTE, N.c.id, N.c.visibility, note_tags, conditions).where(*note_conditions),
    )


def _summaries(meetings: ColumnElement[bool] | None) -> list[Executable]:
    """INSERTs that compute the summary rows of the meetings matching `meetings`."""
    where = [MT.c.status != MeetingStatus.CANCELLED]
    if meetings is not None:
        where.append(meetings)
    m = mention_union(where, [N.c.deleted_at.is_(None)]).subquery()

    def items(kind: int, visibility: NoteVisibility | None = None) -> ColumnElement[int]:
        test = m.c.kind == kind
        if visibility is not None:
            test = test & (m.c.visibility == visibility)
        return func.count(distinct(case((test, m.c.item_id))))

    statements: list[Executable] = []
    for direct in (True, False):
        rows = select(
            m.c.meeting_id,
            m.c.topic_id,
            literal(direct),
            m.c.network_id,
            m.c.starts_on,
            func.max(case((m.c.kind == MEETING, 1), else_=0)) == 1,
            items(AGENDA_ITEM),
            items(NOTE, NoteVisibility.PUBLIC),
            items(NOTE, NoteVisibility.NETWORK),
            items(NOTE, NoteVisibility.STAFF),
        ).group_by(m.c.meeting_id, m.c.topic_id, m.c.network_id, m.c.starts_on)
        if direct:
            rows = rows.where(m.c.depth == 0)
        columns = [
            "meeting_id",
            "topic_id",
            "direct",
            "network_id",
            "starts_on",
            "meeting_tagged",
            "agenda_items",
            "public_notes",
            "network_notes",
            "staff_notes",
        ]
        statements.append(insert(MTM).from_select(columns, rows))

    notes = select(
        TC.c.ancestor_id,
        N.c.id,
        func.min(TC.c.depth) == 0,
        N.c.meeting_id,
        MT.c.network_id,
        N.c.visibility,
        N.c.created_at,
        MT.c.starts_on,
    ).select_from(
        NT.join(N, N.c.id == NT.c.note_id)
        .join(MT, MT.c.id == N.c.meeting_id)
        .join(TC, TC.c.descendant_id == NT.c.topic_id)
    )
    notes = notes.where(N.c.deleted_at.is_(None)).group_by(
        TC.c.ancestor_id,
        N.c.id,
        N.c.meeting_id,
        MT.c.network_id,
        N.c.visibility,
        N.c.created_at,
        MT.c.starts_on,
    )
    if meetings is not None:
        notes = notes.where(meetings)
    columns = ["topic_id", "note_id", "direct", "meeting_id", "network_id", "visibility"]
    statements.append(insert(TN).from_select([*columns, "created_at", "starts_on"], notes))
    return statements


def rebuild_statements() -> list[Executable]:
    """Statements that recompute both summary tables from the tag tables."""
    return [delete(MTM), delete(TN), *_summaries(None)]


async def rebuild_mentions(conn: AsyncConnection) -> None:
    """Recompute both summary tables from scratch (after bulk loads)."""
    for statement in rebuild_statements():
        await conn.execute(statement)


async def refresh_meetings(conn: AsyncConnection, meeting_ids: Iterable[int]) -> None:
    """Recompute the summary rows of these meetings, in the caller's transaction.

    The meetings are locked first (in id order; PostgreSQL, as SQLite runs one writer at a
    time), so two transactions refreshing the same meeting take turns and the second one
    recomputes from what the first committed.
    """
    ids = sorted(set(meeting_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        if conn.dialect.name == "postgresql":
            lock = select(MT.c.id).where(MT.c.id.in_(chunk)).order_by(MT.c.id)
            # NO KEY UPDATE: compatible with the KEY SHARE lock a new note takes on its meeting
            lock = lock.with_for_update(key_share=True)
            await conn.execute(lock)
        await conn.execute(delete(MTM).where(MTM.c.meeting_id.in_(chunk)))
        await conn.execute(delete(TN).where(TN.c.meeting_id.in_(chunk)))
        for statement in _summaries(MT.c.id.in_(chunk)):
            await conn.execute(statement)


def meetings_under(topic_id: int) -> Select[Any]:
    """The meetings with a tag (meeting, agenda item or note) on `topic_id` or below it."""
    below = select(TC.c.descendant_id).where(TC.c.ancestor_id == topic_id)
    return select(
        union(
            select(MTT.c.meeting_id).where(MTT.c.topic_id.in_(below)),
            select(AI.c.meeting_id)
            .select_from(AIT.join(AI, AI.c.id == AIT.c.agenda_item_id))
            .where(AIT.c.topic_id.in_(below)),
            select(N.c.meeting_id)
            .select_from(NT.join(N, N.c.id == NT.c.note_id))
            .where(NT.c.topic_id.in_(below)),
        ).subquery()
    )


async def refresh_topic(conn: AsyncConnection, topic_id: int) -> None:
    """Recompute the summaries of every meeting tagged on `topic_id` or below it."""
    ids = [int(row[0]) for row in await conn.execute(meetings_under(topic_id))]
    await refresh_meetings(conn, ids)
