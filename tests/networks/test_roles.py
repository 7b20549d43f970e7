"""Network.roles(asOf): who leads, deputises and coordinates, on behalf of whom."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

ROLES = """
query ($slug: String!, $asOf: Date) {
  network(slug: $slug) {
    roles(asOf: $asOf) {
      kind from to
      person { name title }
      network { slug }
      onBehalfOf { code name kind asOf }
    }
  }
}
"""


async def _roles(client: GraphQLClient, slug: str, as_of: str | None) -> list[Any]:
    data = await client.query(ROLES, {"slug": slug, "asOf": as_of})
    return list(data["network"]["roles"])


def _by_kind(roles: list[Any]) -> dict[str, Any]:
    kinds = [r["kind"] for r in roles]
    assert len(kinds) == len(set(kinds)), kinds
    return {r["kind"]: r for r in roles}


async def test_roles_storby_leader_deputy_and_coordinator(client: GraphQLClient) -> None:
    roles = _by_kind(await _roles(client, "storbynettverk-kultur", "2024-06-01"))
    assert set(roles) == {"LEADER", "DEPUTY_LEADER", "COORDINATOR"}
    assert roles["LEADER"]["person"]["name"] == "Harm Christian Tolden"
    assert roles["LEADER"]["onBehalfOf"] == {
        "code": "4601",
        "name": "Bergen",
        "kind": "MUNICIPALITY",
        "asOf": "2024-06-01",
    }
    assert roles["DEPUTY_LEADER"]["person"]["name"] == "Jorunn Staavi Larsen"
    assert roles["DEPUTY_LEADER"]["onBehalfOf"]["name"] == "Drammen"
    assert roles["COORDINATOR"]["person"] == {
        "name": "Anders Netland",
        "title": "Spesialrådgiver i KS, kultursjef i Tysvær",
    }
    assert roles["COORDINATOR"]["onBehalfOf"]["code"] == "KS"
    assert roles["COORDINATOR"]["onBehalfOf"]["kind"] == "ASSOCIATION"
    for role in roles.values():
        assert role["from"] == "2023-06-02"
        assert role["to"] is None
        assert role["network"] == {"slug": "storbynettverk-kultur"}


async def test_roles_on_behalf_of_is_named_as_of_the_date(client: GraphQLClient) -> None:
    in_2023 = _by_kind(await _roles(client, "storbynettverk-kultur", "2023-10-01"))
    in_2024 = _by_kind(await _roles(client, "storbynettverk-kultur", "2024-06-01"))
    assert in_2023["DEPUTY_LEADER"]["onBehalfOf"]["code"] == "3005"
    assert in_2023["DEPUTY_LEADER"]["onBehalfOf"]["asOf"] == "2023-10-01"
    assert in_2024["DEPUTY_LEADER"]["onBehalfOf"]["code"] == "3301"


async def test_roles_kommunenettverk_leader_and_deputy(client: GraphQLClient) -> None:
    roles = _by_kind(await _roles(client, "kommunenettverk-kultur", "2023-10-01"))
    assert set(roles) == {"LEADER", "DEPUTY_LEADER", "COORDINATOR"}
    assert roles["LEADER"]["person"]["name"] == "Hanne Løkka"
    assert roles["LEADER"]["onBehalfOf"]["name"] == "Frogn"
    assert roles["LEADER"]["onBehalfOf"]["code"] == "3022"
    assert roles["DEPUTY_LEADER"]["person"]["name"] == "Ann Evy Duun"
    assert roles["DEPUTY_LEADER"]["onBehalfOf"]["name"] == "Namsos"
    assert roles["COORDINATOR"]["person"]["name"] == "Anders Netland"
    assert all(r["from"] == "2023-09-22" for r in roles.values())


async def test_roles_kommunenettverk_leader_municipality_renumbered_2024(
    client: GraphQLClient,
) -> None:
    roles = _by_kind(await _roles(client, "kommunenettverk-kultur", "2024-06-01"))
    assert roles["LEADER"]["onBehalfOf"]["code"] == "3214"
    assert roles["LEADER"]["onBehalfOf"]["name"] == "Frogn"


async def test_roles_none_before_the_start_date(client: GraphQLClient) -> None:
    assert await _roles(client, "storbynettverk-kultur", "2023-06-01") == []
    assert await _roles(client, "kommunenettverk-kultur", "2023-09-21") == []
    assert await _roles(client, "kommunenettverk-kultur", "2023-06-01") == []


async def test_roles_start_date_is_inclusive(client: GraphQLClient) -> None:
    assert len(await _roles(client, "storbynettverk-kultur", "2023-06-02")) == 3
    assert len(await _roles(client, "kommunenettverk-kultur", "2023-09-22")) == 3


async def test_roles_default_as_of_is_today(client: GraphQLClient) -> None:
    roles = _by_kind(await _roles(client, "storbynettverk-kultur", None))
    assert set(roles) == {"LEADER", "DEPUTY_LEADER", "COORDINATOR"}
    assert roles["LEADER"]["onBehalfOf"]["asOf"] == "2026-11-27"


async def test_roles_collegium_has_none(client: GraphQLClient) -> None:
    assert await _roles(client, "fylkesdirektorkollegiet-kultur", "2024-06-01") == []
