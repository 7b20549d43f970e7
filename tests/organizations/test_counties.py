"""counties(asOf): the 2020–2023 and the 2024 county structures, with inclusive periods."""

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

COUNTIES = """
query ($asOf: Date) {
  counties(asOf: $asOf) { number name validFrom validTo }
}
"""

COUNTIES_DEFAULT = "{ counties { number name } }"

MUNICIPALITIES = """
query ($asOf: Date) {
  counties(asOf: $asOf) {
    number
    municipalities(first: 2) { totalCount nodes { code name asOf } }
  }
}
"""

STRUCTURE_2023 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "30": "Viken",
    "34": "Innlandet",
    "38": "Vestfold og Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "54": "Troms og Finnmark",
}
STRUCTURE_2024 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}


async def test_counties_2023_has_the_eleven_counties_by_number(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2023-06-01"})
    counties = data["counties"]
    assert [c["number"] for c in counties] == list(STRUCTURE_2023)
    assert {c["number"]: c["name"] for c in counties} == STRUCTURE_2023


async def test_counties_2024_has_the_fifteen_counties_by_number(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2024-06-01"})
    counties = data["counties"]
    assert [c["number"] for c in counties] == list(STRUCTURE_2024)
    assert {c["number"]: c["name"] for c in counties} == STRUCTURE_2024


async def test_counties_2023_merged_counties_end_on_2023_12_31(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2023-06-01"})
    by_number = {c["number"]: c for c in data["counties"]}
    for number in ("30", "38", "54"):
        assert by_number[number]["validFrom"] == "2020-01-01"
        assert by_number[number]["validTo"] == "2023-12-31"
    assert by_number["03"]["validFrom"] is None
    assert by_number["03"]["validTo"] is None
    assert by_number["50"]["validFrom"] == "2018-01-01"
    assert by_number["50"]["validTo"] is None


async def test_counties_2024_split_counties_start_on_2024_01_01(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2024-06-01"})
    by_number = {c["number"]: c for c in data["counties"]}
    for number in ("31", "32", "33", "39", "40", "55", "56"):
        assert by_number[number]["validFrom"] == "2024-01-01"
        assert by_number[number]["validTo"] is None


async def test_counties_last_day_of_2023_still_has_viken(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2023-12-31"})
    numbers = [c["number"] for c in data["counties"]]
    assert len(numbers) == 11
    assert "30" in numbers
    assert "32" not in numbers


async def test_counties_first_day_of_2024_has_the_new_structure(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES, {"asOf": "2024-01-01"})
    numbers = [c["number"] for c in data["counties"]]
    assert numbers == list(STRUCTURE_2024)
    assert "30" not in numbers


async def test_counties_default_as_of_is_today(client: GraphQLClient) -> None:
    data = await client.query(COUNTIES_DEFAULT)
    assert {c["number"]: c["name"] for c in data["counties"]} == STRUCTURE_2024


async def test_counties_2023_municipality_counts_per_county(client: GraphQLClient) -> None:
    data = await client.query(MUNICIPALITIES, {"asOf": "2023-06-01"})
    counts = {c["number"]: c["municipalities"]["totalCount"] for c in data["counties"]}
    # An ended county answers for its last day; a county still valid answers for today.
    assert counts == {
        "03": 1,
        "11": 23,
        "15": 27,
        "18": 41,
        "30": 51,
        "34": 46,
        "38": 23,
        "42": 25,
        "46": 43,
        "50": 38,
        "54": 39,
    }


async def test_counties_ended_county_names_municipalities_as_of_its_last_day(
    client: GraphQLClient,
) -> None:
    data = await client.query(MUNICIPALITIES, {"asOf": "2023-06-01"})
    viken = next(c for c in data["counties"] if c["number"] == "30")
    assert viken["municipalities"]["nodes"] == [
        {"code": "3012", "name": "Aremark", "asOf": "2023-12-31"},
        {"code": "3025", "name": "Asker", "asOf": "2023-12-31"},
    ]


async def test_counties_2024_municipality_counts_sum_to_357(client: GraphQLClient) -> None:
    data = await client.query(MUNICIPALITIES, {"asOf": "2024-06-01"})
    counts = {c["number"]: c["municipalities"]["totalCount"] for c in data["counties"]}
    assert counts["32"] == 21
    assert counts["31"] == 12
    assert counts["33"] == 18
    assert counts["55"] == 21
    assert counts["56"] == 18
    assert sum(counts.values()) == 357
