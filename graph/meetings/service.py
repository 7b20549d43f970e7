"""Reading meetings, agendas, attendance and cadence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select

from db import tables
from graph.themes.service import Scope, mentioning

MT = tables.table_of(tables.Meeting)
MTT = tables.table_of(tables.MeetingTopic)
AI = tables.table_of(tables.AgendaItem)
AIT = tables.table_of(tables.AgendaItemTopic)
AT = tables.table_of(tables.Attendance)
T = tables.table_of(tables.Topic)

MEETING_ORDER: list[ColumnElement[Any]] = [MT.c.starts_at, MT.c.id]


@dataclass(frozen=True)
class MeetingFilterArgs:
    network_ids: tuple[int, ...] | None = None
    topic_ids: tuple[int, ...] | None = None
    include_subtopics: bool = True
    first_day: date | None = None
    last_day: date | None = None
    formats: tuple[tables.MeetingFormat, ...] = ()
    statuses: tuple[tables.MeetingStatus, ...] = ()


def meetings(args: MeetingFilterArgs, scope: Scope) -> Select[Any]:
    """Meetings matching `args`; with topics, only those that mention them within `scope`."""
    stmt = select(MT)
    if args.network_ids is not None:
        stmt = stmt.where(MT.c.network_id.in_(args.network_ids))
    if args.first_day is not None:
        stmt = stmt.where(MT.c.starts_on >= args.first_day)
    if args.last_day is not None:
        stmt = stmt.where(MT.c.starts_on <= args.last_day)
    if args.formats:
        stmt = stmt.where(MT.c.format.in_(args.formats))
    if args.statuses:
        stmt = stmt.where(MT.c.status.in_(args.statuses))
    if args.topic_ids is not None:
        stmt = stmt.where(MT.c.id.in_(mentioning(scope)))
    return stmt


def meetings_by_id(ids: Sequence[int]) -> Select[Any]:
    """The meetings with `ids`."""
    return select(MT).where(MT.c.id.in_(ids))


def agenda(meeting_ids: Sequence[int]) -> Select[Any]:
    """The agenda items of the meetings, in order."""
    return (
        select(AI)
        .where(AI.c.meeting_id.in_(meeting_ids))
        .order_by(AI.c.meeting_id, AI.c.position, AI.c.id)
    )


def agenda_items_by_id(ids: Sequence[int]) -> Select[Any]:
    """The agenda items with `ids`."""
    return select(AI).where(AI.c.id.in_(ids))


def topics_of_meetings(meeting_ids: Sequence[int]) -> Select[Any]:
    """`(meeting_id, topic…)` for the topics each meeting is tagged with, by name."""
    return (
        select(MTT.c.meeting_id.label("owner_id"), T)
        .select_from(MTT.join(T, T.c.id == MTT.c.topic_id))
        .where(MTT.c.meeting_id.in_(meeting_ids))
        .order_by(T.c.sort_name, T.c.id)
    )


def topics_of_agenda_items(item_ids: Sequence[int]) -> Select[Any]:
    """`(agenda_item_id, topic…)` for the topics each agenda item is tagged with, by name."""
    return (
        select(AIT.c.agenda_item_id.label("owner_id"), T)
        .select_from(AIT.join(T, T.c.id == AIT.c.topic_id))
        .where(AIT.c.agenda_item_id.in_(item_ids))
        .order_by(T.c.sort_name, T.c.id)
    )


def attendance(meeting_ids: Sequence[int]) -> Select[Any]:
    """Attendance rows of the meetings."""
    return select(AT).where(AT.c.meeting_id.in_(meeting_ids)).order_by(AT.c.meeting_id, AT.c.id)


def cadence_counts(network_ids: Sequence[int], year: int) -> Select[Any]:
    """Meetings per network, status and format in a year."""
    return (
        select(MT.c.network_id, MT.c.status, MT.c.format, func.count().label("n"))
        .where(
            MT.c.network_id.in_(network_ids),
            MT.c.starts_on >= date(year, 1, 1),
            MT.c.starts_on <= date(year, 12, 31),
        )
        .group_by(MT.c.network_id, MT.c.status, MT.c.format)
    )


def attendance_summary(organization_ids: Sequence[int], year: int) -> Select[Any]:
    """Per organisation and network: meetings attended and missed in a year."""
    present = func.sum(case((AT.c.present, 1), else_=0))
    return (
        select(
            AT.c.organization_id,
            MT.c.network_id,
            func.count().label("recorded"),
            present.label("present"),
        )
        .select_from(AT.join(MT, MT.c.id == AT.c.meeting_id))
        .where(
            AT.c.organization_id.in_(organization_ids),
            MT.c.starts_on >= date(year, 1, 1),
            MT.c.starts_on <= date(year, 12, 31),
            MT.c.status != tables.MeetingStatus.CANCELLED,
        )
        .group_by(AT.c.organization_id, MT.c.network_id)
        .order_by(AT.c.organization_id, MT.c.network_id)
    )
