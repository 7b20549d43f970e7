"""Bringing a database to a usable state: migrate, load reference data, optionally the demo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text

from db.demo import seed_demo
from db.engine import is_sqlite, make_engine
from db.migrate import upgrade
from db.reference.load import ReferenceCounts, import_reference

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class SetupReport:
    reference: ReferenceCounts | None
    demo_added: bool | None


async def load_reference(url: str, *, progress: Progress | None = None) -> ReferenceCounts:
    """Load or refresh the reference data in one transaction."""
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await import_reference(conn, progress=progress)
    finally:
        await engine.dispose()


async def load_demo(url: str, *, progress: Progress | None = None) -> bool:
    """Add the demo data set unless it is there; True if it was added."""
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await seed_demo(conn, progress=progress)
    finally:
        await engine.dispose()


async def gather_statistics(url: str) -> None:
    """Give SQLite's query planner table statistics (PostgreSQL's autovacuum keeps its own).

    Without them SQLite guesses from the schema alone and can start a theme question from the
    wrong index. The first time this runs `ANALYZE`; later `PRAGMA optimize` refreshes only
    what changed enough to matter.
    """
    if not is_sqlite(url):
        return
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            found = await conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
            )
            await conn.execute(text("PRAGMA optimize" if found.first() else "ANALYZE"))
    finally:
        await engine.dispose()


async def prepare(url: str, *, demo: bool, progress: Progress | None = None) -> SetupReport:
    """Migrate, load the reference data and, if asked, the demo data set (never twice)."""
    upgrade(url)
    reference = await load_reference(url, progress=progress)
    added = await load_demo(url, progress=progress) if demo else None
    await gather_statistics(url)
    return SetupReport(reference=reference, demo_added=added)
