import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

DISCUSSED_IN = """
query ($slug: String!, $from: Date, $to: Date, $sub: Boolean! = true) {
  topic(slug: $slug) {
    discussedIn(from: $from, to: $to, includeSubtopics: $sub) {
      network { slug }
      meetingCount agendaItemCount noteCount firstDiscussedOn lastDiscussedOn
      meetings(first: 10) { totalCount nodes { startsOn } }
    }
  }
}
"""


def _by_network(data: dict) -> dict[str, dict]:
    return {d["network"]["slug"]: d for d in data["topic"]["discussedIn"]}


async def test_discussed_in_includes_subtopics_and_visible_notes_only(
    client: GraphQLClient,
) -> None:
    found = _by_network(await client.query(DISCUSSED_IN, {"slug": "kultur"}))
    assert set(found) == {"nett-a", "nett-b"}
    a = found["nett-a"]
    assert (a["meetingCount"], a["agendaItemCount"], a["noteCount"]) == (2, 2, 1)
    assert (a["firstDiscussedOn"], a["lastDiscussedOn"]) == ("2024-02-01", "2024-05-01")
    assert [m["startsOn"] for m in a["meetings"]["nodes"]] == ["2024-02-01", "2024-05-01"]
    assert a["meetings"]["totalCount"] == 2
    b = found["nett-b"]
    assert (b["meetingCount"], b["agendaItemCount"], b["noteCount"]) == (1, 1, 0)


async def test_discussed_in_without_subtopics_counts_direct_tags_only(
    client: GraphQLClient,
) -> None:
    found = _by_network(await client.query(DISCUSSED_IN, {"slug": "kultur", "sub": False}))
    assert set(found) == {"nett-a"}
    assert (found["nett-a"]["meetingCount"], found["nett-a"]["agendaItemCount"]) == (1, 0)


async def test_discussed_in_film_skips_cancelled_meetings_and_staff_notes(
    client: GraphQLClient,
) -> None:
    found = _by_network(await client.query(DISCUSSED_IN, {"slug": "film"}))
    a, b = found["nett-a"], found["nett-b"]
    assert (a["meetingCount"], a["noteCount"], a["firstDiscussedOn"]) == (1, 0, "2024-11-01")
    assert (b["meetingCount"], b["agendaItemCount"], b["noteCount"]) == (1, 1, 1)
    assert b["firstDiscussedOn"] == "2023-03-01"


async def test_discussed_in_period_is_inclusive(client: GraphQLClient) -> None:
    variables = {"slug": "kultur", "from": "2024-05-01", "to": "2024-05-01"}
    found = _by_network(await client.query(DISCUSSED_IN, variables))
    assert set(found) == {"nett-a"}
    assert found["nett-a"]["meetingCount"] == 1


async def test_topic_found_by_alias_case_insensitively(client: GraphQLClient) -> None:
    data = await client.query('{ topic(slug: "kulturlova") { slug aliases parent { slug } } }')
    assert data["topic"] == {
        "slug": "lov",
        "aliases": ["Kulturlova", "lova"],
        "parent": {"slug": "kultur"},
    }


async def test_topics_tree_children_and_ancestors(client: GraphQLClient) -> None:
    data = await client.query(
        """{ topics(filter: {rootsOnly: true}) { nodes { slug children { slug children { slug } } } }
             topic(slug: "lov-detalj") { ancestors { slug } } }"""
    )
    assert data["topics"]["nodes"] == [
        {"slug": "film", "children": [{"slug": "kino", "children": []}]},
        {"slug": "kultur", "children": [{"slug": "lov", "children": [{"slug": "lov-detalj"}]}]},
    ]
    assert data["topic"]["ancestors"] == [{"slug": "kultur"}, {"slug": "lov"}]


async def test_topics_filter_by_parent_and_alias_search(client: GraphQLClient) -> None:
    data = await client.query(
        """{ a: topics(filter: {parent: "kultur"}) { nodes { slug } }
             b: topics(filter: {search: "LOVA"}) { nodes { slug } } }"""
    )
    assert data["a"]["nodes"] == [{"slug": "lov"}]
    assert data["b"]["nodes"] == [{"slug": "lov"}]
    errors = await client.query_errors('{ topics(filter: {parent: "nope"}) { totalCount } }')
    assert errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "filter.parent"}
