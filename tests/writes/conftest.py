"""A database for the write path (built once per engine) and an HTTP client with logins."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from db.engine import make_engine
from db.setup import prepare
from graph.app import create_app
from graph.settings import Settings
from tests.conftest import TODAY
from tests.databases import KINDS, empty_database
from tests.mentions import assert_summaries_current
from tests.writes.world import PASSWORD, WriteWorld, build_write_world


async def _build(url: str) -> WriteWorld:
    await prepare(url, demo=False)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await build_write_world(conn)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=KINDS)
def write_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, WriteWorld]]:
    with empty_database(str(request.param), tmp_path_factory.mktemp("writes")) as url:
        yield url, asyncio.run(_build(url))


@pytest.fixture
def write_world(write_db: tuple[str, WriteWorld]) -> WriteWorld:
    return write_db[1]


@pytest.fixture
def write_settings(write_db: tuple[str, WriteWorld]) -> Settings:
    return Settings(database_url=write_db[0], fixed_today=TODAY, password_hashing="cheapest")


@dataclass
class Api:
    """GraphQL over HTTP against the real app, with bearer tokens."""

    http: httpx.AsyncClient
    tokens: dict[str, str] = field(default_factory=dict)

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        """The `data` of a request that must succeed without top-level errors."""
        response = await self.post(query, variables, token=token)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body["errors"]
        return dict(body["data"])

    async def login(self, account: str) -> str:
        """A session token for one of the world's accounts (cached per test)."""
        if account not in self.tokens:
            data = await self.gql(
                "mutation ($i: LoginInput!) { login(input: $i) { token userErrors { code } } }",
                {"i": {"email": WriteWorld.email(account), "password": PASSWORD}},
            )
            assert data["login"]["userErrors"] == [], data
            self.tokens[account] = data["login"]["token"]
        return self.tokens[account]


@pytest.fixture
async def api(write_settings: Settings) -> AsyncIterator[Api]:
    """The client; afterwards, whatever the test wrote, the mention summaries must be current."""
    app = create_app(write_settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, client=("10.0.0.1", 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield Api(http=http)
    engine = make_engine(write_settings.database_url)
    try:
        await assert_summaries_current(engine)
    finally:
        await engine.dispose()
