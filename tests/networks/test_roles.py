"""Network.roles(asOf): who leads, deputises, coordinates and represents, on behalf of whom."""

from typing import Any

import pytest

from db.demo_accounts import COORDINATOR_TITLE, DEMO_NETWORKS
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"

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

MEMBER_CODES = """
query ($slug: String!, $asOf: Date) {
  network(slug: $slug) { members(asOf: $asOf, first: 100) { nodes { organization { code } } } }
}
"""

OFFICER_KINDS = {"LEADER", "DEPUTY_LEADER", "COORDINATOR"}

# The invented demo coordinators (db/demo_accounts.py DEMO_NETWORKS): one per network, each a
# COORDINATOR on behalf of KS from the network's start, beside the real people's roles.
DEMO_COORDINATORS = {
    STORBY: "Vegard Demoby",
    KOMMUNE: "Hilde Demodalen",
    KOLLEGIUM: "Oddny Demofylke",
}

# The fictional demo members' seats (db/demo_programme_data.py MEMBERS): name → (code, name) of
# the organisation they represent, named as of the date. Municipalities and counties renumbered
# at the 2024 county reform keep their representative; the two county-authority members of the
# split counties (Troms og Finnmark, Viken) represent the successor county authority from 2024.
STORBY_REPS_2023 = {
    "Siri Demodal": ("0301", "Oslo"),
    "Eirik Demosen": ("5001", "Trondheim"),
    "Marte Demovik": ("1103", "Stavanger"),
    "Jonas Demoli": ("4204", "Kristiansand"),
    "Tuva Demoland": ("5401", "Tromsø"),
    "Mats Demoberg": ("1804", "Bodø"),
}
STORBY_REPS_2024 = {**STORBY_REPS_2023, "Tuva Demoland": ("5501", "Tromsø")}
KOMMUNE_REPS_2023 = {
    "Eirik Demosen": ("5001", "Trondheim"),
    "Solveig Demoset": ("1520", "Ørsta"),
    "Håkon Demohaug": ("4622", "Kvam"),
    "Liv Demostøl": ("4646", "Fjaler"),
    "Trond Demobakken": ("5402", "Harstad"),
    "Ida Demostad": ("4203", "Arendal"),
    "Per Demoås": ("3426", "Tolga"),
    "Nina Demorud": ("3407", "Gjøvik"),
}
KOMMUNE_REPS_2024 = {**KOMMUNE_REPS_2023, "Trond Demobakken": ("5503", "Harstad")}
KOLLEGIUM_REPS_2023 = {
    "Gunnhild Demovoll": ("46", "Vestland fylkeskommune"),
    "Arne Demones": ("15", "Møre og Romsdal fylkeskommune"),
    "Kristin Demostrand": ("11", "Rogaland fylkeskommune"),
    "Bjørn Demofjell": ("18", "Nordland fylkeskommune"),
    "Ingrid Demoaune": ("50", "Trøndelag fylkeskommune"),
    "Lars Demohagen": ("34", "Innlandet fylkeskommune"),
    "Tove Demosund": ("54", "Troms og Finnmark fylkeskommune"),
    "Karin Demolund": ("30", "Viken fylkeskommune"),
}
KOLLEGIUM_REPS_2024 = {
    **KOLLEGIUM_REPS_2023,
    "Tove Demosund": ("55", "Troms fylkeskommune"),
    "Karin Demolund": ("32", "Akershus fylkeskommune"),
}
REPRESENTATIVES = {
    (STORBY, "2023-10-01"): STORBY_REPS_2023,
    (STORBY, "2024-06-01"): STORBY_REPS_2024,
    (KOMMUNE, "2023-10-01"): KOMMUNE_REPS_2023,
    (KOMMUNE, "2024-06-01"): KOMMUNE_REPS_2024,
    (KOLLEGIUM, "2023-10-01"): KOLLEGIUM_REPS_2023,
    (KOLLEGIUM, "2023-12-31"): KOLLEGIUM_REPS_2023,
    (KOLLEGIUM, "2024-01-01"): KOLLEGIUM_REPS_2024,
    (KOLLEGIUM, "2024-06-01"): KOLLEGIUM_REPS_2024,
}


async def _roles(client: GraphQLClient, slug: str, as_of: str | None) -> list[Any]:
    data = await client.query(ROLES, {"slug": slug, "asOf": as_of})
    return list(data["network"]["roles"])


def _officers(roles: list[Any]) -> dict[str, Any]:
    """The real people's leader, deputy and coordinator roles by kind: at most one of each.

    The demo coordinator is left out (see `_demo_coordinator`).
    """
    demo = set(DEMO_COORDINATORS.values())
    officers = [
        r for r in roles if r["kind"] != "REPRESENTATIVE" and r["person"]["name"] not in demo
    ]
    kinds = [r["kind"] for r in officers]
    assert len(kinds) == len(set(kinds)), kinds
    return {r["kind"]: r for r in officers}


def _demo_coordinator(roles: list[Any], slug: str) -> Any:
    """The network's one demo coordinator role: its invented coordinator, on behalf of KS."""
    demo = set(DEMO_COORDINATORS.values())
    found = [r for r in roles if r["person"]["name"] in demo]
    assert len(found) == 1, found
    role = found[0]
    assert role["kind"] == "COORDINATOR"
    assert role["person"] == {"name": DEMO_COORDINATORS[slug], "title": COORDINATOR_TITLE}
    assert role["onBehalfOf"]["code"] == "KS"
    assert role["onBehalfOf"]["kind"] == "ASSOCIATION"
    assert role["network"] == {"slug": slug}
    assert role["to"] is None
    return role


def _representatives(roles: list[Any]) -> dict[str, Any]:
    """The representative roles by person: at most one per person."""
    reps = [r for r in roles if r["kind"] == "REPRESENTATIVE"]
    names = [r["person"]["name"] for r in reps]
    assert len(names) == len(set(names)), names
    return {r["person"]["name"]: r for r in reps}


def _seats(roles: list[Any]) -> dict[str, tuple[str, str]]:
    """Representative name → (code, name) of the organisation represented."""
    return {
        name: (r["onBehalfOf"]["code"], r["onBehalfOf"]["name"])
        for name, r in _representatives(roles).items()
    }


def test_roles_demo_coordinators_are_those_of_the_demo_accounts() -> None:
    assert {spec.slug: spec.coordinator for spec in DEMO_NETWORKS} == DEMO_COORDINATORS


async def test_roles_storby_leader_deputy_and_coordinator(client: GraphQLClient) -> None:
    all_roles = await _roles(client, STORBY, "2024-06-01")
    roles = _officers(all_roles)
    assert set(roles) == OFFICER_KINDS
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
    assert _demo_coordinator(all_roles, STORBY)["person"]["name"] == "Vegard Demoby"
    coordinators = sorted(r["person"]["name"] for r in all_roles if r["kind"] == "COORDINATOR")
    assert coordinators == ["Anders Netland", "Vegard Demoby"]
    assert len(all_roles) == 3 + 1 + 6
    for role in all_roles:
        assert role["from"] == "2023-06-02"
        assert role["to"] is None
        assert role["network"] == {"slug": STORBY}


async def test_roles_storby_representatives(client: GraphQLClient) -> None:
    roles = await _roles(client, STORBY, "2024-06-01")
    assert _seats(roles) == STORBY_REPS_2024
    for role in _representatives(roles).values():
        assert role["onBehalfOf"]["kind"] == "MUNICIPALITY"
        assert role["onBehalfOf"]["asOf"] == "2024-06-01"
        assert role["person"]["title"].endswith("(demo)")
        assert role["person"]["name"].split()[-1].startswith("Demo")


async def test_roles_are_ordered_by_kind_then_start(client: GraphQLClient) -> None:
    roles = await _roles(client, KOLLEGIUM, "2024-06-01")
    starts = [r["from"] for r in roles]
    assert starts == sorted(starts)
    assert [r["person"]["name"] for r in roles][-2:] == ["Tove Demosund", "Karin Demolund"]
    roles = await _roles(client, STORBY, "2024-06-01")
    kinds = [r["kind"] for r in roles]
    assert kinds == sorted(kinds)
    assert kinds[-6:] == ["REPRESENTATIVE"] * 6


async def test_roles_on_behalf_of_is_named_as_of_the_date(client: GraphQLClient) -> None:
    in_2023 = await _roles(client, STORBY, "2023-10-01")
    in_2024 = await _roles(client, STORBY, "2024-06-01")
    assert _officers(in_2023)["DEPUTY_LEADER"]["onBehalfOf"]["code"] == "3005"
    assert _officers(in_2023)["DEPUTY_LEADER"]["onBehalfOf"]["asOf"] == "2023-10-01"
    assert _officers(in_2024)["DEPUTY_LEADER"]["onBehalfOf"]["code"] == "3301"
    # Tromsø was renumbered at the county reform: same representative, same role, new code.
    tuva_2023 = _representatives(in_2023)["Tuva Demoland"]
    tuva_2024 = _representatives(in_2024)["Tuva Demoland"]
    assert tuva_2023["onBehalfOf"] == {
        "code": "5401",
        "name": "Tromsø",
        "kind": "MUNICIPALITY",
        "asOf": "2023-10-01",
    }
    assert tuva_2024["onBehalfOf"]["code"] == "5501"
    assert (tuva_2023["from"], tuva_2023["to"]) == (tuva_2024["from"], tuva_2024["to"])
    assert (tuva_2024["from"], tuva_2024["to"]) == ("2023-06-02", None)


async def test_roles_kommunenettverk_leader_and_deputy(client: GraphQLClient) -> None:
    all_roles = await _roles(client, KOMMUNE, "2023-10-01")
    roles = _officers(all_roles)
    assert set(roles) == OFFICER_KINDS
    assert roles["LEADER"]["person"]["name"] == "Hanne Løkka"
    assert roles["LEADER"]["onBehalfOf"]["name"] == "Frogn"
    assert roles["LEADER"]["onBehalfOf"]["code"] == "3022"
    assert roles["DEPUTY_LEADER"]["person"]["name"] == "Ann Evy Duun"
    assert roles["DEPUTY_LEADER"]["onBehalfOf"]["name"] == "Namsos"
    assert roles["COORDINATOR"]["person"]["name"] == "Anders Netland"
    assert _demo_coordinator(all_roles, KOMMUNE)["person"]["name"] == "Hilde Demodalen"
    coordinators = sorted(r["person"]["name"] for r in all_roles if r["kind"] == "COORDINATOR")
    assert coordinators == ["Anders Netland", "Hilde Demodalen"]
    assert len(all_roles) == 3 + 1 + 8
    assert all(r["from"] == "2023-09-22" and r["to"] is None for r in all_roles)
    assert all(r["network"] == {"slug": KOMMUNE} for r in all_roles)


async def test_roles_kommunenettverk_representatives(client: GraphQLClient) -> None:
    assert _seats(await _roles(client, KOMMUNE, "2023-10-01")) == KOMMUNE_REPS_2023
    assert _seats(await _roles(client, KOMMUNE, "2024-06-01")) == KOMMUNE_REPS_2024


async def test_roles_one_person_represents_in_two_networks(client: GraphQLClient) -> None:
    storby = _representatives(await _roles(client, STORBY, "2024-06-01"))
    kommune = _representatives(await _roles(client, KOMMUNE, "2024-06-01"))
    assert set(storby) & set(kommune) == {"Eirik Demosen"}
    assert storby["Eirik Demosen"]["onBehalfOf"]["name"] == "Trondheim"
    assert kommune["Eirik Demosen"]["onBehalfOf"]["name"] == "Trondheim"
    assert storby["Eirik Demosen"]["from"] == "2023-06-02"
    assert kommune["Eirik Demosen"]["from"] == "2023-09-22"


async def test_roles_kommunenettverk_leader_municipality_renumbered_2024(
    client: GraphQLClient,
) -> None:
    roles = _officers(await _roles(client, KOMMUNE, "2024-06-01"))
    assert roles["LEADER"]["onBehalfOf"]["code"] == "3214"
    assert roles["LEADER"]["onBehalfOf"]["name"] == "Frogn"


@pytest.mark.parametrize(("slug", "as_of"), list(REPRESENTATIVES))
async def test_roles_representatives_act_for_members_on_the_date(
    client: GraphQLClient, slug: str, as_of: str
) -> None:
    roles = await _roles(client, slug, as_of)
    expected = REPRESENTATIVES[(slug, as_of)]
    assert _seats(roles) == expected
    data = await client.query(MEMBER_CODES, {"slug": slug, "asOf": as_of})
    members = {n["organization"]["code"] for n in data["network"]["members"]["nodes"]}
    represented = [code for code, _name in expected.values()]
    assert len(represented) == len(set(represented))
    assert set(represented) <= members
    for role in _representatives(roles).values():
        assert role["onBehalfOf"]["asOf"] == as_of
        assert role["network"] == {"slug": slug}


async def test_roles_collegium_has_representatives_and_only_the_demo_coordinator(
    client: GraphQLClient,
) -> None:
    roles = await _roles(client, KOLLEGIUM, "2024-06-01")
    # No real person leads, deputises or coordinates the collegium (db/demo.py ROLES).
    assert _officers(roles) == {}
    coordinator = _demo_coordinator(roles, KOLLEGIUM)
    assert coordinator["person"]["name"] == "Oddny Demofylke"
    assert coordinator["from"] == "2022-01-01"
    assert len(roles) == 1 + 8
    assert _seats(roles) == KOLLEGIUM_REPS_2024
    assert {r["onBehalfOf"]["kind"] for r in _representatives(roles).values()} == {
        "COUNTY_AUTHORITY"
    }


async def test_roles_collegium_representatives_follow_the_2024_county_split(
    client: GraphQLClient,
) -> None:
    before = _representatives(await _roles(client, KOLLEGIUM, "2023-12-31"))
    after = _representatives(await _roles(client, KOLLEGIUM, "2024-01-01"))
    periods_before = {n: (r["onBehalfOf"]["code"], r["from"], r["to"]) for n, r in before.items()}
    periods_after = {n: (r["onBehalfOf"]["code"], r["from"], r["to"]) for n, r in after.items()}
    assert periods_before["Tove Demosund"] == ("54", "2022-01-01", "2023-12-31")
    assert periods_after["Tove Demosund"] == ("55", "2024-01-01", None)
    assert periods_before["Karin Demolund"] == ("30", "2022-01-01", "2023-12-31")
    assert periods_after["Karin Demolund"] == ("32", "2024-01-01", None)
    unchanged = set(before) - {"Tove Demosund", "Karin Demolund"}
    assert len(unchanged) == 6
    for name in unchanged:
        assert periods_before[name] == periods_after[name]
        assert periods_after[name][1:] == ("2022-01-01", None)


async def test_roles_none_before_the_start_date(client: GraphQLClient) -> None:
    assert await _roles(client, STORBY, "2023-06-01") == []
    assert await _roles(client, KOMMUNE, "2023-09-21") == []
    assert await _roles(client, KOMMUNE, "2023-06-01") == []
    assert await _roles(client, KOLLEGIUM, "2021-12-31") == []


async def test_roles_start_date_is_inclusive(client: GraphQLClient) -> None:
    assert len(await _roles(client, STORBY, "2023-06-02")) == 3 + 1 + 6
    assert len(await _roles(client, KOMMUNE, "2023-09-22")) == 3 + 1 + 8
    collegium = await _roles(client, KOLLEGIUM, "2022-01-01")
    assert _seats(collegium) == KOLLEGIUM_REPS_2023
    assert _demo_coordinator(collegium, KOLLEGIUM)["from"] == "2022-01-01"
    assert len(collegium) == 1 + 8


async def test_roles_default_as_of_is_today(client: GraphQLClient) -> None:
    roles = await _roles(client, STORBY, None)
    officers = _officers(roles)
    assert set(officers) == OFFICER_KINDS
    assert officers["LEADER"]["onBehalfOf"]["asOf"] == "2026-11-27"
    assert _demo_coordinator(roles, STORBY)["onBehalfOf"]["asOf"] == "2026-11-27"
    assert _seats(roles) == STORBY_REPS_2024
    assert {r["onBehalfOf"]["asOf"] for r in roles} == {"2026-11-27"}
