"""Posting, editing, deleting and restoring notes, with permissions, versions and audit."""

import uuid

import pytest

from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

CREATE = """
mutation ($i: NoteCreateInput!) {
  noteCreate(input: $i) {
    note { id title body visibility version author { name } onBehalfOf { name } topics { slug } }
    userErrors { field message code }
  }
}
"""
UPDATE = """
mutation ($i: NoteUpdateInput!) {
  noteUpdate(input: $i) { note { id body version } userErrors { field code message } }
}
"""
DELETE = "mutation ($i: NoteIdInput!) { noteDelete(input: $i) { userErrors { code } } }"
RESTORE = (
    "mutation ($i: NoteIdInput!) { noteRestore(input: $i) { note { body } userErrors { code } } }"
)
READ = (
    "query ($id: ID!) { node(id: $id) { ... on Note { body version revisions { version body } } } }"
)


def _meeting(world: WriteWorld, key: str = "a1") -> str:
    return gid("Meeting", world.world.meetings[key])


async def _create(api: Api, world: WriteWorld, account: str, **fields: object) -> dict:
    token = await api.login(account)
    data = await api.gql(
        CREATE,
        {"i": {"meetingId": _meeting(world), "body": f"Notat {uuid.uuid4()}", **fields}},
        token=token,
    )
    return data["noteCreate"]


async def test_note_create_by_member_fills_author_and_organisation(
    api: Api, write_world: WriteWorld
) -> None:
    result = await _create(api, write_world, "member-a", title="Referat", topics=["lov"])
    assert result["userErrors"] == []
    note = result["note"]
    assert note["author"] == {"name": "Medlem Anna Demo"}
    assert note["onBehalfOf"] == {"name": "Oslo"}
    assert (note["visibility"], note["version"], note["topics"]) == (
        "NETWORK",
        1,
        [{"slug": "lov"}],
    )


async def test_note_create_refuses_anonymous_outsiders_and_bad_input(
    api: Api, write_world: WriteWorld
) -> None:
    anonymous = await api.gql(CREATE, {"i": {"meetingId": _meeting(write_world), "body": "x"}})
    assert anonymous["noteCreate"]["userErrors"][0]["code"] == "UNAUTHENTICATED"
    outsider = await _create(api, write_world, "member-b")
    assert outsider["userErrors"][0]["code"] == "FORBIDDEN"
    assert outsider["note"] is None
    empty = await _create(api, write_world, "member-a", body="   ")
    assert empty["userErrors"] == [
        {"field": ["input", "body"], "message": "A note needs a body.", "code": "INVALID"}
    ]
    topic = await _create(api, write_world, "member-a", topics=["nope"])
    assert topic["userErrors"][0]["field"] == ["input", "topics"]
    token = await api.login("member-a")
    bad_id = await api.gql(CREATE, {"i": {"meetingId": "garbage", "body": "x"}}, token=token)
    assert bad_id["noteCreate"]["userErrors"][0]["field"] == ["input", "meetingId"]


async def test_note_body_is_stored_exactly_as_written(api: Api, write_world: WriteWorld) -> None:
    body = "<script>alert(1)</script>\n\n# Tittel\n\n- *æøå*"
    result = await _create(api, write_world, "member-a", body=body)
    assert result["note"]["body"] == body


async def test_note_update_with_stale_version_conflicts_and_keeps_the_text(
    api: Api, write_world: WriteWorld
) -> None:
    note = (await _create(api, write_world, "member-a", body="første"))["note"]
    token = await api.login("member-a")
    first = await api.gql(
        UPDATE, {"i": {"id": note["id"], "expectedVersion": 1, "body": "andre"}}, token=token
    )
    assert first["noteUpdate"]["note"] == {"id": note["id"], "body": "andre", "version": 2}
    stale = await api.gql(
        UPDATE, {"i": {"id": note["id"], "expectedVersion": 1, "body": "tredje"}}, token=token
    )
    assert stale["noteUpdate"]["userErrors"][0]["code"] == "CONFLICT"
    assert stale["noteUpdate"]["note"] is None
    now = await api.gql(READ, {"id": note["id"]}, token=token)
    assert now["node"]["body"] == "andre"
    assert now["node"]["revisions"] == [{"version": 1, "body": "første"}]


async def test_only_the_author_or_staff_may_edit(api: Api, write_world: WriteWorld) -> None:
    note = (await _create(api, write_world, "member-a", visibility="PUBLIC"))["note"]
    leader = await api.login("leader-a")
    refused = await api.gql(
        UPDATE, {"i": {"id": note["id"], "expectedVersion": 1, "body": "x"}}, token=leader
    )
    assert refused["noteUpdate"]["userErrors"][0]["code"] == "FORBIDDEN"
    staff = await api.login("staff")
    done = await api.gql(
        UPDATE, {"i": {"id": note["id"], "expectedVersion": 1, "body": "y"}}, token=staff
    )
    assert done["noteUpdate"]["note"]["version"] == 2


async def test_delete_hides_and_staff_restores(api: Api, write_world: WriteWorld) -> None:
    note = (await _create(api, write_world, "member-a", visibility="PUBLIC"))["note"]
    member = await api.login("member-a")
    deleted = await api.gql(DELETE, {"i": {"id": note["id"]}}, token=member)
    assert deleted["noteDelete"]["userErrors"] == []
    assert (await api.gql(READ, {"id": note["id"]}, token=member))["node"] is None
    again = await api.gql(DELETE, {"i": {"id": note["id"]}}, token=member)
    assert again["noteDelete"]["userErrors"][0]["code"] == "NOT_FOUND"
    refused = await api.gql(RESTORE, {"i": {"id": note["id"]}}, token=member)
    assert refused["noteRestore"]["userErrors"][0]["code"] == "FORBIDDEN"
    staff = await api.login("staff")
    restored = await api.gql(RESTORE, {"i": {"id": note["id"]}}, token=staff)
    assert restored["noteRestore"]["note"] is not None
    assert (await api.gql(READ, {"id": note["id"]}))["node"] is not None


async def test_hidden_note_cannot_be_edited_and_looks_missing(
    api: Api, write_world: WriteWorld
) -> None:
    note = (await _create(api, write_world, "member-a", visibility="NETWORK"))["note"]
    outsider = await api.login("member-b")
    result = await api.gql(
        UPDATE, {"i": {"id": note["id"], "expectedVersion": 1, "body": "x"}}, token=outsider
    )
    missing = await api.gql(
        UPDATE,
        {"i": {"id": gid("Note", 999999), "expectedVersion": 1, "body": "x"}},
        token=outsider,
    )
    assert result["noteUpdate"]["userErrors"] == missing["noteUpdate"]["userErrors"]
    assert result["noteUpdate"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_idempotency_key_makes_one_note_and_refuses_a_different_input(
    api: Api, write_world: WriteWorld
) -> None:
    key = str(uuid.uuid4())
    token = await api.login("member-a")
    variables = {
        "i": {"meetingId": _meeting(write_world), "body": "éin gong", "idempotencyKey": key}
    }
    first = await api.gql(CREATE, variables, token=token)
    second = await api.gql(CREATE, variables, token=token)
    assert first["noteCreate"]["note"]["id"] == second["noteCreate"]["note"]["id"]
    variables["i"]["body"] = "noko anna"
    other = await api.gql(CREATE, variables, token=token)
    assert other["noteCreate"]["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"
