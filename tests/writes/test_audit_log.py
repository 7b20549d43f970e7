"""The audit log: staff only, one entry per successful mutation, filters, newest first."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.test_accounts import CHANGE, NEW_PASSWORD, fresh_user, login
from tests.writes.world import PASSWORD, WriteWorld

pytestmark = pytest.mark.anyio

LOG = """
query ($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
  auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges {
      cursor
      node { at action objectType objectId viaApiToken actor { email } before after }
    }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
TOKEN = """
mutation ($i: ApiTokenCreateInput!) {
  apiTokenCreate(input: $i) { token apiToken { id } userErrors { code } }
}
"""
REVOKE = "mutation ($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { userErrors { code } } }"
NOTE = """
mutation ($i: NoteCreateInput!) { noteCreate(input: $i) { note { id } userErrors { code } } }
"""
UPDATE = """
mutation ($i: NoteUpdateInput!) { noteUpdate(input: $i) { note { version } userErrors { code } } }
"""


async def _log(api: Api, staff: str, **variables: Any) -> dict[str, Any]:
    return dict((await api.gql(LOG, variables, token=staff))["auditLog"])


def _actions(log: dict[str, Any]) -> list[str]:
    return [edge["node"]["action"] for edge in log["edges"]]


async def test_non_staff_get_a_forbidden_error(api: Api, write_world: WriteWorld) -> None:
    for token in (None, await api.login("member-a"), await api.login("leader-a")):
        response = await api.post(LOG, token=token)
        body = response.json()
        assert response.status_code == 200
        assert body["data"] == {"auditLog": None}
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    # A staff member's token without the admin scope has no staff powers.
    staff = await api.login("staff")
    created = await api.gql(TOKEN, {"i": {"name": "lesar", "scopes": ["READ"]}}, token=staff)
    response = await api.post(LOG, token=created["apiTokenCreate"]["token"])
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_one_entry_per_successful_mutation_and_none_for_refusals(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    url, world = write_db
    user = await fresh_user(url, network=world.world.networks["a"])
    staff = await api.login("staff")
    meeting = gid("Meeting", world.world.meetings["a1"])

    session = await login(api, user.email)  # login
    assert session is not None
    assert await login(api, user.email, "feil passord") is None  # refused: no entry
    created = await api.gql(
        TOKEN, {"i": {"name": "skrivar", "scopes": ["WRITE_NOTES"]}}, token=session
    )  # apiTokenCreate
    token = created["apiTokenCreate"]["token"]
    token_id = created["apiTokenCreate"]["apiToken"]["id"]
    refused = await api.gql(
        TOKEN, {"i": {"name": "admin", "scopes": ["ADMIN"]}}, token=session
    )  # refused: no entry
    assert refused["apiTokenCreate"]["userErrors"][0]["code"] == "FORBIDDEN"
    body = f"Revisjon {uuid.uuid4()}"
    note = await api.gql(NOTE, {"i": {"meetingId": meeting, "body": body}}, token=token)
    note_id = note["noteCreate"]["note"]["id"]  # noteCreate (with the token)
    empty = await api.gql(NOTE, {"i": {"meetingId": meeting, "body": " "}}, token=token)
    assert empty["noteCreate"]["userErrors"][0]["code"] == "INVALID"  # refused: no entry
    await api.gql(
        UPDATE, {"i": {"id": note_id, "expectedVersion": 1, "body": "ny"}}, token=session
    )  # noteUpdate
    stale = await api.gql(
        UPDATE, {"i": {"id": note_id, "expectedVersion": 1, "body": "x"}}, token=session
    )
    assert stale["noteUpdate"]["userErrors"][0]["code"] == "CONFLICT"  # refused: no entry
    await api.gql(REVOKE, {"i": {"id": token_id}}, token=session)  # apiTokenRevoke
    wrong = await api.gql(
        CHANGE, {"i": {"currentPassword": "feil", "newPassword": NEW_PASSWORD}}, token=session
    )
    assert wrong["passwordChange"]["userErrors"][0]["code"] == "UNAUTHENTICATED"  # no entry
    changed = await api.gql(
        CHANGE, {"i": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}}, token=session
    )  # passwordChange
    fresh = changed["passwordChange"]["token"]
    await api.gql("mutation { logout(input: {}) { ok } }", token=fresh)  # logout

    log = await _log(api, staff, filter={"actorEmail": user.email.upper()})
    assert _actions(log) == [
        "logout",
        "passwordChange",
        "apiTokenRevoke",
        "noteUpdate",
        "noteCreate",
        "apiTokenCreate",
        "login",
    ]
    assert log["totalCount"] == 7
    nodes = [edge["node"] for edge in log["edges"]]
    assert all(node["actor"] == {"email": user.email} for node in nodes)
    assert [node["viaApiToken"] for node in nodes] == [
        False,
        False,
        False,
        False,
        True,
        False,
        False,
    ]
    ats = [datetime.fromisoformat(node["at"]) for node in nodes]
    assert ats == sorted(ats, reverse=True)
    by_action = {node["action"]: node for node in nodes}
    assert by_action["noteCreate"]["objectId"] == note_id
    assert by_action["noteUpdate"]["before"]["body"] == body
    assert by_action["noteUpdate"]["after"]["body"] == "ny"
    assert by_action["apiTokenCreate"]["objectId"] == token_id
    assert by_action["apiTokenCreate"]["after"]["scopes"] == ["write:notes"]
    assert by_action["login"]["objectId"] == user.gid
    # No secret and no password hash is ever written to the log.
    response = await api.post(LOG, {"filter": {"actorEmail": user.email}}, token=staff)
    assert token not in response.text
    assert fresh not in response.text
    assert "$argon2" not in response.text


async def test_staff_account_administration_is_logged_with_the_staff_actor(
    api: Api, write_world: WriteWorld
) -> None:
    staff = await api.login("staff")
    email = f"logga-{uuid.uuid4().hex[:8]}@test.invalid"
    create = """
    mutation ($i: UserCreateInput!) { userCreate(input: $i) { user { id } userErrors { code } } }
    """
    created = await api.gql(create, {"i": {"email": email, "password": NEW_PASSWORD}}, token=staff)
    user_id = created["userCreate"]["user"]["id"]
    deactivate = """
    mutation ($i: UserDeactivateInput!) { userDeactivate(input: $i) { userErrors { code } } }
    """
    await api.gql(deactivate, {"i": {"userId": user_id}}, token=staff)
    log = await _log(api, staff, filter={"objectId": user_id})
    assert _actions(log) == ["userDeactivate", "userCreate"]
    nodes = [edge["node"] for edge in log["edges"]]
    assert {node["actor"]["email"] for node in nodes} == {WriteWorld.email("staff")}
    assert nodes[0]["before"] == {"is_active": True}
    assert nodes[0]["after"] == {"is_active": False}
    assert nodes[1]["after"]["email"] == email
    assert "password" not in str(nodes[1]["after"])


async def test_filters_and_paging(api: Api, write_db: tuple[str, WriteWorld]) -> None:
    user = await fresh_user(write_db[0])
    staff = await api.login("staff")
    started = datetime.now(UTC)
    session = await login(api, user.email)
    assert session is not None
    for n in range(4):
        await api.gql(TOKEN, {"i": {"name": f"t{n}", "scopes": ["READ"]}}, token=session)
    mine = {"actorEmail": user.email}
    everything = await _log(api, staff, filter=mine)
    assert everything["totalCount"] == 5
    assert (
        _actions(await _log(api, staff, filter={**mine, "action": "apiTokenCreate"}))
        == ["apiTokenCreate"] * 4
    )
    assert _actions(await _log(api, staff, filter={**mine, "objectType": "User"})) == ["login"]
    soon = (started - timedelta(minutes=1)).isoformat()
    assert (await _log(api, staff, filter={**mine, "from": soon}))["totalCount"] == 5
    assert (await _log(api, staff, filter={**mine, "to": soon}))["totalCount"] == 0
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert (await _log(api, staff, filter={**mine, "from": later}))["totalCount"] == 0

    page = await _log(api, staff, filter=mine, first=2)
    assert page["pageInfo"]["hasNextPage"] is True
    names = [edge["node"]["after"]["name"] for edge in page["edges"]]
    assert names == ["t3", "t2"]
    rest = await _log(api, staff, filter=mine, first=10, after=page["pageInfo"]["endCursor"])
    assert _actions(rest) == ["apiTokenCreate", "apiTokenCreate", "login"]
    assert rest["pageInfo"]["hasNextPage"] is False
    tail = await _log(api, staff, filter=mine, last=1)
    assert _actions(tail) == ["login"]
    before = await _log(api, staff, filter=mine, last=2, before=tail["pageInfo"]["startCursor"])
    assert [edge["node"]["after"]["name"] for edge in before["edges"]] == ["t1", "t0"]
    assert (await _log(api, staff, filter={"actorEmail": "ingen@test.invalid"}))["totalCount"] == 0
    response = await api.post(LOG, {"filter": {"objectId": "garbage"}}, token=staff)
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
