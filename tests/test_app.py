"""The ASGI app's health and readiness probes."""

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.app import create_app
from graph.settings import Settings

pytestmark = pytest.mark.anyio


async def _client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_healthz_and_readyz_answer_ok(settings: Settings) -> None:
    async for client in _client(settings):
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        assert (await client.get("/readyz")).json() == {"status": "ok"}


async def test_readyz_reports_unreachable_database() -> None:
    settings = Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none")
    async for client in _client(settings):
        assert (await client.get("/healthz")).status_code == 200
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["status"] == "unavailable"


async def test_graphql_over_http_answers_a_directory_query(settings: Settings) -> None:
    query = (
        '{ network(slug: "storbynettverk-kultur") { members(asOf: "2024-01-15") { totalCount } } }'
    )
    async for client in _client(settings):
        response = await client.post("/graphql", json={"query": query})
        assert response.status_code == 200
        assert response.json() == {"data": {"network": {"members": {"totalCount": 10}}}}


async def test_parallel_root_connections_over_http(settings: Settings) -> None:
    from tests.test_concurrency import THREE_ROOTS

    async for client in _client(settings):
        response = await client.post("/graphql", json={"query": THREE_ROOTS})
        body = response.json()
        assert "errors" not in body
        assert body["data"]["organizations"]["totalCount"] == 372
