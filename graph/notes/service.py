"""Reading notes: every statement here applies the visibility filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, select

from db import tables
from db.visibility import Viewer, visible_notes, visible_topic_notes
from graph.keyset import Order

N = tables.table_of(tables.Note)
NT = tables.table_of(tables.NoteTopic)
TC = tables.table_of(tables.TopicClosure)
T = tables.table_of(tables.Topic)

NOTE_ORDER: list[ColumnElement[Any]] = [N.c.created_at, N.c.id]
NEWEST_FIRST = Order((N.c.created_at, N.c.id), descending=True)


def notes(viewer: Viewer) -> Select[Any]:
    """The notes `viewer` may see."""
    return select(N).where(visible_notes(viewer))


def notes_by_id(ids: Sequence[int], viewer: Viewer) -> Select[Any]:
    """The notes with `ids` that `viewer` may see."""
    return notes(viewer).where(N.c.id.in_(ids))


TN = tables.table_of(tables.TopicNote)
NEWEST_ON_TOPIC = Order((TN.c.created_at, TN.c.note_id), descending=True)


def notes_on_topic(viewer: Viewer, include_subtopics: bool) -> Select[Any]:
    """Visible notes on a topic (column `topic_id` of `topic_note`), sub-topics included if
    asked; sorted by `NEWEST_ON_TOPIC`, each topic's notes are one index range."""
    stmt = (
        select(N).select_from(TN.join(N, N.c.id == TN.c.note_id)).where(visible_topic_notes(viewer))
    )
    if not include_subtopics:
        stmt = stmt.where(TN.c.direct)
    return stmt


def topics_of_notes(note_ids: Sequence[int]) -> Select[Any]:
    """`(note_id, topic…)` for the topics each note is tagged with, by name."""
    return (
        select(NT.c.note_id.label("owner_id"), T)
        .select_from(NT.join(T, T.c.id == NT.c.topic_id))
        .where(NT.c.note_id.in_(note_ids))
        .order_by(T.c.sort_name, T.c.id)
    )


NR = tables.table_of(tables.NoteRevision)


def revisions(note_ids: Sequence[int]) -> Select[Any]:
    """Earlier versions of the notes, oldest first."""
    return select(NR).where(NR.c.note_id.in_(note_ids)).order_by(NR.c.note_id, NR.c.version)
