"""Where topics were discussed, for a viewer: counts, meetings and the timeline.

A meeting mentions a topic when the meeting, one of its agenda items or one of its notes the
viewer may see is tagged with the topic or (unless told otherwise) with one of its sub-topics.
Cancelled meetings mention nothing. Counts and meeting lists read the summary kept in
`meeting_topic_mention` (see `db.mentions`); the timeline, which lists the items themselves,
reads the mentions with every filter inside each branch of the union.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    func,
    literal_column,
    or_,
    select,
    union,
)

from db import tables
from db.mentions import AGENDA_ITEM, MEETING, MT, MTM, NOTE, TC, mention_union
from db.visibility import Viewer, visible_note_count, visible_notes

__all__ = ["AGENDA_ITEM", "MEETING", "NOTE", "Scope", "cells", "meetings_mentioning", "timeline"]


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


def mentions(scope: Scope) -> CompoundSelect[Any]:
    """Every (network, meeting, day, kind, item, asked-for topic) mention in `scope`."""
    return mention_union(_conditions(scope), [visible_notes(scope.viewer)])


def _visible_notes(scope: Scope) -> ColumnElement[int]:
    counts = {
        tables.NoteVisibility.PUBLIC: MTM.c.public_notes,
        tables.NoteVisibility.NETWORK: MTM.c.network_notes,
        tables.NoteVisibility.STAFF: MTM.c.staff_notes,
    }
    return visible_note_count(scope.viewer, counts, MTM.c.network_id)


def _summary(scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on `meeting_topic_mention` rows: in scope, and mentioning for this viewer."""
    conditions: list[ColumnElement[bool]] = [MTM.c.direct == (not scope.include_subtopics)]
    if scope.topic_ids is not None:
        conditions.append(MTM.c.topic_id.in_(scope.topic_ids))
    if scope.network_ids is not None:
        conditions.append(MTM.c.network_id.in_(scope.network_ids))
    if scope.first_day is not None:
        conditions.append(MTM.c.starts_on >= scope.first_day)
    if scope.last_day is not None:
        conditions.append(MTM.c.starts_on <= scope.last_day)
    conditions.append(or_(MTM.c.meeting_tagged, MTM.c.agenda_items > 0, _visible_notes(scope) > 0))
    return conditions


def cells(scope: Scope) -> Select[Any]:
    """Per network and asked-for topic: counts and the first and last day of discussion."""
    return (
        select(
            MTM.c.network_id,
            MTM.c.topic_id,
            func.count().label("meeting_count"),
            func.sum(MTM.c.agenda_items).label("agenda_item_count"),
            func.sum(_visible_notes(scope)).label("note_count"),
            func.min(MTM.c.starts_on).label("first_discussed_on"),
            func.max(MTM.c.starts_on).label("last_discussed_on"),
        )
        .where(*_summary(scope))
        .group_by(MTM.c.network_id, MTM.c.topic_id)
    )


def mentioning(scope: Scope) -> Select[Any]:
    """The ids of the meetings in `scope` that mention one of its topics."""
    return select(MTM.c.meeting_id).where(*_summary(scope))


def meetings_mentioning(scope: Scope) -> Select[Any]:
    """The meetings in `scope` that mention one of its topics."""
    return select(MT).where(MT.c.id.in_(mentioning(scope)))


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
