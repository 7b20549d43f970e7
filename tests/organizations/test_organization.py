"""organization(code, asOf): one identity across renumbering, names and county as of a date."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

ORGANIZATION = """
query ($code: String!, $asOf: Date) {
  organization(code: $code, asOf: $asOf) {
    id kind asOf code name officialName validFrom validTo
    county { number name }
  }
}
"""

COUNTY_OVERRIDE = """
query ($code: String!, $asOf: Date, $countyAsOf: Date) {
  organization(code: $code, asOf: $asOf) {
    code
    county { number name }
    other: county(asOf: $countyAsOf) { number name validTo }
  }
}
"""

PERIODS = """
query ($code: String!) {
  organization(code: $code) {
    periods { code name officialName countyNumber validFrom validTo county { number name } }
  }
}
"""


async def _organization(client: GraphQLClient, code: str, as_of: str | None = None) -> Any:
    data = await client.query(ORGANIZATION, {"code": code, "asOf": as_of})
    return data["organization"]


async def test_organization_old_and_new_bærum_numbers_are_one_identity(
    client: GraphQLClient,
) -> None:
    old = await _organization(client, "3024", "2024-06-01")
    new = await _organization(client, "3201", "2024-06-01")
    assert old == new
    assert old["name"] == "Bærum"
    assert old["kind"] == "MUNICIPALITY"


async def test_organization_bærum_2023_has_code_3024_in_viken(client: GraphQLClient) -> None:
    for code in ("3024", "3201"):
        org = await _organization(client, code, "2023-06-01")
        assert org["asOf"] == "2023-06-01"
        assert org["code"] == "3024"
        assert org["name"] == "Bærum"
        assert org["county"] == {"number": "30", "name": "Viken"}


async def test_organization_bærum_2024_has_code_3201_in_akershus(client: GraphQLClient) -> None:
    for code in ("3024", "3201"):
        org = await _organization(client, code, "2024-06-01")
        assert org["asOf"] == "2024-06-01"
        assert org["code"] == "3201"
        assert org["county"] == {"number": "32", "name": "Akershus"}


async def test_organization_renumbering_boundary_is_inclusive(client: GraphQLClient) -> None:
    last_day = await _organization(client, "3201", "2023-12-31")
    first_day = await _organization(client, "3024", "2024-01-01")
    assert (last_day["code"], last_day["county"]["number"]) == ("3024", "30")
    assert (first_day["code"], first_day["county"]["number"]) == ("3201", "32")


async def test_organization_default_as_of_is_today(client: GraphQLClient) -> None:
    org = await _organization(client, "3024")
    assert org["asOf"] == "2026-11-27"
    assert org["code"] == "3201"
    assert org["county"] == {"number": "32", "name": "Akershus"}


async def test_organization_county_argument_overrides_as_of(client: GraphQLClient) -> None:
    data = await client.query(
        COUNTY_OVERRIDE, {"code": "3024", "asOf": "2023-06-01", "countyAsOf": "2024-06-01"}
    )
    org = data["organization"]
    assert org["code"] == "3024"
    assert org["county"] == {"number": "30", "name": "Viken"}
    assert org["other"] == {"number": "32", "name": "Akershus", "validTo": None}


async def test_organization_county_argument_can_look_back(client: GraphQLClient) -> None:
    data = await client.query(
        COUNTY_OVERRIDE, {"code": "3201", "asOf": "2024-06-01", "countyAsOf": "2023-06-01"}
    )
    org = data["organization"]
    assert org["county"]["number"] == "32"
    assert org["other"] == {"number": "30", "name": "Viken", "validTo": "2023-12-31"}


async def test_organization_county_before_existence_is_null(client: GraphQLClient) -> None:
    data = await client.query(
        COUNTY_OVERRIDE, {"code": "1580", "asOf": "2024-06-01", "countyAsOf": "2023-06-01"}
    )
    org = data["organization"]
    assert org["county"] == {"number": "15", "name": "Møre og Romsdal"}
    assert org["other"] is None


async def test_organization_bærum_has_two_periods(client: GraphQLClient) -> None:
    data = await client.query(PERIODS, {"code": "3201"})
    assert data["organization"]["periods"] == [
        {
            "code": "3024",
            "name": "Bærum",
            "officialName": "Bærum",
            "countyNumber": "30",
            "validFrom": "2020-01-01",
            "validTo": "2023-12-31",
            "county": {"number": "30", "name": "Viken"},
        },
        {
            "code": "3201",
            "name": "Bærum",
            "officialName": "Bærum",
            "countyNumber": "32",
            "validFrom": "2024-01-01",
            "validTo": None,
            "county": {"number": "32", "name": "Akershus"},
        },
    ]


async def test_organization_unchanged_municipality_has_one_period(client: GraphQLClient) -> None:
    data = await client.query(PERIODS, {"code": "5001"})
    periods = data["organization"]["periods"]
    assert len(periods) == 1
    assert periods[0]["code"] == "5001"
    assert periods[0]["countyNumber"] == "50"
    assert periods[0]["validTo"] is None


async def test_organization_ålesund_1507_and_1508_are_one_identity(client: GraphQLClient) -> None:
    old = await _organization(client, "1507", "2023-06-01")
    new = await _organization(client, "1508", "2024-06-01")
    assert old["id"] == new["id"]
    assert (old["code"], old["name"]) == ("1507", "Ålesund")
    assert (new["code"], new["name"]) == ("1508", "Ålesund")
    assert new["county"] == {"number": "15", "name": "Møre og Romsdal"}
    assert new["validFrom"] is None
    assert new["validTo"] is None


async def test_organization_ålesund_old_number_resolves_in_2024(client: GraphQLClient) -> None:
    org = await _organization(client, "1507", "2024-06-01")
    assert org["code"] == "1508"
    assert org["name"] == "Ålesund"


async def test_organization_ålesund_periods_record_the_renumbering(client: GraphQLClient) -> None:
    data = await client.query(PERIODS, {"code": "1508"})
    periods = data["organization"]["periods"]
    assert [(p["code"], p["validFrom"], p["validTo"]) for p in periods] == [
        ("1507", "2020-01-01", "2023-12-31"),
        ("1508", "2024-01-01", None),
    ]


async def test_organization_haram_exists_from_2024(client: GraphQLClient) -> None:
    haram = await _organization(client, "1580", "2024-06-01")
    ålesund = await _organization(client, "1508", "2024-06-01")
    assert haram["id"] != ålesund["id"]
    assert haram["code"] == "1580"
    assert haram["name"] == "Haram"
    assert haram["validFrom"] == "2024-01-01"
    assert haram["validTo"] is None
    assert haram["county"] == {"number": "15", "name": "Møre og Romsdal"}


async def test_organization_haram_before_2024_has_no_code_or_county(client: GraphQLClient) -> None:
    haram = await _organization(client, "1580", "2023-06-01")
    assert haram["name"] == "Haram"
    assert haram["code"] is None
    assert haram["county"] is None
    assert haram["validFrom"] == "2024-01-01"


async def test_organization_trondheim_has_plain_and_multilingual_names(
    client: GraphQLClient,
) -> None:
    for as_of in ("2023-06-01", "2024-06-01"):
        org = await _organization(client, "5001", as_of)
        assert org["code"] == "5001"
        assert org["name"] == "Trondheim"
        assert org["officialName"] == "Trondheim - Tråante"
        assert org["county"] == {"number": "50", "name": "Trøndelag"}


async def test_organization_kåfjord_2024_plain_name_is_norwegian(client: GraphQLClient) -> None:
    org = await _organization(client, "5540", "2024-06-01")
    assert org["code"] == "5540"
    assert org["name"] == "Kåfjord"
    assert org["officialName"] == "Gáivuotna - Kåfjord - Kaivuono"
    assert org["officialName"].startswith("Gáivuotna")
    assert org["county"] == {"number": "55", "name": "Troms"}


async def test_organization_kåfjord_2023_number_and_county(client: GraphQLClient) -> None:
    org = await _organization(client, "5540", "2023-06-01")
    assert org["code"] == "5426"
    assert org["name"] == "Kåfjord"
    assert org["county"] == {"number": "54", "name": "Troms og Finnmark"}


async def test_organization_rana_gets_a_multilingual_name_in_2024(client: GraphQLClient) -> None:
    before = await _organization(client, "1833", "2023-06-01")
    after = await _organization(client, "1833", "2024-06-01")
    assert before["id"] == after["id"]
    assert (before["name"], before["officialName"]) == ("Rana", "Rana")
    assert (after["name"], after["officialName"]) == ("Rana", "Rana - Raane")


async def test_organization_unknown_code_is_null(client: GraphQLClient) -> None:
    for code in ("9999", "", "0000", "ks", "Bærum"):
        data = await client.query(ORGANIZATION, {"code": code, "asOf": None})
        assert data["organization"] is None, code


async def test_organization_code_is_trimmed(client: GraphQLClient) -> None:
    org = await _organization(client, " 3201 ", "2024-06-01")
    assert org["code"] == "3201"
    assert org["name"] == "Bærum"


async def test_organization_viken_county_authority_ended_2023(client: GraphQLClient) -> None:
    org = await _organization(client, "30")
    assert org["kind"] == "COUNTY_AUTHORITY"
    assert org["name"] == "Viken fylkeskommune"
    assert org["validFrom"] == "2020-01-01"
    assert org["validTo"] == "2023-12-31"
    assert org["code"] is None  # it no longer exists today
    assert org["county"] is None


async def test_organization_viken_county_authority_in_2023(client: GraphQLClient) -> None:
    org = await _organization(client, "30", "2023-06-01")
    assert org["code"] == "30"
    assert org["name"] == "Viken fylkeskommune"
    assert org["county"] == {"number": "30", "name": "Viken"}


async def test_organization_akershus_county_authority(client: GraphQLClient) -> None:
    org = await _organization(client, "32")
    assert org["kind"] == "COUNTY_AUTHORITY"
    assert org["code"] == "32"
    assert org["name"] == "Akershus fylkeskommune"
    assert org["officialName"] == "Akershus fylkeskommune"
    assert org["validFrom"] == "2024-01-01"
    assert org["validTo"] is None
    assert org["county"] == {"number": "32", "name": "Akershus"}


async def test_organization_oslo_has_no_separate_county_authority(client: GraphQLClient) -> None:
    assert (await _organization(client, "03")) is None
    oslo = await _organization(client, "0301")
    assert oslo["kind"] == "MUNICIPALITY"
    assert oslo["name"] == "Oslo"
    assert oslo["county"] == {"number": "03", "name": "Oslo"}


async def test_organization_ks_is_an_association(client: GraphQLClient) -> None:
    org = await _organization(client, "KS")
    assert org["kind"] == "ASSOCIATION"
    assert org["code"] == "KS"
    assert org["name"] == "KS"
    assert org["officialName"] == "KS – Kommunesektorens organisasjon"
    assert org["validFrom"] is None
    assert org["validTo"] is None
    assert org["county"] is None
