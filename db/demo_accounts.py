"""Demo accounts: try the API as a member, as a network's coordinator, and as staff.

Per demo network: one account for a fictional demo member (a REPRESENTATIVE there) and one for
a fictional demo coordinator, a person invented here who holds a COORDINATOR role in that
network on behalf of KS, so a leader's powers can be tried without acting as a real person.
Plus one staff account without a person. Every account has the password `DEMO_PASSWORD`,
hashed once with the default Argon2id parameters and the hash shared, to keep seeding fast.
Addresses use the reserved .invalid top-level domain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db import accounts
from db.reference.load import KS_KEY
from db.tables import Network, Organization, Person, Role, RoleKind, table_of
from db.text import search_text

Progress = Callable[[str, int], None]

DEMO_PASSWORD = "samvirke-demo"
"""The documented password of every demo account. Never seed demo data into production."""

STAFF_EMAIL = "stab@demo.invalid"
COORDINATOR_TITLE = "Demokoordinator (demo)"


@dataclass(frozen=True)
class DemoNetwork:
    """A demo network's accounts: its short name, its demo member, its invented coordinator."""

    slug: str
    short: str
    member_key: str
    coordinator: str

    @property
    def member_email(self) -> str:
        return f"medlem.{self.short}@demo.invalid"

    @property
    def coordinator_email(self) -> str:
        return f"koordinator.{self.short}@demo.invalid"

    @property
    def coordinator_key(self) -> str:
        return "demo:" + self.coordinator.lower().replace(" ", "-")


DEMO_NETWORKS = (
    DemoNetwork("storbynettverk-kultur", "storby", "demo:siri-demodal", "Vegard Demoby"),
    DemoNetwork("kommunenettverk-kultur", "kommune", "demo:solveig-demoset", "Hilde Demodalen"),
    DemoNetwork(
        "fylkesdirektorkollegiet-kultur", "kollegium", "demo:gunnhild-demovoll", "Oddny Demofylke"
    ),
)


async def _one_id(conn: AsyncConnection, model: type, column: str, value: str) -> int:
    table = table_of(model)
    found = await conn.execute(select(table.c.id).where(table.c[column] == value))
    return int(found.scalar_one())


async def seed_demo_accounts(conn: AsyncConnection, *, progress: Progress | None = None) -> int:
    """Add the demo coordinators and the demo accounts (skipping emails already taken)."""
    report = progress or (lambda _step, _n: None)
    users = accounts.USERS
    taken = {row.email_key for row in await conn.execute(select(users.c.email_key))}
    password_hash = PasswordHasher().hash(DEMO_PASSWORD)
    now = datetime.now(UTC)
    ks = await _one_id(conn, Organization, "key", KS_KEY)
    networks = table_of(Network)
    people = table_of(Person)
    wanted: list[tuple[str, int | None, bool]] = []
    for spec in DEMO_NETWORKS:
        network = (
            await conn.execute(
                select(networks.c.id, networks.c.starts_on).where(networks.c.slug == spec.slug)
            )
        ).one()
        member = await _one_id(conn, Person, "key", spec.member_key)
        coordinator = (
            await conn.execute(select(people.c.id).where(people.c.key == spec.coordinator_key))
        ).scalar_one_or_none()
        if coordinator is None:
            coordinator = (
                await conn.execute(
                    insert(people)
                    .values(
                        key=spec.coordinator_key,
                        name=spec.coordinator,
                        search_name=search_text(spec.coordinator),
                        title=COORDINATOR_TITLE,
                    )
                    .returning(people.c.id)
                )
            ).scalar_one()
            await conn.execute(
                insert(table_of(Role)).values(
                    network_id=network.id,
                    person_id=coordinator,
                    kind=RoleKind.COORDINATOR,
                    on_behalf_of_id=ks,
                    starts_on=network.starts_on,
                    ends_on=None,
                )
            )
        wanted += [(spec.member_email, member, False), (spec.coordinator_email, coordinator, False)]
    wanted.append((STAFF_EMAIL, None, True))
    added = 0
    for email, person_id, is_staff in wanted:
        if accounts.email_key(email) in taken:
            continue
        await accounts.create_user(
            conn,
            email=email,
            password_hash=password_hash,
            now=now,
            person_id=person_id,
            is_staff=is_staff,
        )
        added += 1
    report("demo accounts", added)
    return added
