"""Cursor connections: walking forwards and backwards, page info, argument checks."""

from typing import Any

import pytest

from db.demo import ROLES as DEMO_ROLES
from db.demo_accounts import DEMO_NETWORKS
from db.demo_programme_data import MEMBERS as DEMO_MEMBERS
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

ORGANIZATIONS = """
query ($first: Int, $after: String, $last: Int, $before: String) {
  organizations(filter: {asOf: "2024-06-01"}, first: $first, after: $after,
                last: $last, before: $before) {
    totalCount
    edges { cursor node { id name } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

NETWORKS = """
query ($first: Int, $after: String, $last: Int, $before: String) {
  networks(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

PEOPLE = """
query ($first: Int, $after: String, $last: Int, $before: String) {
  people(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

MEMBERS = """
query ($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
  network(slug: $slug) {
    members(asOf: "2024-06-01", first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { id organization { name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}
"""

ALL_NETWORKS_MEMBERS = """
query ($first: Int, $after: String) {
  networks {
    nodes {
      slug
      members(asOf: "2024-06-01", first: $first, after: $after) {
        totalCount
        edges { cursor node { id organization { name } } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  }
}
"""

ORGANIZATION_MEMBERSHIPS = """
query ($after: String) {
  organization(code: "5001") {
    memberships(asOf: "2024-06-01", first: 1, after: $after) {
      totalCount
      edges { cursor node { network { slug } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}
"""

COUNTY_MUNICIPALITIES = """
query ($after: String) {
  counties(asOf: "2023-06-01") {
    number
    municipalities(first: 20, after: $after) {
      totalCount
      edges { cursor node { code } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}
"""

ORGANIZATION_NETWORKS = """
query ($after: String) {
  organization(code: "0301") {
    networks(asOf: "2024-06-01", first: 1, after: $after) {
      totalCount
      nodes { slug }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}
"""

ORGANIZATIONS_TOTAL = 357 + 14 + 1
MEMBER_TOTALS = {
    "storbynettverk-kultur": 10,
    "kommunenettverk-kultur": 17,
    "fylkesdirektorkollegiet-kultur": 15,
}


async def _organizations(client: GraphQLClient, **args: Any) -> Any:
    return (await client.query(ORGANIZATIONS, args))["organizations"]


async def _all_forwards(client: GraphQLClient, size: int) -> list[Any]:
    pages = []
    after = None
    while True:
        page = await _organizations(client, first=size, after=after)
        pages.append(page)
        if not page["pageInfo"]["hasNextPage"]:
            return pages
        after = page["pageInfo"]["endCursor"]
        assert len(pages) < 100, "does not end"


async def _all_backwards(client: GraphQLClient, size: int) -> list[Any]:
    pages = []
    before = None
    while True:
        page = await _organizations(client, last=size, before=before)
        pages.append(page)
        if not page["pageInfo"]["hasPreviousPage"]:
            return pages
        before = page["pageInfo"]["startCursor"]
        assert len(pages) < 100, "does not end"


def _ids(pages: list[Any]) -> list[str]:
    return [edge["node"]["id"] for page in pages for edge in page["edges"]]


@pytest.mark.parametrize("size", [100, 37, 10])
async def test_pagination_forwards_walks_every_item_once(client: GraphQLClient, size: int) -> None:
    pages = await _all_forwards(client, size)
    ids = _ids(pages)
    assert len(ids) == ORGANIZATIONS_TOTAL
    assert len(set(ids)) == ORGANIZATIONS_TOTAL
    assert len(pages) == -(-ORGANIZATIONS_TOTAL // size)
    for number, page in enumerate(pages):
        assert page["totalCount"] == ORGANIZATIONS_TOTAL
        last = number == len(pages) - 1
        assert len(page["edges"]) == (ORGANIZATIONS_TOTAL - size * number if last else size)
        assert page["pageInfo"]["hasNextPage"] is not last
        assert page["pageInfo"]["hasPreviousPage"] is (number > 0)
        assert page["pageInfo"]["startCursor"] == page["edges"][0]["cursor"]
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        assert [n["id"] for n in page["nodes"]] == [e["node"]["id"] for e in page["edges"]]


async def test_pagination_forwards_matches_one_ordering(client: GraphQLClient) -> None:
    small = _ids(await _all_forwards(client, 10))
    large = _ids(await _all_forwards(client, 100))
    assert small == large


async def test_pagination_backwards_walks_every_item_once(client: GraphQLClient) -> None:
    forwards = _ids(await _all_forwards(client, 100))
    pages = await _all_backwards(client, 100)
    assert len(pages) == 4
    # Pages come last-first; the items within a page keep the list order.
    backwards = _ids(list(reversed(pages)))
    assert backwards == forwards
    for number, page in enumerate(pages):
        first_page = number == len(pages) - 1
        assert len(page["edges"]) == (ORGANIZATIONS_TOTAL - 300 if first_page else 100)
        assert page["pageInfo"]["hasPreviousPage"] is not first_page
        assert page["pageInfo"]["hasNextPage"] is (number > 0)
        assert page["pageInfo"]["startCursor"] == page["edges"][0]["cursor"]
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]


async def test_pagination_last_page_without_cursor(client: GraphQLClient) -> None:
    forwards = _ids(await _all_forwards(client, 100))
    page = await _organizations(client, last=3)
    assert [e["node"]["id"] for e in page["edges"]] == forwards[-3:]
    assert page["pageInfo"]["hasNextPage"] is False
    assert page["pageInfo"]["hasPreviousPage"] is True


async def test_pagination_cursor_window_after_and_before(client: GraphQLClient) -> None:
    page = await _organizations(client, first=10)
    edges = page["edges"]
    window = await _organizations(
        client, first=100, after=edges[2]["cursor"], before=edges[7]["cursor"]
    )
    assert [e["node"]["id"] for e in window["edges"]] == [e["node"]["id"] for e in edges[3:7]]
    tail = await _organizations(client, last=2, after=edges[2]["cursor"], before=edges[7]["cursor"])
    assert [e["node"]["id"] for e in tail["edges"]] == [e["node"]["id"] for e in edges[5:7]]


async def test_pagination_after_the_last_item_is_empty(client: GraphQLClient) -> None:
    last = await _organizations(client, last=1)
    page = await _organizations(client, first=10, after=last["pageInfo"]["endCursor"])
    assert page["edges"] == []
    assert page["pageInfo"]["hasNextPage"] is False
    assert page["pageInfo"]["startCursor"] is None
    assert page["pageInfo"]["endCursor"] is None
    assert page["totalCount"] == ORGANIZATIONS_TOTAL


async def test_pagination_default_page_size_is_50(client: GraphQLClient) -> None:
    page = await _organizations(client)
    assert len(page["edges"]) == 50
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["hasPreviousPage"] is False


async def test_pagination_first_0_returns_no_edges(client: GraphQLClient) -> None:
    page = await _organizations(client, first=0)
    assert page["edges"] == []
    assert page["nodes"] == []
    assert page["totalCount"] == ORGANIZATIONS_TOTAL
    assert page["pageInfo"]["startCursor"] is None
    assert page["pageInfo"]["endCursor"] is None
    assert page["pageInfo"]["hasNextPage"] is True


async def test_pagination_last_0_returns_no_edges(client: GraphQLClient) -> None:
    page = await _organizations(client, last=0)
    assert page["edges"] == []
    assert page["totalCount"] == ORGANIZATIONS_TOTAL


async def test_pagination_total_count_independent_of_page(client: GraphQLClient) -> None:
    for args in ({"first": 1}, {"first": 100}, {"last": 5}, {"first": 0}):
        assert (await _organizations(client, **args))["totalCount"] == ORGANIZATIONS_TOTAL
    middle = await _organizations(client, first=5)
    after = await _organizations(client, first=5, after=middle["pageInfo"]["endCursor"])
    assert after["totalCount"] == ORGANIZATIONS_TOTAL


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        ({"first": 101}, "first"),
        ({"last": 101}, "last"),
        ({"first": -1}, "first"),
        ({"last": -1}, "last"),
    ],
)
async def test_pagination_out_of_range_size_is_bad_user_input(
    client: GraphQLClient, args: dict[str, int], argument: str
) -> None:
    errors = await client.query_errors(ORGANIZATIONS, args)
    assert len(errors) == 1
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert f"`{argument}`" in errors[0].message
    assert errors[0].path == ["organizations"]


@pytest.mark.parametrize("document", [NETWORKS, PEOPLE])
async def test_pagination_size_is_checked_on_every_root_connection(
    client: GraphQLClient, document: str
) -> None:
    for args, argument in (({"first": 101}, "first"), ({"last": -1}, "last")):
        errors = await client.query_errors(document, args)
        assert errors[0].extensions is not None
        assert errors[0].extensions["code"] == "BAD_USER_INPUT"
        assert f"`{argument}`" in errors[0].message


async def test_pagination_size_is_checked_on_nested_connections(client: GraphQLClient) -> None:
    errors = await client.query_errors(MEMBERS, {"slug": "storbynettverk-kultur", "first": 101})
    assert len(errors) == 1
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "`first`" in errors[0].message
    assert errors[0].path == ["network", "members"]


async def test_pagination_first_and_last_together_is_bad_user_input(
    client: GraphQLClient,
) -> None:
    errors = await client.query_errors(ORGANIZATIONS, {"first": 1, "last": 1})
    assert len(errors) == 1
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "`first`" in errors[0].message
    assert "`last`" in errors[0].message


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "", "!!!", "WzEsMl0", "WyJhIiwiYiJd", "W251bGwsMV0", "WyJhIiwxLjVd", "e30"],
)
async def test_pagination_garbage_cursor_is_bad_user_input(
    client: GraphQLClient, cursor: str
) -> None:
    for argument in ("after", "before"):
        errors = await client.query_errors(ORGANIZATIONS, {"first": 5, argument: cursor})
        assert len(errors) == 1
        assert errors[0].extensions is not None
        assert errors[0].extensions["code"] == "BAD_USER_INPUT", (argument, cursor)
        assert f"`{argument}`" in errors[0].message


async def test_pagination_cursor_of_another_list_is_bad_user_input(
    client: GraphQLClient,
) -> None:
    # Networks and people are both ordered by (name, id): the cursor fits the shape, not the list.
    data = await client.query(NETWORKS, {"first": 1})
    cursor = data["networks"]["pageInfo"]["endCursor"]
    assert (await client.query(NETWORKS, {"first": 1, "after": cursor}))["networks"]["edges"]
    errors = await client.query_errors(PEOPLE, {"first": 1, "after": cursor})
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert errors[0].message == "`after` is not a cursor of this connection."


async def test_pagination_networks_pages_of_one(client: GraphQLClient) -> None:
    slugs = []
    after = None
    for number in range(3):
        data = await client.query(NETWORKS, {"first": 1, "after": after})
        page = data["networks"]
        assert page["totalCount"] == 3
        assert page["pageInfo"]["hasNextPage"] is (number < 2)
        assert page["pageInfo"]["hasPreviousPage"] is (number > 0)
        slugs += [e["node"]["slug"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert slugs == [
        "fylkesdirektorkollegiet-kultur",
        "kommunenettverk-kultur",
        "storbynettverk-kultur",
    ]


async def test_pagination_people_backwards(client: GraphQLClient) -> None:
    # The 5 real people of the demo roles, the 21 fictional demo members and the 3 invented demo
    # coordinators, by name in code-point order (as both databases sort names).
    people = sorted(
        {role.person for role in DEMO_ROLES}
        | {member.name for member in DEMO_MEMBERS}
        | {spec.coordinator for spec in DEMO_NETWORKS}
    )
    assert len(people) == 5 + 21 + 3
    names: list[str] = []
    before = None
    pages = 0
    while True:
        data = await client.query(PEOPLE, {"last": 2, "before": before})
        page = data["people"]
        assert page["totalCount"] == len(people)
        # Full pages of two from the end; the odd one out is alone on the first page.
        assert len(page["edges"]) == min(2, len(people) - len(names))
        names = [e["node"]["name"] for e in page["edges"]] + names
        pages += 1
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert pages == 15
    assert names == people
    assert names[:3] == ["Anders Netland", "Ann Evy Duun", "Arne Demones"]
    assert names[-3:] == ["Trond Demobakken", "Tuva Demoland", "Vegard Demoby"]


@pytest.mark.parametrize("slug", list(MEMBER_TOTALS))
async def test_pagination_members_pages_of_five(client: GraphQLClient, slug: str) -> None:
    full = await client.query(MEMBERS, {"slug": slug, "first": 100})
    expected = [e["node"]["id"] for e in full["network"]["members"]["edges"]]
    assert len(expected) == MEMBER_TOTALS[slug]
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        data = await client.query(MEMBERS, {"slug": slug, "first": 5, "after": after})
        members = data["network"]["members"]
        assert members["totalCount"] == MEMBER_TOTALS[slug]
        assert len(members["edges"]) <= 5
        assert members["pageInfo"]["hasPreviousPage"] is (pages > 0)
        seen += [e["node"]["id"] for e in members["edges"]]
        pages += 1
        if not members["pageInfo"]["hasNextPage"]:
            break
        after = members["pageInfo"]["endCursor"]
    assert seen == expected
    assert pages == -(-MEMBER_TOTALS[slug] // 5)


@pytest.mark.parametrize("slug", list(MEMBER_TOTALS))
async def test_pagination_members_backwards(client: GraphQLClient, slug: str) -> None:
    full = await client.query(MEMBERS, {"slug": slug, "first": 100})
    expected = [e["node"]["id"] for e in full["network"]["members"]["edges"]]
    seen: list[str] = []
    before = None
    while True:
        data = await client.query(MEMBERS, {"slug": slug, "last": 4, "before": before})
        members = data["network"]["members"]
        seen = [e["node"]["id"] for e in members["edges"]] + seen
        if not members["pageInfo"]["hasPreviousPage"]:
            break
        before = members["pageInfo"]["startCursor"]
    assert seen == expected


async def test_pagination_nested_first_page_for_every_network(client: GraphQLClient) -> None:
    data = await client.query(ALL_NETWORKS_MEMBERS, {"first": 5})
    for network in data["networks"]["nodes"]:
        slug = network["slug"]
        members = network["members"]
        assert members["totalCount"] == MEMBER_TOTALS[slug]
        assert len(members["edges"]) == 5
        assert members["pageInfo"]["hasNextPage"] is True
        assert members["pageInfo"]["hasPreviousPage"] is False
        alone = await client.query(MEMBERS, {"slug": slug, "first": 5})
        assert members["edges"] == alone["network"]["members"]["edges"]


async def test_pagination_nested_second_page_per_network(client: GraphQLClient) -> None:
    first = await client.query(ALL_NETWORKS_MEMBERS, {"first": 5})
    for network in first["networks"]["nodes"]:
        slug = network["slug"]
        cursor = network["members"]["pageInfo"]["endCursor"]
        second = await client.query(MEMBERS, {"slug": slug, "first": 5, "after": cursor})
        members = second["network"]["members"]
        first_ids = {e["node"]["id"] for e in network["members"]["edges"]}
        second_ids = {e["node"]["id"] for e in members["edges"]}
        assert len(second_ids) == 5
        assert not first_ids & second_ids
        assert members["pageInfo"]["hasPreviousPage"] is True
        assert members["pageInfo"]["hasNextPage"] is (MEMBER_TOTALS[slug] > 10)


async def test_pagination_nested_page_of_one_organisation(client: GraphQLClient) -> None:
    first = await client.query(ORGANIZATION_MEMBERSHIPS, {"after": None})
    page = first["organization"]["memberships"]
    assert page["totalCount"] == 2
    assert [e["node"]["network"]["slug"] for e in page["edges"]] == ["storbynettverk-kultur"]
    assert page["pageInfo"]["hasNextPage"] is True
    second = await client.query(ORGANIZATION_MEMBERSHIPS, {"after": page["pageInfo"]["endCursor"]})
    page = second["organization"]["memberships"]
    assert [e["node"]["network"]["slug"] for e in page["edges"]] == ["kommunenettverk-kultur"]
    assert page["pageInfo"]["hasNextPage"] is False
    assert page["pageInfo"]["hasPreviousPage"] is True


async def test_pagination_county_municipalities_walk_viken(client: GraphQLClient) -> None:
    codes: list[str] = []
    after = None
    pages = 0
    while True:
        data = await client.query(COUNTY_MUNICIPALITIES, {"after": after})
        viken = next(c for c in data["counties"] if c["number"] == "30")
        page = viken["municipalities"]
        assert page["totalCount"] == 51
        assert page["pageInfo"]["hasPreviousPage"] is (pages > 0)
        codes += [e["node"]["code"] for e in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == 3
    assert len(codes) == len(set(codes)) == 51
    assert all(code.startswith("30") for code in codes)


async def test_pagination_organization_networks_pages_of_one(client: GraphQLClient) -> None:
    first = await client.query(ORGANIZATION_NETWORKS, {"after": None})
    page = first["organization"]["networks"]
    assert page["totalCount"] == 2
    assert [n["slug"] for n in page["nodes"]] == ["fylkesdirektorkollegiet-kultur"]
    assert page["pageInfo"]["hasNextPage"] is True
    second = await client.query(ORGANIZATION_NETWORKS, {"after": page["pageInfo"]["endCursor"]})
    page = second["organization"]["networks"]
    assert [n["slug"] for n in page["nodes"]] == ["storbynettverk-kultur"]
    assert page["pageInfo"]["hasNextPage"] is False
    assert page["pageInfo"]["hasPreviousPage"] is True
