"""people(filter) and Person.roles: who holds which role where, and when."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

PEOPLE = """
query ($filter: PersonFilter) {
  people(filter: $filter) { totalCount nodes { name title } }
}
"""

PERSON_ROLES = """
query ($search: String!, $asOf: Date) {
  people(filter: {search: $search}) {
    nodes {
      name
      roles(asOf: $asOf) {
        kind from to
        network { slug }
        person { name }
        onBehalfOf { code name asOf }
      }
    }
  }
}
"""

EVERYONE = [
    "Anders Netland",
    "Ann Evy Duun",
    "Hanne Løkka",
    "Harm Christian Tolden",
    "Jorunn Staavi Larsen",
]


async def _names(client: GraphQLClient, flt: dict[str, Any] | None) -> list[str]:
    data = await client.query(PEOPLE, {"filter": flt})
    people = data["people"]
    assert people["totalCount"] == len(people["nodes"])
    return [p["name"] for p in people["nodes"]]


async def _person(client: GraphQLClient, search: str, as_of: str | None = None) -> Any:
    data = await client.query(PERSON_ROLES, {"search": search, "asOf": as_of})
    nodes = data["people"]["nodes"]
    assert len(nodes) == 1
    return nodes[0]


async def test_people_everyone_by_name(client: GraphQLClient) -> None:
    assert await _names(client, None) == EVERYONE


async def test_people_titles(client: GraphQLClient) -> None:
    data = await client.query(PEOPLE, {"filter": None})
    titles = {p["name"]: p["title"] for p in data["people"]["nodes"]}
    assert titles["Anders Netland"] == "Spesialrådgiver i KS, kultursjef i Tysvær"
    assert titles["Hanne Løkka"] is None


async def test_people_search_is_case_insensitive(client: GraphQLClient) -> None:
    assert await _names(client, {"search": "netland"}) == ["Anders Netland"]
    assert await _names(client, {"search": "NETLAND"}) == ["Anders Netland"]
    assert await _names(client, {"search": "løkka"}) == ["Hanne Løkka"]
    assert await _names(client, {"search": "LØKKA"}) == ["Hanne Løkka"]


async def test_people_search_part_of_the_name(client: GraphQLClient) -> None:
    assert await _names(client, {"search": "ann"}) == ["Ann Evy Duun", "Hanne Løkka"]
    assert await _names(client, {"search": "an"}) == [
        "Anders Netland",
        "Ann Evy Duun",
        "Hanne Løkka",
        "Harm Christian Tolden",
    ]
    assert await _names(client, {"search": "  Duun "}) == ["Ann Evy Duun"]
    assert await _names(client, {"search": "Nobody"}) == []


async def test_people_search_treats_like_wildcards_literally(client: GraphQLClient) -> None:
    assert await _names(client, {"search": "%"}) == []
    assert await _names(client, {"search": "_"}) == []


async def test_people_network_slug(client: GraphQLClient) -> None:
    assert await _names(client, {"networkSlug": "storbynettverk-kultur"}) == [
        "Anders Netland",
        "Harm Christian Tolden",
        "Jorunn Staavi Larsen",
    ]
    assert await _names(client, {"networkSlug": "kommunenettverk-kultur"}) == [
        "Anders Netland",
        "Ann Evy Duun",
        "Hanne Løkka",
    ]
    assert await _names(client, {"networkSlug": "fylkesdirektorkollegiet-kultur"}) == []


async def test_people_role_kinds(client: GraphQLClient) -> None:
    assert await _names(client, {"roleKinds": ["COORDINATOR"]}) == ["Anders Netland"]
    assert await _names(client, {"roleKinds": ["LEADER"]}) == [
        "Hanne Løkka",
        "Harm Christian Tolden",
    ]
    assert await _names(client, {"roleKinds": ["LEADER", "DEPUTY_LEADER"]}) == [
        "Ann Evy Duun",
        "Hanne Løkka",
        "Harm Christian Tolden",
        "Jorunn Staavi Larsen",
    ]
    assert await _names(client, {"roleKinds": ["REPRESENTATIVE"]}) == []


async def test_people_network_and_role_kind_must_hold_for_one_role(client: GraphQLClient) -> None:
    flt = {"networkSlug": "storbynettverk-kultur", "roleKinds": ["LEADER"]}
    assert await _names(client, flt) == ["Harm Christian Tolden"]
    flt = {"networkSlug": "kommunenettverk-kultur", "roleKinds": ["DEPUTY_LEADER"]}
    assert await _names(client, flt) == ["Ann Evy Duun"]


async def test_people_search_and_network_combine(client: GraphQLClient) -> None:
    flt = {"search": "ann", "networkSlug": "kommunenettverk-kultur"}
    assert await _names(client, flt) == ["Ann Evy Duun", "Hanne Løkka"]


async def test_people_as_of_counts_only_roles_held_then(client: GraphQLClient) -> None:
    assert await _names(client, {"asOf": "2023-06-01"}) == []
    assert await _names(client, {"asOf": "2023-07-01"}) == [
        "Anders Netland",
        "Harm Christian Tolden",
        "Jorunn Staavi Larsen",
    ]
    assert await _names(client, {"asOf": "2023-09-22"}) == EVERYONE
    flt = {"asOf": "2023-07-01", "networkSlug": "kommunenettverk-kultur"}
    assert await _names(client, flt) == []


async def test_person_roles_anders_netland_coordinates_both_projects(
    client: GraphQLClient,
) -> None:
    person = await _person(client, "Anders Netland")
    roles = person["roles"]
    assert len(roles) == 2
    assert {r["kind"] for r in roles} == {"COORDINATOR"}
    assert [(r["network"]["slug"], r["from"]) for r in roles] == [
        ("storbynettverk-kultur", "2023-06-02"),
        ("kommunenettverk-kultur", "2023-09-22"),
    ]
    assert {r["to"] for r in roles} == {None}
    assert {r["person"]["name"] for r in roles} == {"Anders Netland"}
    assert {r["onBehalfOf"]["code"] for r in roles} == {"KS"}


async def test_person_roles_as_of_a_date(client: GraphQLClient) -> None:
    person = await _person(client, "Anders Netland", "2023-07-01")
    assert [r["network"]["slug"] for r in person["roles"]] == ["storbynettverk-kultur"]
    person = await _person(client, "Anders Netland", "2023-06-01")
    assert person["roles"] == []


async def test_person_roles_on_behalf_of_named_as_of_the_date(client: GraphQLClient) -> None:
    in_2023 = await _person(client, "Løkka", "2023-10-01")
    assert [(r["kind"], r["onBehalfOf"]["code"]) for r in in_2023["roles"]] == [("LEADER", "3022")]
    assert in_2023["roles"][0]["onBehalfOf"]["asOf"] == "2023-10-01"
    in_2024 = await _person(client, "Løkka", "2024-06-01")
    assert [(r["kind"], r["onBehalfOf"]["code"]) for r in in_2024["roles"]] == [("LEADER", "3214")]


async def test_person_roles_without_date_are_named_as_of_today(client: GraphQLClient) -> None:
    person = await _person(client, "Staavi")
    assert [(r["kind"], r["onBehalfOf"]) for r in person["roles"]] == [
        ("DEPUTY_LEADER", {"code": "3301", "name": "Drammen", "asOf": "2026-11-27"})
    ]


async def test_people_unknown_network_slug_is_a_user_error(client: GraphQLClient) -> None:
    errors = await client.query_errors(PEOPLE, {"filter": {"networkSlug": "nope"}})
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "nope" in errors[0].message
