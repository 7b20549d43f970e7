"""Login throttling: 10 failures per account, 100 per client address, aliased batches counted."""

import uuid

import httpx
import pytest
from asgi_lifespan import LifespanManager

from db.engine import make_engine
from graph.app import create_app
from graph.settings import Settings
from tests import factories as f
from tests.writes.conftest import Api
from tests.writes.world import PASSWORD

pytestmark = pytest.mark.anyio


def _batch(email: str, password: str, count: int) -> str:
    fields = "\n".join(
        f'a{n}: login(input: {{email: "{email}", password: "{password}"}}) {{ token userErrors {{ code }} }}'
        for n in range(count)
    )
    return f"mutation {{ {fields} }}"


async def _api_from(settings: Settings, address: str) -> tuple[LifespanManager, httpx.AsyncClient]:
    app = create_app(settings)
    manager = LifespanManager(app)
    await manager.__aenter__()
    transport = httpx.ASGITransport(app=manager.app, client=(address, 4321))
    return manager, httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_an_aliased_batch_counts_every_attempt_and_throttles_after_10(
    write_settings: Settings, write_db: tuple[str, object]
) -> None:
    from argon2 import PasswordHasher, profiles

    email = f"kast-{uuid.uuid4().hex[:8]}@test.invalid"
    engine = make_engine(write_db[0])
    async with engine.begin() as conn:
        hashed = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)
        await f.make_user(conn, email, hashed)
    await engine.dispose()
    manager, http = await _api_from(write_settings, f"10.1.{uuid.uuid4().int % 250}.7")
    try:
        api = Api(http=http)
        data = await api.gql(_batch(email, "feil passord", 12))
        codes = sorted(data[f"a{n}"]["userErrors"][0]["code"] for n in range(12))
        assert codes == ["THROTTLED"] * 2 + ["UNAUTHENTICATED"] * 10
        right = await api.gql(_batch(email, PASSWORD, 1))
        assert right["a0"]["token"] is None
        assert right["a0"]["userErrors"] == [{"code": "THROTTLED"}]
    finally:
        await http.aclose()
        await manager.__aexit__(None, None, None)


async def test_100_failures_from_one_address_throttle_that_address_only(
    write_settings: Settings,
) -> None:
    address = f"10.2.{uuid.uuid4().int % 250}.9"
    manager, http = await _api_from(write_settings, address)
    other_manager, other_http = await _api_from(write_settings, address.replace("10.2", "10.3"))
    try:
        api = Api(http=http)
        for round_ in range(10):
            fields = "\n".join(
                f'a{n}: login(input: {{email: "nobody-{round_}-{n}@test.invalid", password: "x"}}) {{ userErrors {{ code }} }}'
                for n in range(10)
            )
            data = await api.gql(f"mutation {{ {fields} }}")
            assert {data[f"a{n}"]["userErrors"][0]["code"] for n in range(10)} == {
                "UNAUTHENTICATED"
            }
        blocked = await api.gql(_batch("member-a@test.invalid", PASSWORD, 1))
        assert blocked["a0"]["userErrors"] == [{"code": "THROTTLED"}]
        elsewhere = await Api(http=other_http).gql(_batch("member-a@test.invalid", PASSWORD, 1))
        assert elsewhere["a0"]["userErrors"] == []
    finally:
        for client, lifespan in ((http, manager), (other_http, other_manager)):
            await client.aclose()
            await lifespan.__aexit__(None, None, None)
