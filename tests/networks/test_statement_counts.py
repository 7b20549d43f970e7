"""Nested lists cost a fixed number of SQL statements, whatever the page sizes."""

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

NESTED = """
query ($networks: Int!, $members: Int!) {
  networks(first: $networks) {
    nodes {
      slug
      members(asOf: "2024-06-01", first: $members) {
        nodes { joinedOn organization { code name county { number name } } }
      }
    }
  }
}
"""

NESTED_WITH_COUNTS = """
query ($networks: Int!, $members: Int!) {
  networks(first: $networks) {
    totalCount
    nodes {
      members(asOf: "2024-06-01", first: $members) {
        totalCount
        nodes { organization { county { name } networks(asOf: "2024-06-01") { nodes { slug } } } }
      }
    }
  }
}
"""


async def _count(client: GraphQLClient, document: str, networks: int, members: int) -> int:
    data = await client.query(document, {"networks": networks, "members": members})
    assert len(data["networks"]["nodes"]) == min(networks, 3)
    return client.last_statements


async def test_networks_members_organization_county_constant_statements(
    client: GraphQLClient,
) -> None:
    small = await _count(client, NESTED, 1, 1)
    large = await _count(client, NESTED, 3, 100)
    # networks, members of all networks, counties of all members
    assert small == large == 3


async def test_nested_counts_add_one_statement_per_requested_total(client: GraphQLClient) -> None:
    small = await _count(client, NESTED_WITH_COUNTS, 1, 1)
    large = await _count(client, NESTED_WITH_COUNTS, 3, 100)
    # + count of networks, + counts of members, + networks of all members
    assert small == large == 6


async def test_no_count_statement_without_total_count(client: GraphQLClient) -> None:
    await client.query("{ networks(first: 3) { nodes { slug } } }")
    assert client.last_statements == 1
    await client.query("{ networks(first: 3) { totalCount nodes { slug } } }")
    assert client.last_statements == 2
