"""Curating the topic taxonomy: create, update (move, rename, aliases), merge; staff only."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db import tables
from db.engine import make_engine
from db.tables import table_of
from tests import factories as f
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

T = table_of(tables.Topic)
TC = table_of(tables.TopicClosure)
AUDIT = table_of(tables.AuditEntry)
LINKS = {
    "meeting": (table_of(tables.MeetingTopic), "meeting_id"),
    "agenda_item": (table_of(tables.AgendaItemTopic), "agenda_item_id"),
    "note": (table_of(tables.NoteTopic), "note_id"),
}
ERRORS = "userErrors { field message code }"
TOPIC = "id slug name description parent { slug } ancestors { slug } children { slug } aliases"
CREATE = f"""
mutation ($i: TopicCreateInput!) {{ topicCreate(input: $i) {{ topic {{ {TOPIC} }} {ERRORS} }} }}
"""
UPDATE = f"""
mutation ($i: TopicUpdateInput!) {{ topicUpdate(input: $i) {{ topic {{ {TOPIC} }} {ERRORS} }} }}
"""
MERGE = f"""
mutation ($i: TopicMergeInput!) {{ topicMerge(input: $i) {{ topic {{ {TOPIC} }} {ERRORS} }} }}
"""
BY_SLUG = f"query ($slug: String!) {{ topic(slug: $slug) {{ {TOPIC} }} }}"


def key(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().partition(":")[2])


def unique(word: str) -> str:
    return f"{word}-{uuid.uuid4().hex[:8]}"


@dataclass
class WriteDb:
    """Direct access to the shared write database: tags, the closure table, the audit log."""

    engine: AsyncEngine

    async def closure(self, ids: list[int]) -> set[tuple[int, int, int]]:
        """The closure rows that touch the topics with `ids`."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(TC.c.ancestor_id, TC.c.descendant_id, TC.c.depth).where(
                    TC.c.descendant_id.in_(ids) | TC.c.ancestor_id.in_(ids)
                )
            )
            return {(r.ancestor_id, r.descendant_id, r.depth) for r in rows}

    async def expected_closure(self, ids: list[int]) -> set[tuple[int, int, int]]:
        """The closure rows that touch `ids`, derived from the parent links alone."""
        async with self.engine.connect() as conn:
            parents = {r.id: r.parent_id for r in await conn.execute(select(T.c.id, T.c.parent_id))}
        out: set[tuple[int, int, int]] = set()
        for topic in parents:
            node: int | None = topic
            depth = 0
            while node is not None:
                if topic in ids or node in ids:
                    out.add((node, topic, depth))
                node, depth = parents[node], depth + 1
        return out

    async def assert_closure_right(self, *global_ids: str) -> None:
        ids = [key(g) for g in global_ids]
        assert await self.closure(ids) == await self.expected_closure(ids)

    async def tag(self, link: str, owner: int, topic: str) -> None:
        table, column = LINKS[link]
        async with self.engine.begin() as conn:
            await conn.execute(insert(table).values({column: owner, "topic_id": key(topic)}))

    async def tagged(self, link: str, topic: str) -> list[int]:
        table, column = LINKS[link]
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(table.c[column]).where(table.c.topic_id == key(topic)).order_by(column)
            )
            return [int(r[0]) for r in rows]

    async def things_to_tag(self) -> dict[str, list[int]]:
        """Two meetings, two agenda items and two notes of a network of one's own."""
        async with self.engine.begin() as conn:
            network = await f.make_network(conn, unique("nett-tema"))
            author = await f.make_person(conn, unique("Forfattar Demo"))
            meetings = [
                await f.make_meeting(conn, network, date(2024, 3, 1)),
                await f.make_meeting(conn, network, date(2024, 6, 1)),
            ]
            items = [await f.make_agenda_item(conn, meetings[0], p) for p in (1, 2)]
            notes = [await f.make_note(conn, meeting, author, "Notat.") for meeting in meetings]
        return {"meeting": meetings, "agenda_item": items, "note": notes}

    async def audit(self, action: str, global_id: str) -> list[Any]:
        async with self.engine.connect() as conn:
            result = await conn.execute(
                select(AUDIT)
                .where(AUDIT.c.action == action, AUDIT.c.object_id == key(global_id))
                .order_by(AUDIT.c.id)
            )
            return list(result.all())

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


async def run(api: Api, query: str, account: str | None, **fields: Any) -> Any:
    token = await api.login(account) if account else None
    data = await api.gql(query, {"i": fields}, token=token)
    return next(iter(data.values()))


async def create(api: Api, slug: str, **fields: Any) -> dict[str, Any]:
    """A new topic, made by staff."""
    result = await run(api, CREATE, "staff", slug=slug, name=slug.capitalize(), **fields)
    assert result["userErrors"] == [], result
    return dict(result["topic"])


def slugs(topics: list[dict[str, str]]) -> list[str]:
    return [t["slug"] for t in topics]


# Creating -------------------------------------------------------------------------------------


async def test_staff_creates_a_topic_under_a_parent_with_aliases(api: Api, db: WriteDb) -> None:
    slug = unique("scenekunst")
    alias = unique("Scenekunsten")
    result = await run(
        api,
        CREATE,
        "staff",
        slug=slug,
        name="  Scenekunst  ",
        description="Teater og dans.",
        parent="kultur",
        aliases=[f" {alias} "],
    )
    assert result["userErrors"] == []
    topic = result["topic"]
    assert (topic["slug"], topic["name"], topic["description"]) == (
        slug,
        "Scenekunst",
        "Teater og dans.",
    )
    assert topic["parent"] == {"slug": "kultur"}
    assert slugs(topic["ancestors"]) == ["kultur"]
    assert topic["aliases"] == [alias]
    # The alias finds the topic, case-insensitively.
    found = await api.gql(BY_SLUG, {"slug": alias.upper()})
    assert found["topic"]["slug"] == slug
    await db.assert_closure_right(topic["id"])
    [row] = await db.audit("topicCreate", topic["id"])
    assert row.after == {
        "slug": slug,
        "name": "Scenekunst",
        "description": "Teater og dans.",
        "parent": "kultur",
        "aliases": [alias],
    }


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"slug": "Med Mellomrom"}, "slug", "INVALID"),
        ({"slug": "dobbel--bindestrek"}, "slug", "INVALID"),
        ({"slug": "-framfor"}, "slug", "INVALID"),
        ({"slug": "æøå"}, "slug", "INVALID"),
        ({"slug": "x" * 101}, "slug", "INVALID"),
        ({"slug": "kino"}, "slug", "INVALID"),  # another topic's slug
        ({"slug": "lova"}, "slug", "INVALID"),  # another topic's alias
        ({"name": "   "}, "name", "INVALID"),
        ({"aliases": ["LOVA"]}, "aliases", "INVALID"),  # another topic's alias
        ({"aliases": ["Kino"]}, "aliases", "INVALID"),  # another topic's slug
        ({"aliases": ["ny", "NY"]}, "aliases", "INVALID"),  # twice
        ({"aliases": [" "]}, "aliases", "INVALID"),
        ({"parent": "finst-ikkje"}, "parent", "NOT_FOUND"),
    ],
)
async def test_create_refuses_bad_input(
    api: Api, fields: dict[str, Any], field: str, code: str
) -> None:
    values = {"slug": unique("gyldig"), "name": "Gyldig", **fields}
    result = await run(api, CREATE, "staff", **values)
    assert result["topic"] is None
    [error] = result["userErrors"]
    assert (error["field"], error["code"]) == (["input", field], code)


async def test_an_alias_cannot_be_the_topics_own_slug(api: Api) -> None:
    slug = unique("eigen")
    result = await run(api, CREATE, "staff", slug=slug, name="Eigen", aliases=[slug.upper()])
    assert result["userErrors"][0]["field"] == ["input", "aliases"]


@pytest.mark.parametrize(
    ("account", "code"),
    [(None, "UNAUTHENTICATED")]
    + [(account, "FORBIDDEN") for account in ("member-a", "leader-a", "member-b", "nobody")],
)
async def test_only_staff_curate_topics(
    api: Api, write_world: WriteWorld, account: str | None, code: str
) -> None:
    created = await run(api, CREATE, account, slug=unique("nei"), name="Nei")
    assert created["userErrors"][0]["code"] == code
    lov = gid("Topic", write_world.world.topics["lov"])
    kino = gid("Topic", write_world.world.topics["kino"])
    updated = await run(api, UPDATE, account, id=lov, name="Ny lov")
    assert updated["userErrors"][0]["code"] == code
    merged = await run(api, MERGE, account, sourceId=kino, targetId=lov)
    assert merged["userErrors"][0]["code"] == code
    assert merged["topic"] is None


async def test_create_with_an_idempotency_key_is_made_once(api: Api, db: WriteDb) -> None:
    token = await api.login("staff")
    fields = {"slug": unique("eingong"), "name": "Éin gong", "idempotencyKey": str(uuid.uuid4())}
    first = (await api.gql(CREATE, {"i": fields}, token=token))["topicCreate"]
    second = (await api.gql(CREATE, {"i": fields}, token=token))["topicCreate"]
    assert first["userErrors"] == second["userErrors"] == []
    assert first["topic"] == second["topic"]
    assert len(await db.audit("topicCreate", first["topic"]["id"])) == 1
    other = (await api.gql(CREATE, {"i": {**fields, "name": "Anna"}}, token=token))["topicCreate"]
    assert other["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"


# Updating and moving --------------------------------------------------------------------------


async def test_moving_a_subtree_keeps_the_closure_right(api: Api, db: WriteDb) -> None:
    root1 = await create(api, unique("rot"))
    root2 = await create(api, unique("rot"))
    child = await create(api, unique("barn"), parent=root1["slug"])
    grandchild = await create(api, unique("barnebarn"), parent=child["slug"])
    leaf = await create(api, unique("blad"), parent=grandchild["slug"])
    everything = (root1["id"], root2["id"], child["id"], grandchild["id"], leaf["id"])

    moved = await run(api, UPDATE, "staff", id=child["id"], parent=root2["slug"])
    assert moved["userErrors"] == []
    assert moved["topic"]["parent"] == {"slug": root2["slug"]}
    leaf_now = (await api.gql(BY_SLUG, {"slug": leaf["slug"]}))["topic"]
    assert slugs(leaf_now["ancestors"]) == [
        root2["slug"],
        child["slug"],
        grandchild["slug"],
    ]
    assert (await api.gql(BY_SLUG, {"slug": root1["slug"]}))["topic"]["children"] == []
    await db.assert_closure_right(*everything)

    # A move of a middle topic to the top makes it a root with its sub-tree.
    rooted = await run(api, UPDATE, "staff", id=grandchild["id"], parent=None)
    assert rooted["topic"]["parent"] is None
    assert rooted["topic"]["ancestors"] == []
    leaf_now = (await api.gql(BY_SLUG, {"slug": leaf["slug"]}))["topic"]
    assert slugs(leaf_now["ancestors"]) == [grandchild["slug"]]
    await db.assert_closure_right(*everything)

    # Leaving `parent` out keeps the topic where it is.
    renamed = await run(api, UPDATE, "staff", id=leaf["id"], name="Nytt namn")
    assert renamed["topic"]["parent"] == {"slug": grandchild["slug"]}
    assert renamed["topic"]["name"] == "Nytt namn"


async def test_a_move_that_makes_a_cycle_is_refused(api: Api, db: WriteDb) -> None:
    root = await create(api, unique("rot"))
    child = await create(api, unique("barn"), parent=root["slug"])
    grandchild = await create(api, unique("barnebarn"), parent=child["slug"])
    before = await db.audit_count()
    for target in (grandchild, child, root):
        result = await run(api, UPDATE, "staff", id=root["id"], parent=target["slug"])
        assert result["topic"] is None
        [error] = result["userErrors"]
        assert (error["field"], error["code"]) == (["input", "parent"], "RULE_VIOLATION")
        assert "cycle" in error["message"]
    assert await db.audit_count() == before
    await db.assert_closure_right(root["id"], child["id"], grandchild["id"])


async def test_update_replaces_aliases_and_renames(api: Api, db: WriteDb) -> None:
    old, new = unique("gamalt"), unique("nytt")
    topic = await create(api, unique("tema"), aliases=[old], description="Før.")
    result = await run(
        api,
        UPDATE,
        "staff",
        id=topic["id"],
        name="Nytt namn",
        description="Etter.",
        aliases=[new, "Kulturlova-" + new],
    )
    assert result["userErrors"] == []
    updated = result["topic"]
    assert (updated["name"], updated["description"]) == ("Nytt namn", "Etter.")
    assert sorted(updated["aliases"]) == sorted([new, "Kulturlova-" + new])
    # The old alias is free for another topic now.
    other = await create(api, unique("anna"), aliases=[old])
    assert other["aliases"] == [old]
    # Keeping one's own aliases is fine; taking another topic's is not.
    same = await run(api, UPDATE, "staff", id=topic["id"], aliases=[new])
    assert same["userErrors"] == []
    taken = await run(api, UPDATE, "staff", id=topic["id"], aliases=[old])
    assert taken["userErrors"][0]["field"] == ["input", "aliases"]
    cleared = await run(api, UPDATE, "staff", id=topic["id"], aliases=[])
    assert cleared["topic"]["aliases"] == []
    [*_, row] = await db.audit("topicUpdate", topic["id"])
    assert (row.before["aliases"], row.after["aliases"]) == ([new], [])


async def test_update_of_a_missing_or_wrong_id(api: Api, write_world: WriteWorld) -> None:
    missing = await run(api, UPDATE, "staff", id=gid("Topic", 999999), name="X")
    assert missing["userErrors"][0] == {
        "field": ["input", "id"],
        "message": "No topic with that id.",
        "code": "NOT_FOUND",
    }
    network = gid("Network", write_world.world.networks["a"])
    wrong = await run(api, UPDATE, "staff", id=network, name="X")
    assert wrong["userErrors"][0]["code"] == "INVALID"
    unknown_parent = await run(
        api, UPDATE, "staff", id=gid("Topic", write_world.world.topics["kino"]), parent="nei-da"
    )
    assert unknown_parent["userErrors"][0]["code"] == "NOT_FOUND"


# Merging --------------------------------------------------------------------------------------


async def test_merge_moves_every_link_alias_and_child_to_the_target(api: Api, db: WriteDb) -> None:
    root_a = await create(api, unique("rot"))
    root_b = await create(api, unique("rot"))
    alias = unique("Kjeldenamn")
    source = await create(api, unique("kjelde"), parent=root_a["slug"], aliases=[alias])
    child = await create(api, unique("barn"), parent=source["slug"])
    grandchild = await create(api, unique("barnebarn"), parent=child["slug"])
    target_alias = unique("malnamn")
    target = await create(api, unique("mal"), parent=root_b["slug"], aliases=[target_alias])
    things = await db.things_to_tag()
    for link, (first, second) in things.items():
        # The first is tagged with both (it must not be tagged twice), the second with the
        # source only.
        await db.tag(link, first, source["id"])
        await db.tag(link, first, target["id"])
        await db.tag(link, second, source["id"])

    result = await run(api, MERGE, "staff", sourceId=source["id"], targetId=target["id"])
    assert result["userErrors"] == []
    merged = result["topic"]
    assert merged["id"] == target["id"]
    assert merged["parent"] == {"slug": root_b["slug"]}
    assert slugs(merged["children"]) == [child["slug"]]
    assert sorted(merged["aliases"]) == sorted([alias, source["slug"], target_alias])
    for link, owners in things.items():
        assert await db.tagged(link, target["id"]) == sorted(owners), link
        assert await db.tagged(link, source["id"]) == [], link
    # The source is gone; its slug and alias lead to the target.
    assert (await api.gql("query ($id: ID!) { node(id: $id) { id } }", {"id": source["id"]}))[
        "node"
    ] is None
    for name in (source["slug"], alias):
        assert (await api.gql(BY_SLUG, {"slug": name}))["topic"]["slug"] == target["slug"]
    leaf = (await api.gql(BY_SLUG, {"slug": grandchild["slug"]}))["topic"]
    assert slugs(leaf["ancestors"]) == [root_b["slug"], target["slug"], child["slug"]]
    assert (await api.gql(BY_SLUG, {"slug": root_a["slug"]}))["topic"]["children"] == []
    await db.assert_closure_right(
        root_a["id"], root_b["id"], target["id"], child["id"], grandchild["id"]
    )
    assert await db.closure([key(source["id"])]) == set()
    [row] = await db.audit("topicMerge", target["id"])
    assert row.object_type == "Topic"
    assert row.before["source"]["slug"] == source["slug"]
    assert row.after["merged"]["meetings"] == 2
    assert row.after["merged"]["children"] == [key(child["id"])]


async def test_merge_into_a_parent(api: Api, db: WriteDb) -> None:
    parent = await create(api, unique("forelder"))
    child = await create(api, unique("barn"), parent=parent["slug"])
    grandchild = await create(api, unique("barnebarn"), parent=child["slug"])
    result = await run(api, MERGE, "staff", sourceId=child["id"], targetId=parent["id"])
    assert result["userErrors"] == []
    assert slugs(result["topic"]["children"]) == [grandchild["slug"]]
    assert result["topic"]["aliases"] == [child["slug"]]
    await db.assert_closure_right(parent["id"], grandchild["id"])


async def test_merge_into_a_descendant_or_itself_is_refused(api: Api, db: WriteDb) -> None:
    root = await create(api, unique("rot"))
    child = await create(api, unique("barn"), parent=root["slug"])
    grandchild = await create(api, unique("barnebarn"), parent=child["slug"])
    before = await db.audit_count()
    for target in (child, grandchild):
        result = await run(api, MERGE, "staff", sourceId=root["id"], targetId=target["id"])
        assert result["topic"] is None
        [error] = result["userErrors"]
        assert (error["field"], error["code"]) == (["input", "targetId"], "RULE_VIOLATION")
    itself = await run(api, MERGE, "staff", sourceId=root["id"], targetId=root["id"])
    assert itself["userErrors"][0]["code"] == "INVALID"
    missing = await run(api, MERGE, "staff", sourceId=gid("Topic", 999999), targetId=root["id"])
    assert missing["userErrors"][0]["field"] == ["input", "sourceId"]
    assert missing["userErrors"][0]["code"] == "NOT_FOUND"
    assert await db.audit_count() == before
    tree = (await api.gql(BY_SLUG, {"slug": grandchild["slug"]}))["topic"]
    assert slugs(tree["ancestors"]) == [root["slug"], child["slug"]]
    await db.assert_closure_right(root["id"], child["id"], grandchild["id"])
