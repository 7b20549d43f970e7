"""Where topics were discussed: one "mention" query shared by every theme question.

A meeting mentions a topic when the meeting, one of its agenda items or one of its notes the
viewer may see is tagged with the topic or (unless told otherwise) with one of its sub-topics.
Cancelled meetings mention nothing. Every filter is applied inside each branch of the union,
so the database never joins more rows than the question needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    FromClause,
    Select,
    case,
    distinct,
    func,
    literal_column,
    select,
    union,
    union_all,
)

from db import tables
from db.visibility import Viewer, visible_notes

MT = tables.table_of(tables.Meeting)
MTT = tables.table_of(tables.MeetingTopic)
AI = tables.table_of(tables.AgendaItem)
AIT = tables.table_of(tables.AgendaItemTopic)
N = tables.table_of(tables.Note)
NT = tables.table_of(tables.NoteTopic)
TC = tables.table_of(tables.TopicClosure)

MEETING, AGENDA_ITEM, NOTE = 0, 1, 2


@dataclass(frozen=True)
class Scope:
    """Which topics, networks and days a theme question is about, and who asks."""

    topic_ids: tuple[int, ...] | None = None
    include_subtopics: bool = True
    network_ids: tuple[int, ...] | None = None
    first_day: date | None = None
    last_day: date | None = None
    viewer: Viewer = field(default_factory=Viewer.anonymous)


def _conditions(scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [MT.c.status != tables.MeetingStatus.CANCELLED]
    if scope.topic_ids is not None:
        conditions.append(TC.c.ancestor_id.in_(scope.topic_ids))
    if not scope.include_subtopics:
        conditions.append(TC.c.depth == 0)
    if scope.network_ids is not None:
        conditions.append(MT.c.network_id.in_(scope.network_ids))
    if scope.first_day is not None:
        conditions.append(MT.c.starts_on >= scope.first_day)
    if scope.last_day is not None:
        conditions.append(MT.c.starts_on <= scope.last_day)
    return conditions


def _branch(kind: int, item: ColumnElement[Any], joined: FromClause, scope: Scope) -> Select[Any]:
    return (
        select(
            MT.c.network_id,
            MT.c.id.label("meeting_id"),
            MT.c.starts_on,
            literal_column(str(kind)).label("kind"),
            item.label("item_id"),
            TC.c.ancestor_id.label("topic_id"),
        )
        .select_from(joined)
        .where(*_conditions(scope))
    )


def mentions(scope: Scope) -> CompoundSelect[Any]:
    """Every (network, meeting, day, kind, item, asked-for topic) mention in `scope`."""
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
        _branch(MEETING, MT.c.id, meeting_tags, scope),
        _branch(AGENDA_ITEM, AI.c.id, agenda_tags, scope),
        _branch(NOTE, N.c.id, note_tags, scope).where(visible_notes(scope.viewer)),
    )


def _counted(kind: int, m: Any) -> ColumnElement[int]:
    return func.count(distinct(case((m.c.kind == kind, m.c.item_id))))


def cells(scope: Scope) -> Select[Any]:
    """Per network and asked-for topic: counts and the first and last day of discussion."""
    m = mentions(scope).subquery()
    return select(
        m.c.network_id,
        m.c.topic_id,
        func.count(distinct(m.c.meeting_id)).label("meeting_count"),
        _counted(AGENDA_ITEM, m).label("agenda_item_count"),
        _counted(NOTE, m).label("note_count"),
        func.min(m.c.starts_on).label("first_discussed_on"),
        func.max(m.c.starts_on).label("last_discussed_on"),
    ).group_by(m.c.network_id, m.c.topic_id)


def meetings_mentioning(scope: Scope) -> Select[Any]:
    """The meetings in `scope` that mention one of its topics."""
    m = mentions(scope).subquery()
    return select(MT).where(MT.c.id.in_(select(m.c.meeting_id)))


def timeline(scope: Scope) -> tuple[Select[Any], list[ColumnElement[Any]]]:
    """Meetings, agenda items and notes mentioning the topics, and the order to read them in."""
    m = mentions(scope).subquery()
    meetings = select(
        m.c.starts_on,
        m.c.meeting_id,
        literal_column(str(MEETING)).label("kind"),
        m.c.meeting_id.label("item_id"),
        m.c.network_id,
    )
    items = select(m.c.starts_on, m.c.meeting_id, m.c.kind, m.c.item_id, m.c.network_id).where(
        m.c.kind != MEETING
    )
    entries = union(meetings, items).subquery()
    order: list[ColumnElement[Any]] = [
        entries.c.starts_on,
        entries.c.meeting_id,
        entries.c.kind,
        entries.c.item_id,
    ]
    return select(entries), order
