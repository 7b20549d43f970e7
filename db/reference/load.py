"""Loading the reference data into a database, idempotently (safe to run on every start)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.reference import data
from db.tables import County, Organization, OrganizationKind, OrganizationPeriod, table_of
from db.text import search_text, sort_key

Progress = Callable[[str, int], None]
"""Called with a step's name and the number of records it handled."""

KS_KEY = "ks"
OSLO_KEY = "kommune:0301"


@dataclass(frozen=True)
class ReferenceCounts:
    counties: int
    municipalities: int
    county_authorities: int
    associations: int


@dataclass(frozen=True)
class _Org:
    key: str
    kind: OrganizationKind
    valid_from: date | None
    valid_to: date | None
    periods: list[dict[str, Any]]


async def _upsert_counties(conn: AsyncConnection) -> dict[str, int]:
    table = table_of(County)
    existing = {
        (row.number, row.valid_from): row.id
        for row in await conn.execute(select(table.c.id, table.c.number, table.c.valid_from))
    }
    ids: dict[str, int] = {}
    for county in data.counties():
        values = {"name": county.name, "valid_to": county.valid_to}
        county_id = existing.get((county.number, county.valid_from))
        if county_id is None:
            result = await conn.execute(
                insert(table)
                .values(number=county.number, valid_from=county.valid_from, **values)
                .returning(table.c.id)
            )
            county_id = result.scalar_one()
        else:
            await conn.execute(update(table).where(table.c.id == county_id).values(**values))
        ids[county.number] = county_id
    return ids


def _municipalities(county_ids: dict[str, int]) -> list[_Org]:
    return [
        _Org(
            key=record.key,
            kind=OrganizationKind.MUNICIPALITY,
            valid_from=record.valid_from,
            valid_to=record.valid_to,
            periods=[
                {
                    "code": p.code,
                    "official_name": p.official_name,
                    "plain_name": p.plain_name,
                    "county_id": county_ids[p.county_number],
                    "valid_from": p.valid_from,
                    "valid_to": p.valid_to,
                }
                for p in record.periods
            ],
        )
        for record in data.municipalities()
    ]


def _county_authorities(county_ids: dict[str, int]) -> list[_Org]:
    # Oslo is both a municipality and a county; Oslo kommune carries the county's tasks,
    # so no separate county authority is made for number 03.
    out = []
    for county in data.counties():
        if county.number == "03":
            continue
        name = f"{county.name} fylkeskommune"
        period = {
            "code": county.number,
            "official_name": name,
            "plain_name": name,
            "county_id": county_ids[county.number],
            "valid_from": county.valid_from,
            "valid_to": county.valid_to,
        }
        out.append(
            _Org(
                key=f"fylkeskommune:{county.number}",
                kind=OrganizationKind.COUNTY_AUTHORITY,
                valid_from=county.valid_from,
                valid_to=county.valid_to,
                periods=[period],
            )
        )
    return out


def _associations() -> list[_Org]:
    period = {
        "code": "KS",
        "official_name": "KS – Kommunesektorens organisasjon",
        "plain_name": "KS",
        "county_id": None,
        "valid_from": None,
        "valid_to": None,
    }
    return [_Org(KS_KEY, OrganizationKind.ASSOCIATION, None, None, [period])]


async def _upsert_organizations(conn: AsyncConnection, orgs: list[_Org]) -> None:
    org_table = table_of(OrganizationPeriod)
    table = table_of(Organization)
    existing = {row.key: row.id for row in await conn.execute(select(table.c.id, table.c.key))}
    period_rows: list[dict[str, Any]] = []
    for org in orgs:
        name = org.periods[-1]["plain_name"]
        values = {
            "kind": org.kind,
            "name": name,
            "sort_name": sort_key(name),
            "valid_from": org.valid_from,
            "valid_to": org.valid_to,
        }
        org_id = existing.get(org.key)
        if org_id is None:
            result = await conn.execute(
                insert(table).values(key=org.key, **values).returning(table.c.id)
            )
            org_id = result.scalar_one()
        else:
            await conn.execute(update(table).where(table.c.id == org_id).values(**values))
            await conn.execute(delete(org_table).where(org_table.c.organization_id == org_id))
        period_rows.extend(
            {
                "organization_id": org_id,
                "search_name": search_text(p["plain_name"], p["official_name"]),
                **p,
            }
            for p in org.periods
        )
    if period_rows:
        await conn.execute(insert(org_table), period_rows)


async def import_reference(
    conn: AsyncConnection, *, progress: Progress | None = None
) -> ReferenceCounts:
    """Load or refresh counties, municipalities, county authorities and KS in one transaction."""
    report = progress or (lambda _step, _n: None)
    county_ids = await _upsert_counties(conn)
    report("counties", len(county_ids))
    municipalities = _municipalities(county_ids)
    await _upsert_organizations(conn, municipalities)
    report("municipalities", len(municipalities))
    authorities = _county_authorities(county_ids)
    await _upsert_organizations(conn, authorities)
    report("county authorities", len(authorities))
    associations = _associations()
    await _upsert_organizations(conn, associations)
    report("associations", len(associations))
    return ReferenceCounts(
        counties=len(county_ids),
        municipalities=len(municipalities),
        county_authorities=len(authorities),
        associations=len(associations),
    )
