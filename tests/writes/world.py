"""The theme world plus people, roles, memberships and accounts, for the write path.

Accounts (password `PASSWORD`): member-a (represents Oslo in nett-a), leader-a (leads nett-a
for Bergen), member-b (represents Trondheim in nett-b), staff (KS staff), nobody (no person).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from argon2 import PasswordHasher, profiles
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import RoleKind
from tests import factories as f
from tests.topics.world import World, build_world

PASSWORD = "korrekt hest batteri stift"
ACCOUNTS = ("member-a", "leader-a", "member-b", "staff", "nobody")


@dataclass
class WriteWorld:
    world: World
    people: dict[str, int]
    users: dict[str, int]

    @staticmethod
    def email(account: str) -> str:
        return f"{account}@test.invalid"


async def build_write_world(conn: AsyncConnection) -> WriteWorld:
    world = await build_world(conn)
    hashed = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)
    a, b = world.networks["a"], world.networks["b"]
    start = date(2020, 1, 1)
    oslo = await f.organization_id(conn, "kommune:0301")
    bergen = await f.organization_id(conn, "kommune:4601")
    trondheim = await f.organization_id(conn, "kommune:5001")
    await f.make_membership(conn, a, oslo, start)
    await f.make_membership(conn, a, bergen, start)
    await f.make_membership(conn, b, trondheim, start)
    people = {
        "member-a": await f.make_person(conn, "Medlem Anna Demo"),
        "leader-a": await f.make_person(conn, "Leiar Lars Demo"),
        "member-b": await f.make_person(conn, "Medlem Berit Demo"),
        "staff": await f.make_person(conn, "Stab Stine Demo"),
    }
    await f.make_role(conn, a, people["member-a"], RoleKind.REPRESENTATIVE, oslo, start)
    await f.make_role(conn, a, people["leader-a"], RoleKind.LEADER, bergen, start)
    await f.make_role(conn, b, people["member-b"], RoleKind.REPRESENTATIVE, trondheim, start)
    users = {}
    for account in ACCOUNTS:
        users[account] = await f.make_user(
            conn,
            WriteWorld.email(account),
            hashed,
            person_id=people.get(account),
            is_staff=account == "staff",
        )
    return WriteWorld(world=world, people=people, users=users)
