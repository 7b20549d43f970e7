import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

TIMELINE = """
query ($first: Int, $after: String, $last: Int, $before: String) {
  topic(slug: "kultur") {
    timeline(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      nodes { on kind network { slug } meeting { startsOn } agendaItem { title } note { body } }
    }
  }
}
"""

EXPECTED = [
    ("2024-02-01", "MEETING"),
    ("2024-02-01", "AGENDA_ITEM"),
    ("2024-02-01", "NOTE"),
    ("2024-03-01", "MEETING"),
    ("2024-03-01", "AGENDA_ITEM"),
    ("2024-05-01", "MEETING"),
    ("2024-05-01", "AGENDA_ITEM"),
]


def _entries(data: dict) -> list[tuple[str, str]]:
    return [(n["on"], n["kind"]) for n in data["topic"]["timeline"]["nodes"]]


async def test_timeline_lists_meetings_items_and_visible_notes_in_date_order(
    client: GraphQLClient,
) -> None:
    data = await client.query(TIMELINE)
    assert _entries(data) == EXPECTED
    assert data["topic"]["timeline"]["totalCount"] == 7
    nodes = data["topic"]["timeline"]["nodes"]
    assert nodes[1]["agendaItem"] == {"title": "Sak 1"}
    assert nodes[2]["note"] == {"body": "Offentleg referat om lova."}
    assert nodes[0]["agendaItem"] is None
    assert nodes[0]["note"] is None
    # an agenda item tagged with two sub-topics is one entry
    assert _entries(data).count(("2024-03-01", "AGENDA_ITEM")) == 1


async def test_timeline_pages_forwards_and_backwards(client: GraphQLClient) -> None:
    seen: list[tuple[str, str]] = []
    after = None
    while True:
        data = await client.query(TIMELINE, {"first": 3, "after": after})
        seen += _entries(data)
        info = data["topic"]["timeline"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == EXPECTED
    data = await client.query(TIMELINE, {"last": 2})
    assert _entries(data) == EXPECTED[-2:]
    assert data["topic"]["timeline"]["pageInfo"]["hasPreviousPage"] is True
