"""Planning meetings: schedule, update, cancel, agendas and attendance, with permissions and audit."""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db import accounts
from db.engine import make_engine
from db.tables import AuditEntry, table_of
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

AUDIT = table_of(AuditEntry)
ERRORS = "userErrors { field message code }"
MEETING = """
  id title description startsAt endsAt startsOn format status place onlineUrl
  network { slug } topics { slug }
  agenda { id position title topics { slug } }
  attendance { present organization { name } person { name } }
"""
SCHEDULE = f"""
mutation ($i: MeetingScheduleInput!) {{
  meetingSchedule(input: $i) {{ meeting {{ {MEETING} }} {ERRORS} }}
}}
"""
UPDATE = f"""
mutation ($i: MeetingUpdateInput!) {{
  meetingUpdate(input: $i) {{ meeting {{ {MEETING} }} {ERRORS} }}
}}
"""
CANCEL = f"""
mutation ($i: MeetingCancelInput!) {{
  meetingCancel(input: $i) {{ meeting {{ id status }} {ERRORS} }}
}}
"""
ITEM = "agendaItem { id position title description topics { slug } }"
AGENDA = "meeting { id agenda { id position title } }"
ADD = f"""
mutation ($i: AgendaItemAddInput!) {{ agendaItemAdd(input: $i) {{ {ITEM} {AGENDA} {ERRORS} }} }}
"""
ITEM_UPDATE = f"""
mutation ($i: AgendaItemUpdateInput!) {{
  agendaItemUpdate(input: $i) {{ {ITEM} {AGENDA} {ERRORS} }}
}}
"""
MOVE = f"""
mutation ($i: AgendaItemMoveInput!) {{ agendaItemMove(input: $i) {{ {ITEM} {AGENDA} {ERRORS} }} }}
"""
REMOVE = f"""
mutation ($i: AgendaItemRemoveInput!) {{
  agendaItemRemove(input: $i) {{ {ITEM} {AGENDA} {ERRORS} }}
}}
"""
ATTEND = f"""
mutation ($i: AttendanceRecordInput!) {{
  attendanceRecord(input: $i) {{
    attendance {{ present organization {{ name }} person {{ name }} }}
    meeting {{ id attendance {{ present organization {{ name }} person {{ name }} }} }}
    {ERRORS}
  }}
}}
"""
ORGANIZATION = "query ($code: String!) { organization(code: $code) { id } }"


@dataclass
class Audit:
    """The audit log, read directly from the write database."""

    engine: AsyncEngine

    async def count(self) -> int:
        async with self.engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(AUDIT))).scalar_one())

    async def rows(self, action: str, global_id: str) -> list[Any]:
        async with self.engine.connect() as conn:
            result = await conn.execute(
                select(AUDIT)
                .where(AUDIT.c.action == action, AUDIT.c.object_id == key(global_id))
                .order_by(AUDIT.c.id)
            )
            return list(result.all())


@pytest.fixture
async def audit(write_db: tuple[str, WriteWorld]) -> AsyncIterator[Audit]:
    engine = make_engine(write_db[0])
    try:
        yield Audit(engine)
    finally:
        await engine.dispose()


def key(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().partition(":")[2])


def network(world: WriteWorld, name: str = "a") -> str:
    return gid("Network", world.world.networks[name])


def schedule_input(world: WriteWorld, name: str = "a", **fields: Any) -> dict[str, Any]:
    return {
        "networkId": network(world, name),
        "title": f"Møte {uuid.uuid4().hex[:8]}",
        "startsAt": "2024-06-02T10:00:00+02:00",
        "format": "DIGITAL",
        **fields,
    }


async def schedule(api: Api, world: WriteWorld, account: str = "leader-a", **fields: Any) -> Any:
    token = await api.login(account)
    data = await api.gql(SCHEDULE, {"i": schedule_input(world, **fields)}, token=token)
    return data["meetingSchedule"]


async def new_meeting(api: Api, world: WriteWorld, **fields: Any) -> dict[str, Any]:
    result = await schedule(api, world, **fields)
    assert result["userErrors"] == []
    return dict(result["meeting"])


async def run(api: Api, query: str, account: str | None, **fields: Any) -> Any:
    token = await api.login(account) if account else None
    data = await api.gql(query, {"i": fields}, token=token)
    return next(iter(data.values()))


async def organization(api: Api, code: str) -> str:
    return str((await api.gql(ORGANIZATION, {"code": code}))["organization"]["id"])


# Scheduling -----------------------------------------------------------------------------------


async def test_leader_schedules_a_meeting_with_one_audit_row(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    await api.login("leader-a")
    before = await audit.count()
    result = await schedule(
        api,
        write_world,
        title="  Vårmøte i Bergen  ",
        startsAt="2024-06-01T22:30:00Z",
        endsAt="2024-06-02T12:00:00+02:00",
        format="HYBRID",
        place="Bergen rådhus",
        onlineUrl="https://example.invalid/møte",
        description="Om *lova*.",
        topics=["lov", "kino", "lov"],
    )
    assert result["userErrors"] == []
    meeting = result["meeting"]
    assert meeting["title"] == "Vårmøte i Bergen"
    assert meeting["startsAt"] == "2024-06-02T00:30:00+02:00"
    assert meeting["startsOn"] == "2024-06-02"
    assert meeting["endsAt"] == "2024-06-02T12:00:00+02:00"
    assert (meeting["format"], meeting["status"]) == ("HYBRID", "PLANNED")
    assert (meeting["place"], meeting["onlineUrl"]) == (
        "Bergen rådhus",
        "https://example.invalid/møte",
    )
    assert meeting["network"] == {"slug": "nett-a"}
    assert meeting["topics"] == [{"slug": "kino"}, {"slug": "lov"}]
    assert (meeting["agenda"], meeting["attendance"]) == ([], [])
    assert await audit.count() == before + 1
    [row] = await audit.rows("meetingSchedule", meeting["id"])
    assert row.object_type == "Meeting"
    assert row.before is None
    assert row.after["title"] == "Vårmøte i Bergen"
    assert row.after["status"] == "PLANNED"
    assert row.after["starts_on"] == "2024-06-02"
    assert row.after["topics"] == ["kino", "lov"]
    assert row.actor_user_id == write_world.users["leader-a"]


async def test_staff_schedules_for_any_network(api: Api, write_world: WriteWorld) -> None:
    result = await schedule(api, write_world, "staff", networkId=network(write_world, "b"))
    assert result["userErrors"] == []
    assert result["meeting"]["network"] == {"slug": "nett-b"}


@pytest.mark.parametrize(
    ("account", "name", "code"),
    [
        ("member-a", "a", "FORBIDDEN"),
        ("member-b", "a", "FORBIDDEN"),
        ("member-b", "b", "FORBIDDEN"),
        ("leader-a", "b", "FORBIDDEN"),
        ("nobody", "a", "FORBIDDEN"),
        (None, "a", "UNAUTHENTICATED"),
    ],
)
async def test_schedule_is_refused_to_others_and_writes_nothing(
    api: Api, write_world: WriteWorld, audit: Audit, account: str | None, name: str, code: str
) -> None:
    token = await api.login(account) if account else None
    before = await audit.count()
    data = await api.gql(SCHEDULE, {"i": schedule_input(write_world, name)}, token=token)
    result = data["meetingSchedule"]
    assert result["meeting"] is None
    assert [error["code"] for error in result["userErrors"]] == [code]
    assert await audit.count() == before


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"title": "   "}, "title", "INVALID"),
        ({"title": "x" * 301}, "title", "INVALID"),
        ({"startsAt": "2024-06-02T10:00:00"}, "startsAt", "INVALID"),
        ({"endsAt": "2024-06-02T12:00:00"}, "endsAt", "INVALID"),
        ({"endsAt": "2024-06-02T09:59:00+02:00"}, "endsAt", "INVALID"),
        ({"format": "PHYSICAL"}, "place", "INVALID"),
        ({"format": "HYBRID", "place": "  "}, "place", "INVALID"),
        ({"onlineUrl": "ftp://example.invalid/m"}, "onlineUrl", "INVALID"),
        ({"onlineUrl": "javascript:alert(1)"}, "onlineUrl", "INVALID"),
        ({"topics": ["lov", "finst-ikkje"]}, "topics", "INVALID"),
        ({"networkId": "garbage"}, "networkId", "INVALID"),
        ({"networkId": gid("Network", 999_999)}, "networkId", "NOT_FOUND"),
        ({"networkId": gid("Meeting", 1)}, "networkId", "INVALID"),
    ],
)
async def test_schedule_validation_names_the_field(
    api: Api,
    write_world: WriteWorld,
    audit: Audit,
    fields: dict[str, Any],
    field: str,
    code: str,
) -> None:
    await api.login("leader-a")
    before = await audit.count()
    result = await schedule(api, write_world, **fields)
    assert result["meeting"] is None
    [error] = result["userErrors"]
    assert (error["field"], error["code"]) == (["input", field], code)
    assert error["message"]
    assert await audit.count() == before


async def test_schedule_with_an_idempotency_key_makes_one_meeting(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    token = await api.login("leader-a")
    variables = {"i": schedule_input(write_world, idempotencyKey=str(uuid.uuid4()))}
    before = await audit.count()
    first = (await api.gql(SCHEDULE, variables, token=token))["meetingSchedule"]
    second = (await api.gql(SCHEDULE, variables, token=token))["meetingSchedule"]
    assert first["userErrors"] == second["userErrors"] == []
    assert first["meeting"]["id"] == second["meeting"]["id"]
    assert await audit.count() == before + 1
    assert len(await audit.rows("meetingSchedule", first["meeting"]["id"])) == 1
    variables["i"]["title"] = "Eit anna møte"
    other = (await api.gql(SCHEDULE, variables, token=token))["meetingSchedule"]
    assert other["meeting"] is None
    assert other["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await audit.count() == before + 1


async def test_credentials_need_the_write_meetings_scope(
    api: Api, write_world: WriteWorld, write_db: tuple[str, WriteWorld]
) -> None:
    engine = make_engine(write_db[0])
    now = datetime.now(UTC)
    tokens = {}
    try:
        async with engine.begin() as conn:
            for name, scopes in {
                "notes": {accounts.Scope.READ, accounts.Scope.WRITE_NOTES},
                "meetings": {accounts.Scope.READ, accounts.Scope.WRITE_MEETINGS},
            }.items():
                _, tokens[name] = await accounts.create_api_token(
                    conn,
                    user_id=write_world.users["leader-a"],
                    name=f"test {name} {uuid.uuid4().hex[:6]}",
                    scopes=frozenset(scopes),
                    now=now,
                    expires_at=now + timedelta(days=1),
                )
    finally:
        await engine.dispose()
    variables = {"i": schedule_input(write_world)}
    refused = (await api.gql(SCHEDULE, variables, token=tokens["notes"]))["meetingSchedule"]
    assert refused["userErrors"][0]["code"] == "FORBIDDEN"
    assert "write:meetings" in refused["userErrors"][0]["message"]
    done = (await api.gql(SCHEDULE, variables, token=tokens["meetings"]))["meetingSchedule"]
    assert done["userErrors"] == []


# Updating and cancelling ----------------------------------------------------------------------


async def test_leader_updates_a_meeting(api: Api, write_world: WriteWorld, audit: Audit) -> None:
    meeting = await new_meeting(
        api, write_world, onlineUrl="http://example.invalid/a", topics=["lov"]
    )
    before = await audit.count()
    result = await run(
        api,
        UPDATE,
        "leader-a",
        id=meeting["id"],
        title="Nytt namn",
        startsAt="2024-12-31T23:30:00Z",
        format="PHYSICAL",
        place="Oslo",
        onlineUrl=None,
        status="HELD",
        topics=["film"],
    )
    assert result["userErrors"] == []
    updated = result["meeting"]
    assert updated["title"] == "Nytt namn"
    assert (updated["startsAt"], updated["startsOn"]) == ("2025-01-01T00:30:00+01:00", "2025-01-01")
    assert (updated["format"], updated["place"], updated["onlineUrl"]) == ("PHYSICAL", "Oslo", None)
    assert updated["status"] == "HELD"
    assert updated["topics"] == [{"slug": "film"}]
    assert updated["description"] == meeting["description"]
    assert await audit.count() == before + 1
    [row] = await audit.rows("meetingUpdate", meeting["id"])
    assert (row.before["title"], row.after["title"]) == (meeting["title"], "Nytt namn")
    assert (row.before["topics"], row.after["topics"]) == (["lov"], ["film"])
    assert row.after["starts_on"] == "2025-01-01"


async def test_update_leaves_out_fields_and_validates_the_result(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(
        api, write_world, format="PHYSICAL", place="Bergen", endsAt="2024-06-02T12:00:00+02:00"
    )
    await api.login("member-a")
    before = await audit.count()
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"place": None}, "place", "INVALID"),
        ({"format": "HYBRID", "place": " "}, "place", "INVALID"),
        ({"startsAt": "2024-06-02T13:00:00+02:00"}, "endsAt", "INVALID"),
        ({"startsAt": "2024-06-02T13:00:00"}, "startsAt", "INVALID"),
        ({"status": "CANCELLED"}, "status", "INVALID"),
        ({"title": ""}, "title", "INVALID"),
        ({"onlineUrl": "example.invalid"}, "onlineUrl", "INVALID"),
        ({"topics": ["nope"]}, "topics", "INVALID"),
    ]
    for fields, field, code in cases:
        result = await run(api, UPDATE, "leader-a", id=meeting["id"], **fields)
        assert result["meeting"] is None, fields
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input", field], code)]
    forbidden = await run(api, UPDATE, "member-a", id=meeting["id"], title="Kapra")
    assert forbidden["userErrors"][0]["code"] == "FORBIDDEN"
    missing = await run(api, UPDATE, "leader-a", id=gid("Meeting", 999_999), title="x")
    assert missing["userErrors"] == [
        {"field": ["input", "id"], "message": "No meeting with that id.", "code": "NOT_FOUND"}
    ]
    assert await audit.count() == before
    # Fields left out stay; null clears the end; a later start is then fine.
    moved = await run(
        api, UPDATE, "leader-a", id=meeting["id"], endsAt=None, startsAt="2024-06-02T13:00:00+02:00"
    )
    assert moved["userErrors"] == []
    assert (moved["meeting"]["endsAt"], moved["meeting"]["place"]) == (None, "Bergen")
    assert moved["meeting"]["title"] == meeting["title"]


async def test_cancel_once_then_refuse_then_reinstate(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    before = await audit.count()
    first = await run(api, CANCEL, "leader-a", id=meeting["id"], reason="For få påmelde")
    assert first == {"meeting": {"id": meeting["id"], "status": "CANCELLED"}, "userErrors": []}
    again = await run(api, CANCEL, "leader-a", id=meeting["id"])
    assert again["meeting"] is None
    assert [(e["field"], e["code"]) for e in again["userErrors"]] == [
        (["input", "id"], "RULE_VIOLATION")
    ]
    assert await audit.count() == before + 1
    [row] = await audit.rows("meetingCancel", meeting["id"])
    assert (row.before["status"], row.after["status"]) == ("PLANNED", "CANCELLED")
    assert row.after["reason"] == "For få påmelde"
    reinstated = await run(api, UPDATE, "staff", id=meeting["id"], status="PLANNED")
    assert reinstated["meeting"]["status"] == "PLANNED"


async def test_cancel_is_refused_to_members_and_anonymous(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    await api.login("member-a")
    await api.login("member-b")
    before = await audit.count()
    for account, code in (("member-a", "FORBIDDEN"), ("member-b", "FORBIDDEN"), (None, None)):
        result = await run(api, CANCEL, account, id=meeting["id"])
        assert result["userErrors"][0]["code"] == (code or "UNAUTHENTICATED")
    assert await audit.count() == before


# Agenda ---------------------------------------------------------------------------------------


async def _titles(payload: dict[str, Any]) -> list[tuple[int, str]]:
    return [(item["position"], item["title"]) for item in payload["meeting"]["agenda"]]


async def test_agenda_add_move_remove_renumbers(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    await api.login("leader-a")
    before = await audit.count()
    items = {}
    for title in ("Opning", "Lova", "Eventuelt"):
        added = await run(api, ADD, "leader-a", meetingId=meeting["id"], title=title)
        assert added["userErrors"] == []
        items[title] = added["agendaItem"]["id"]
    first = await run(
        api,
        ADD,
        "leader-a",
        meetingId=meeting["id"],
        title="Godkjenning av innkalling",
        position=1,
        topics=["kino"],
        description="Sjå vedlegg.",
    )
    assert first["agendaItem"]["position"] == 1
    assert first["agendaItem"]["topics"] == [{"slug": "kino"}]
    assert await _titles(first) == [
        (1, "Godkjenning av innkalling"),
        (2, "Opning"),
        (3, "Lova"),
        (4, "Eventuelt"),
    ]
    moved = await run(api, MOVE, "leader-a", id=items["Eventuelt"], position=2)
    assert moved["agendaItem"]["position"] == 2
    assert await _titles(moved) == [
        (1, "Godkjenning av innkalling"),
        (2, "Eventuelt"),
        (3, "Opning"),
        (4, "Lova"),
    ]
    down = await run(api, MOVE, "leader-a", id=first["agendaItem"]["id"], position=4)
    assert await _titles(down) == [
        (1, "Eventuelt"),
        (2, "Opning"),
        (3, "Lova"),
        (4, "Godkjenning av innkalling"),
    ]
    removed = await run(api, REMOVE, "leader-a", id=items["Opning"])
    assert removed["agendaItem"] is None
    assert removed["meeting"]["id"] == meeting["id"]
    assert await _titles(removed) == [
        (1, "Eventuelt"),
        (2, "Lova"),
        (3, "Godkjenning av innkalling"),
    ]
    assert await audit.count() == before + 7
    assert len(await audit.rows("agendaItemAdd", items["Lova"])) == 1
    assert len(await audit.rows("agendaItemMove", items["Eventuelt"])) == 1
    [gone] = await audit.rows("agendaItemRemove", items["Opning"])
    assert (gone.before["title"], gone.after) == ("Opning", None)
    node = await api.gql("query ($id: ID!) { node(id: $id) { id } }", {"id": items["Opning"]})
    assert node["node"] is None


async def test_agenda_positions_out_of_range_are_invalid(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    one = await run(api, ADD, "leader-a", meetingId=meeting["id"], title="Einaste sak")
    item = one["agendaItem"]["id"]
    before = await audit.count()
    for position in (0, 3, -1):
        added = await run(
            api, ADD, "leader-a", meetingId=meeting["id"], title="x", position=position
        )
        assert [(e["field"], e["code"]) for e in added["userErrors"]] == [
            (["input", "position"], "INVALID")
        ]
    for position in (0, 2):
        moved = await run(api, MOVE, "leader-a", id=item, position=position)
        assert [(e["field"], e["code"]) for e in moved["userErrors"]] == [
            (["input", "position"], "INVALID")
        ]
    empty = await run(api, ADD, "leader-a", meetingId=meeting["id"], title=" ")
    assert empty["userErrors"][0]["field"] == ["input", "title"]
    missing = await run(api, ADD, "leader-a", meetingId=gid("Meeting", 999_999), title="x")
    assert missing["userErrors"][0]["field"] == ["input", "meetingId"]
    assert missing["userErrors"][0]["code"] == "NOT_FOUND"
    for query in (MOVE, REMOVE):
        fields = {"position": 1} if query is MOVE else {}
        gone = await run(api, query, "leader-a", id=gid("AgendaItem", 999_999), **fields)
        assert [(e["field"], e["code"]) for e in gone["userErrors"]] == [
            (["input", "id"], "NOT_FOUND")
        ]
    assert await audit.count() == before


async def test_agenda_item_update_and_permissions(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    item = (await run(api, ADD, "leader-a", meetingId=meeting["id"], title="Sak", topics=["lov"]))[
        "agendaItem"
    ]
    updated = await run(
        api, ITEM_UPDATE, "leader-a", id=item["id"], description="Meir tekst", topics=[]
    )
    assert updated["userErrors"] == []
    assert updated["agendaItem"]["title"] == "Sak"
    assert updated["agendaItem"]["description"] == "Meir tekst"
    assert updated["agendaItem"]["topics"] == []
    [row] = await audit.rows("agendaItemUpdate", item["id"])
    assert (row.before["topics"], row.after["topics"]) == (["lov"], [])
    theme_item = gid("AgendaItem", write_world.world.items["b1"])
    await api.login("member-a")
    await api.login("member-b")
    before = await audit.count()
    for account, query, fields in [
        ("member-a", ITEM_UPDATE, {"id": item["id"], "title": "Kapra"}),
        ("member-b", MOVE, {"id": item["id"], "position": 1}),
        ("member-a", REMOVE, {"id": item["id"]}),
        ("member-a", ADD, {"meetingId": meeting["id"], "title": "Kapra"}),
        ("leader-a", ITEM_UPDATE, {"id": theme_item, "title": "Ikkje mitt nettverk"}),
    ]:
        refused = await run(api, query, account, **fields)
        assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"], (account, query)
        assert refused["agendaItem"] is None
    anonymous = await run(api, ADD, None, meetingId=meeting["id"], title="x")
    assert anonymous["userErrors"][0]["code"] == "UNAUTHENTICATED"
    assert await audit.count() == before


async def test_agenda_item_add_is_idempotent(api: Api, write_world: WriteWorld) -> None:
    meeting = await new_meeting(api, write_world)
    fields = {"meetingId": meeting["id"], "title": "Éin gong", "idempotencyKey": str(uuid.uuid4())}
    first = await run(api, ADD, "leader-a", **fields)
    second = await run(api, ADD, "leader-a", **fields)
    assert first["agendaItem"]["id"] == second["agendaItem"]["id"]
    assert len(second["meeting"]["agenda"]) == 1


async def test_two_mutations_in_one_operation_see_each_other(
    api: Api, write_world: WriteWorld
) -> None:
    meeting = await new_meeting(api, write_world)
    token = await api.login("leader-a")
    data = await api.gql(
        """
        mutation ($m: ID!) {
          one: agendaItemAdd(input: {meetingId: $m, title: "Ein"}) { meeting { agenda { title } } }
          two: agendaItemAdd(input: {meetingId: $m, title: "To"}) { meeting { agenda { title } } }
        }
        """,
        {"m": meeting["id"]},
        token=token,
    )
    assert data["one"]["meeting"]["agenda"] == [{"title": "Ein"}]
    assert data["two"]["meeting"]["agenda"] == [{"title": "Ein"}, {"title": "To"}]


# Attendance -----------------------------------------------------------------------------------


async def test_attendance_is_upserted_per_organisation(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    oslo, bergen = await organization(api, "0301"), await organization(api, "4601")
    person = gid("Person", write_world.people["member-a"])
    await api.login("leader-a")
    await api.login("staff")  # a login writes an audit row of its own
    before = await audit.count()
    first = await run(
        api, ATTEND, "leader-a", meetingId=meeting["id"], organizationId=oslo, present=True
    )
    assert first["userErrors"] == []
    assert first["attendance"] == {
        "present": True,
        "organization": {"name": "Oslo"},
        "person": None,
    }
    again = await run(
        api,
        ATTEND,
        "leader-a",
        meetingId=meeting["id"],
        organizationId=oslo,
        present=False,
        personId=person,
    )
    assert again["attendance"] == {
        "present": False,
        "organization": {"name": "Oslo"},
        "person": {"name": "Medlem Anna Demo"},
    }
    both = await run(
        api, ATTEND, "staff", meetingId=meeting["id"], organizationId=bergen, present=True
    )
    assert sorted(
        (line["organization"]["name"], line["present"]) for line in both["meeting"]["attendance"]
    ) == [("Bergen", True), ("Oslo", False)]
    assert await audit.count() == before + 3
    async with audit.engine.connect() as conn:
        lines = (
            await conn.execute(
                select(AUDIT.c.object_id, AUDIT.c.before, AUDIT.c.after)
                .where(AUDIT.c.action == "attendanceRecord")
                .order_by(AUDIT.c.id.desc())
                .limit(3)
            )
        ).all()
    bergen_line, oslo_again, oslo_first = lines
    assert oslo_first.object_id == oslo_again.object_id != bergen_line.object_id
    assert oslo_first.before is None
    assert (oslo_again.before["present"], oslo_again.after["present"]) == (True, False)


async def test_attendance_needs_membership_on_the_meeting_date(
    api: Api, write_world: WriteWorld, audit: Audit
) -> None:
    meeting = await new_meeting(api, write_world)
    early = await new_meeting(api, write_world, startsAt="2019-06-03T10:00:00+02:00")
    oslo, trondheim = await organization(api, "0301"), await organization(api, "5001")
    await api.login("member-a")
    before = await audit.count()
    outsider = await run(
        api, ATTEND, "leader-a", meetingId=meeting["id"], organizationId=trondheim, present=True
    )
    [error] = outsider["userErrors"]
    assert (error["field"], error["code"]) == (["input", "organizationId"], "RULE_VIOLATION")
    assert "Trondheim" in error["message"]
    assert "2024-06-02" in error["message"]
    too_early = await run(
        api, ATTEND, "leader-a", meetingId=early["id"], organizationId=oslo, present=True
    )
    assert too_early["userErrors"][0]["code"] == "RULE_VIOLATION"
    assert "Oslo" in too_early["userErrors"][0]["message"]
    cases: list[tuple[str | None, dict[str, Any], list[str] | None, str]] = [
        ("leader-a", {"personId": gid("Person", 999_999)}, ["input", "personId"], "NOT_FOUND"),
        (
            "leader-a",
            {"organizationId": gid("Organization", 999_999)},
            ["input", "organizationId"],
            "NOT_FOUND",
        ),
        ("leader-a", {"meetingId": gid("Meeting", 999_999)}, ["input", "meetingId"], "NOT_FOUND"),
        ("leader-a", {"organizationId": "garbage"}, ["input", "organizationId"], "INVALID"),
        ("member-a", {}, None, "FORBIDDEN"),
        (None, {}, None, "UNAUTHENTICATED"),
    ]
    for account, fields, field, code in cases:
        base = {"meetingId": meeting["id"], "organizationId": oslo, "present": True}
        result = await run(api, ATTEND, account, **(base | fields))
        assert result["attendance"] is None
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(field, code)], fields
    assert await audit.count() == before


async def test_concurrent_agenda_writes_keep_positions_distinct(
    api: Api, write_world: WriteWorld
) -> None:
    meeting = await new_meeting(api, write_world)
    await api.login("leader-a")
    titles = [f"Sak {n}" for n in range(6)]
    results = await asyncio.gather(
        *(run(api, ADD, "leader-a", meetingId=meeting["id"], title=t, position=1) for t in titles)
    )
    assert all(result["userErrors"] == [] for result in results)
    data = await api.gql(
        "query ($id: ID!) { node(id: $id) { ... on Meeting { agenda { position title } } } }",
        {"id": meeting["id"]},
    )
    agenda = data["node"]["agenda"]
    assert [item["position"] for item in agenda] == [1, 2, 3, 4, 5, 6]
    assert sorted(item["title"] for item in agenda) == titles
