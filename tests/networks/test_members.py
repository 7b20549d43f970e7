"""Network.members(asOf): who was a member on a date, named as of that date."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

MEMBERS = """
query ($slug: String!, $asOf: Date) {
  network(slug: $slug) { members(asOf: $asOf, first: 100) { totalCount nodes { organization { code name } } } }
}
"""

MEMBERS_DETAIL = """
query ($slug: String!, $asOf: Date, $includeFormer: Boolean! = false) {
  network(slug: $slug) {
    members(asOf: $asOf, includeFormer: $includeFormer, first: 100) {
      totalCount
      nodes {
        joinedOn leftOn
        organization { code name kind asOf county { number } }
        network { slug }
        recruitedBy { code name kind }
      }
    }
  }
}
"""

ALL_MEMBER_COUNTS = """
query ($asOf: Date) {
  networks { nodes { slug members(asOf: $asOf) { totalCount } } }
}
"""

STORBY_2023 = [
    ("4601", "Bergen"),
    ("1804", "Bodø"),
    ("3024", "Bærum"),
    ("3005", "Drammen"),
    ("3004", "Fredrikstad"),
    ("4204", "Kristiansand"),
    ("0301", "Oslo"),
    ("1103", "Stavanger"),
    ("5401", "Tromsø"),
    ("5001", "Trondheim"),
]
STORBY_2024 = [
    ("4601", "Bergen"),
    ("1804", "Bodø"),
    ("3201", "Bærum"),
    ("3301", "Drammen"),
    ("3107", "Fredrikstad"),
    ("4204", "Kristiansand"),
    ("0301", "Oslo"),
    ("1103", "Stavanger"),
    ("5501", "Tromsø"),
    ("5001", "Trondheim"),
]
KOMMUNE_2023 = [
    ("4203", "Arendal"),
    ("4646", "Fjaler"),
    ("3022", "Frogn"),
    ("3407", "Gjøvik"),
    ("1825", "Grane"),
    ("1866", "Hadsel"),
    ("5402", "Harstad"),
    ("4622", "Kvam"),
    ("5007", "Namsos"),
    ("3023", "Nesodden"),
    ("3808", "Notodden"),
    ("1103", "Stavanger"),
    ("1121", "Time"),
    ("3426", "Tolga"),
    ("5001", "Trondheim"),
    ("3803", "Tønsberg"),
    ("1520", "Ørsta"),
]


async def _members(
    client: GraphQLClient, slug: str, as_of: str | None, include_former: bool = False
) -> Any:
    data = await client.query(
        MEMBERS_DETAIL, {"slug": slug, "asOf": as_of, "includeFormer": include_former}
    )
    return data["network"]["members"]


def _codes_names(members: Any) -> list[tuple[str | None, str]]:
    return [(n["organization"]["code"], n["organization"]["name"]) for n in members["nodes"]]


async def test_members_municipality_network_has_17_on_2023_10_01(client: GraphQLClient) -> None:
    data = await client.query(MEMBERS, {"slug": "kommunenettverk-kultur", "asOf": "2023-10-01"})
    members = data["network"]["members"]
    assert members["totalCount"] == 17
    assert len(members["nodes"]) == 17


async def test_members_kommunenettverk_2023_in_norwegian_order(client: GraphQLClient) -> None:
    members = await _members(client, "kommunenettverk-kultur", "2023-10-01")
    assert _codes_names(members) == KOMMUNE_2023


async def test_members_kommunenettverk_none_before_the_first_meeting(
    client: GraphQLClient,
) -> None:
    for as_of in ("2023-06-01", "2023-09-21"):
        members = await _members(client, "kommunenettverk-kultur", as_of)
        assert members["totalCount"] == 0, as_of
        assert members["nodes"] == []


async def test_members_kommunenettverk_first_meeting_day_is_inclusive(
    client: GraphQLClient,
) -> None:
    members = await _members(client, "kommunenettverk-kultur", "2023-09-22")
    assert members["totalCount"] == 17
    assert {n["joinedOn"] for n in members["nodes"]} == {"2023-09-22"}
    assert {n["leftOn"] for n in members["nodes"]} == {None}


async def test_members_kommunenettverk_recruited_by_ks(client: GraphQLClient) -> None:
    members = await _members(client, "kommunenettverk-kultur", "2023-10-01")
    assert [n["recruitedBy"] for n in members["nodes"]] == [
        {"code": "KS", "name": "KS", "kind": "ASSOCIATION"}
    ] * 17


async def test_members_storby_recruited_by_is_not_recorded(client: GraphQLClient) -> None:
    members = await _members(client, "storbynettverk-kultur", "2023-10-01")
    assert [n["recruitedBy"] for n in members["nodes"]] == [None] * 10


async def test_members_storby_2023_named_as_of_2023(client: GraphQLClient) -> None:
    members = await _members(client, "storbynettverk-kultur", "2023-10-01")
    assert members["totalCount"] == 10
    assert _codes_names(members) == STORBY_2023
    assert {n["organization"]["asOf"] for n in members["nodes"]} == {"2023-10-01"}
    bærum = members["nodes"][2]["organization"]
    assert bærum["county"] == {"number": "30"}


async def test_members_storby_2024_named_as_of_2024(client: GraphQLClient) -> None:
    members = await _members(client, "storbynettverk-kultur", "2024-06-01")
    assert members["totalCount"] == 10
    assert _codes_names(members) == STORBY_2024
    bærum = members["nodes"][2]["organization"]
    assert bærum["county"] == {"number": "32"}


async def test_members_storby_none_before_2023_06_02(client: GraphQLClient) -> None:
    assert (await _members(client, "storbynettverk-kultur", "2023-06-01"))["totalCount"] == 0
    assert (await _members(client, "storbynettverk-kultur", "2023-06-02"))["totalCount"] == 10


async def test_members_belong_to_their_network(client: GraphQLClient) -> None:
    for slug in ("storbynettverk-kultur", "kommunenettverk-kultur"):
        members = await _members(client, slug, "2024-06-01")
        assert {n["network"]["slug"] for n in members["nodes"]} == {slug}


async def test_members_collegium_2023_has_eleven(client: GraphQLClient) -> None:
    members = await _members(client, "fylkesdirektorkollegiet-kultur", "2023-06-01")
    assert members["totalCount"] == 11
    names = [n["organization"]["name"] for n in members["nodes"]]
    assert "Viken fylkeskommune" in names
    assert "Oslo" in names
    assert "Akershus fylkeskommune" not in names
    viken = next(n for n in members["nodes"] if n["organization"]["name"] == "Viken fylkeskommune")
    assert viken["joinedOn"] == "2022-01-01"
    assert viken["leftOn"] == "2023-12-31"
    assert viken["organization"]["code"] == "30"
    oslo = next(n for n in members["nodes"] if n["organization"]["name"] == "Oslo")
    assert oslo["organization"]["kind"] == "MUNICIPALITY"


async def test_members_collegium_2024_has_fifteen(client: GraphQLClient) -> None:
    members = await _members(client, "fylkesdirektorkollegiet-kultur", "2024-06-01")
    assert members["totalCount"] == 15
    names = [n["organization"]["name"] for n in members["nodes"]]
    assert "Viken fylkeskommune" not in names
    assert "Oslo" in names
    assert names[0] == "Agder fylkeskommune"
    assert names[-1] == "Østfold fylkeskommune"
    akershus = next(n for n in members["nodes"] if n["organization"]["code"] == "32")
    assert akershus["joinedOn"] == "2024-01-01"
    assert akershus["leftOn"] is None


async def test_members_collegium_changes_on_new_years_day_2024(client: GraphQLClient) -> None:
    last_day = await _members(client, "fylkesdirektorkollegiet-kultur", "2023-12-31")
    first_day = await _members(client, "fylkesdirektorkollegiet-kultur", "2024-01-01")
    assert last_day["totalCount"] == 11
    assert first_day["totalCount"] == 15


async def test_members_include_former_ignores_the_date(client: GraphQLClient) -> None:
    members = await _members(
        client, "fylkesdirektorkollegiet-kultur", "2024-06-01", include_former=True
    )
    assert members["totalCount"] == 18
    former = [n for n in members["nodes"] if n["leftOn"] is not None]
    assert sorted(n["organization"]["name"] for n in former) == [
        "Troms og Finnmark fylkeskommune",
        "Vestfold og Telemark fylkeskommune",
        "Viken fylkeskommune",
    ]
    # Named as of asOf: the former county authorities had no code on 2024-06-01.
    assert {n["organization"]["code"] for n in former} == {None}
    assert {n["organization"]["asOf"] for n in members["nodes"]} == {"2024-06-01"}


async def test_members_include_former_before_joining(client: GraphQLClient) -> None:
    members = await _members(client, "kommunenettverk-kultur", "2023-06-01", include_former=True)
    assert members["totalCount"] == 17
    assert _codes_names(members) == KOMMUNE_2023


async def test_members_default_as_of_is_today(client: GraphQLClient) -> None:
    members = await _members(client, "storbynettverk-kultur", None)
    assert members["totalCount"] == 10
    assert _codes_names(members) == STORBY_2024
    assert {n["organization"]["asOf"] for n in members["nodes"]} == {"2026-11-27"}


async def test_members_counts_of_every_network(client: GraphQLClient) -> None:
    expected = {
        "2023-06-01": {
            "storbynettverk-kultur": 0,
            "kommunenettverk-kultur": 0,
            "fylkesdirektorkollegiet-kultur": 11,
        },
        "2023-10-01": {
            "storbynettverk-kultur": 10,
            "kommunenettverk-kultur": 17,
            "fylkesdirektorkollegiet-kultur": 11,
        },
        "2024-06-01": {
            "storbynettverk-kultur": 10,
            "kommunenettverk-kultur": 17,
            "fylkesdirektorkollegiet-kultur": 15,
        },
    }
    for as_of, counts in expected.items():
        data = await client.query(ALL_MEMBER_COUNTS, {"asOf": as_of})
        got = {n["slug"]: n["members"]["totalCount"] for n in data["networks"]["nodes"]}
        assert got == counts, as_of
