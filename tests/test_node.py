"""node(id:) and nodes(ids:): every node type round-trips; bad ids answer null, never fail."""

import base64
from collections import Counter
from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

IDS = """
{
  networks {
    nodes {
      id slug
      members(asOf: "2024-06-01", first: 1) { nodes { id organization { id code } } }
      roles(asOf: "2024-06-01") { id kind person { id name } }
    }
  }
  counties(asOf: "2023-06-01") { id number }
  organization(code: "3024") { id }
}
"""

NODE = """
query ($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Network { slug }
    ... on Organization { code name asOf }
    ... on County { number name validTo }
    ... on Membership { joinedOn organization { code } network { slug } }
    ... on Role { kind person { name } network { slug } }
    ... on Person { name }
  }
}
"""

NODES = """
query ($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Network { slug }
    ... on Organization { code }
    ... on County { number }
    ... on Person { name }
  }
}
"""

ORGANIZATION_ID = """
query ($code: String!, $asOf: Date) { organization(code: $code, asOf: $asOf) { id } }
"""

PERSON_ID = """
query ($search: String!) { people(filter: {search: $search}) { nodes { id name } } }
"""


def _global_id(raw: str) -> str:
    return base64.b64encode(raw.encode()).decode()


async def _node(client: GraphQLClient, node_id: str) -> Any:
    data = await client.query(NODE, {"id": node_id})
    return data["node"]


async def _ids(client: GraphQLClient) -> Any:
    return await client.query(IDS)


async def test_node_network_round_trip(client: GraphQLClient) -> None:
    data = await _ids(client)
    for network in data["networks"]["nodes"]:
        node = await _node(client, network["id"])
        assert node == {"__typename": "Network", "id": network["id"], "slug": network["slug"]}


async def test_node_organization_round_trip_named_as_of_today(client: GraphQLClient) -> None:
    data = await _ids(client)
    node = await _node(client, data["organization"]["id"])
    assert node == {
        "__typename": "Organization",
        "id": data["organization"]["id"],
        "code": "3201",
        "name": "Bærum",
        "asOf": "2026-11-27",
    }


async def test_node_organization_id_is_stable_across_renumbering(client: GraphQLClient) -> None:
    ids = set()
    for code, as_of in (("3024", "2023-06-01"), ("3201", "2024-06-01"), ("3024", None)):
        data = await client.query(ORGANIZATION_ID, {"code": code, "asOf": as_of})
        ids.add(data["organization"]["id"])
    assert len(ids) == 1


async def test_node_county_round_trip(client: GraphQLClient) -> None:
    data = await _ids(client)
    assert len(data["counties"]) == 11
    for county in data["counties"]:
        node = await _node(client, county["id"])
        assert node["__typename"] == "County"
        assert node["id"] == county["id"]
        assert node["number"] == county["number"]
    viken = next(c for c in data["counties"] if c["number"] == "30")
    node = await _node(client, viken["id"])
    assert (node["name"], node["validTo"]) == ("Viken", "2023-12-31")


async def test_node_membership_round_trip(client: GraphQLClient) -> None:
    data = await _ids(client)
    for network in data["networks"]["nodes"]:
        membership = network["members"]["nodes"][0]
        node = await _node(client, membership["id"])
        assert node["__typename"] == "Membership"
        assert node["id"] == membership["id"]
        assert node["network"] == {"slug": network["slug"]}
        # Through node(id:), the member is named as of today.
        assert node["organization"]["code"] == membership["organization"]["code"]


async def test_node_role_round_trip(client: GraphQLClient) -> None:
    data = await _ids(client)
    seen: Counter[tuple[str, str]] = Counter()
    for network in data["networks"]["nodes"]:
        for role in network["roles"]:
            node = await _node(client, role["id"])
            assert node == {
                "__typename": "Role",
                "id": role["id"],
                "kind": role["kind"],
                "person": {"name": role["person"]["name"]},
                "network": {"slug": network["slug"]},
            }
            seen[network["slug"], role["kind"]] += 1
    # On 2024-06-01: the leader, deputy and coordinator of each project network (db/demo.py
    # ROLES), the invented demo coordinator of every network (db/demo_accounts.py), and one demo
    # representative per seat (6 big-city, 8 municipality and 8 county-collegium members).
    assert seen == {
        ("storbynettverk-kultur", "LEADER"): 1,
        ("storbynettverk-kultur", "DEPUTY_LEADER"): 1,
        ("storbynettverk-kultur", "COORDINATOR"): 1 + 1,
        ("storbynettverk-kultur", "REPRESENTATIVE"): 6,
        ("kommunenettverk-kultur", "LEADER"): 1,
        ("kommunenettverk-kultur", "DEPUTY_LEADER"): 1,
        ("kommunenettverk-kultur", "COORDINATOR"): 1 + 1,
        ("kommunenettverk-kultur", "REPRESENTATIVE"): 8,
        ("fylkesdirektorkollegiet-kultur", "COORDINATOR"): 1,
        ("fylkesdirektorkollegiet-kultur", "REPRESENTATIVE"): 8,
    }
    assert seen.total() == 28 + 3


async def test_node_person_round_trip(client: GraphQLClient) -> None:
    data = await client.query(PERSON_ID, {"search": "Tolden"})
    person = data["people"]["nodes"][0]
    node = await _node(client, person["id"])
    assert node == {"__typename": "Person", "id": person["id"], "name": "Harm Christian Tolden"}


async def test_node_person_id_matches_role_person_id(client: GraphQLClient) -> None:
    data = await _ids(client)
    netland_ids = {
        role["person"]["id"]
        for network in data["networks"]["nodes"]
        for role in network["roles"]
        if role["person"]["name"] == "Anders Netland"
    }
    assert len(netland_ids) == 1
    people = await client.query(PERSON_ID, {"search": "Netland"})
    assert people["people"]["nodes"][0]["id"] in netland_ids


async def test_node_ids_are_distinct_across_types(client: GraphQLClient) -> None:
    data = await _ids(client)
    ids = [n["id"] for n in data["networks"]["nodes"]]
    ids += [c["id"] for c in data["counties"]]
    ids += [m["id"] for n in data["networks"]["nodes"] for m in n["members"]["nodes"]]
    ids += [r["id"] for n in data["networks"]["nodes"] for r in n["roles"]]
    ids.append(data["organization"]["id"])
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "node_id",
    [
        "",
        "garbage",
        "!!!",
        _global_id("Nope:1"),
        _global_id("Network:abc"),
        _global_id("Network:999999"),
        _global_id("Network:"),
        _global_id("Network"),
        _global_id("Query:1"),
        _global_id("PageInfo:1"),
        _global_id("Person:999999"),
        _global_id("Membership:999999"),
        _global_id("Role:999999"),
        _global_id("County:999999"),
        _global_id("Organization:999999"),
    ],
)
async def test_node_malformed_or_missing_id_is_null(client: GraphQLClient, node_id: str) -> None:
    assert await _node(client, node_id) is None


@pytest.mark.parametrize("type_name", ["Organization", "County", "Person", "Role", "Membership"])
async def test_node_non_integer_id_of_any_type_is_null(
    client: GraphQLClient, type_name: str
) -> None:
    for raw in (f"{type_name}:abc", f"{type_name}:"):
        assert await _node(client, _global_id(raw)) is None, raw


@pytest.mark.parametrize("number", ["2147483648", "99999999999999999999", "-1"])
async def test_node_out_of_range_id_is_null(client: GraphQLClient, number: str) -> None:
    for type_name in ("Network", "Person", "County"):
        assert await _node(client, _global_id(f"{type_name}:{number}")) is None


async def test_nodes_keeps_order_and_nulls(client: GraphQLClient) -> None:
    data = await _ids(client)
    network_ids = [n["id"] for n in data["networks"]["nodes"]]
    county_id = data["counties"][0]["id"]
    organization_id = data["organization"]["id"]
    ids = [
        network_ids[2],
        "garbage",
        county_id,
        network_ids[0],
        _global_id("Network:999999"),
        organization_id,
        network_ids[2],
    ]
    result = (await client.query(NODES, {"ids": ids}))["nodes"]
    assert len(result) == len(ids)
    assert result[0] == {
        "__typename": "Network",
        "id": network_ids[2],
        "slug": data["networks"]["nodes"][2]["slug"],
    }
    assert result[1] is None
    assert result[2] == {"__typename": "County", "id": county_id, "number": "03"}
    assert result[3]["slug"] == data["networks"]["nodes"][0]["slug"]
    assert result[4] is None
    assert result[5] == {"__typename": "Organization", "id": organization_id, "code": "3201"}
    assert result[6] == result[0]


async def test_nodes_empty_list(client: GraphQLClient) -> None:
    assert (await client.query(NODES, {"ids": []}))["nodes"] == []


async def test_nodes_one_bad_id_does_not_spoil_the_others(client: GraphQLClient) -> None:
    data = await _ids(client)
    network_id = data["networks"]["nodes"][0]["id"]
    ids = [_global_id("County:abc"), network_id, _global_id("Organization:x")]
    result = (await client.query(NODES, {"ids": ids}))["nodes"]
    assert result[0] is None
    assert result[1]["id"] == network_id
    assert result[2] is None


async def test_nodes_accepts_100_ids(client: GraphQLClient) -> None:
    data = await _ids(client)
    network_id = data["networks"]["nodes"][0]["id"]
    result = (await client.query(NODES, {"ids": [network_id] * 100}))["nodes"]
    assert len(result) == 100
    assert {n["id"] for n in result} == {network_id}


async def test_nodes_more_than_100_ids_is_bad_user_input(client: GraphQLClient) -> None:
    data = await _ids(client)
    network_id = data["networks"]["nodes"][0]["id"]
    errors = await client.query_errors(NODES, {"ids": [network_id] * 101})
    assert len(errors) == 1
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "100" in errors[0].message
