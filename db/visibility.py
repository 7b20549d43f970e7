"""Who may see which notes: the one row filter that every read path applies.

Lists, counts, node lookups, topic discussions, the theme matrix and the timeline all build on
`_allowed`: `visible_notes` applies it to notes, `visible_topic_notes` to the per-topic note
index and `visible_note_count` to the per-visibility counts of the mention summary. A note the
viewer may not see is indistinguishable from one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, literal, or_, select, true
from sqlalchemy.ext.asyncio import AsyncConnection

from db.periods import valid_on
from db.tables import (
    Meeting,
    Membership,
    Note,
    NoteVisibility,
    Role,
    RoleKind,
    TopicNote,
    table_of,
)

NOTE = table_of(Note)
MEETING = table_of(Meeting)
TOPIC_NOTE = table_of(TopicNote)


@dataclass(frozen=True)
class Viewer:
    """Who is asking: anonymous, a member of some networks, a leader of some, or staff.

    `network_ids` are the networks whose NETWORK notes the viewer reads and to whose meetings
    they post: those in which they hold a current role, and those of which an organisation
    they currently represent is a current member. `lead_network_ids` are those they run
    (leader, deputy leader or coordinator today). `scopes` limit what an API token may write.
    """

    person_id: int | None = None
    staff: bool = False
    network_ids: frozenset[int] = field(default_factory=frozenset)
    lead_network_ids: frozenset[int] = field(default_factory=frozenset)
    user_id: int | None = None
    token_id: int | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def authenticated(self) -> bool:
        """Whether a user is logged in (by session or token)."""
        return self.user_id is not None

    def may(self, scope: str) -> bool:
        """Whether the credentials allow `scope` (sessions allow everything)."""
        return scope in self.scopes

    @classmethod
    def anonymous(cls) -> Viewer:
        """Someone not logged in: sees public notes only."""
        return cls()


def _allowed(
    viewer: Viewer, visibility: ColumnElement[Any], in_own_network: ColumnElement[bool]
) -> ColumnElement[bool]:
    """Which visibilities `viewer` reads, given whether the note's meeting is in their networks."""
    if viewer.staff:
        return true()
    allowed: list[ColumnElement[bool]] = [visibility == NoteVisibility.PUBLIC]
    if viewer.network_ids:
        allowed.append(and_(visibility == NoteVisibility.NETWORK, in_own_network))
    return or_(*allowed)


def visible_notes(viewer: Viewer) -> ColumnElement[bool]:
    """The condition on `note` rows that `viewer` may see (deleted ones never)."""
    member_meetings = select(MEETING.c.id).where(MEETING.c.network_id.in_(viewer.network_ids))
    own = NOTE.c.meeting_id.in_(member_meetings)
    return and_(NOTE.c.deleted_at.is_(None), _allowed(viewer, NOTE.c.visibility, own))


def visible_topic_notes(viewer: Viewer) -> ColumnElement[bool]:
    """The same condition on `topic_note` rows (which hold live notes only)."""
    own = TOPIC_NOTE.c.network_id.in_(viewer.network_ids)
    return _allowed(viewer, TOPIC_NOTE.c.visibility, own)


def visible_note_count(
    viewer: Viewer,
    counts: Mapping[NoteVisibility, ColumnElement[Any]],
    network_id: ColumnElement[Any],
) -> ColumnElement[Any]:
    """Of live notes counted per visibility in a meeting of `network_id`, those `viewer` sees."""
    own = network_id.in_(viewer.network_ids)
    terms = [
        case((_allowed(viewer, literal(visibility, NOTE.c.visibility.type), own), count), else_=0)
        for visibility, count in counts.items()
    ]
    return sum(terms[1:], terms[0])


LEADING_KINDS = (RoleKind.LEADER, RoleKind.DEPUTY_LEADER, RoleKind.COORDINATOR)


async def viewer_for(
    conn: AsyncConnection,
    *,
    user_id: int,
    person_id: int | None,
    is_staff: bool,
    scopes: frozenset[str],
    token_id: int | None,
    today: date,
) -> Viewer:
    """The viewer for a logged-in user on `today`, from their roles and organisations."""
    roles = table_of(Role)
    memberships = table_of(Membership)
    held: list[tuple[int, RoleKind, int | None]] = []
    if person_id is not None:
        result = await conn.execute(
            select(roles.c.network_id, roles.c.kind, roles.c.on_behalf_of_id).where(
                roles.c.person_id == person_id,
                valid_on(roles.c.starts_on, roles.c.ends_on, today),
            )
        )
        held = [(row.network_id, row.kind, row.on_behalf_of_id) for row in result]
    organizations = {org for _, _, org in held if org is not None}
    member_of: set[int] = set()
    if organizations:
        result = await conn.execute(
            select(memberships.c.network_id).where(
                memberships.c.organization_id.in_(organizations),
                valid_on(memberships.c.joined_on, memberships.c.left_on, today),
            )
        )
        member_of = {row.network_id for row in result}
    return Viewer(
        person_id=person_id,
        staff=is_staff and "admin" in scopes,
        network_ids=frozenset({network for network, _, _ in held} | member_of),
        lead_network_ids=frozenset(n for n, kind, _ in held if kind in LEADING_KINDS),
        user_id=user_id,
        token_id=token_id,
        scopes=scopes,
    )
