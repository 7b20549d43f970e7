"""Many writers at once: every note stored exactly once; one winner among equal-version edits."""

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from db import tables
from db.engine import make_engine
from graph import mutations
from tests.topics.test_meetings import gid
from tests.writes.conftest import Api
from tests.writes.world import WriteWorld

pytestmark = pytest.mark.anyio

CREATE = """
mutation ($i: NoteCreateInput!) { noteCreate(input: $i) { note { id } userErrors { code } } }
"""
UPDATE = """
mutation ($i: NoteUpdateInput!) { noteUpdate(input: $i) { note { version } userErrors { code } } }
"""
CLIENTS = 20
POSTS_PER_CLIENT = 10


async def _count_marked(url: str, marker: str) -> int:
    engine = make_engine(url)
    notes = tables.table_of(tables.Note)
    try:
        async with engine.connect() as conn:
            query = select(func.count()).where(notes.c.body.like(f"%{marker}%"))
            return int((await conn.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_200_notes_from_20_clients_are_all_stored_once(
    api: Api, write_world: WriteWorld, write_db: tuple[str, WriteWorld]
) -> None:
    token = await api.login("member-a")
    marker = uuid.uuid4().hex
    meeting = gid("Meeting", write_world.world.meetings["a2"])

    async def client(n: int) -> list[dict]:
        results = []
        for k in range(POSTS_PER_CLIENT):
            body = {
                "meetingId": meeting,
                "body": f"{marker} {n}-{k}",
                "idempotencyKey": f"{marker}-{n}-{k}",
            }
            results.append(await api.gql(CREATE, {"i": body}, token=token))
        return results

    batches = await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    results = [r["noteCreate"] for batch in batches for r in batch]
    assert all(r["userErrors"] == [] for r in results)
    ids = {r["note"]["id"] for r in results}
    assert len(ids) == CLIENTS * POSTS_PER_CLIENT
    assert await _count_marked(write_db[0], marker) == CLIENTS * POSTS_PER_CLIENT


async def test_retries_with_one_idempotency_key_store_one_note(
    api: Api, write_world: WriteWorld, write_db: tuple[str, WriteWorld]
) -> None:
    token = await api.login("member-a")
    marker = uuid.uuid4().hex
    body = {
        "meetingId": gid("Meeting", write_world.world.meetings["a2"]),
        "body": marker,
        "idempotencyKey": marker,
    }
    results = await asyncio.gather(*(api.gql(CREATE, {"i": body}, token=token) for _ in range(10)))
    assert len({r["noteCreate"]["note"]["id"] for r in results}) == 1
    assert await _count_marked(write_db[0], marker) == 1


async def test_20_concurrent_updates_of_one_version_one_wins(
    api: Api, write_world: WriteWorld
) -> None:
    token = await api.login("member-a")
    meeting = gid("Meeting", write_world.world.meetings["a2"])
    created = await api.gql(CREATE, {"i": {"meetingId": meeting, "body": "start"}}, token=token)
    note_id = created["noteCreate"]["note"]["id"]
    updates = [
        api.gql(
            UPDATE, {"i": {"id": note_id, "expectedVersion": 1, "body": f"utgåve {n}"}}, token=token
        )
        for n in range(20)
    ]
    results = [r["noteUpdate"] for r in await asyncio.gather(*updates)]
    winners = [r for r in results if r["userErrors"] == []]
    conflicts = [r for r in results if r["userErrors"] and r["userErrors"][0]["code"] == "CONFLICT"]
    assert len(winners) == 1
    assert winners[0]["note"]["version"] == 2
    assert len(conflicts) == 19


class _Aborted(Exception):
    """What the driver raises when PostgreSQL aborts a transaction (or something else fails)."""

    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("sqlstate", "runs"), [("40P01", 2), ("40001", 2), (None, 1)])
async def test_a_transaction_aborted_for_a_deadlock_runs_again(
    api: Api,
    write_world: WriteWorld,
    write_db: tuple[str, WriteWorld],
    monkeypatch: pytest.MonkeyPatch,
    sqlstate: str | None,
    runs: int,
) -> None:
    real = mutations._attempt
    calls: list[int] = []

    async def first_aborted(context: Any, action: str, work: Any, key: Any, digest: str) -> Any:
        calls.append(1)
        if len(calls) > 1:
            return await real(context, action, work, key, digest)

        async def write_then_abort(conn: Any) -> Any:
            await work(conn)  # the note is written, then the transaction is aborted
            raise DBAPIError("INSERT", {}, _Aborted(sqlstate))

        return await real(context, action, write_then_abort, key, digest)

    monkeypatch.setattr(mutations, "_attempt", first_aborted)
    token = await api.login("member-a")
    marker = uuid.uuid4().hex
    body = {"meetingId": gid("Meeting", write_world.world.meetings["a2"]), "body": marker}
    response = (await api.post(CREATE, {"i": body}, token=token)).json()
    assert len(calls) == runs
    if runs == 2:
        assert response["data"]["noteCreate"]["userErrors"] == []
    else:  # not a deadlock: an internal error, and nothing is kept
        assert response["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert await _count_marked(write_db[0], marker) == (1 if runs == 2 else 0)
