"""API tokens: created once, listed without secrets, scoped, revoked, expiring."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from db import accounts
from db.accounts import Scope
from db.engine import make_engine
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.test_accounts import VIEWER, assert_dead, fresh_user, login, make_token
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

CREATE = """
mutation ($i: ApiTokenCreateInput!) {
  apiTokenCreate(input: $i) {
    token
    apiToken { id name scopes createdAt expiresAt lastUsedAt revokedAt }
    userErrors { field message code }
  }
}
"""
REVOKE = """
mutation ($i: ApiTokenRevokeInput!) {
  apiTokenRevoke(input: $i) { apiToken { id revokedAt } userErrors { field code } }
}
"""
LIST = """
query ($first: Int, $after: String) {
  viewer {
    apiTokens(first: $first, after: $after) {
      totalCount
      edges { cursor node { id name scopes lastUsedAt revokedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""
NOTE = """
mutation ($i: NoteCreateInput!) { noteCreate(input: $i) { note { id } userErrors { code } } }
"""
NODE = "query ($id: ID!) { node(id: $id) { ... on ApiToken { name } } }"


async def _create(api: Api, session: str, **fields: object) -> dict:
    values = {"name": "CI-eksport", "scopes": ["READ"], **fields}
    return dict((await api.gql(CREATE, {"i": values}, token=session))["apiTokenCreate"])


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_create_shows_the_secret_once_and_lists_without_it(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    assert session is not None
    created = await _create(api, session, scopes=["WRITE_NOTES", "READ", "READ"])
    assert created["userErrors"] == []
    secret = created["token"]
    assert secret.startswith(accounts.TOKEN_PREFIX)
    details = created["apiToken"]
    assert (details["name"], details["scopes"]) == ("CI-eksport", ["READ", "WRITE_NOTES"])
    assert (details["lastUsedAt"], details["revokedAt"]) == (None, None)
    lifetime = _when(details["expiresAt"]) - _when(details["createdAt"])
    assert lifetime == timedelta(days=90)
    response = await api.post(LIST, token=session)
    assert secret not in response.text
    assert accounts.token_hash(secret) not in response.text
    listed = response.json()["data"]["viewer"]["apiTokens"]
    assert listed["totalCount"] == 1
    assert listed["edges"][0]["node"]["id"] == details["id"]
    # Using the token records when it was last used.
    await api.gql(VIEWER, token=secret)
    again = await api.gql(LIST, token=session)
    assert again["viewer"]["apiTokens"]["edges"][0]["node"]["lastUsedAt"] is not None


async def test_tokens_are_listed_newest_first_and_paged(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    assert session is not None
    for n in range(3):
        assert (await _create(api, session, name=f"t{n}"))["userErrors"] == []
    first = await api.gql(LIST, {"first": 2}, token=session)
    page = first["viewer"]["apiTokens"]
    assert [e["node"]["name"] for e in page["edges"]] == ["t2", "t1"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await api.gql(LIST, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=session)
    assert [e["node"]["name"] for e in rest["viewer"]["apiTokens"]["edges"]] == ["t0"]
    # Another user sees only their own.
    other = await fresh_user(write_db[0])
    other_session = await login(api, other.email)
    assert other_session is not None
    assert (await api.gql(LIST, token=other_session))["viewer"]["apiTokens"]["totalCount"] == 0


async def test_create_validates_its_input(api: Api, write_world: WriteWorld) -> None:
    session = await api.login("member-a")
    for fields, field in (
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"scopes": []}, "scopes"),
        ({"expiresInDays": 0}, "expiresInDays"),
        ({"expiresInDays": 367}, "expiresInDays"),
    ):
        result = await _create(api, session, **fields)
        assert result["token"] is None
        assert result["apiToken"] is None
        assert result["userErrors"][0]["code"] == "INVALID", fields
        assert result["userErrors"][0]["field"] == ["input", field]
    longest = await _create(api, session, expiresInDays=366)
    lifetime = _when(longest["apiToken"]["expiresAt"]) - _when(longest["apiToken"]["createdAt"])
    assert lifetime == timedelta(days=366)


async def test_admin_scope_is_for_staff_and_tokens_need_admin_to_make_tokens(
    api: Api, write_world: WriteWorld
) -> None:
    anonymous = await api.gql(CREATE, {"i": {"name": "x", "scopes": ["READ"]}})
    assert anonymous["apiTokenCreate"]["userErrors"][0]["code"] == "UNAUTHENTICATED"
    member = await api.login("member-a")
    refused = await _create(api, member, scopes=["READ", "ADMIN"])
    assert refused["userErrors"][0]["code"] == "FORBIDDEN"
    write_token = await make_token(api, member, "READ", "WRITE_NOTES")
    by_token = await _create(api, write_token)
    assert by_token["userErrors"][0]["code"] == "FORBIDDEN"
    staff = await api.login("staff")
    admin = await make_token(api, staff, "ADMIN")
    assert (await api.gql(VIEWER, token=admin))["viewer"]["isStaff"] is True
    plain = await make_token(api, staff, "READ")
    assert (await api.gql(VIEWER, token=plain))["viewer"]["isStaff"] is False
    by_admin = await _create(api, admin, scopes=["READ", "ADMIN"])
    assert by_admin["userErrors"] == []
    assert by_admin["apiToken"]["scopes"] == ["ADMIN", "READ"]


async def test_scopes_are_enforced_and_reads_are_the_owners(
    api: Api, write_world: WriteWorld
) -> None:
    session = await api.login("member-a")
    meeting = gid("Meeting", write_world.world.meetings["a1"])
    note = {"meetingId": meeting, "body": f"Frå token {uuid.uuid4()}", "visibility": "NETWORK"}
    read_only = await make_token(api, session, "READ")
    refused = await api.gql(NOTE, {"i": note}, token=read_only)
    assert refused["noteCreate"] == {"note": None, "userErrors": [{"code": "FORBIDDEN"}]}
    writer = await make_token(api, session, "WRITE_NOTES")
    written = await api.gql(NOTE, {"i": note}, token=writer)
    assert written["noteCreate"]["userErrors"] == []
    note_id = written["noteCreate"]["note"]["id"]
    read = "query ($id: ID!) { node(id: $id) { ... on Note { body } } }"
    # The read-only token reads the member's NETWORK note; an outsider's session does not.
    assert (await api.gql(read, {"id": note_id}, token=read_only))["node"] == {"body": note["body"]}
    outsider = await api.login("member-b")
    assert (await api.gql(read, {"id": note_id}, token=outsider))["node"] is None
    viewer = await api.gql("{ viewer { scopes networks { slug } } }", token=read_only)
    assert viewer["viewer"]["scopes"] == ["read"]
    assert viewer["viewer"]["networks"] != []


async def test_revoked_token_gets_401_on_its_next_use(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    assert session is not None
    created = await _create(api, session)
    token, token_id = created["token"], created["apiToken"]["id"]
    assert (await api.gql(VIEWER, token=token))["viewer"]["user"]["email"] == user.email
    revoked = await api.gql(REVOKE, {"i": {"id": token_id}}, token=session)
    assert revoked["apiTokenRevoke"]["userErrors"] == []
    assert revoked["apiTokenRevoke"]["apiToken"]["revokedAt"] is not None
    await assert_dead(api, token)
    again = await api.gql(REVOKE, {"i": {"id": token_id}}, token=session)
    assert again["apiTokenRevoke"]["userErrors"] == [{"field": ["input", "id"], "code": "INVALID"}]
    # The session itself is untouched.
    assert (await api.gql(VIEWER, token=session))["viewer"] is not None


async def test_only_the_owner_revokes_and_sees_a_token(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    owner = await fresh_user(write_db[0])
    owner_session = await login(api, owner.email)
    assert owner_session is not None
    created = await _create(api, owner_session)
    token_id = created["apiToken"]["id"]
    assert (await api.gql(NODE, {"id": token_id}, token=owner_session))["node"] == {
        "name": "CI-eksport"
    }
    for account in ("member-b", "staff"):
        other = await api.login(account)
        refused = await api.gql(REVOKE, {"i": {"id": token_id}}, token=other)
        assert refused["apiTokenRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
        assert (await api.gql(NODE, {"id": token_id}, token=other))["node"] is None
    missing = await api.gql(REVOKE, {"i": {"id": gid("ApiToken", 999_999)}}, token=owner_session)
    assert missing["apiTokenRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await api.gql(VIEWER, token=created["token"]))["viewer"] is not None


async def test_a_token_may_revoke_itself_but_not_its_siblings(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    assert session is not None
    first = await _create(api, session, name="første")
    second = await _create(api, session, name="andre")
    sibling = await api.gql(REVOKE, {"i": {"id": second["apiToken"]["id"]}}, token=first["token"])
    assert sibling["apiTokenRevoke"]["userErrors"][0]["code"] == "FORBIDDEN"
    itself = await api.gql(REVOKE, {"i": {"id": first["apiToken"]["id"]}}, token=first["token"])
    assert itself["apiTokenRevoke"]["userErrors"] == []
    await assert_dead(api, first["token"])
    assert (await api.gql(VIEWER, token=second["token"]))["viewer"] is not None


async def test_logout_with_a_token_revokes_it(api: Api, write_db: tuple[str, WriteWorld]) -> None:
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    assert session is not None
    token = await make_token(api, session, "READ")
    logout = "mutation { logout(input: {}) { ok userErrors { code } } }"
    assert (await api.gql(logout, token=token))["logout"]["ok"] is True
    await assert_dead(api, token)


async def test_expired_token_gets_401(api: Api, write_db: tuple[str, WriteWorld]) -> None:
    url = write_db[0]
    user = await fresh_user(url)
    engine = make_engine(url)
    long_ago = datetime.now(UTC) - timedelta(days=100)
    try:
        async with engine.begin() as conn:
            _, expired = await accounts.create_api_token(
                conn,
                user_id=user.id,
                name="gammal",
                scopes=frozenset({Scope.READ}),
                now=long_ago,
                expires_at=datetime.now(UTC) - timedelta(seconds=1),
            )
            _, live = await accounts.create_api_token(
                conn,
                user_id=user.id,
                name="ny",
                scopes=frozenset({Scope.READ}),
                now=long_ago,
                expires_at=datetime.now(UTC) + timedelta(days=1),
            )
    finally:
        await engine.dispose()
    await assert_dead(api, expired)
    assert (await api.gql(VIEWER, token=live))["viewer"]["user"]["email"] == user.email


async def test_unknown_and_malformed_credentials_get_401(api: Api) -> None:
    await assert_dead(api, accounts.TOKEN_PREFIX + "ikkje-ein-ekte-token")
    await assert_dead(api, accounts.SESSION_PREFIX + "ikkje-ein-ekte-sesjon")
    response = await api.http.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": "Basic Zm9vOmJhcg=="}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
