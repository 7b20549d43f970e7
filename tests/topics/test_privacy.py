"""An anonymous viewer sees public notes only, through every path, counts included."""

import json

import pytest

from tests.graphql_client import GraphQLClient
from tests.topics.test_meetings import gid
from tests.topics.world import CANARIES, World

pytestmark = pytest.mark.anyio

EVERY_PATH = """
query ($ids: [ID!]!) {
  meetings { nodes { notes { totalCount nodes { id body } } } }
  topics { nodes {
    notes { totalCount nodes { id body } }
    discussedIn { noteCount meetings { nodes { notes { nodes { body } } } } }
    timeline { totalCount nodes { note { id body } } }
  } }
  themeMatrix(filter: {topics: ["kultur", "lov", "film", "kino", "lov-detalj"]}) { cells { noteCount } }
  nodes(ids: $ids) { id ... on Note { body } }
}
"""


async def test_no_hidden_note_or_its_id_appears_anywhere(
    client: GraphQLClient, world: World
) -> None:
    hidden = [world.notes[k] for k in ("network", "staff", "deleted")]
    data = await client.query(EVERY_PATH, {"ids": [gid("Note", k) for k in hidden]})
    text = json.dumps(data)
    for canary in CANARIES:
        assert canary not in text
    for key in hidden:
        assert gid("Note", key) not in text
    assert data["nodes"] == [None, None, None]


async def test_counts_equal_a_world_without_hidden_notes(client: GraphQLClient) -> None:
    data = await client.query(EVERY_PATH, {"ids": []})
    note_counts = sum(m["notes"]["totalCount"] for m in data["meetings"]["nodes"])
    assert note_counts == 2  # the public note at a1 and the film note at b1
    matrix = sum(c["noteCount"] for c in data["themeMatrix"]["cells"])
    assert matrix == 1 + 1 + 1  # kultur and lov count the public note; film the film note
