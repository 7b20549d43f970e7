"""Managing members and roles: the per-county cap on the county map of the start date,
periods, permissions, idempotency and the audit log."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db import accounts
from db.engine import make_engine
from db.tables import AuditEntry, table_of
from tests import factories as f
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

AUDIT = table_of(AuditEntry)
ERRORS = "userErrors { field message code }"
MEMBERSHIP = """
  id joinedOn leftOn network { slug }
  organization { name code asOf county { name } }
  recruitedBy { name }
"""
ADD = f"""
mutation ($i: MembershipAddInput!) {{
  membershipAdd(input: $i) {{ membership {{ {MEMBERSHIP} }} {ERRORS} }}
}}
"""
END = f"""
mutation ($i: MembershipEndInput!) {{
  membershipEnd(input: $i) {{ membership {{ {MEMBERSHIP} }} {ERRORS} }}
}}
"""
ROLE = "id kind from to person { name } network { slug } onBehalfOf { name code }"
ASSIGN = f"""
mutation ($i: RoleAssignInput!) {{ roleAssign(input: $i) {{ role {{ {ROLE} }} {ERRORS} }} }}
"""
ROLE_END = f"""
mutation ($i: RoleEndInput!) {{ roleEnd(input: $i) {{ role {{ {ROLE} }} {ERRORS} }} }}
"""
ORGANIZATION = (
    "query ($code: String!, $on: Date) { organization(code: $code, asOf: $on) { id name } }"
)
QUOTA = """
query ($slug: String!, $on: Date!) {
  network(slug: $slug) {
    countyQuota(asOf: $on) { county { name } memberCount openPlaces members { name } }
  }
}
"""


def key(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().partition(":")[2])


@dataclass
class WriteDb:
    """Direct access to the shared write database: own networks and people, the audit log."""

    engine: AsyncEngine

    async def network(self, cap: int | None = None, **fields: Any) -> tuple[str, str]:
        """A new network of one's own (its slug and global id), so that counts are exact."""
        slug = f"nett-{uuid.uuid4().hex[:10]}"
        async with self.engine.begin() as conn:
            values = {"max_members_per_county": cap, "starts_on": date(2023, 1, 1), **fields}
            network_id = await f.make_network(conn, slug, **values)
        return slug, gid("Network", network_id)

    async def person(self, name: str) -> str:
        async with self.engine.begin() as conn:
            return gid("Person", await f.make_person(conn, f"{name} {uuid.uuid4().hex[:6]}"))

    async def token(self, user_id: int, *scopes: accounts.Scope) -> str:
        """An API token with only the given scopes."""
        now = datetime.now(UTC)
        async with self.engine.begin() as conn:
            _, token = await accounts.create_api_token(
                conn,
                user_id=user_id,
                name="test",
                scopes=frozenset(scopes),
                now=now,
                expires_at=now + timedelta(days=1),
            )
        return token

    async def audit(self, action: str, global_id: str | None = None) -> list[Any]:
        stmt = select(AUDIT).where(AUDIT.c.action == action)
        if global_id is not None:
            stmt = stmt.where(AUDIT.c.object_id == key(global_id))
        async with self.engine.connect() as conn:
            return list((await conn.execute(stmt.order_by(AUDIT.c.id))).all())

    async def audit_count(self) -> int:
        async with self.engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(AUDIT))).scalar_one())


@pytest.fixture
async def db(write_db: tuple[str, WriteWorld]) -> AsyncIterator[WriteDb]:
    engine = make_engine(write_db[0])
    try:
        yield WriteDb(engine)
    finally:
        await engine.dispose()


async def org(api: Api, code: str, on: str | None = None) -> str:
    """The global id of the organisation with `code` (on `on`)."""
    data = await api.gql(ORGANIZATION, {"code": code, "on": on})
    return str(data["organization"]["id"])


async def run(api: Api, query: str, account: str | None, **fields: Any) -> Any:
    token = await api.login(account) if account else None
    data = await api.gql(query, {"i": fields}, token=token)
    return next(iter(data.values()))


async def add(api: Api, account: str | None, network: str, code: str, on: str, **extra: Any) -> Any:
    organization = await org(api, code, on)
    return await run(
        api, ADD, account, networkId=network, organizationId=organization, joinedOn=on, **extra
    )


async def assign(
    api: Api, account: str | None, network: str, person: str, kind: str, start: str, **extra: Any
) -> Any:
    """`roleAssign` of `person` as `kind` in `network` from `start`."""
    return await run(
        api,
        ASSIGN,
        account,
        networkId=network,
        personId=person,
        kind=kind,
        **{"from": start},
        **extra,
    )


# The per-county cap, on the county map of the start date -------------------------------------


async def test_cap_counts_members_in_the_county_of_the_start_date(api: Api, db: WriteDb) -> None:
    slug, network = await db.network(cap=2)
    frogn = await add(api, "staff", network, "3022", "2023-10-01")
    assert frogn["userErrors"] == []
    membership = frogn["membership"]
    assert membership["organization"] == {
        "name": "Frogn",
        "code": "3022",
        "asOf": "2023-10-01",
        "county": {"name": "Viken"},
    }
    assert (membership["joinedOn"], membership["leftOn"]) == ("2023-10-01", None)
    assert membership["network"] == {"slug": slug}
    nesodden = await add(api, "staff", network, "3023", "2023-10-01")
    assert nesodden["userErrors"] == []

    # A third Viken municipality in 2023 (Drammen, 3005) is over the cap.
    drammen = await add(api, "staff", network, "3005", "2023-10-01")
    assert drammen["membership"] is None
    assert drammen["userErrors"] == [
        {
            "field": ["input", "organizationId"],
            "message": "Viken already has 2 members (Frogn, Nesodden); "
            "the network allows 2 per county.",
            "code": "RULE_VIOLATION",
        }
    ]
    # In 2024 Drammen (3301) is in Buskerud, which has no members yet.
    drammen = await add(api, "staff", network, "3301", "2024-02-01")
    assert drammen["userErrors"] == []
    assert drammen["membership"]["organization"]["code"] == "3301"
    assert drammen["membership"]["organization"]["county"] == {"name": "Buskerud"}

    # Asker (3025 in 2023, 3203 in 2024) joining in 2024 counts against Akershus, where
    # Frogn and Nesodden are now.
    asker = await add(api, "staff", network, "3025", "2024-02-01")
    assert asker["userErrors"][0]["code"] == "RULE_VIOLATION"
    assert asker["userErrors"][0]["message"] == (
        "Akershus already has 2 members (Frogn, Nesodden); the network allows 2 per county."
    )
    quota = await api.gql(QUOTA, {"slug": slug, "on": "2024-02-01"})
    lines = {
        line["county"]["name"]: (line["memberCount"], line["openPlaces"])
        for line in quota["network"]["countyQuota"]
    }
    assert lines["Akershus"] == (2, 0)
    assert lines["Buskerud"] == (1, 1)
    assert len(lines) == 15


async def test_a_place_freed_in_2024_is_taken_by_a_2024_county_member(
    api: Api, db: WriteDb
) -> None:
    _, network = await db.network(cap=2)
    await add(api, "staff", network, "3022", "2023-10-01")
    nesodden = await add(api, "staff", network, "3023", "2023-10-01")
    ended = await run(api, END, "staff", id=nesodden["membership"]["id"], leftOn="2024-01-31")
    assert ended["userErrors"] == []
    assert ended["membership"]["leftOn"] == "2024-01-31"
    # Named as of the day it ended: Nesodden's 2024 number.
    assert ended["membership"]["organization"]["code"] == "3212"
    asker = await add(api, "staff", network, "3203", "2024-02-01")
    assert asker["userErrors"] == []
    assert asker["membership"]["organization"]["county"] == {"name": "Akershus"}
    baerum = await add(api, "staff", network, "3201", "2024-02-01")
    assert baerum["userErrors"][0]["message"] == (
        "Akershus already has 2 members (Asker, Frogn); the network allows 2 per county."
    )
    # Before Nesodden left, Asker would have been the third in 2024 too.
    early = await add(api, "staff", network, "3201", "2024-01-15")
    assert early["userErrors"][0]["message"].startswith("Akershus already has 2 members")


async def test_a_backdated_member_is_checked_on_every_later_join(api: Api, db: WriteDb) -> None:
    slug, network = await db.network(cap=2)
    for code in ("3203", "3201"):  # Asker and Bærum (Akershus) from March 2024
        assert (await add(api, "staff", network, code, "2024-03-01"))["userErrors"] == []
    # Nesodden from February would be alone in February but the third in March.
    nesodden = await add(api, "staff", network, "3212", "2024-02-01")
    assert nesodden["membership"] is None
    assert nesodden["userErrors"][0]["message"] == (
        "On 2024-03-01, Akershus has 2 members (Asker, Bærum); the network allows 2 per county."
    )
    quota = await api.gql(QUOTA, {"slug": slug, "on": "2024-02-15"})
    lines = {
        line["county"]["name"]: line["memberCount"] for line in quota["network"]["countyQuota"]
    }
    assert lines["Akershus"] == 0  # nothing was stored


async def test_a_backdated_member_is_checked_on_the_next_county_map(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    for code in ("3301", "3305"):  # Drammen and Ringerike (Buskerud) from 2024
        assert (await add(api, "staff", network, code, "2024-01-01"))["userErrors"] == []
    # Kongsberg in 2023 is in Viken, where the network has nobody; from 2024 it is in Buskerud.
    kongsberg = await add(api, "staff", network, "3006", "2023-06-01")
    assert kongsberg["userErrors"][0]["message"] == (
        "On 2024-01-01, Buskerud has 2 members (Drammen, Ringerike); "
        "the network allows 2 per county."
    )


async def test_cap_of_one_names_the_single_member(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=1)
    assert (await add(api, "staff", network, "1103", "2023-10-01"))["userErrors"] == []
    time = await add(api, "staff", network, "1121", "2023-10-01")
    assert time["userErrors"][0]["message"] == (
        "Rogaland already has 1 member (Stavanger); the network allows 1 per county."
    )


async def test_no_cap_means_no_limit(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=None)
    for code in ("3022", "3023", "3005"):
        assert (await add(api, "staff", network, code, "2023-10-01"))["userErrors"] == []


# Validity of the membership -------------------------------------------------------------------


async def test_an_organisation_must_exist_on_the_start_date(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    haram = await org(api, "1580")  # split from Ålesund on 2024-01-01
    result = await run(
        api, ADD, "staff", networkId=network, organizationId=haram, joinedOn="2023-10-01"
    )
    assert result["userErrors"] == [
        {
            "field": ["input", "joinedOn"],
            "message": "Haram did not exist on 2023-10-01 (it exists from 2024-01-01).",
            "code": "INVALID",
        }
    ]
    later = await run(
        api, ADD, "staff", networkId=network, organizationId=haram, joinedOn="2024-01-01"
    )
    assert later["userErrors"] == []


async def test_an_overlapping_second_membership_is_refused(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    first = await add(api, "staff", network, "3022", "2023-10-01")
    frogn = first["membership"]["organization"]
    again = await add(api, "staff", network, "3214", "2024-03-01")
    assert again["userErrors"][0]["code"] == "CONFLICT"
    message = again["userErrors"][0]["message"]
    assert message.startswith("Frogn is already a member of ")
    assert message.endswith(" (from 2023-10-01).")
    # An earlier start that would overlap the existing open membership is refused too.
    earlier = await add(api, "staff", network, "3022", "2023-05-01")
    assert earlier["userErrors"][0]["code"] == "CONFLICT"
    # After the membership ends, the organisation may join again.
    await run(api, END, "staff", id=first["membership"]["id"], leftOn="2023-12-31")
    rejoined = await add(api, "staff", network, "3214", "2024-06-01")
    assert rejoined["userErrors"] == []
    assert rejoined["membership"]["organization"]["name"] == frogn["name"]


async def test_membership_end_checks_the_period(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    membership = (await add(api, "staff", network, "3022", "2023-10-01"))["membership"]
    early = await run(api, END, "staff", id=membership["id"], leftOn="2023-09-30")
    assert early["userErrors"] == [
        {
            "field": ["input", "leftOn"],
            "message": "A membership cannot end before it began (2023-10-01).",
            "code": "INVALID",
        }
    ]
    same_day = await run(api, END, "staff", id=membership["id"], leftOn="2023-10-01")
    assert same_day["userErrors"] == []
    twice = await run(api, END, "staff", id=membership["id"], leftOn="2024-10-01")
    assert twice["userErrors"][0]["code"] == "CONFLICT"
    missing = await run(api, END, "staff", id=gid("Membership", 999999), leftOn="2024-01-01")
    assert missing["userErrors"][0]["code"] == "NOT_FOUND"
    wrong = await run(api, END, "staff", id=network, leftOn="2024-01-01")
    assert wrong["userErrors"][0] == {
        "field": ["input", "id"],
        "message": "Not a Membership id.",
        "code": "INVALID",
    }


async def test_dates_after_a_project_network_ended_are_refused(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2, ends_on=date(2024, 12, 31))
    late = await add(api, "staff", network, "3214", "2025-01-01")
    assert late["userErrors"][0]["field"] == ["input", "joinedOn"]
    assert late["userErrors"][0]["code"] == "INVALID"


async def test_recruited_by_is_recorded(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    oslo = await org(api, "0301")
    result = await add(api, "staff", network, "3022", "2023-10-01", recruitedById=oslo)
    assert result["membership"]["recruitedBy"] == {"name": "Oslo"}
    missing = await add(
        api, "staff", network, "3023", "2023-10-01", recruitedById=gid("Organization", 999999)
    )
    assert missing["userErrors"][0]["field"] == ["input", "recruitedById"]
    assert missing["userErrors"][0]["code"] == "NOT_FOUND"


# Roles ----------------------------------------------------------------------------------------


async def test_role_on_behalf_of_a_member_on_its_first_day(api: Api, db: WriteDb) -> None:
    slug, network = await db.network(cap=2)
    person = await db.person("Rolla Demo")
    await add(api, "staff", network, "3022", "2023-10-01")
    frogn = await org(api, "3022", "2023-10-01")
    before = await assign(api, "staff", network, person, "LEADER", "2023-09-30", onBehalfOfId=frogn)
    assert before["userErrors"] == [
        {
            "field": ["input", "onBehalfOfId"],
            "message": f"Frogn is not a member of {slug.replace('-', ' ').title()} on 2023-09-30; "
            "a role is held on behalf of a member.",
            "code": "RULE_VIOLATION",
        }
    ]
    done = await assign(api, "staff", network, person, "LEADER", "2023-10-01", onBehalfOfId=frogn)
    assert done["userErrors"] == []
    role = done["role"]
    assert (role["kind"], role["from"], role["to"]) == ("LEADER", "2023-10-01", None)
    assert role["onBehalfOf"] == {"name": "Frogn", "code": "3022"}
    assert role["network"] == {"slug": slug}
    twice = await assign(api, "staff", network, person, "LEADER", "2024-03-01", onBehalfOfId=frogn)
    assert twice["userErrors"][0]["code"] == "CONFLICT"

    early = await run(api, ROLE_END, "staff", id=role["id"], to="2023-09-01")
    assert early["userErrors"][0] == {
        "field": ["input", "to"],
        "message": "A role cannot end before it began (2023-10-01).",
        "code": "INVALID",
    }
    ended = await run(api, ROLE_END, "staff", id=role["id"], to="2024-06-30")
    assert ended["userErrors"] == []
    # Named as of the role's last day: Frogn's 2024 number.
    assert ended["role"]["to"] == "2024-06-30"
    assert ended["role"]["onBehalfOf"] == {"name": "Frogn", "code": "3214"}
    again = await run(api, ROLE_END, "staff", id=role["id"], to="2024-07-30")
    assert again["userErrors"][0]["code"] == "CONFLICT"


async def test_ending_a_membership_ends_the_roles_held_for_the_member(
    api: Api, db: WriteDb
) -> None:
    _, network = await db.network(cap=2)
    frogn_member = await add(api, "staff", network, "3022", "2023-10-01")
    membership = frogn_member["membership"]["id"]
    frogn = await org(api, "3022", "2023-10-01")
    roles = {}
    for kind, start in (("LEADER", "2023-10-01"), ("REPRESENTATIVE", "2024-05-01")):
        person = await db.person(f"Rolle {kind}")
        done = await assign(api, "staff", network, person, kind, start, onBehalfOfId=frogn)
        roles[kind] = done["role"]["id"]
    # A role that would begin after the membership ends: refused, nothing changes.
    early = await run(api, END, "staff", id=membership, leftOn="2024-03-31")
    assert early["membership"] is None
    assert early["userErrors"][0]["code"] == "RULE_VIOLATION"
    assert "begin after 2024-03-31" in early["userErrors"][0]["message"]
    assert "from 2024-05-01" in early["userErrors"][0]["message"]
    ended = await run(api, END, "staff", id=membership, leftOn="2024-06-30")
    assert ended["userErrors"] == []
    for role in roles.values():
        again = await run(api, ROLE_END, "staff", id=role, to="2024-07-01")
        assert again["userErrors"][0]["message"] == "The role already ended on 2024-06-30."
    [audit] = await db.audit("membershipEnd", membership)
    assert audit.after["roles_ended"] == sorted(key(r) for r in roles.values())


async def test_role_needs_a_known_person(api: Api, db: WriteDb) -> None:
    _, network = await db.network()
    result = await assign(api, "staff", network, gid("Person", 999999), "COORDINATOR", "2024-01-01")
    assert result["userErrors"][0]["field"] == ["input", "personId"]
    assert result["userErrors"][0]["code"] == "NOT_FOUND"


# Permissions ----------------------------------------------------------------------------------


async def test_leader_manages_own_network_only(
    api: Api, db: WriteDb, write_world: WriteWorld
) -> None:
    own = gid("Network", write_world.world.networks["a"])
    other = gid("Network", write_world.world.networks["b"])
    _, fresh = await db.network()
    # Past-dated rows, so that nett-a's members and roles today stay as the other tests expect.
    added = await add(api, "leader-a", own, "5401", "2021-03-01")
    assert added["userErrors"] == []
    assert added["membership"]["organization"]["name"] == "Tromsø"
    for network in (other, fresh):
        refused = await add(api, "leader-a", network, "5401", "2021-03-01")
        assert refused["userErrors"][0]["code"] == "FORBIDDEN"
        assert refused["membership"] is None
    person = await db.person("Representant Demo")
    tromso = added["membership"]["organization"]
    role = await assign(
        api,
        "leader-a",
        own,
        person,
        "REPRESENTATIVE",
        "2021-03-01",
        onBehalfOfId=await org(api, "5401", "2021-03-01"),
    )
    assert role["userErrors"] == []
    assert role["role"]["onBehalfOf"]["name"] == tromso["name"]
    assert (await run(api, ROLE_END, "leader-a", id=role["role"]["id"], to="2021-06-30"))[
        "userErrors"
    ] == []
    ended = await run(api, END, "leader-a", id=added["membership"]["id"], leftOn="2021-06-30")
    assert ended["userErrors"] == []

    # nett-b's Trondheim membership and member-b's role there are not leader-a's to end.
    members = await api.gql('{ network(slug: "nett-b") { members { nodes { id } } roles { id } } }')
    membership = members["network"]["members"]["nodes"][0]["id"]
    other_role = members["network"]["roles"][0]["id"]
    refused_end = await run(api, END, "leader-a", id=membership, leftOn="2024-01-01")
    assert refused_end["userErrors"][0]["code"] == "FORBIDDEN"
    refused_role = await run(api, ROLE_END, "leader-a", id=other_role, to="2024-01-01")
    assert refused_role["userErrors"][0]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("account", ["member-a", "member-b", "nobody"])
async def test_members_and_others_may_not_manage(
    api: Api, write_world: WriteWorld, account: str
) -> None:
    own = gid("Network", write_world.world.networks["a"])
    result = await add(api, account, own, "5401", "2021-03-01")
    assert result["userErrors"][0]["code"] == "FORBIDDEN"
    person = gid("Person", write_world.people["member-a"])
    role = await assign(api, account, own, person, "LEADER", "2024-01-01")
    assert role["userErrors"][0]["code"] == "FORBIDDEN"


async def test_anonymous_is_unauthenticated(api: Api, write_world: WriteWorld) -> None:
    own = gid("Network", write_world.world.networks["a"])
    result = await add(api, None, own, "5401", "2021-03-01")
    assert result == {
        "membership": None,
        "userErrors": [{"field": None, "message": "Log in first.", "code": "UNAUTHENTICATED"}],
    }
    for query, fields in (
        (END, {"id": gid("Membership", 1), "leftOn": "2024-01-01"}),
        (ROLE_END, {"id": gid("Role", 1), "to": "2024-01-01"}),
    ):
        done = await run(api, query, None, **fields)
        assert done["userErrors"][0]["code"] == "UNAUTHENTICATED"


async def test_token_without_write_meetings_scope_is_refused(
    api: Api, db: WriteDb, write_world: WriteWorld
) -> None:
    own = gid("Network", write_world.world.networks["a"])
    organization = await org(api, "5401", "2021-03-01")
    variables = {"i": {"networkId": own, "organizationId": organization, "joinedOn": "2021-03-01"}}
    for scopes in ((accounts.Scope.WRITE_NOTES,), (accounts.Scope.ADMIN, accounts.Scope.READ)):
        staff = await db.token(write_world.users["staff"], *scopes)
        result = (await api.gql(ADD, variables, token=staff))["membershipAdd"]
        assert result["userErrors"][0]["code"] == "FORBIDDEN"
        assert "write:meetings" in result["userErrors"][0]["message"]


# Idempotency and audit ------------------------------------------------------------------------


async def test_membership_add_with_an_idempotency_key_is_made_once(api: Api, db: WriteDb) -> None:
    _, network = await db.network(cap=2)
    token = await api.login("staff")
    idempotency_key = str(uuid.uuid4())
    fields = {
        "networkId": network,
        "organizationId": await org(api, "3022", "2023-10-01"),
        "joinedOn": "2023-10-01",
        "idempotencyKey": idempotency_key,
    }
    first = (await api.gql(ADD, {"i": fields}, token=token))["membershipAdd"]
    second = (await api.gql(ADD, {"i": fields}, token=token))["membershipAdd"]
    assert first["userErrors"] == second["userErrors"] == []
    assert first["membership"] == second["membership"]
    rows = await db.audit("membershipAdd", first["membership"]["id"])
    assert len(rows) == 1
    assert rows[0].object_type == "Membership"
    assert rows[0].after["joined_on"] == "2023-10-01"
    other = {**fields, "joinedOn": "2023-11-01"}
    reused = (await api.gql(ADD, {"i": other}, token=token))["membershipAdd"]
    assert reused["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"


async def test_role_assign_with_an_idempotency_key_is_made_once(api: Api, db: WriteDb) -> None:
    _, network = await db.network()
    person = await db.person("Koordinator Demo")
    token = await api.login("staff")
    fields = {
        "networkId": network,
        "personId": person,
        "kind": "COORDINATOR",
        "from": "2024-01-01",
        "idempotencyKey": str(uuid.uuid4()),
    }
    first = (await api.gql(ASSIGN, {"i": fields}, token=token))["roleAssign"]
    second = (await api.gql(ASSIGN, {"i": fields}, token=token))["roleAssign"]
    assert first["role"]["id"] == second["role"]["id"]
    assert first["role"]["onBehalfOf"] is None
    assert len(await db.audit("roleAssign", first["role"]["id"])) == 1


async def test_every_change_writes_one_audit_row_and_a_refusal_none(
    api: Api, db: WriteDb, write_world: WriteWorld
) -> None:
    _, network = await db.network(cap=1)
    person = await db.person("Revisor Demo")
    await api.login("staff")  # logging in is audited too
    before = await db.audit_count()
    membership = (await add(api, "staff", network, "1103", "2023-10-01"))["membership"]
    assert await db.audit_count() == before + 1
    refused = await add(api, "staff", network, "1121", "2023-10-01")
    assert refused["userErrors"][0]["code"] == "RULE_VIOLATION"
    assert await db.audit_count() == before + 1
    await run(api, END, "staff", id=membership["id"], leftOn="2024-12-31")
    role = await assign(api, "staff", network, person, "LEADER", "2024-01-01")
    await run(api, ROLE_END, "staff", id=role["role"]["id"], to="2024-12-31")
    assert await db.audit_count() == before + 4
    [ended] = await db.audit("membershipEnd", membership["id"])
    assert (ended.before["left_on"], ended.after["left_on"]) == (None, "2024-12-31")
    assert ended.actor_user_id == write_world.users["staff"]
    [role_end] = await db.audit("roleEnd", role["role"]["id"])
    assert role_end.before["kind"] == "LEADER"
    assert role_end.after["ends_on"] == "2024-12-31"
