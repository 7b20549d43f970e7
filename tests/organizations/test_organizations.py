"""organizations(filter): kinds, county, search, network, the date, and Norwegian order."""

from typing import Any

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

ORGANIZATIONS = """
query ($filter: OrganizationFilter, $first: Int, $last: Int) {
  organizations(filter: $filter, first: $first, last: $last) {
    totalCount
    nodes { code name officialName kind asOf }
    pageInfo { hasNextPage hasPreviousPage }
  }
}
"""

MUNICIPALITIES_2024_PAGE = """
query ($after: String) {
  organizations(filter: {asOf: "2024-06-01", kinds: [MUNICIPALITY]}, first: 100, after: $after) {
    nodes { name }
    pageInfo { hasNextPage endCursor }
  }
}
"""

AKERSHUS_2024 = [
    "Asker",
    "Aurskog-Høland",
    "Bærum",
    "Eidsvoll",
    "Enebakk",
    "Frogn",
    "Gjerdrum",
    "Hurdal",
    "Jevnaker",
    "Lillestrøm",
    "Lunner",
    "Lørenskog",
    "Nannestad",
    "Nes",
    "Nesodden",
    "Nittedal",
    "Nordre Follo",
    "Rælingen",
    "Ullensaker",
    "Vestby",
    "Ås",
]


async def _list(
    client: GraphQLClient,
    flt: dict[str, Any] | None,
    first: int | None = 100,
    last: int | None = None,
) -> Any:
    data = await client.query(ORGANIZATIONS, {"filter": flt, "first": first, "last": last})
    return data["organizations"]


def _names(page: Any) -> list[str]:
    return [n["name"] for n in page["nodes"]]


async def test_organizations_municipalities_2023_total_356(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "kinds": ["MUNICIPALITY"]})
    assert page["totalCount"] == 356


async def test_organizations_municipalities_2024_total_357(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "kinds": ["MUNICIPALITY"]})
    assert page["totalCount"] == 357


async def test_organizations_all_kinds_2023_total(client: GraphQLClient) -> None:
    # 356 municipalities, 10 county authorities (Oslo kommune is Oslo's), KS
    page = await _list(client, {"asOf": "2023-06-01"})
    assert page["totalCount"] == 356 + 10 + 1


async def test_organizations_all_kinds_2024_total(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01"})
    assert page["totalCount"] == 357 + 14 + 1


async def test_organizations_default_as_of_is_today(client: GraphQLClient) -> None:
    page = await _list(client, None, first=1)
    assert page["totalCount"] == 357 + 14 + 1
    assert page["nodes"][0]["asOf"] == "2026-11-27"
    filtered = await _list(client, {"kinds": ["MUNICIPALITY"]}, first=1)
    assert filtered["totalCount"] == 357
    assert filtered["nodes"][0]["asOf"] == "2026-11-27"


async def test_organizations_nodes_are_named_as_of_the_filter_date(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "search": "Bærum"})
    assert page["nodes"] == [
        {
            "code": "3024",
            "name": "Bærum",
            "officialName": "Bærum",
            "kind": "MUNICIPALITY",
            "asOf": "2023-06-01",
        }
    ]


async def test_organizations_county_authorities_2024_by_name(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "kinds": ["COUNTY_AUTHORITY"]})
    assert page["totalCount"] == 14
    assert [n["code"] for n in page["nodes"]] == [
        "42", "32", "33", "56", "34", "15", "18", "11", "40", "55", "50", "39", "46", "31",
    ]  # fmt: skip
    assert page["nodes"][-1]["name"] == "Østfold fylkeskommune"


async def test_organizations_county_authorities_2023(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "kinds": ["COUNTY_AUTHORITY"]})
    assert sorted(n["code"] for n in page["nodes"]) == [
        "11", "15", "18", "30", "34", "38", "42", "46", "50", "54",
    ]  # fmt: skip
    assert "Viken fylkeskommune" in _names(page)


async def test_organizations_several_kinds_combine(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "kinds": ["ASSOCIATION", "COUNTY_AUTHORITY"]})
    assert page["totalCount"] == 15
    assert "KS" in _names(page)
    only_ks = await _list(client, {"kinds": ["ASSOCIATION", "REGIONAL_OFFICE"]})
    assert only_ks["totalCount"] == 1
    assert only_ks["nodes"][0]["code"] == "KS"


async def test_organizations_county_number_akershus_2024(client: GraphQLClient) -> None:
    page = await _list(
        client, {"asOf": "2024-06-01", "countyNumber": "32", "kinds": ["MUNICIPALITY"]}
    )
    assert page["totalCount"] == 21
    assert _names(page) == AKERSHUS_2024
    bærum = next(n for n in page["nodes"] if n["name"] == "Bærum")
    assert bærum["code"] == "3201"


async def test_organizations_county_number_includes_the_county_authority(
    client: GraphQLClient,
) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "countyNumber": "32"})
    assert page["totalCount"] == 22
    assert page["nodes"][0]["name"] == "Akershus fylkeskommune"


async def test_organizations_county_number_akershus_2023_is_empty(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "countyNumber": "32"})
    assert page["totalCount"] == 0
    assert page["nodes"] == []


async def test_organizations_county_number_viken_2023(client: GraphQLClient) -> None:
    page = await _list(
        client, {"asOf": "2023-06-01", "countyNumber": "30", "kinds": ["MUNICIPALITY"]}
    )
    assert page["totalCount"] == 51
    assert "Bærum" in _names(page)
    empty = await _list(client, {"asOf": "2024-06-01", "countyNumber": "30"})
    assert empty["totalCount"] == 0


async def test_organizations_search_haram_only_from_2024(client: GraphQLClient) -> None:
    before = await _list(client, {"asOf": "2023-06-01", "search": "Haram"})
    assert before["totalCount"] == 0
    assert before["nodes"] == []
    after = await _list(client, {"asOf": "2024-06-01", "search": "Haram"})
    assert after["totalCount"] == 1
    assert [(n["code"], n["name"]) for n in after["nodes"]] == [("1580", "Haram")]


async def test_organizations_search_is_case_insensitive(client: GraphQLClient) -> None:
    for needle in ("bærum", "BÆRUM", "Bærum", "ærum"):
        page = await _list(client, {"asOf": "2024-06-01", "search": needle})
        assert [(n["code"], n["name"]) for n in page["nodes"]] == [("3201", "Bærum")], needle


async def test_organizations_search_lowercase_initial_norwegian_letter(
    client: GraphQLClient,
) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "ålesund"})
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [("1508", "Ålesund")]


async def test_organizations_search_uppercase_norwegian_letters(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "ØYSTRE SLIDRE"})
    assert [n["name"] for n in page["nodes"]] == ["Øystre Slidre"]
    page = await _list(client, {"asOf": "2024-06-01", "search": "ÅLESUND"})
    assert [n["name"] for n in page["nodes"]] == ["Ålesund"]


async def test_organizations_search_matches_the_official_name(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "tråante"})
    assert [(n["name"], n["officialName"]) for n in page["nodes"]] == [
        ("Trondheim", "Trondheim - Tråante")
    ]
    page = await _list(client, {"asOf": "2024-06-01", "search": "kaivuono"})
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [("5540", "Kåfjord")]


async def test_organizations_search_part_of_name_in_norwegian_order(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "fylkeskommune"})
    assert page["totalCount"] == 14
    page = await _list(client, {"asOf": "2024-06-01", "search": "Våler"})
    assert _names(page) == ["Våler (Innlandet)", "Våler (Østfold)"]
    page = await _list(client, {"asOf": "2023-06-01", "search": "Våler"})
    assert _names(page) == ["Våler (Innlandet)", "Våler (Viken)"]


async def test_organizations_search_uses_the_names_of_the_date(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "search": "Viken"})
    assert _names(page) == ["Viken fylkeskommune", "Våler (Viken)"]
    page = await _list(client, {"asOf": "2024-06-01", "search": "Viken"})
    assert page["totalCount"] == 0


async def test_organizations_search_exact_code(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "3201"})
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [("3201", "Bærum")]
    page = await _list(client, {"asOf": "2023-06-01", "search": "3024"})
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [("3024", "Bærum")]


async def test_organizations_search_is_trimmed_and_blank_means_no_filter(
    client: GraphQLClient,
) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "  Bærum  "})
    assert _names(page) == ["Bærum"]
    page = await _list(client, {"asOf": "2024-06-01", "search": "   "}, first=1)
    assert page["totalCount"] == 372


async def test_organizations_search_treats_like_wildcards_literally(client: GraphQLClient) -> None:
    for needle in ("%", "_", "B_rum", "%rum"):
        page = await _list(client, {"asOf": "2024-06-01", "search": needle}, first=1)
        assert page["totalCount"] == 0, needle


async def test_organizations_search_no_match_is_empty(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "search": "Atlantis"})
    assert page["totalCount"] == 0
    assert page["nodes"] == []
    assert page["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": False}


async def test_organizations_network_slug_lists_members_on_the_date(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2024-06-01", "networkSlug": "storbynettverk-kultur"})
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [
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


async def test_organizations_network_slug_before_the_first_meeting(client: GraphQLClient) -> None:
    page = await _list(client, {"asOf": "2023-06-01", "networkSlug": "kommunenettverk-kultur"})
    assert page["totalCount"] == 0
    page = await _list(client, {"asOf": "2023-10-01", "networkSlug": "kommunenettverk-kultur"})
    assert page["totalCount"] == 17


async def test_organizations_network_slug_and_county_combine(client: GraphQLClient) -> None:
    page = await _list(
        client,
        {"asOf": "2024-06-01", "networkSlug": "kommunenettverk-kultur", "countyNumber": "32"},
    )
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [
        ("3214", "Frogn"),
        ("3212", "Nesodden"),
    ]
    page = await _list(
        client,
        {"asOf": "2023-10-01", "networkSlug": "kommunenettverk-kultur", "countyNumber": "30"},
    )
    assert [(n["code"], n["name"]) for n in page["nodes"]] == [
        ("3022", "Frogn"),
        ("3023", "Nesodden"),
    ]


async def test_organizations_network_slug_collegium_2023_and_2024(client: GraphQLClient) -> None:
    slug = "fylkesdirektorkollegiet-kultur"
    page_2023 = await _list(client, {"asOf": "2023-06-01", "networkSlug": slug})
    page_2024 = await _list(client, {"asOf": "2024-06-01", "networkSlug": slug})
    assert page_2023["totalCount"] == 11
    assert page_2024["totalCount"] == 15
    assert "Viken fylkeskommune" in _names(page_2023)
    assert "Viken fylkeskommune" not in _names(page_2024)
    assert "Oslo" in _names(page_2023)
    assert "Oslo" in _names(page_2024)


async def test_organizations_unknown_network_slug_is_bad_user_input(client: GraphQLClient) -> None:
    errors = await client.query_errors(ORGANIZATIONS, {"filter": {"networkSlug": "nope"}})
    assert len(errors) == 1
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "nope" in errors[0].message


async def test_organizations_norwegian_order_puts_æøå_after_z(client: GraphQLClient) -> None:
    page = await _list(
        client, {"asOf": "2024-06-01", "kinds": ["MUNICIPALITY"]}, first=None, last=3
    )
    assert _names(page) == ["Ås", "Åseral", "Åsnes"]
    assert page["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True}


async def test_organizations_norwegian_order_of_the_whole_list(client: GraphQLClient) -> None:
    names: list[str] = []
    after = None
    while True:
        data = await client.query(MUNICIPALITIES_2024_PAGE, {"after": after})
        page = data["organizations"]
        names += [n["name"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(names) == 357
    assert names[:3] == ["Alstahaug", "Alta", "Alvdal"]
    first_z = max(i for i, n in enumerate(names) if n[0] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    tail = names[first_z + 1 :]
    assert all(n[0] in "ÆØÅ" for n in tail)
    initials = [n[0] for n in tail]
    assert initials == sorted(initials, key="ÆØÅ".index)
    assert tail[-8:] == ["Ål", "Ålesund", "Åmli", "Åmot", "Årdal", "Ås", "Åseral", "Åsnes"]
    assert names.index("Lillestrøm") < names.index("Lunner") < names.index("Lørenskog")
