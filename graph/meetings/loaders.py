"""Batch loads for meetings, agendas, topics of things, notes and cadence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Row

from db.visibility import Viewer
from graph.db import Db
from graph.loaders import grouped, in_order
from graph.meetings import service
from graph.notes import service as note_service
from graph.topics import service as topic_service


async def _grouped(db: Db, stmt: Select[Any], ids: Sequence[Any], key: str) -> list[list[Row[Any]]]:
    return grouped(await db.rows(stmt), ids, key)


async def meetings_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Meeting rows, in key order."""
    return in_order(await db.rows(service.meetings_by_id(ids)), ids)


async def agenda_items_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Agenda item rows, in key order."""
    return in_order(await db.rows(service.agenda_items_by_id(ids)), ids)


async def agenda_by_meeting(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each meeting's agenda, in order."""
    return await _grouped(db, service.agenda(ids), ids, "meeting_id")


async def topics_by_meeting(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """The topics each meeting is tagged with."""
    return await _grouped(db, service.topics_of_meetings(ids), ids, "owner_id")


async def topics_by_agenda_item(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """The topics each agenda item is tagged with."""
    return await _grouped(db, service.topics_of_agenda_items(ids), ids, "owner_id")


async def topics_by_note(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """The topics each note is tagged with."""
    return await _grouped(db, note_service.topics_of_notes(ids), ids, "owner_id")


async def attendance_by_meeting(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each meeting's attendance rows."""
    return await _grouped(db, service.attendance(ids), ids, "meeting_id")


async def cadence_by_network(db: Db, ids: Sequence[int], year: int) -> list[list[Row[Any]]]:
    """Each network's meeting counts by status and format in `year`."""
    return await _grouped(db, service.cadence_counts(ids, year), ids, "network_id")


async def attendance_by_organization(db: Db, ids: Sequence[int], year: int) -> list[list[Row[Any]]]:
    """Each organisation's attendance per network in `year`."""
    return await _grouped(db, service.attendance_summary(ids, year), ids, "organization_id")


async def notes_by_id(db: Db, ids: Sequence[int], viewer: Viewer) -> list[Row[Any] | None]:
    """Note rows the viewer may see, in key order (None for hidden and missing alike)."""
    return in_order(await db.rows(note_service.notes_by_id(ids, viewer)), ids)


async def topics_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """Topic rows, in key order."""
    return in_order(await db.rows(topic_service.topics_by_id(ids)), ids)


async def children_by_topic(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each topic's direct children, by name."""
    return await _grouped(db, topic_service.children(ids), ids, "parent_id")


async def aliases_by_topic(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each topic's aliases."""
    return await _grouped(db, topic_service.aliases(ids), ids, "topic_id")


async def ancestors_by_topic(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each topic's ancestors, root first."""
    return await _grouped(db, topic_service.ancestors(ids), ids, "descendant_id")


async def revisions_by_note(db: Db, ids: Sequence[int]) -> list[list[Row[Any]]]:
    """Each note's earlier versions, oldest first."""
    return await _grouped(db, note_service.revisions(ids), ids, "note_id")
