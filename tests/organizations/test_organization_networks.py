"""Organization.networks(asOf) and Organization.memberships: which organisations are where."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

NETWORKS_OF = """
query ($code: String!, $asOf: Date) {
  organization(code: $code) {
    networks(asOf: $asOf) { totalCount nodes { slug } }
  }
}
"""

MEMBERSHIPS_OF = """
query ($code: String!, $asOf: Date, $includeFormer: Boolean! = false) {
  organization(code: $code) {
    memberships(asOf: $asOf, includeFormer: $includeFormer) {
      totalCount
      nodes { joinedOn leftOn network { slug } organization { code name } }
    }
  }
}
"""

IN_SEVERAL_NETWORKS = """
query ($asOf: Date) {
  networks {
    nodes {
      slug
      members(asOf: $asOf, first: 100) {
        nodes { organization { code name networks(asOf: $asOf) { totalCount nodes { slug } } } }
      }
    }
  }
}
"""

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"


async def _network_slugs(client: GraphQLClient, code: str, as_of: str | None) -> Any:
    data = await client.query(NETWORKS_OF, {"code": code, "asOf": as_of})
    networks = data["organization"]["networks"]
    assert networks["totalCount"] == len(networks["nodes"])
    return [n["slug"] for n in networks["nodes"]]


async def test_organization_networks_trondheim_in_two_on_2024_01_15(
    client: GraphQLClient,
) -> None:
    assert await _network_slugs(client, "5001", "2024-01-15") == [KOMMUNE, STORBY]


async def test_organization_networks_stavanger_in_two_on_2024_01_15(
    client: GraphQLClient,
) -> None:
    assert await _network_slugs(client, "1103", "2024-01-15") == [KOMMUNE, STORBY]


async def test_organization_networks_stavanger_only_storby_before_september(
    client: GraphQLClient,
) -> None:
    assert await _network_slugs(client, "1103", "2023-07-01") == [STORBY]
    assert await _network_slugs(client, "1103", "2023-06-01") == []


async def test_organization_networks_oslo_in_storby_and_collegium(client: GraphQLClient) -> None:
    assert await _network_slugs(client, "0301", "2024-01-15") == [KOLLEGIUM, STORBY]
    assert await _network_slugs(client, "0301", "2023-06-01") == [KOLLEGIUM]


async def test_organization_networks_default_as_of_is_today(client: GraphQLClient) -> None:
    assert await _network_slugs(client, "0301", None) == [KOLLEGIUM, STORBY]


async def test_organization_networks_bærum_by_either_number(client: GraphQLClient) -> None:
    assert await _network_slugs(client, "3024", "2024-01-15") == [STORBY]
    assert await _network_slugs(client, "3201", "2023-10-01") == [STORBY]


async def test_organization_networks_viken_authority_only_in_2023(client: GraphQLClient) -> None:
    assert await _network_slugs(client, "30", "2023-06-01") == [KOLLEGIUM]
    assert await _network_slugs(client, "30", "2024-06-01") == []
    assert await _network_slugs(client, "32", "2024-06-01") == [KOLLEGIUM]


async def test_organization_networks_non_member_has_none(client: GraphQLClient) -> None:
    assert await _network_slugs(client, "1580", "2024-06-01") == []
    assert await _network_slugs(client, "KS", "2024-06-01") == []


async def test_organization_networks_only_trondheim_and_stavanger_in_two(
    client: GraphQLClient,
) -> None:
    data = await client.query(IN_SEVERAL_NETWORKS, {"asOf": "2024-01-15"})
    several = {
        member["organization"]["name"]: [
            n["slug"] for n in member["organization"]["networks"]["nodes"]
        ]
        for network in data["networks"]["nodes"]
        for member in network["members"]["nodes"]
        if member["organization"]["networks"]["totalCount"] > 1
    }
    assert several == {
        "Oslo": [KOLLEGIUM, STORBY],
        "Stavanger": [KOMMUNE, STORBY],
        "Trondheim": [KOMMUNE, STORBY],
    }


async def test_organization_memberships_trondheim_oldest_first(client: GraphQLClient) -> None:
    data = await client.query(MEMBERSHIPS_OF, {"code": "5001", "asOf": "2024-01-15"})
    memberships = data["organization"]["memberships"]
    assert memberships["totalCount"] == 2
    assert [(m["network"]["slug"], m["joinedOn"], m["leftOn"]) for m in memberships["nodes"]] == [
        (STORBY, "2023-06-02", None),
        (KOMMUNE, "2023-09-22", None),
    ]
    assert {m["organization"]["code"] for m in memberships["nodes"]} == {"5001"}


async def test_organization_memberships_on_a_date_before_joining(client: GraphQLClient) -> None:
    data = await client.query(MEMBERSHIPS_OF, {"code": "5001", "asOf": "2023-07-01"})
    memberships = data["organization"]["memberships"]
    assert memberships["totalCount"] == 1
    assert memberships["nodes"][0]["network"]["slug"] == STORBY


async def test_organization_memberships_include_former(client: GraphQLClient) -> None:
    data = await client.query(
        MEMBERSHIPS_OF, {"code": "30", "asOf": "2024-06-01", "includeFormer": False}
    )
    assert data["organization"]["memberships"]["totalCount"] == 0
    data = await client.query(
        MEMBERSHIPS_OF, {"code": "30", "asOf": "2024-06-01", "includeFormer": True}
    )
    memberships = data["organization"]["memberships"]
    assert memberships["totalCount"] == 1
    only = memberships["nodes"][0]
    assert only["network"]["slug"] == KOLLEGIUM
    assert (only["joinedOn"], only["leftOn"]) == ("2022-01-01", "2023-12-31")
    assert only["organization"]["name"] == "Viken fylkeskommune"


async def test_organization_memberships_member_named_as_of_the_date(
    client: GraphQLClient,
) -> None:
    data = await client.query(MEMBERSHIPS_OF, {"code": "3201", "asOf": "2023-10-01"})
    assert [m["organization"]["code"] for m in data["organization"]["memberships"]["nodes"]] == [
        "3024"
    ]
    data = await client.query(MEMBERSHIPS_OF, {"code": "3024", "asOf": "2024-06-01"})
    assert [m["organization"]["code"] for m in data["organization"]["memberships"]["nodes"]] == [
        "3201"
    ]


async def test_organization_memberships_include_former_named_as_of_as_of(
    client: GraphQLClient,
) -> None:
    variables = {"code": "3024", "asOf": "2023-06-10", "includeFormer": True}
    data = await client.query(MEMBERSHIPS_OF, variables)
    nodes = data["organization"]["memberships"]["nodes"]
    assert [n["network"]["slug"] for n in nodes] == [STORBY]
    assert nodes[0]["organization"]["code"] == "3024"
