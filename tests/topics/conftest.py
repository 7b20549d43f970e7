"""The theme world, built once per database for this folder's read-only tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from db.engine import make_engine
from db.setup import prepare
from graph.settings import Settings
from tests.conftest import TODAY
from tests.databases import KINDS, empty_database
from tests.graphql_client import GraphQLClient
from tests.topics.world import World, build_world


async def _build(url: str) -> World:
    await prepare(url, demo=False)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await build_world(conn)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=KINDS)
def world_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, World]]:
    with empty_database(str(request.param), tmp_path_factory.mktemp("world")) as url:
        yield url, asyncio.run(_build(url))


@pytest.fixture
def world(world_db: tuple[str, World]) -> World:
    return world_db[1]


@pytest.fixture
async def client(world_db: tuple[str, World]) -> AsyncIterator[GraphQLClient]:
    settings = Settings(database_url=world_db[0], fixed_today=TODAY)
    engine = make_engine(settings.database_url)
    try:
        yield GraphQLClient(settings=settings, engine=engine)
    finally:
        await engine.dispose()
