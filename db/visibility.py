"""Who may see which notes: the one row filter that every read path applies.

Lists, counts, node lookups, topic discussions, the theme matrix and the timeline all build on
`visible_notes`; a note the viewer may not see is indistinguishable from one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, or_, select

from db.tables import Meeting, Note, NoteVisibility, table_of

NOTE = table_of(Note)
MEETING = table_of(Meeting)


@dataclass(frozen=True)
class Viewer:
    """Who is asking: anonymous, a member of some networks, or staff."""

    person_id: int | None = None
    staff: bool = False
    network_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def anonymous(cls) -> Viewer:
        """Someone not logged in: sees public notes only."""
        return cls()


def visible_notes(viewer: Viewer) -> ColumnElement[bool]:
    """The condition on `note` rows that `viewer` may see (never deleted ones, except staff)."""
    live = NOTE.c.deleted_at.is_(None)
    if viewer.staff:
        return live
    allowed: list[ColumnElement[bool]] = [NOTE.c.visibility == NoteVisibility.PUBLIC]
    if viewer.network_ids:
        member_meetings = select(MEETING.c.id).where(MEETING.c.network_id.in_(viewer.network_ids))
        allowed.append(
            and_(
                NOTE.c.visibility == NoteVisibility.NETWORK,
                NOTE.c.meeting_id.in_(member_meetings),
            )
        )
    return and_(live, or_(*allowed))
