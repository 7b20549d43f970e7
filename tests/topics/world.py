"""A small, exactly known world of meetings, agendas and notes for the theme questions.

Topics: kultur > lov > lov-detalj; film > kino. Networks: nett-a (4/yr, 1 physical), nett-b.
Hidden notes carry canary strings that no anonymous answer may contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import MeetingFormat as F
from db.tables import MeetingStatus as S
from db.tables import NoteVisibility as V
from tests import factories as f

CANARIES = ("KANARI-NETTVERK-7f3a", "KANARI-STAB-91bc", "KANARI-SLETTA-2d4e")


@dataclass
class World:
    topics: dict[str, int]
    networks: dict[str, int]
    meetings: dict[str, int]
    items: dict[str, int]
    notes: dict[str, int]


async def build_world(conn: AsyncConnection) -> World:
    t: dict[str, int] = {}
    t["kultur"] = await f.make_topic(conn, "kultur")
    t["lov"] = await f.make_topic(conn, "lov", t["kultur"], aliases=["lova", "Kulturlova"])
    t["lov-detalj"] = await f.make_topic(conn, "lov-detalj", t["lov"])
    t["film"] = await f.make_topic(conn, "film")
    t["kino"] = await f.make_topic(conn, "kino", t["film"])
    n = {"a": await f.make_network(conn, "nett-a"), "b": await f.make_network(conn, "nett-b")}
    author = await f.make_person(conn, "Testa Testesen")
    m: dict[str, int] = {}
    i: dict[str, int] = {}
    m["a1"] = await f.make_meeting(conn, n["a"], date(2024, 2, 1), topics=[t["kultur"]])
    m["a2"] = await f.make_meeting(conn, n["a"], date(2024, 5, 1), fmt=F.PHYSICAL)
    m["a3"] = await f.make_meeting(
        conn, n["a"], date(2024, 9, 1), status=S.CANCELLED, topics=[t["film"]]
    )
    m["a4"] = await f.make_meeting(
        conn, n["a"], date(2024, 11, 1), status=S.PLANNED, topics=[t["kino"]]
    )
    m["b1"] = await f.make_meeting(conn, n["b"], date(2023, 3, 1))
    m["b2"] = await f.make_meeting(conn, n["b"], date(2024, 3, 1), fmt=F.HYBRID)
    i["a1"] = await f.make_agenda_item(conn, m["a1"], 1, topics=[t["lov"]])
    i["a1-untagged"] = await f.make_agenda_item(conn, m["a1"], 2)
    i["a2"] = await f.make_agenda_item(conn, m["a2"], 1, topics=[t["lov-detalj"]])
    i["b1"] = await f.make_agenda_item(conn, m["b1"], 1, topics=[t["kino"]])
    i["b2"] = await f.make_agenda_item(conn, m["b2"], 1, topics=[t["lov"], t["lov-detalj"]])
    moment = datetime(2024, 2, 3, 9, tzinfo=UTC)
    notes = {
        "public": await f.make_note(
            conn,
            m["a1"],
            author,
            "Offentleg referat om lova.",
            topics=[t["lov"]],
            created_at=moment,
        ),
        "network": await f.make_note(
            conn, m["a1"], author, CANARIES[0], visibility=V.NETWORK, topics=[t["lov"]]
        ),
        "staff": await f.make_note(
            conn, m["a1"], author, CANARIES[1], visibility=V.STAFF, topics=[t["film"]]
        ),
        "deleted": await f.make_note(
            conn, m["a1"], author, CANARIES[2], topics=[t["lov"]], deleted_at=moment
        ),
        "film": await f.make_note(conn, m["b1"], author, "Referat om film.", topics=[t["film"]]),
    }
    oslo = await f.organization_id(conn, "kommune:0301")
    bergen = await f.organization_id(conn, "kommune:4601")
    await f.make_attendance(conn, m["a1"], oslo, True)
    await f.make_attendance(conn, m["a2"], oslo, False)
    await f.make_attendance(conn, m["a1"], bergen, True)
    return World(topics=t, networks=n, meetings=m, items=i, notes=notes)
