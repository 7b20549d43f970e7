"""Where topics were discussed, for a viewer: counts, meetings and the timeline.

A meeting mentions a topic when the meeting, one of its agenda items or one of its notes the
viewer may see is tagged with the topic or (unless told otherwise) with one of its sub-topics.
Cancelled meetings mention nothing. Everything here reads the summaries kept in
`meeting_topic_mention` and `topic_note` (see `db.mentions`), never the raw tags, except for
the agenda items of a timeline (few per topic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, or_, select, union_all

from db import tables
from db.mentions import AGENDA_ITEM, AI, AIT, MEETING, MT, MTM, NOTE, TC, TN
from db.visibility import Viewer, visible_note_count, visible_topic_notes
from graph.keyset import Order, PageRequest

__all__ = [
    "AGENDA_ITEM",
    "MEETING",
    "NOTE",
    "TIMELINE_KEY_TYPES",
    "Scope",
    "cells",
    "meetings_mentioning",
    "mentioning",
    "timeline_count",
    "timeline_page",
]


@dataclass(frozen=True)
class Scope:
    """Which topics, networks and days a theme question is about, and who asks."""

    topic_ids: tuple[int, ...] | None = None
    include_subtopics: bool = True
    network_ids: tuple[int, ...] | None = None
    first_day: date | None = None
    last_day: date | None = None
    viewer: Viewer = field(default_factory=Viewer.anonymous)


def _visible_notes(scope: Scope) -> ColumnElement[int]:
    counts = {
        tables.NoteVisibility.PUBLIC: MTM.c.public_notes,
        tables.NoteVisibility.NETWORK: MTM.c.network_notes,
        tables.NoteVisibility.STAFF: MTM.c.staff_notes,
    }
    return visible_note_count(scope.viewer, counts, MTM.c.network_id)


def _within(
    scope: Scope, day: ColumnElement[Any], network: ColumnElement[Any]
) -> list[ColumnElement[bool]]:
    """Conditions for the scope's networks and days, on the given columns."""
    conditions: list[ColumnElement[bool]] = []
    if scope.network_ids is not None:
        conditions.append(network.in_(scope.network_ids))
    if scope.first_day is not None:
        conditions.append(day >= scope.first_day)
    if scope.last_day is not None:
        conditions.append(day <= scope.last_day)
    return conditions


def _summary(scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on `meeting_topic_mention` rows: in scope, and mentioning for this viewer."""
    conditions: list[ColumnElement[bool]] = [MTM.c.direct == (not scope.include_subtopics)]
    if scope.topic_ids is not None:
        conditions.append(MTM.c.topic_id.in_(scope.topic_ids))
    conditions += _within(scope, MTM.c.starts_on, MTM.c.network_id)
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


TIMELINE_KEY_TYPES = (date, int, int, int)


def _timeline_branches(
    scope: Scope,
) -> list[tuple[Select[Any], tuple[ColumnElement[Any], ...]]]:
    """The meetings, agenda items and notes of a one-topic timeline, each with its sort key
    (day, meeting, kind, item), the kind being a constant within each."""
    if scope.topic_ids is None or len(scope.topic_ids) != 1:
        raise ValueError("a timeline is about one topic")
    [topic_id] = scope.topic_ids

    def kind(value: int) -> ColumnElement[Any]:
        return literal_column(str(value))

    meetings: Select[Any] = select(
        MTM.c.starts_on,
        MTM.c.meeting_id,
        kind(MEETING).label("kind"),
        MTM.c.meeting_id.label("item_id"),
        MTM.c.network_id,
    ).where(*_summary(scope))
    tagged = (
        select(AIT.c.agenda_item_id)
        .join(TC, TC.c.descendant_id == AIT.c.topic_id)
        .where(TC.c.ancestor_id == topic_id)
    )
    if not scope.include_subtopics:
        tagged = tagged.where(TC.c.depth == 0)
    items: Select[Any] = (
        select(
            MT.c.starts_on,
            MT.c.id.label("meeting_id"),
            kind(AGENDA_ITEM).label("kind"),
            AI.c.id.label("item_id"),
            MT.c.network_id,
        )
        .select_from(AI.join(MT, MT.c.id == AI.c.meeting_id))
        .where(AI.c.id.in_(tagged), MT.c.status != tables.MeetingStatus.CANCELLED)
    )
    notes: Select[Any] = (
        select(
            TN.c.starts_on,
            TN.c.meeting_id,
            kind(NOTE).label("kind"),
            TN.c.note_id.label("item_id"),
            TN.c.network_id,
        )
        .select_from(TN.join(MT, MT.c.id == TN.c.meeting_id))
        .where(
            TN.c.topic_id == topic_id,
            visible_topic_notes(scope.viewer),
            MT.c.status != tables.MeetingStatus.CANCELLED,
        )
    )
    if not scope.include_subtopics:
        notes = notes.where(TN.c.direct)
    items = items.where(*_within(scope, MT.c.starts_on, MT.c.network_id))
    notes = notes.where(*_within(scope, TN.c.starts_on, TN.c.network_id))
    return [
        (meetings, (MTM.c.starts_on, MTM.c.meeting_id, kind(MEETING), MTM.c.meeting_id)),
        (items, (MT.c.starts_on, MT.c.id, kind(AGENDA_ITEM), AI.c.id)),
        (notes, (TN.c.starts_on, TN.c.meeting_id, kind(NOTE), TN.c.note_id)),
    ]


def timeline_page(scope: Scope, page: PageRequest) -> Select[Any]:
    """One page of a topic's timeline by (day, meeting, kind, item), plus a look-ahead row.

    Each of the three kinds is read in that order up to the page's size (over an index for
    meetings and notes) before the three short lists are merged, so a page costs the same on
    a topic with ten entries or a hundred thousand.
    """
    parts = []
    for stmt, key in _timeline_branches(scope):
        day, meeting, _, item = key
        # The cursor compares the whole key; the kind is constant here, so not sorted on (an
        # integer in ORDER BY would name a column).
        sort = Order((day, meeting, item)).direction(page)
        narrowed = Order(key).keyset(stmt, page).order_by(*sort).limit(page.limit + 1)
        parts.append(select(narrowed.subquery()))
    entries = union_all(*parts).subquery()
    order = Order((entries.c.starts_on, entries.c.meeting_id, entries.c.kind, entries.c.item_id))
    return (
        select(entries)
        .add_columns(*order.keys())
        .order_by(*order.direction(page))
        .limit(page.limit + 1)
    )


def timeline_count(scope: Scope) -> Select[Any]:
    """How many entries a topic's timeline has."""
    entries = union_all(*(stmt for stmt, _ in _timeline_branches(scope))).subquery()
    return select(func.count()).select_from(entries)
