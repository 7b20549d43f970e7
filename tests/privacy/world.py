"""The privacy worlds: identical public content, and hidden notes added last, as chosen.

`build_public(conn, plan)` inserts the public content (the theme world's topics, networks,
meetings, agendas, public notes and attendance; the write world's people, roles, memberships
and accounts; credentials for every role); each world is a copy of that database to which
`add_hidden` adds only the hidden notes its audience may see, with the ids they have in FULL.
So every row has the same id in every world, and the responses of a role on two worlds can be
compared byte for byte.

Every timestamp is fixed (`Plan.now`), and credentials are stamped as used in the future, so no
request writes `last_seen_at` and nothing differs between worlds but the hidden notes.
"""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from argon2 import PasswordHasher, profiles
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry import relay

from db import accounts
from db.accounts import Scope
from db.tables import MeetingFormat as F
from db.tables import MeetingStatus as S
from db.tables import Note, NoteRevision, RoleKind, table_of
from db.tables import NoteVisibility as V
from tests import factories as f

PASSWORD = "korrekt hest batteri stift"
ACCOUNTS = ("member-a", "leader-a", "member-b", "staff")


class World(enum.Enum):
    """The databases built per engine: FULL, and each audience's world without hidden notes."""

    FULL = "full"
    NO_HIDDEN = "no-hidden"  # what anonymous may see: live PUBLIC notes only
    FOR_A = "for-a"  # + the NETWORK notes of nett-a
    FOR_B = "for-b"  # + the NETWORK notes of nett-b
    STAFF_VIEW = "staff-view"  # every live note


@dataclass(frozen=True)
class HiddenNote:
    """A note only some audiences may see, with canaries in its title, body and revision."""

    key: str
    network: str  # "a" or "b"
    meeting: str
    visibility: V
    deleted: bool
    topics: tuple[str, ...]
    created_at: datetime
    canaries: tuple[str, str, str, str]  # title, body, revision title, revision body

    def visible_in(self, world: World) -> bool:
        """Whether `world` holds the note: FULL all, the others what their audience may see."""
        if world is World.FULL:
            return True
        if self.deleted:
            return False
        if world is World.STAFF_VIEW:
            return True
        if self.visibility is V.NETWORK:
            return world is {"a": World.FOR_A, "b": World.FOR_B}[self.network]
        return self.visibility is V.PUBLIC


def _canary() -> str:
    return f"KANARI-{uuid.uuid4()}"


def hidden_notes() -> tuple[HiddenNote, ...]:
    """Ten notes per network: NETWORK ×3, STAFF ×3, deleted PUBLIC ×2, deleted NETWORK, STAFF.

    They sit on meetings with and without public notes, tagged with topics the network also
    discusses in public and with `stille`, a topic nothing public is tagged with (so any cell,
    discussion, timeline entry or meeting filter hit for it comes from hidden notes alone).
    """
    kinds: list[tuple[str, V, bool, int, tuple[str, ...]]] = [
        ("network-1", V.NETWORK, False, 0, ("lov", "stille")),
        ("network-2", V.NETWORK, False, 1, ("kino",)),
        ("network-3", V.NETWORK, False, 2, ("kultur", "film")),
        ("staff-1", V.STAFF, False, 0, ("film", "stille")),
        ("staff-2", V.STAFF, False, 1, ("lov-detalj",)),
        ("staff-3", V.STAFF, False, 3, ()),
        ("deleted-public-1", V.PUBLIC, True, 0, ("lov", "stille")),
        ("deleted-public-2", V.PUBLIC, True, 2, ("kino", "kultur")),
        ("deleted-network", V.NETWORK, True, 1, ("stille",)),
        ("deleted-staff", V.STAFF, True, 3, ("film",)),
    ]
    meetings = {"a": ("a1", "a2", "a4", "a3"), "b": ("b1", "b2", "b1", "b2")}
    out = []
    for network in ("a", "b"):
        for number, (kind, visibility, deleted, meeting, topics) in enumerate(kinds):
            out.append(
                HiddenNote(
                    key=f"{network}-{kind}",
                    network=network,
                    meeting=meetings[network][meeting],
                    visibility=visibility,
                    deleted=deleted,
                    topics=topics,
                    # interleaved with the public notes' times, so keyset cursors are exercised
                    created_at=datetime(2024, 1 + number, 2, 8 + number, tzinfo=UTC),
                    canaries=(_canary(), _canary(), _canary(), _canary()),
                )
            )
    return tuple(out)


class Role(enum.Enum):
    """Who asks: each role reads as one audience, or is refused with 401."""

    ANONYMOUS = "anonymous"
    MEMBER_A = "member-a-session"
    MEMBER_B = "member-b-session"
    LEADER_A = "leader-a-session"
    STAFF = "staff-session"
    READ_TOKEN_A = "member-a-read-token"
    REVOKED_TOKEN = "member-a-revoked-token"
    EXPIRED_SESSION = "member-a-expired-session"
    # beyond the eight of the brief
    IDLE_SESSION = "member-a-idle-session"
    EXPIRED_TOKEN = "member-a-expired-token"
    STAFF_READ_TOKEN = "staff-read-token"

    @property
    def audience(self) -> World | None:
        """The world without hidden notes this role must see FULL as; None for 401."""
        return AUDIENCE[self]


AUDIENCE: dict[Role, World | None] = {
    Role.ANONYMOUS: World.NO_HIDDEN,
    Role.MEMBER_A: World.FOR_A,
    Role.MEMBER_B: World.FOR_B,
    Role.LEADER_A: World.FOR_A,
    Role.STAFF: World.STAFF_VIEW,
    Role.READ_TOKEN_A: World.FOR_A,
    Role.REVOKED_TOKEN: None,
    Role.EXPIRED_SESSION: None,
    Role.IDLE_SESSION: None,
    Role.EXPIRED_TOKEN: None,
    Role.STAFF_READ_TOKEN: World.NO_HIDDEN,  # staff powers need a session or the admin scope
}


@dataclass(frozen=True)
class Plan:
    """What every world of one run shares: the fixed clock and the hidden notes."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    hidden: tuple[HiddenNote, ...] = field(default_factory=hidden_notes)

    def included(self, world: World) -> tuple[HiddenNote, ...]:
        """The hidden notes a world holds: FULL all, the others what their audience sees."""
        return tuple(note for note in self.hidden if note.visible_in(world))


@dataclass
class Built:
    """Ids and credentials of one built world."""

    topics: dict[str, int]
    networks: dict[str, int]
    meetings: dict[str, int]
    items: dict[str, int]
    public_notes: dict[str, int]
    hidden_notes: dict[str, int]
    people: dict[str, int]
    tokens: dict[Role, str]


def gid(type_name: str, key: int) -> str:
    """The global id of a row."""
    return relay.to_base64(type_name, key)


async def _public(conn: AsyncConnection, now: datetime) -> Built:
    """The theme world's public content and the write world's people and accounts."""
    t: dict[str, int] = {}
    t["kultur"] = await f.make_topic(conn, "kultur")
    t["lov"] = await f.make_topic(conn, "lov", t["kultur"], aliases=["lova", "Kulturlova"])
    t["lov-detalj"] = await f.make_topic(conn, "lov-detalj", t["lov"])
    t["film"] = await f.make_topic(conn, "film")
    t["kino"] = await f.make_topic(conn, "kino", t["film"])
    t["stille"] = await f.make_topic(conn, "stille")
    n = {"a": await f.make_network(conn, "nett-a"), "b": await f.make_network(conn, "nett-b")}
    author = await f.make_person(conn, "Testa Testesen")
    m: dict[str, int] = {}
    m["a1"] = await f.make_meeting(conn, n["a"], date(2024, 2, 1), topics=[t["kultur"]])
    m["a2"] = await f.make_meeting(conn, n["a"], date(2024, 5, 1), fmt=F.PHYSICAL)
    m["a3"] = await f.make_meeting(
        conn, n["a"], date(2024, 9, 1), status=S.CANCELLED, topics=[t["film"]]
    )
    m["a4"] = await f.make_meeting(
        conn, n["a"], date(2024, 11, 1), status=S.PLANNED, topics=[t["kino"]]
    )
    m["b1"] = await f.make_meeting(conn, n["b"], date(2023, 3, 1))
    m["b2"] = await f.make_meeting(conn, n["b"], date(2024, 3, 1), fmt=F.HYBRID)
    i: dict[str, int] = {}
    i["a1"] = await f.make_agenda_item(conn, m["a1"], 1, topics=[t["lov"]])
    i["a1-untagged"] = await f.make_agenda_item(conn, m["a1"], 2)
    i["a2"] = await f.make_agenda_item(conn, m["a2"], 1, topics=[t["lov-detalj"]])
    i["b1"] = await f.make_agenda_item(conn, m["b1"], 1, topics=[t["kino"]])
    i["b2"] = await f.make_agenda_item(conn, m["b2"], 1, topics=[t["lov"], t["lov-detalj"]])
    moment = datetime(2024, 2, 3, 9, tzinfo=UTC)
    notes = {
        "public": await f.make_note(
            conn,
            m["a1"],
            author,
            "Offentleg referat om lova.",
            topics=[t["lov"]],
            created_at=moment,
        ),
        "film": await f.make_note(conn, m["b1"], author, "Referat om film.", topics=[t["film"]]),
        "edited": await f.make_note(
            conn,
            m["b2"],
            author,
            "Offentleg, endra referat.",
            title="Referat b2",
            topics=[t["kultur"], t["kino"]],
            created_at=datetime(2024, 3, 2, 9, tzinfo=UTC),
            version=2,
        ),
        "a4": await f.make_note(conn, m["a4"], author, "Plan for kinomøtet.", topics=[t["kino"]]),
    }
    await conn.execute(
        insert(table_of(NoteRevision)).values(
            note_id=notes["edited"],
            version=1,
            title="Referat",
            body="Offentleg referat, første utgåve.",
            visibility=V.PUBLIC.value,
            edited_at=datetime(2024, 3, 3, 9, tzinfo=UTC),
        )
    )
    oslo = await f.organization_id(conn, "kommune:0301")
    bergen = await f.organization_id(conn, "kommune:4601")
    trondheim = await f.organization_id(conn, "kommune:5001")
    await f.make_attendance(conn, m["a1"], oslo, True)
    await f.make_attendance(conn, m["a2"], oslo, False)
    await f.make_attendance(conn, m["a1"], bergen, True)
    start = date(2020, 1, 1)
    await f.make_membership(conn, n["a"], oslo, start)
    await f.make_membership(conn, n["a"], bergen, start)
    await f.make_membership(conn, n["b"], trondheim, start)
    people = {
        "member-a": await f.make_person(conn, "Medlem Anna Demo"),
        "leader-a": await f.make_person(conn, "Leiar Lars Demo"),
        "member-b": await f.make_person(conn, "Medlem Berit Demo"),
        "staff": await f.make_person(conn, "Stab Stine Demo"),
    }
    await f.make_role(conn, n["a"], people["member-a"], RoleKind.REPRESENTATIVE, oslo, start)
    await f.make_role(conn, n["a"], people["leader-a"], RoleKind.LEADER, bergen, start)
    await f.make_role(conn, n["b"], people["member-b"], RoleKind.REPRESENTATIVE, trondheim, start)
    hashed = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)
    users = {}
    for account in ACCOUNTS:
        users[account] = await accounts.create_user(
            conn,
            email=f"{account}@test.invalid",
            password_hash=hashed,
            now=now,
            person_id=people.get(account),
            is_staff=account == "staff",
        )
    tokens = await _credentials(conn, users, now)
    return Built(t, n, m, i, notes, {}, people, tokens)


async def _credentials(
    conn: AsyncConnection, users: dict[str, int], now: datetime
) -> dict[Role, str]:
    """A bearer token for every role but anonymous; the dead ones already dead."""
    later = now + timedelta(hours=1)  # "used in the future": no request touches them
    sessions, tokens = accounts.SESSIONS, accounts.TOKENS
    out: dict[Role, str] = {}

    async def session(role: Role, account: str, **values: datetime) -> None:
        token, hashed = accounts.new_secret(accounts.SESSION_PREFIX)
        row = {
            "user_id": users[account],
            "token_hash": hashed,
            "created_at": now,
            "last_seen_at": later,
            "expires_at": now + timedelta(hours=8),
        }
        await conn.execute(insert(sessions).values(row | values))
        out[role] = token

    async def api_token(
        role: Role, account: str, scopes: frozenset[Scope], *, expires: datetime | None = None
    ) -> int:
        token_id, token = await accounts.create_api_token(
            conn,
            user_id=users[account],
            name=role.value,
            scopes=scopes,
            now=now,
            expires_at=expires or now + timedelta(days=30),
        )
        await conn.execute(update(tokens).where(tokens.c.id == token_id).values(last_used_at=later))
        out[role] = token
        return token_id

    await session(Role.MEMBER_A, "member-a")
    await session(Role.MEMBER_B, "member-b")
    await session(Role.LEADER_A, "leader-a")
    await session(Role.STAFF, "staff")
    await session(
        Role.EXPIRED_SESSION,
        "member-a",
        created_at=now - timedelta(hours=9),
        last_seen_at=now - timedelta(minutes=5),
        expires_at=now - timedelta(hours=1),
    )
    await session(
        Role.IDLE_SESSION,
        "member-a",
        created_at=now - timedelta(hours=2),
        last_seen_at=now - timedelta(hours=1),
    )
    read = frozenset({Scope.READ})
    await api_token(Role.READ_TOKEN_A, "member-a", read)
    await api_token(Role.STAFF_READ_TOKEN, "staff", read)
    revoked = await api_token(Role.REVOKED_TOKEN, "member-a", read)
    await conn.execute(update(tokens).where(tokens.c.id == revoked).values(revoked_at=now))
    await api_token(Role.EXPIRED_TOKEN, "member-a", read, expires=now - timedelta(days=1))
    return out


async def build_public(conn: AsyncConnection, plan: Plan) -> Built:
    """What every world holds: the public content, people, accounts and credentials."""
    return await _public(conn, plan.now)


async def add_hidden(
    conn: AsyncConnection, plan: Plan, public: Built, include: Collection[HiddenNote]
) -> Built:
    """A world: `public` plus (last) the hidden notes in `include`.

    Hidden notes get explicit ids after the public ones (the same in every world), so a note an
    audience may see has the same global id in FULL and in the audience's world.
    """
    built = dataclasses.replace(public, hidden_notes={})
    oslo = await f.organization_id(conn, "kommune:0301")
    trondheim = await f.organization_id(conn, "kommune:5001")
    notes, revisions = table_of(Note), table_of(NoteRevision)
    first_note = int((await conn.execute(select(func.max(notes.c.id)))).scalar_one()) + 1
    first_revision = int((await conn.execute(select(func.max(revisions.c.id)))).scalar_one()) + 1
    authors = {"a": "member-a", "b": "member-b"}
    for number, note in enumerate(plan.hidden):
        if note not in include:
            continue
        title, body, old_title, old_body = note.canaries
        note_id = await f.make_note(
            conn,
            built.meetings[note.meeting],
            built.people[authors[note.network]],
            body,
            id=first_note + number,
            title=title,
            visibility=note.visibility,
            topics=[built.topics[t] for t in note.topics],
            created_at=note.created_at,
            on_behalf_of_id=oslo if note.network == "a" else trondheim,
            version=2,
            deleted_at=note.created_at + timedelta(days=1) if note.deleted else None,
        )
        await conn.execute(
            insert(revisions).values(
                id=first_revision + number,
                note_id=note_id,
                version=1,
                title=old_title,
                body=old_body,
                visibility=note.visibility.value,
                edited_at=note.created_at + timedelta(hours=1),
            )
        )
        built.hidden_notes[note.key] = note_id
    return built
