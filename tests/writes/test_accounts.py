"""Password changes, staff creating and deactivating accounts, and the demo accounts.

Tests whose state matters make their own users (`fresh_user`): the write database is shared.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

import httpx
import pytest
from argon2 import PasswordHasher, profiles
from asgi_lifespan import LifespanManager
from sqlalchemy import select

from db import accounts
from db.demo_accounts import DEMO_NETWORKS, DEMO_PASSWORD, STAFF_EMAIL
from db.engine import make_engine
from db.tables import Network, Person, RoleKind, table_of
from db.visibility import viewer_for
from graph.app import create_app
from graph.settings import Settings
from tests import factories as f
from tests.conftest import TODAY
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import PASSWORD, WriteWorld

pytestmark = pytest.mark.anyio

CHEAP_HASH = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)
NEW_PASSWORD = "et heilt nytt passord 2026"

LOGIN = "mutation ($i: LoginInput!) { login(input: $i) { token userErrors { code } } }"
VIEWER = "{ viewer { user { id email } isStaff scopes } }"
CHANGE = """
mutation ($i: PasswordChangeInput!) {
  passwordChange(input: $i) { token expiresAt userErrors { field message code } }
}
"""
CREATE_TOKEN = """
mutation ($i: ApiTokenCreateInput!) {
  apiTokenCreate(input: $i) { token apiToken { id } userErrors { code } }
}
"""
USER_CREATE = """
mutation ($i: UserCreateInput!) {
  userCreate(input: $i) {
    user { id email isStaff person { name } }
    userErrors { field message code }
  }
}
"""
USER_DEACTIVATE = """
mutation ($i: UserDeactivateInput!) {
  userDeactivate(input: $i) { user { id email } userErrors { field message code } }
}
"""


@dataclass(frozen=True)
class Fresh:
    """A user made for one test: id, email and (if any) person."""

    id: int
    email: str
    person_id: int | None

    @property
    def gid(self) -> str:
        return gid("User", self.id)


async def fresh_user(
    url: str,
    *,
    staff: bool = False,
    network: int | None = None,
    kind: RoleKind = RoleKind.REPRESENTATIVE,
) -> Fresh:
    """A new account with password `PASSWORD`; with a person holding a role in `network`."""
    tag = uuid.uuid4().hex[:10]
    email = f"ny-{tag}@test.invalid"
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            person_id = None
            if network is not None:
                person_id = await f.make_person(conn, f"Ny Person {tag}")
                oslo = await f.organization_id(conn, "kommune:0301")
                await f.make_role(conn, network, person_id, kind, oslo, date(2020, 1, 1))
            user_id = await f.make_user(
                conn, email, CHEAP_HASH, person_id=person_id, is_staff=staff
            )
    finally:
        await engine.dispose()
    return Fresh(user_id, email, person_id)


async def login(api: Api, email: str, password: str = PASSWORD) -> str | None:
    """A session token, or None when login is refused."""
    data = await api.gql(LOGIN, {"i": {"email": email, "password": password}})
    return data["login"]["token"]


async def make_token(api: Api, session: str, *scopes: str, name: str = "test") -> str:
    """A new API token of the session's user with the given scopes."""
    data = await api.gql(CREATE_TOKEN, {"i": {"name": name, "scopes": list(scopes)}}, token=session)
    assert data["apiTokenCreate"]["userErrors"] == [], data
    return str(data["apiTokenCreate"]["token"])


async def assert_dead(api: Api, token: str) -> None:
    """The credential is refused with 401 and a Bearer challenge."""
    response = await api.post(VIEWER, token=token)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def _user_row(url: str, user_id: int) -> object:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            users = accounts.USERS
            return (await conn.execute(select(users).where(users.c.id == user_id))).one()
    finally:
        await engine.dispose()


# Password changes


async def test_password_change_revokes_every_session_and_token_and_returns_a_fresh_session(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    url, world = write_db
    user = await fresh_user(url, network=world.world.networks["a"])
    first = await login(api, user.email)
    second = await login(api, user.email)
    assert first is not None
    assert second is not None
    token = await make_token(api, first, "READ", "WRITE_NOTES")
    before = await _user_row(url, user.id)
    changed = await api.gql(
        CHANGE, {"i": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}}, token=first
    )
    payload = changed["passwordChange"]
    assert payload["userErrors"] == []
    assert payload["token"].startswith(accounts.SESSION_PREFIX)
    for dead in (first, second, token):
        await assert_dead(api, dead)
    viewer = await api.gql(VIEWER, token=payload["token"])
    assert viewer["viewer"]["user"] == {"id": user.gid, "email": user.email}
    after = await _user_row(url, user.id)
    assert after.credentials_changed_at > before.credentials_changed_at  # type: ignore[attr-defined]
    assert after.password_hash != before.password_hash  # type: ignore[attr-defined]
    assert await login(api, user.email, PASSWORD) is None
    assert await login(api, user.email, NEW_PASSWORD) is not None


async def test_password_change_refuses_a_wrong_current_password_and_weak_new_ones(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    url, _ = write_db
    user = await fresh_user(url)
    session = await login(api, user.email)
    assert session is not None

    async def change(current: str, new: str, token: str | None = session) -> dict:
        data = await api.gql(
            CHANGE, {"i": {"currentPassword": current, "newPassword": new}}, token=token
        )
        return dict(data["passwordChange"])

    wrong = await change("not my password at all", NEW_PASSWORD)
    assert wrong["token"] is None
    assert wrong["userErrors"] == [
        {
            "field": ["input", "currentPassword"],
            "message": "The current password is wrong.",
            "code": "UNAUTHENTICATED",
        }
    ]
    short = await change(PASSWORD, "kort")
    assert short["userErrors"][0]["code"] == "INVALID"
    assert short["userErrors"][0]["field"] == ["input", "newPassword"]
    same_as_email = await change(PASSWORD, user.email.upper())
    assert same_as_email["userErrors"][0]["code"] == "INVALID"
    anonymous = await change(PASSWORD, NEW_PASSWORD, token=None)
    assert anonymous["userErrors"][0]["code"] == "UNAUTHENTICATED"
    token = await make_token(api, session, "READ")
    with_token = await change(PASSWORD, NEW_PASSWORD, token=token)
    assert with_token["userErrors"][0]["code"] == "FORBIDDEN"
    # Nothing changed: the session still works and the old password still logs in.
    assert (await api.gql(VIEWER, token=session))["viewer"]["user"]["email"] == user.email
    assert await login(api, user.email) is not None


@pytest.fixture
async def api_elsewhere(write_settings: Settings) -> AsyncIterator[Api]:
    """An API client from its own address, so its failed attempts throttle only itself."""
    app = create_app(write_settings)
    address = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, client=(address, 4321))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield Api(http=http)


async def test_wrong_current_passwords_are_throttled_like_logins(
    api_elsewhere: Api, write_db: tuple[str, WriteWorld], write_settings: Settings
) -> None:
    api = api_elsewhere
    user = await fresh_user(write_db[0])
    session = await login(api, user.email)
    variables = {"i": {"currentPassword": "feil passord her", "newPassword": NEW_PASSWORD}}
    codes = []
    for _ in range(write_settings.login_failures_per_account + 1):
        data = await api.gql(CHANGE, variables, token=session)
        codes.append(data["passwordChange"]["userErrors"][0]["code"])
    assert codes[:-1] == ["UNAUTHENTICATED"] * write_settings.login_failures_per_account
    assert codes[-1] == "THROTTLED"
    assert await login(api, user.email) is None  # login is throttled for the account too


# Staff: creating and deactivating accounts


async def test_staff_creates_an_account_that_can_log_in(api: Api, write_world: WriteWorld) -> None:
    staff = await api.login("staff")
    email = f"Ny.Brukar-{uuid.uuid4().hex[:8]}@Test.Invalid"
    person = gid("Person", write_world.people["member-b"])
    variables = {"i": {"email": email, "password": NEW_PASSWORD, "personId": person}}
    created = (await api.gql(USER_CREATE, variables, token=staff))["userCreate"]
    assert created["userErrors"] == []
    assert created["user"]["email"] == email
    assert created["user"]["isStaff"] is False
    assert created["user"]["person"] == {"name": "Medlem Berit Demo"}
    session = await login(api, email.lower(), NEW_PASSWORD)
    assert session is not None
    viewer = await api.gql(VIEWER, token=session)
    assert viewer["viewer"]["user"]["id"] == created["user"]["id"]


async def test_user_create_refuses_duplicates_in_any_case_and_bad_input(
    api: Api, write_world: WriteWorld
) -> None:
    staff = await api.login("staff")

    async def create(**fields: object) -> dict:
        values = {"email": f"x-{uuid.uuid4().hex[:8]}@test.invalid", "password": NEW_PASSWORD}
        data = await api.gql(USER_CREATE, {"i": {**values, **fields}}, token=staff)
        return dict(data["userCreate"])

    taken = await create(email=WriteWorld.email("member-a").upper())
    assert taken["user"] is None
    assert taken["userErrors"] == [
        {
            "field": ["input", "email"],
            "message": "An account with the email MEMBER-A@TEST.INVALID already exists.",
            "code": "INVALID",
        }
    ]
    assert (await create(email="not an email"))["userErrors"][0]["field"] == ["input", "email"]
    short = await create(password="elleve tegn")
    assert short["userErrors"][0]["field"] == ["input", "password"]
    email = f"same-{uuid.uuid4().hex[:8]}@test.invalid"
    as_email = await create(email=email, password=email)
    assert as_email["userErrors"][0]["code"] == "INVALID"
    nobody = await create(personId=gid("Person", 999_999))
    assert nobody["userErrors"][0]["code"] == "NOT_FOUND"
    wrong_type = await create(personId=gid("Note", 1))
    assert wrong_type["userErrors"][0]["field"] == ["input", "personId"]


async def test_only_staff_create_accounts(api: Api, write_world: WriteWorld) -> None:
    variables = {"i": {"email": f"y-{uuid.uuid4().hex[:8]}@test.invalid", "password": PASSWORD}}
    anonymous = await api.gql(USER_CREATE, variables)
    assert anonymous["userCreate"]["userErrors"][0]["code"] == "UNAUTHENTICATED"
    for account in ("member-a", "leader-a", "nobody"):
        refused = await api.gql(USER_CREATE, variables, token=await api.login(account))
        assert refused["userCreate"]["userErrors"][0]["code"] == "FORBIDDEN"
    # A staff member's token has staff powers only with the admin scope.
    staff = await api.login("staff")
    plain = await make_token(api, staff, "READ", "WRITE_NOTES")
    refused = await api.gql(USER_CREATE, variables, token=plain)
    assert refused["userCreate"]["userErrors"][0]["code"] == "FORBIDDEN"
    admin = await make_token(api, staff, "ADMIN")
    done = await api.gql(USER_CREATE, variables, token=admin)
    assert done["userCreate"]["userErrors"] == []
    assert done["userCreate"]["user"]["email"] == variables["i"]["email"]


async def test_deactivated_user_cannot_log_in_and_old_credentials_die(
    api: Api, write_db: tuple[str, WriteWorld]
) -> None:
    url, world = write_db
    user = await fresh_user(url, network=world.world.networks["a"])
    session = await login(api, user.email)
    assert session is not None
    token = await make_token(api, session, "READ", "WRITE_NOTES")
    staff = await api.login("staff")
    done = await api.gql(USER_DEACTIVATE, {"i": {"userId": user.gid}}, token=staff)
    assert done["userDeactivate"] == {
        "user": {"id": user.gid, "email": user.email},
        "userErrors": [],
    }
    await assert_dead(api, session)
    await assert_dead(api, token)
    assert await login(api, user.email) is None
    row = await _user_row(url, user.id)
    assert row.is_active is False  # type: ignore[attr-defined]
    again = await api.gql(USER_DEACTIVATE, {"i": {"userId": user.gid}}, token=staff)
    assert again["userDeactivate"]["userErrors"][0]["code"] == "INVALID"


async def test_user_deactivate_refusals(api: Api, write_db: tuple[str, WriteWorld]) -> None:
    url, world = write_db
    user = await fresh_user(url)
    variables = {"i": {"userId": user.gid}}
    member = await api.gql(USER_DEACTIVATE, variables, token=await api.login("member-a"))
    assert member["userDeactivate"]["userErrors"][0]["code"] == "FORBIDDEN"
    staff = await api.login("staff")
    own = gid("User", world.users["staff"])
    myself = await api.gql(USER_DEACTIVATE, {"i": {"userId": own}}, token=staff)
    assert myself["userDeactivate"]["userErrors"][0]["code"] == "FORBIDDEN"
    missing = await api.gql(USER_DEACTIVATE, {"i": {"userId": gid("User", 999_999)}}, token=staff)
    assert missing["userDeactivate"]["userErrors"][0]["code"] == "NOT_FOUND"
    bad = await api.gql(USER_DEACTIVATE, {"i": {"userId": "garbage"}}, token=staff)
    assert bad["userDeactivate"]["userErrors"][0]["field"] == ["input", "userId"]
    assert await login(api, user.email) is not None  # untouched by the refusals


# The demo accounts (read-only checks on the shared demo database)


async def test_demo_accounts_share_one_default_argon2_hash_of_the_documented_password(
    demo_url: str,
) -> None:
    emails = [STAFF_EMAIL]
    for spec in DEMO_NETWORKS:
        emails += [spec.member_email, spec.coordinator_email]
    users = accounts.USERS
    engine = make_engine(demo_url)
    try:
        async with engine.connect() as conn:
            rows = (await conn.execute(select(users).where(users.c.email.in_(emails)))).all()
    finally:
        await engine.dispose()
    assert sorted(row.email for row in rows) == sorted(emails)
    hashes = {row.password_hash for row in rows}
    assert len(hashes) == 1
    stored = hashes.pop()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PasswordHasher().verify(stored, DEMO_PASSWORD)
    assert all(row.is_active for row in rows)
    assert [row.email for row in rows if row.is_staff] == [STAFF_EMAIL]


async def test_demo_members_and_coordinators_hold_their_roles(demo_url: str) -> None:
    users, people, networks = accounts.USERS, table_of(Person), table_of(Network)
    engine = make_engine(demo_url)
    try:
        async with engine.connect() as conn:
            for spec in DEMO_NETWORKS:
                network = (
                    await conn.execute(select(networks.c.id).where(networks.c.slug == spec.slug))
                ).scalar_one()
                for email, leads in ((spec.member_email, False), (spec.coordinator_email, True)):
                    row = (
                        await conn.execute(
                            select(users.c.id, users.c.person_id, people.c.name, people.c.title)
                            .join_from(users, people, people.c.id == users.c.person_id)
                            .where(users.c.email == email)
                        )
                    ).one()
                    assert row.name.split()[-1].startswith("Demo"), row.name
                    viewer = await viewer_for(
                        conn,
                        user_id=row.id,
                        person_id=row.person_id,
                        is_staff=False,
                        scopes=frozenset({"read"}),
                        token_id=None,
                        today=TODAY,
                    )
                    assert network in viewer.network_ids, email
                    assert (network in viewer.lead_network_ids) is leads, email
                    if leads:
                        assert row.title == "Demokoordinator (demo)"
    finally:
        await engine.dispose()


async def test_user_create_retry_with_one_key_makes_one_account(
    api: Api, write_world: WriteWorld
) -> None:
    staff = await api.login("staff")
    key = uuid.uuid4().hex
    email = f"igjen-{key[:8]}@test.invalid"
    variables = {"i": {"email": email, "password": NEW_PASSWORD, "idempotencyKey": key}}
    first = (await api.gql(USER_CREATE, variables, token=staff))["userCreate"]
    again = (await api.gql(USER_CREATE, variables, token=staff))["userCreate"]
    assert first["userErrors"] == again["userErrors"] == []
    assert first["user"]["id"] == again["user"]["id"]
    variables["i"]["email"] = f"anna-{key[:8]}@test.invalid"
    other = (await api.gql(USER_CREATE, variables, token=staff))["userCreate"]
    assert other["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"
