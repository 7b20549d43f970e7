"""networks and network(slug): the three demo networks, their status, rules and owner."""

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

NETWORKS = """
{
  networks {
    totalCount
    nodes {
      slug name kind status startsOn endsOn description
      rules { maxMembersPerCounty meetingsPerYear physicalMeetingsPerYear }
      owner { code name kind asOf }
    }
  }
}
"""

NETWORK = """
query ($slug: String!) {
  network(slug: $slug) {
    slug name kind status startsOn endsOn
    rules { maxMembersPerCounty meetingsPerYear physicalMeetingsPerYear }
    owner { code name kind }
  }
}
"""

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"


async def test_networks_lists_the_three_demo_networks_by_name(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    networks = data["networks"]
    assert networks["totalCount"] == 3
    assert [(n["slug"], n["name"], n["kind"]) for n in networks["nodes"]] == [
        (KOLLEGIUM, "Fylkesdirektørkollegiet for kultur", "COUNTY_COLLEGIUM"),
        (KOMMUNE, "KS kommunenettverk kultur", "MUNICIPALITY_NETWORK"),
        (STORBY, "KS storbynettverk kultur", "BIG_CITY_NETWORK"),
    ]


async def test_networks_projects_have_ended_by_today(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    by_slug = {n["slug"]: n for n in data["networks"]["nodes"]}
    assert by_slug[STORBY]["status"] == "ENDED"
    assert by_slug[KOMMUNE]["status"] == "ENDED"
    assert by_slug[KOLLEGIUM]["status"] == "PERMANENT"


async def test_networks_periods(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    periods = {n["slug"]: (n["startsOn"], n["endsOn"]) for n in data["networks"]["nodes"]}
    assert periods == {
        STORBY: ("2023-06-02", "2024-12-31"),
        KOMMUNE: ("2023-09-22", "2024-12-31"),
        KOLLEGIUM: ("2022-01-01", None),
    }


async def test_networks_rules(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    rules = {n["slug"]: n["rules"] for n in data["networks"]["nodes"]}
    assert rules[KOMMUNE] == {
        "maxMembersPerCounty": 2,
        "meetingsPerYear": 4,
        "physicalMeetingsPerYear": 1,
    }
    assert rules[STORBY] == {
        "maxMembersPerCounty": None,
        "meetingsPerYear": 4,
        "physicalMeetingsPerYear": 1,
    }
    assert rules[KOLLEGIUM]["maxMembersPerCounty"] == 1


async def test_networks_ks_owns_the_two_projects(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    owners = {n["slug"]: n["owner"] for n in data["networks"]["nodes"]}
    ks = {"code": "KS", "name": "KS", "kind": "ASSOCIATION", "asOf": "2026-11-27"}
    assert owners[STORBY] == ks
    assert owners[KOMMUNE] == ks
    assert owners[KOLLEGIUM] is None


async def test_networks_descriptions_are_norwegian(client: GraphQLClient) -> None:
    data = await client.query(NETWORKS)
    descriptions = {n["slug"]: n["description"] for n in data["networks"]["nodes"]}
    assert "inntil to kommuner fra hvert fylke" in descriptions[KOMMUNE]
    assert "fire ganger i året" in descriptions[STORBY]
    assert "fylkeskommunenes kulturdirektører" in descriptions[KOLLEGIUM]


async def test_network_by_slug(client: GraphQLClient) -> None:
    data = await client.query(NETWORK, {"slug": KOMMUNE})
    assert data["network"] == {
        "slug": KOMMUNE,
        "name": "KS kommunenettverk kultur",
        "kind": "MUNICIPALITY_NETWORK",
        "status": "ENDED",
        "startsOn": "2023-09-22",
        "endsOn": "2024-12-31",
        "rules": {"maxMembersPerCounty": 2, "meetingsPerYear": 4, "physicalMeetingsPerYear": 1},
        "owner": {"code": "KS", "name": "KS", "kind": "ASSOCIATION"},
    }


async def test_network_unknown_slug_is_null(client: GraphQLClient) -> None:
    for slug in ("nope", "", "STORBYNETTVERK-KULTUR", "storbynettverk"):
        data = await client.query(NETWORK, {"slug": slug})
        assert data["network"] is None, slug
