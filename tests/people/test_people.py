"""people(filter) and Person.roles: who holds which role where, and when."""

from typing import Any

import pytest

from db.demo_accounts import COORDINATOR_TITLE, DEMO_NETWORKS
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

OFFICERS = [
    "Anders Netland",
    "Ann Evy Duun",
    "Hanne Løkka",
    "Harm Christian Tolden",
    "Jorunn Staavi Larsen",
]
"""The real people of db/demo.py ROLES: leaders, deputies and the coordinator."""

STORBY_DEMO_COORDINATOR = "Vegard Demoby"
KOMMUNE_DEMO_COORDINATOR = "Hilde Demodalen"
KOLLEGIUM_DEMO_COORDINATOR = "Oddny Demofylke"
DEMO_COORDINATORS = sorted(
    [STORBY_DEMO_COORDINATOR, KOMMUNE_DEMO_COORDINATOR, KOLLEGIUM_DEMO_COORDINATOR]
)
"""The invented coordinators of db/demo_accounts.py DEMO_NETWORKS: a COORDINATOR on behalf of
KS in one network each, from the network's start."""

# The fictional demo members of db/demo_programme_data.py MEMBERS, by the network they represent
# a member organisation in (Eirik Demosen represents Trondheim in both project networks).
STORBY_REPRESENTATIVES = [
    "Eirik Demosen",
    "Jonas Demoli",
    "Marte Demovik",
    "Mats Demoberg",
    "Siri Demodal",
    "Tuva Demoland",
]
KOMMUNE_REPRESENTATIVES = [
    "Eirik Demosen",
    "Håkon Demohaug",
    "Ida Demostad",
    "Liv Demostøl",
    "Nina Demorud",
    "Per Demoås",
    "Solveig Demoset",
    "Trond Demobakken",
]
KOLLEGIUM_REPRESENTATIVES = [
    "Arne Demones",
    "Bjørn Demofjell",
    "Gunnhild Demovoll",
    "Ingrid Demoaune",
    "Karin Demolund",
    "Kristin Demostrand",
    "Lars Demohagen",
    "Tove Demosund",
]
REPRESENTATIVES = sorted(
    {*STORBY_REPRESENTATIVES, *KOMMUNE_REPRESENTATIVES, *KOLLEGIUM_REPRESENTATIVES}
)

EVERYONE = [
    "Anders Netland",
    "Ann Evy Duun",
    "Arne Demones",
    "Bjørn Demofjell",
    "Eirik Demosen",
    "Gunnhild Demovoll",
    "Hanne Løkka",
    "Harm Christian Tolden",
    "Hilde Demodalen",
    "Håkon Demohaug",
    "Ida Demostad",
    "Ingrid Demoaune",
    "Jonas Demoli",
    "Jorunn Staavi Larsen",
    "Karin Demolund",
    "Kristin Demostrand",
    "Lars Demohagen",
    "Liv Demostøl",
    "Marte Demovik",
    "Mats Demoberg",
    "Nina Demorud",
    "Oddny Demofylke",
    "Per Demoås",
    "Siri Demodal",
    "Solveig Demoset",
    "Tove Demosund",
    "Trond Demobakken",
    "Tuva Demoland",
    "Vegard Demoby",
]
"""Everyone, by name in code-point order (å after z, as the databases sort it)."""


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


def test_people_demo_coordinators_are_those_of_the_demo_accounts() -> None:
    assert {spec.slug: spec.coordinator for spec in DEMO_NETWORKS} == {
        "storbynettverk-kultur": STORBY_DEMO_COORDINATOR,
        "kommunenettverk-kultur": KOMMUNE_DEMO_COORDINATOR,
        "fylkesdirektorkollegiet-kultur": KOLLEGIUM_DEMO_COORDINATOR,
    }


async def test_people_everyone_by_name(client: GraphQLClient) -> None:
    assert len(REPRESENTATIVES) == 21
    assert len(DEMO_COORDINATORS) == 3
    assert sorted(OFFICERS + DEMO_COORDINATORS + REPRESENTATIVES) == EVERYONE
    assert await _names(client, None) == EVERYONE


async def test_people_titles(client: GraphQLClient) -> None:
    data = await client.query(PEOPLE, {"filter": None})
    titles = {p["name"]: p["title"] for p in data["people"]["nodes"]}
    assert titles["Anders Netland"] == "Spesialrådgiver i KS, kultursjef i Tysvær"
    assert titles["Hanne Løkka"] is None
    assert titles["Gunnhild Demovoll"] == "Fylkeskultursjef (demo)"
    assert titles["Liv Demostøl"] == "Kommunalsjef kultur (demo)"
    for name in REPRESENTATIVES:
        assert name.split()[-1].startswith("Demo"), name
        assert titles[name].endswith(" (demo)"), name
    for name in OFFICERS:
        assert "(demo)" not in (titles[name] or ""), name
    for name in DEMO_COORDINATORS:
        assert titles[name] == COORDINATOR_TITLE == "Demokoordinator (demo)", name


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
        "Kristin Demostrand",
        "Tuva Demoland",
    ]
    assert await _names(client, {"search": "demos"}) == [
        "Eirik Demosen",
        "Ida Demostad",
        "Kristin Demostrand",
        "Liv Demostøl",
        "Solveig Demoset",
        "Tove Demosund",
    ]
    assert await _names(client, {"search": "DEMOÅS"}) == ["Per Demoås"]
    assert await _names(client, {"search": "  Duun "}) == ["Ann Evy Duun"]
    assert await _names(client, {"search": "Nobody"}) == []


async def test_people_search_treats_like_wildcards_literally(client: GraphQLClient) -> None:
    assert await _names(client, {"search": "%"}) == []
    assert await _names(client, {"search": "_"}) == []


async def test_people_network_slug(client: GraphQLClient) -> None:
    assert await _names(client, {"networkSlug": "storbynettverk-kultur"}) == sorted(
        [
            "Anders Netland",
            "Harm Christian Tolden",
            "Jorunn Staavi Larsen",
            STORBY_DEMO_COORDINATOR,
            *STORBY_REPRESENTATIVES,
        ]
    )
    assert await _names(client, {"networkSlug": "kommunenettverk-kultur"}) == sorted(
        [
            "Anders Netland",
            "Ann Evy Duun",
            "Hanne Løkka",
            KOMMUNE_DEMO_COORDINATOR,
            *KOMMUNE_REPRESENTATIVES,
        ]
    )
    assert await _names(client, {"networkSlug": "fylkesdirektorkollegiet-kultur"}) == sorted(
        [KOLLEGIUM_DEMO_COORDINATOR, *KOLLEGIUM_REPRESENTATIVES]
    )


async def test_people_role_kinds(client: GraphQLClient) -> None:
    assert await _names(client, {"roleKinds": ["COORDINATOR"]}) == [
        "Anders Netland",
        "Hilde Demodalen",
        "Oddny Demofylke",
        "Vegard Demoby",
    ]
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
    assert await _names(client, {"roleKinds": ["REPRESENTATIVE"]}) == REPRESENTATIVES
    assert await _names(client, {"roleKinds": ["LEADER", "REPRESENTATIVE"]}) == sorted(
        ["Hanne Løkka", "Harm Christian Tolden", *REPRESENTATIVES]
    )


async def test_people_network_and_role_kind_must_hold_for_one_role(client: GraphQLClient) -> None:
    flt = {"networkSlug": "storbynettverk-kultur", "roleKinds": ["LEADER"]}
    assert await _names(client, flt) == ["Harm Christian Tolden"]
    flt = {"networkSlug": "kommunenettverk-kultur", "roleKinds": ["DEPUTY_LEADER"]}
    assert await _names(client, flt) == ["Ann Evy Duun"]
    flt = {"networkSlug": "storbynettverk-kultur", "roleKinds": ["REPRESENTATIVE"]}
    assert await _names(client, flt) == STORBY_REPRESENTATIVES
    flt = {"networkSlug": "storbynettverk-kultur", "roleKinds": ["COORDINATOR"]}
    assert await _names(client, flt) == ["Anders Netland", STORBY_DEMO_COORDINATOR]
    flt = {"networkSlug": "fylkesdirektorkollegiet-kultur", "roleKinds": ["COORDINATOR"]}
    assert await _names(client, flt) == [KOLLEGIUM_DEMO_COORDINATOR]
    flt = {"networkSlug": "fylkesdirektorkollegiet-kultur", "roleKinds": ["LEADER"]}
    assert await _names(client, flt) == []


async def test_people_search_and_network_combine(client: GraphQLClient) -> None:
    flt = {"search": "ann", "networkSlug": "kommunenettverk-kultur"}
    assert await _names(client, flt) == ["Ann Evy Duun", "Hanne Løkka"]


async def test_people_as_of_counts_only_roles_held_then(client: GraphQLClient) -> None:
    # The collegium's representatives and demo coordinator hold their roles from 2022-01-01,
    # when it starts.
    collegium = sorted([KOLLEGIUM_DEMO_COORDINATOR, *KOLLEGIUM_REPRESENTATIVES])
    assert await _names(client, {"asOf": "2021-12-31"}) == []
    assert await _names(client, {"asOf": "2022-01-01"}) == collegium
    assert await _names(client, {"asOf": "2023-06-01"}) == collegium
    assert await _names(client, {"asOf": "2023-07-01"}) == sorted(
        [
            "Anders Netland",
            "Harm Christian Tolden",
            "Jorunn Staavi Larsen",
            STORBY_DEMO_COORDINATOR,
            *STORBY_REPRESENTATIVES,
            *collegium,
        ]
    )
    assert await _names(client, {"asOf": "2023-09-22"}) == EVERYONE
    assert await _names(client, {"asOf": "2024-01-01"}) == EVERYONE
    flt = {"asOf": "2023-07-01", "networkSlug": "kommunenettverk-kultur"}
    assert await _names(client, flt) == []
    officers = {"asOf": "2023-06-01", "roleKinds": ["LEADER", "DEPUTY_LEADER", "COORDINATOR"]}
    assert await _names(client, officers) == [KOLLEGIUM_DEMO_COORDINATOR]
    officers = {"asOf": "2023-06-01", "roleKinds": ["LEADER", "DEPUTY_LEADER"]}
    assert await _names(client, officers) == []


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


async def test_person_roles_demo_member_in_two_networks(client: GraphQLClient) -> None:
    person = await _person(client, "Eirik Demosen")
    assert [
        (r["kind"], r["network"]["slug"], r["onBehalfOf"]["code"], r["from"], r["to"])
        for r in person["roles"]
    ] == [
        ("REPRESENTATIVE", "storbynettverk-kultur", "5001", "2023-06-02", None),
        ("REPRESENTATIVE", "kommunenettverk-kultur", "5001", "2023-09-22", None),
    ]
    person = await _person(client, "Eirik Demosen", "2023-07-01")
    assert [r["network"]["slug"] for r in person["roles"]] == ["storbynettverk-kultur"]


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("Tove Demosund", ("54", "Troms og Finnmark fylkeskommune"), ("55", "Troms fylkeskommune")),
        ("Karin Demolund", ("30", "Viken fylkeskommune"), ("32", "Akershus fylkeskommune")),
    ],
)
async def test_person_roles_switch_organisation_at_the_2024_county_split(
    client: GraphQLClient, name: str, before: tuple[str, str], after: tuple[str, str]
) -> None:
    person = await _person(client, name)
    assert [(r["kind"], r["network"]["slug"], r["from"], r["to"]) for r in person["roles"]] == [
        ("REPRESENTATIVE", "fylkesdirektorkollegiet-kultur", "2022-01-01", "2023-12-31"),
        ("REPRESENTATIVE", "fylkesdirektorkollegiet-kultur", "2024-01-01", None),
    ]
    # Without a date the organisations are named as of today, when only the successor exists.
    assert person["roles"][1]["onBehalfOf"] == {
        "code": after[0],
        "name": after[1],
        "asOf": "2026-11-27",
    }
    on_last_day = await _person(client, name, "2023-12-31")
    assert [(r["onBehalfOf"]["code"], r["onBehalfOf"]["name"]) for r in on_last_day["roles"]] == [
        before
    ]
    on_first_day = await _person(client, name, "2024-01-01")
    assert [(r["onBehalfOf"]["code"], r["onBehalfOf"]["name"]) for r in on_first_day["roles"]] == [
        after
    ]


async def test_people_unknown_network_slug_is_a_user_error(client: GraphQLClient) -> None:
    errors = await client.query_errors(PEOPLE, {"filter": {"networkSlug": "nope"}})
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "nope" in errors[0].message


async def test_person_roles_without_date_name_ended_roles_as_of_their_last_day(
    client: GraphQLClient,
) -> None:
    data = await client.query(
        '{ people(filter: {search: "Tove Demosund"}) { nodes { roles { to onBehalfOf { code name } } } } }'
    )
    roles = data["people"]["nodes"][0]["roles"]
    assert [(r["to"], r["onBehalfOf"]) for r in roles] == [
        ("2023-12-31", {"code": "54", "name": "Troms og Finnmark fylkeskommune"}),
        (None, {"code": "55", "name": "Troms fylkeskommune"}),
    ]
