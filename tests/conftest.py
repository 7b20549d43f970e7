"""Shared fixtures: both databases, the demo data set, the GraphQL client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import pytest

from db.engine import make_engine
from db.setup import prepare
from graph.settings import Settings
from tests.databases import KINDS, empty_database
from tests.graphql_client import GraphQLClient

TODAY = date(2026, 11, 27)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=KINDS)
def db_kind(request: pytest.FixtureRequest) -> str:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    return str(request.param)


@pytest.fixture
def empty_db(db_kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database."""
    with empty_database(db_kind, tmp_path) as url:
        yield url


@pytest.fixture(scope="session", params=KINDS)
def demo_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database with the reference and demo data, shared read-only by a whole run."""
    with empty_database(str(request.param), tmp_path_factory.mktemp("demo")) as url:
        asyncio.run(prepare(url, demo=True))
        yield url


@pytest.fixture
def settings(demo_url: str) -> Settings:
    return Settings(database_url=demo_url, fixed_today=TODAY)


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[GraphQLClient]:
    """A GraphQL client over the demo database."""
    engine = make_engine(settings.database_url)
    try:
        yield GraphQLClient(settings=settings, engine=engine)
    finally:
        await engine.dispose()
