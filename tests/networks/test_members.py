import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

MEMBERS = """
query ($slug: String!, $asOf: Date) {
  network(slug: $slug) { members(asOf: $asOf, first: 100) { totalCount nodes { organization { code name } } } }
}
"""


async def test_members_municipality_network_has_17_on_2023_10_01(client: GraphQLClient) -> None:
    data = await client.query(MEMBERS, {"slug": "kommunenettverk-kultur", "asOf": "2023-10-01"})
    members = data["network"]["members"]
    assert members["totalCount"] == 17
    assert len(members["nodes"]) == 17
