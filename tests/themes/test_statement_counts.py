"""Theme questions and the nested meeting page cost a fixed number of SQL statements.

The benchmark scenarios (bench/scenarios.py) run on two generated data sets of different sizes;
each must issue exactly the same number of statements on both, so that no statement count grows
with the number of networks, topics, meetings or notes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.floor import run_scenario
from bench.generate import Spec, generate
from bench.scenarios import BY_NAME
from db.engine import make_engine
from graph.settings import Settings
from tests.conftest import TODAY
from tests.databases import KINDS, empty_database
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

SMALL = Spec(notes=300, networks=3, seed=7)
LARGE = Spec(notes=1500, networks=10, seed=7, notes_per_meeting=10)

EXPECTED = {
    # networks, root topics, the cells (each cell's network and topic are in those lists)
    "theme_matrix": 3,
    # the topic, its discussions with their networks, a page of meetings for every network
    "discussed_in": 3,
    # the network, its page of meetings, their agendas, the items' topics, a page of notes
    # for every topic
    "nested_page": 5,
    # the topic, a page of its timeline, the entries' networks
    "timeline": 3,
}


@pytest.fixture(scope="module", params=KINDS)
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The URLs of a small and a larger generated data set, on SQLite or PostgreSQL."""
    folder: Path = tmp_path_factory.mktemp("themes")
    with (
        empty_database(str(request.param), folder) as small,
        empty_database(str(request.param), folder) as large,
    ):
        asyncio.run(generate(small, SMALL))
        asyncio.run(generate(large, LARGE))
        yield small, large


ONE_FULL_PAGE = {"timeline"}


def _objects(value: Any) -> int:
    """How many objects a result holds, at any depth."""
    if isinstance(value, dict):
        return 1 + sum(_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(_objects(v) for v in value)
    return 0


async def _serve(url: str, name: str) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """Scenario `name` on `url`: our statement count and data, and the floor's data."""
    engine = make_engine(url)
    try:
        client = GraphQLClient(
            settings=Settings(database_url=url, fixed_today=TODAY), engine=engine
        )
        scenario = BY_NAME[name]
        data = await client.query(scenario.document, scenario.variables)
        statements = client.last_statements
        floor = await run_scenario(engine, name, scenario.variables)
        return statements, data, floor
    finally:
        await engine.dispose()


async def _run(url: str, name: str) -> tuple[int, int]:
    statements, data, _ = await _serve(url, name)
    return statements, _objects(data)


@pytest.mark.parametrize("name", list(EXPECTED))
async def test_statement_count_does_not_grow_with_the_data(
    generated: tuple[str, str], name: str
) -> None:
    small_url, large_url = generated
    small_count, small_objects = await _run(small_url, name)
    large_count, large_objects = await _run(large_url, name)
    if name in ONE_FULL_PAGE:
        assert 0 < small_objects == large_objects  # a full page on both
    else:
        assert 0 < small_objects < large_objects  # the larger data set gives a larger answer
    assert small_count == large_count == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
async def test_the_benchmark_floor_answers_like_the_server(
    generated: tuple[str, str], name: str
) -> None:
    """The floor in bench/ runs the same SQL: its JSON must be the server's, byte for byte."""
    _, served, floor = await _serve(generated[1], name)
    assert floor == served
