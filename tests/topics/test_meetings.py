import base64

import pytest

from tests.graphql_client import GraphQLClient
from tests.topics.world import World

pytestmark = pytest.mark.anyio

MEETINGS = """
query ($filter: MeetingFilter, $first: Int) {
  meetings(filter: $filter, first: $first) {
    totalCount
    nodes { startsOn startsAt format status network { slug } }
  }
}
"""


def _days(data: dict) -> list[str]:
    return [m["startsOn"] for m in data["meetings"]["nodes"]]


def gid(type_name: str, key: int) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


async def test_meetings_filter_by_topic_network_format_status_and_period(
    client: GraphQLClient,
) -> None:
    on_topic = await client.query(MEETINGS, {"filter": {"topics": ["kultur"]}})
    assert _days(on_topic) == ["2024-02-01", "2024-03-01", "2024-05-01"]
    in_a = await client.query(MEETINGS, {"filter": {"topics": ["kultur"], "networks": ["nett-a"]}})
    assert _days(in_a) == ["2024-02-01", "2024-05-01"]
    physical = await client.query(MEETINGS, {"filter": {"formats": ["PHYSICAL", "HYBRID"]}})
    assert _days(physical) == ["2024-03-01", "2024-05-01"]
    cancelled = await client.query(MEETINGS, {"filter": {"statuses": ["CANCELLED"]}})
    assert _days(cancelled) == ["2024-09-01"]
    period = await client.query(MEETINGS, {"filter": {"from": "2024-03-01", "to": "2024-09-01"}})
    assert _days(period) == ["2024-03-01", "2024-05-01", "2024-09-01"]
    direct = await client.query(
        MEETINGS, {"filter": {"topics": ["kultur"], "includeSubtopics": False}}
    )
    assert _days(direct) == ["2024-02-01"]


async def test_meeting_times_carry_the_oslo_offset(client: GraphQLClient) -> None:
    data = await client.query(MEETINGS, {"filter": {"networks": ["nett-a"]}, "first": 2})
    assert data["meetings"]["nodes"][0]["startsAt"] == "2024-02-01T10:00:00+01:00"
    assert data["meetings"]["nodes"][1]["startsAt"] == "2024-05-01T10:00:00+02:00"


async def test_meetings_unknown_network_is_a_user_error(client: GraphQLClient) -> None:
    errors = await client.query_errors(MEETINGS, {"filter": {"networks": ["nope"]}})
    assert errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "filter.networks"}


async def test_meeting_agenda_topics_notes_and_attendance(
    client: GraphQLClient, world: World
) -> None:
    data = await client.query(
        """query ($id: ID!) { node(id: $id) { ... on Meeting {
             title topics { slug } agenda { position title topics { slug } }
             notes { totalCount nodes { body visibility topics { slug } author { name } } }
             attendance { present organization { name } }
           } } }""",
        {"id": gid("Meeting", world.meetings["a1"])},
    )
    meeting = data["node"]
    assert meeting["topics"] == [{"slug": "kultur"}]
    assert [(a["position"], [t["slug"] for t in a["topics"]]) for a in meeting["agenda"]] == [
        (1, ["lov"]),
        (2, []),
    ]
    assert meeting["notes"]["totalCount"] == 1
    assert meeting["notes"]["nodes"] == [
        {
            "body": "Offentleg referat om lova.",
            "visibility": "PUBLIC",
            "topics": [{"slug": "lov"}],
            "author": {"name": "Testa Testesen"},
        }
    ]
    assert sorted((a["organization"]["name"], a["present"]) for a in meeting["attendance"]) == [
        ("Bergen", True),
        ("Oslo", True),
    ]


async def test_hidden_and_deleted_notes_are_not_found_by_id(
    client: GraphQLClient, world: World
) -> None:
    ids = [gid("Note", world.notes[k]) for k in ("public", "network", "staff", "deleted")]
    data = await client.query(
        "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Note { body } } }", {"ids": ids}
    )
    assert data["nodes"] == [{"body": "Offentleg referat om lova."}, None, None, None]


async def test_cadence_counts_held_planned_cancelled_against_the_rule(
    client: GraphQLClient,
) -> None:
    data = await client.query(
        """{ network(slug: "nett-a") { cadence(year: 2024) {
             year meetingsPerYear physicalMeetingsPerYear held planned cancelled digital physical
             hybrid scheduled remaining physicalRemaining onTrack kept } } }"""
    )
    assert data["network"]["cadence"] == {
        "year": 2024,
        "meetingsPerYear": 4,
        "physicalMeetingsPerYear": 1,
        "held": 2,
        "planned": 1,
        "cancelled": 1,
        "digital": 2,
        "physical": 1,
        "hybrid": 0,
        "scheduled": 3,
        "remaining": 1,
        "physicalRemaining": 0,
        "onTrack": False,
        "kept": False,
    }


async def test_cadence_counts_hybrid_as_in_person(client: GraphQLClient) -> None:
    data = await client.query(
        '{ network(slug: "nett-b") { cadence(year: 2024) { hybrid physicalRemaining scheduled } } }'
    )
    assert data["network"]["cadence"] == {"hybrid": 1, "physicalRemaining": 0, "scheduled": 1}


async def test_organization_attendance_per_network_and_year(client: GraphQLClient) -> None:
    data = await client.query(
        """{ organization(code: "0301") { attendance(year: 2024) {
             year recorded present absent network { slug } } } }"""
    )
    assert data["organization"]["attendance"] == [
        {"year": 2024, "recorded": 2, "present": 1, "absent": 1, "network": {"slug": "nett-a"}}
    ]


async def test_network_meetings_nested_statement_count_is_constant(client: GraphQLClient) -> None:
    nested = """
    query ($m: Int!, $n: Int!) { networks { nodes { meetings(first: $m) { nodes {
      title agenda { title topics { slug notes(first: $n) { nodes { id body } } } } } } } } }
    """
    await client.query(nested, {"m": 1, "n": 1})
    small = client.last_statements
    await client.query(nested, {"m": 10, "n": 5})
    assert small == client.last_statements == 5
