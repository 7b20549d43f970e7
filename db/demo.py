"""The built-in demo data set: the three KS culture networks, their members and leaders.

Facts come from the KS article "Tre kulturnettverk i KS" (see db/reference/SOURCES.md): the
members "so far" of the two project networks, joined at each network's first meeting, and the
people in the roles the article reports. The county collegium's members are the county
authorities of each structure (Oslo kommune carries Oslo's county tasks). Membership and role
end dates are not reported and are left open.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.demo_accounts import seed_demo_accounts
from db.demo_programme import seed_programme
from db.mentions import rebuild_mentions
from db.reference import data
from db.reference.load import KS_KEY, OSLO_KEY
from db.tables import (
    Membership,
    Network,
    NetworkKind,
    NetworkStatus,
    Organization,
    Person,
    Role,
    RoleKind,
    table_of,
)
from db.text import search_text

Progress = Callable[[str, int], None]

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"
COLLEGIUM_FROM = date(2022, 1, 1)

NETWORKS: list[dict[str, Any]] = [
    {
        "slug": STORBY,
        "name": "KS storbynettverk kultur",
        "description": (
            "KS' storbynettverk for kultur: kulturdirektørene i de ti største byene møtes "
            "fire ganger i året, tre digitale møter og ett fysisk."
        ),
        "kind": NetworkKind.BIG_CITY_NETWORK,
        "status": NetworkStatus.PROJECT,
        "starts_on": date(2023, 6, 2),
        "ends_on": date(2024, 12, 31),
        "max_members_per_county": None,
        "meetings_per_year": 4,
        "physical_meetings_per_year": 1,
    },
    {
        "slug": KOMMUNE,
        "name": "KS kommunenettverk kultur",
        "description": (
            "KS' kommunenettverk for kultur: inntil to kommuner fra hvert fylke, rekruttert av "
            "KS' regionkontorer for å speile geografi, kommunestørrelse og kultursektorens "
            "mangfold. Kommunalsjefer for kultur deltar."
        ),
        "kind": NetworkKind.MUNICIPALITY_NETWORK,
        "status": NetworkStatus.PROJECT,
        "starts_on": date(2023, 9, 22),
        "ends_on": date(2024, 12, 31),
        "max_members_per_county": 2,
        "meetings_per_year": 4,
        "physical_meetings_per_year": 1,
    },
    {
        "slug": KOLLEGIUM,
        "name": "Fylkesdirektørkollegiet for kultur",
        "description": "Kollegiet for fylkeskommunenes kulturdirektører; medlemmene er fylkeskommunene.",
        "kind": NetworkKind.COUNTY_COLLEGIUM,
        "status": NetworkStatus.PERMANENT,
        "starts_on": COLLEGIUM_FROM,
        "ends_on": None,
        "max_members_per_county": 1,
        "meetings_per_year": None,
        "physical_meetings_per_year": None,
    },
]

NETWORK_NAMES = {"KS storbynettverk kultur": STORBY, "KS kommunenettverk kultur": KOMMUNE}


@dataclass(frozen=True)
class DemoRole:
    person: str
    title: str | None
    network: str
    kind: RoleKind
    on_behalf_of: str


ROLES = [
    DemoRole("Harm Christian Tolden", None, STORBY, RoleKind.LEADER, "kommune:4601"),
    DemoRole("Jorunn Staavi Larsen", None, STORBY, RoleKind.DEPUTY_LEADER, "kommune:3005"),
    DemoRole("Hanne Løkka", None, KOMMUNE, RoleKind.LEADER, "kommune:3022"),
    DemoRole("Ann Evy Duun", None, KOMMUNE, RoleKind.DEPUTY_LEADER, "kommune:5007"),
    DemoRole(
        "Anders Netland",
        "Spesialrådgiver i KS, kultursjef i Tysvær",
        STORBY,
        RoleKind.COORDINATOR,
        KS_KEY,
    ),
    DemoRole(
        "Anders Netland",
        "Spesialrådgiver i KS, kultursjef i Tysvær",
        KOMMUNE,
        RoleKind.COORDINATOR,
        KS_KEY,
    ),
]


def person_key(name: str) -> str:
    """A stable key for a demo person."""
    return "demo:" + name.lower().replace(" ", "-")


def _network_members() -> list[tuple[str, str]]:
    path = data.HERE / "ks-kulturnettverk-medlemmer.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (NETWORK_NAMES[row["nettverk"]], f"kommune:{row['kommunenummer_2023']}")
            for row in csv.DictReader(handle)
        ]


def _collegium_members() -> list[tuple[str, date, date | None]]:
    out = []
    for county in data.counties():
        if county.valid_to is not None and county.valid_to < COLLEGIUM_FROM:
            continue
        key = OSLO_KEY if county.number == "03" else f"fylkeskommune:{county.number}"
        joined = max(county.valid_from or COLLEGIUM_FROM, COLLEGIUM_FROM)
        out.append((key, joined, county.valid_to))
    return out


async def demo_present(conn: AsyncConnection) -> bool:
    """Whether the demo networks are already in the database."""
    table = table_of(Network)
    found = await conn.execute(
        select(table.c.id).where(table.c.slug.in_([STORBY, KOMMUNE, KOLLEGIUM]))
    )
    return found.first() is not None


async def seed_demo(conn: AsyncConnection, *, progress: Progress | None = None) -> bool:
    """Add the demo data set; returns False (and writes nothing) if it is already there."""
    if await demo_present(conn):
        return False
    report = progress or (lambda _step, _n: None)
    orgs = table_of(Organization)
    org_ids = {row.key: row.id for row in await conn.execute(select(orgs.c.id, orgs.c.key))}
    if KS_KEY not in org_ids:
        raise RuntimeError("reference data missing: run `samvirke reference import` first")
    network_ids: dict[str, int] = {}
    for spec in NETWORKS:
        owner = org_ids[KS_KEY] if spec["kind"] != NetworkKind.COUNTY_COLLEGIUM else None
        result = await conn.execute(
            insert(table_of(Network))
            .values(owner_id=owner, **spec)
            .returning(table_of(Network).c.id)
        )
        network_ids[spec["slug"]] = result.scalar_one()
    report("networks", len(network_ids))

    starts = {spec["slug"]: spec["starts_on"] for spec in NETWORKS}
    members: list[dict[str, Any]] = [
        {
            "network_id": network_ids[slug],
            "organization_id": org_ids[key],
            "joined_on": starts[slug],
            "left_on": None,
            "recruited_by_id": org_ids[KS_KEY] if slug == KOMMUNE else None,
        }
        for slug, key in _network_members()
    ]
    members += [
        {
            "network_id": network_ids[KOLLEGIUM],
            "organization_id": org_ids[key],
            "joined_on": joined,
            "left_on": left,
            "recruited_by_id": None,
        }
        for key, joined, left in _collegium_members()
    ]
    await conn.execute(insert(table_of(Membership)), members)
    report("memberships", len(members))

    people: dict[str, int] = {}
    for role in ROLES:
        if role.person not in people:
            result = await conn.execute(
                insert(table_of(Person))
                .values(
                    key=person_key(role.person),
                    name=role.person,
                    search_name=search_text(role.person),
                    title=role.title,
                )
                .returning(table_of(Person).c.id)
            )
            people[role.person] = result.scalar_one()
    roles = [
        {
            "network_id": network_ids[role.network],
            "person_id": people[role.person],
            "kind": role.kind,
            "on_behalf_of_id": org_ids[role.on_behalf_of],
            "starts_on": starts[role.network],
            "ends_on": None,
        }
        for role in ROLES
    ]
    await conn.execute(insert(table_of(Role)), roles)
    report("roles", len(roles))
    await seed_programme(conn, network_ids=network_ids, org_ids=org_ids, progress=report)
    await seed_demo_accounts(conn, progress=report)
    await rebuild_mentions(conn)
    return True
