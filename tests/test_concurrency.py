"""Sibling fields resolved concurrently share one connection safely."""

import asyncio

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

THREE_ROOTS = """
{
  networks { totalCount nodes { slug members(asOf: "2024-01-15") { totalCount } } }
  organizations(filter: { asOf: "2024-01-15" }, first: 20) { totalCount nodes { code county { name } } }
  people { totalCount nodes { name roles { kind network { slug } } } }
  counties(asOf: "2024-01-15") { number municipalities(first: 3) { totalCount nodes { name } } }
}
"""


async def test_parallel_roots_with_counts_do_not_collide(client: GraphQLClient) -> None:
    results = await asyncio.gather(*(client.query(THREE_ROOTS) for _ in range(10)))
    first = results[0]
    assert (
        first["organizations"]["totalCount"] == 357 + 14 + 1
    )  # municipalities, county authorities (Oslo is both), KS
    assert len(first["counties"]) == 15
    assert all(result == first for result in results)
