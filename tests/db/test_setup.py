"""Preparing a database: reference data is idempotent, demo data is never added twice."""

import asyncio

from sqlalchemy import func, select

from db import tables
from db.demo_accounts import DEMO_NETWORKS
from db.engine import make_engine
from db.setup import load_demo, prepare


def _count(url: str, table: type) -> int:
    async def read() -> int:
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                return int(
                    (await conn.execute(select(func.count()).select_from(table))).scalar_one()
                )
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_prepare_without_demo_loads_reference_only(empty_db: str) -> None:
    report = asyncio.run(prepare(empty_db, demo=False))
    assert report.reference is not None
    assert report.reference.counties == 18
    assert report.reference.municipalities == 357
    assert report.demo_added is None
    assert _count(empty_db, tables.Network) == 0
    assert _count(empty_db, tables.County) == 18


def test_prepare_twice_keeps_data_and_adds_demo_once(empty_db: str) -> None:
    first = asyncio.run(prepare(empty_db, demo=True))
    second = asyncio.run(prepare(empty_db, demo=True))
    assert first.demo_added is True
    assert second.demo_added is False
    assert _count(empty_db, tables.Membership) == 27 + 11 + 7
    assert _count(empty_db, tables.Organization) == 357 + 17 + 1
    assert asyncio.run(load_demo(empty_db)) is False
    # The 6 roles of the real people (db/demo.py ROLES), the demo members' representative
    # roles (db/demo_programme_data.py MEMBERS), one per membership period of each seat:
    # 6 big-city, 8 municipality and 10 county-collegium roles, as two collegium members
    # represent one county authority until 2023-12-31 and its successor from 2024-01-01,
    # and one COORDINATOR role per network for the invented demo coordinators
    # (db/demo_accounts.py DEMO_NETWORKS).
    assert _count(empty_db, tables.Role) == 6 + 6 + 8 + 10 + len(DEMO_NETWORKS)
    assert len(DEMO_NETWORKS) == 3
    # The 5 real people, the 21 demo members and the 3 demo coordinators.
    assert _count(empty_db, tables.Person) == 5 + 21 + 3
    # A member and a coordinator account per demo network, and one staff account.
    assert _count(empty_db, tables.UserAccount) == 2 * 3 + 1
