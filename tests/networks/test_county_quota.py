"""Network.countyQuota(asOf): members per county against the cap, per county structure."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

QUOTA = """
query ($slug: String!, $asOf: Date) {
  network(slug: $slug) {
    rules { maxMembersPerCounty }
    countyQuota(asOf: $asOf) {
      county { number name }
      members { code name asOf }
      memberCount
      cap
      openPlaces
    }
  }
}
"""

KOMMUNE = "kommunenettverk-kultur"

KOMMUNE_2023 = {
    "03": [],
    "11": ["Stavanger", "Time"],
    "15": ["Ørsta"],
    "18": ["Grane", "Hadsel"],
    "30": ["Frogn", "Nesodden"],
    "34": ["Gjøvik", "Tolga"],
    "38": ["Notodden", "Tønsberg"],
    "42": ["Arendal"],
    "46": ["Fjaler", "Kvam"],
    "50": ["Namsos", "Trondheim"],
    "54": ["Harstad"],
}
KOMMUNE_2024 = {
    "03": [],
    "11": ["Stavanger", "Time"],
    "15": ["Ørsta"],
    "18": ["Grane", "Hadsel"],
    "31": [],
    "32": ["Frogn", "Nesodden"],
    "33": [],
    "34": ["Gjøvik", "Tolga"],
    "39": ["Tønsberg"],
    "40": ["Notodden"],
    "42": ["Arendal"],
    "46": ["Fjaler", "Kvam"],
    "50": ["Namsos", "Trondheim"],
    "55": ["Harstad"],
    "56": [],
}


async def _quota(client: GraphQLClient, slug: str, as_of: str | None) -> list[Any]:
    data = await client.query(QUOTA, {"slug": slug, "asOf": as_of})
    return list(data["network"]["countyQuota"])


def _members_by_county(lines: list[Any]) -> dict[str, list[str]]:
    return {line["county"]["number"]: [m["name"] for m in line["members"]] for line in lines}


async def test_county_quota_2023_has_eleven_lines_and_22_places(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2023-10-01")
    assert len(lines) == 11
    assert {line["cap"] for line in lines} == {2}
    assert sum(line["cap"] for line in lines) == 22
    assert sum(line["memberCount"] for line in lines) == 17
    assert sum(line["openPlaces"] for line in lines) == 22 - 17


async def test_county_quota_2024_has_fifteen_lines_and_30_places(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2024-06-01")
    assert len(lines) == 15
    assert {line["cap"] for line in lines} == {2}
    assert sum(line["cap"] for line in lines) == 30
    assert sum(line["memberCount"] for line in lines) == 17
    assert sum(line["openPlaces"] for line in lines) == 30 - 17


async def test_county_quota_2023_members_per_county(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2023-10-01")
    assert _members_by_county(lines) == KOMMUNE_2023
    assert [line["county"]["number"] for line in lines] == list(KOMMUNE_2023)


async def test_county_quota_2024_members_per_county(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2024-06-01")
    assert _members_by_county(lines) == KOMMUNE_2024
    assert [line["county"]["number"] for line in lines] == list(KOMMUNE_2024)


async def test_county_quota_2024_akershus_is_full_and_viken_is_gone(
    client: GraphQLClient,
) -> None:
    lines = await _quota(client, KOMMUNE, "2024-06-01")
    by_number = {line["county"]["number"]: line for line in lines}
    assert "30" not in by_number
    akershus = by_number["32"]
    assert akershus["county"] == {"number": "32", "name": "Akershus"}
    assert akershus["members"] == [
        {"code": "3214", "name": "Frogn", "asOf": "2024-06-01"},
        {"code": "3212", "name": "Nesodden", "asOf": "2024-06-01"},
    ]
    assert akershus["memberCount"] == 2
    assert akershus["openPlaces"] == 0


async def test_county_quota_2023_viken_holds_frogn_and_nesodden(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2023-10-01")
    by_number = {line["county"]["number"]: line for line in lines}
    assert "32" not in by_number
    viken = by_number["30"]
    assert viken["county"] == {"number": "30", "name": "Viken"}
    assert viken["members"] == [
        {"code": "3022", "name": "Frogn", "asOf": "2023-10-01"},
        {"code": "3023", "name": "Nesodden", "asOf": "2023-10-01"},
    ]
    assert viken["memberCount"] == 2
    assert viken["openPlaces"] == 0


async def test_county_quota_open_places_are_cap_minus_members(client: GraphQLClient) -> None:
    for as_of in ("2023-06-01", "2023-10-01", "2024-06-01"):
        for line in await _quota(client, KOMMUNE, as_of):
            assert line["memberCount"] == len(line["members"])
            assert line["openPlaces"] == max(line["cap"] - line["memberCount"], 0)
            assert line["openPlaces"] >= 0


async def test_county_quota_before_the_first_meeting_is_all_open(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, "2023-06-01")
    assert len(lines) == 11
    assert {line["memberCount"] for line in lines} == {0}
    assert {line["openPlaces"] for line in lines} == {2}


async def test_county_quota_default_as_of_is_today(client: GraphQLClient) -> None:
    lines = await _quota(client, KOMMUNE, None)
    assert _members_by_county(lines) == KOMMUNE_2024
    assert {m["asOf"] for line in lines for m in line["members"]} == {"2026-11-27"}


async def test_county_quota_storby_has_no_cap(client: GraphQLClient) -> None:
    lines = await _quota(client, "storbynettverk-kultur", "2024-06-01")
    assert len(lines) == 15
    assert {line["cap"] for line in lines} == {None}
    assert {line["openPlaces"] for line in lines} == {None}
    counts = {line["county"]["number"]: line["memberCount"] for line in lines}
    assert counts == {
        "03": 1, "11": 1, "15": 0, "18": 1, "31": 1, "32": 1, "33": 1, "34": 0,
        "39": 0, "40": 0, "42": 1, "46": 1, "50": 1, "55": 1, "56": 0,
    }  # fmt: skip


async def test_county_quota_storby_2023_three_members_in_viken(client: GraphQLClient) -> None:
    lines = await _quota(client, "storbynettverk-kultur", "2023-10-01")
    by_number = {line["county"]["number"]: line for line in lines}
    assert [m["name"] for m in by_number["30"]["members"]] == ["Bærum", "Drammen", "Fredrikstad"]
    assert by_number["30"]["memberCount"] == 3
    assert by_number["30"]["openPlaces"] is None


async def test_county_quota_collegium_one_authority_per_county(client: GraphQLClient) -> None:
    for as_of, count in (("2023-06-01", 11), ("2024-06-01", 15)):
        lines = await _quota(client, "fylkesdirektorkollegiet-kultur", as_of)
        assert len(lines) == count
        assert {line["cap"] for line in lines} == {1}
        assert {line["memberCount"] for line in lines} == {1}
        assert {line["openPlaces"] for line in lines} == {0}
        oslo = next(line for line in lines if line["county"]["number"] == "03")
        assert [m["name"] for m in oslo["members"]] == ["Oslo"]
