"""Concurrent note posts: N notes from C clients through the real server, on both databases.

    .venv/bin/python -m bench.posts [--notes 1000] [--clients 50] [--db sqlite --db postgresql]

Each client logs in once as its own member (not timed), then posts its share of notes one after another, each with its own
idempotency key; all clients run at once. The run then counts the stored notes: every post must
be acknowledged, stored once and only once, with no errors. Prints a table of throughput and
latency per database. Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
from argon2 import PasswordHasher
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.run import Server
from db import tables
from db.accounts import create_user
from db.engine import make_engine
from db.setup import prepare
from db.tables import MeetingFormat, MeetingStatus, NetworkKind, NetworkStatus, RoleKind
from tests import factories

PASSWORD = "benk-passord-for-skriving"
ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
CREATE = """mutation ($i: NoteCreateInput!) {
  noteCreate(input: $i) { note { id } userErrors { code message } } }"""


async def _seed(url: str, clients: int) -> str:
    """A network, a meeting, a member organisation and one member with an account per client."""
    await prepare(url, demo=False)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            network = await factories.make_network(
                conn, "benk", kind=NetworkKind.OTHER, status=NetworkStatus.PERMANENT
            )
            meeting = await factories.make_meeting(
                conn,
                network,
                date(2026, 1, 15),
                fmt=MeetingFormat.DIGITAL,
                status=MeetingStatus.HELD,
            )
            oslo = await factories.organization_id(conn, "kommune:0301")
            await factories.make_membership(conn, network, oslo, date(2020, 1, 1))
            hashed = PasswordHasher().hash(PASSWORD)
            for n in range(clients):
                person = await factories.make_person(conn, f"Benk Demo {n}")
                await factories.make_role(
                    conn, network, person, RoleKind.REPRESENTATIVE, oslo, date(2020, 1, 1)
                )
                await create_user(
                    conn,
                    email=f"benk{n}@demo.invalid",
                    password_hash=hashed,
                    now=datetime.now(UTC),
                    person_id=person,
                )
    finally:
        await engine.dispose()
    return _meeting_gid(meeting)


def _meeting_gid(meeting_id: int) -> str:
    import base64

    return base64.b64encode(f"Meeting:{meeting_id}".encode()).decode()


async def _count(url: str, marker: str) -> tuple[int, int]:
    engine = make_engine(url)
    notes = tables.table_of(tables.Note)
    try:
        async with engine.connect() as conn:
            total = select(func.count()).where(notes.c.body.like(f"{marker}%"))
            distinct = select(func.count(func.distinct(notes.c.body))).where(
                notes.c.body.like(f"{marker}%")
            )
            return int((await conn.execute(total)).scalar_one()), int(
                (await conn.execute(distinct)).scalar_one()
            )
    finally:
        await engine.dispose()


async def _login(http: httpx.AsyncClient, n: int) -> str:
    answer = (
        await http.post(
            "/graphql",
            json={
                "query": "mutation ($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }",
                "variables": {"i": {"email": f"benk{n}@demo.invalid", "password": PASSWORD}},
            },
        )
    ).json()
    token = answer["data"]["login"]["token"]
    if token is None:
        raise RuntimeError(f"login failed: {answer}")
    return str(token)


async def _client(
    http: httpx.AsyncClient,
    n: int,
    token: str,
    count: int,
    meeting: str,
    marker: str,
    latencies: list[float],
) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {token}"}
    results = []
    for k in range(count):
        variables = {
            "i": {
                "meetingId": meeting,
                "body": f"{marker} {n}-{k}",
                "idempotencyKey": f"{marker}-{n}-{k}",
            }
        }
        started = time.perf_counter()
        response = await http.post(
            "/graphql", json={"query": CREATE, "variables": variables}, headers=headers
        )
        latencies.append(time.perf_counter() - started)
        results.append({"status": response.status_code, "body": response.json()})
    return results


async def _load(base: str, notes: int, clients: int, meeting: str, marker: str) -> dict[str, Any]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        tokens = await asyncio.gather(*(_login(http, n) for n in range(clients)))
        share = [notes // clients + (1 if i < notes % clients else 0) for i in range(clients)]
        started = time.perf_counter()
        batches = await asyncio.gather(
            *(
                _client(http, n, tokens[n], share[n], meeting, marker, latencies)
                for n in range(clients)
            )
        )
        elapsed = time.perf_counter() - started
    results = [r for batch in batches for r in batch]
    errors = [
        r
        for r in results
        if r["status"] != 200
        or "errors" in r["body"]
        or r["body"]["data"]["noteCreate"]["userErrors"]
    ]
    ordered = sorted(latencies)
    return {
        "posts": len(results),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "seconds": round(elapsed, 2),
        "posts_per_s": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


async def _postgres_database(name: str) -> str:
    engine = create_async_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def run_one(kind: str, notes: int, clients: int, folder: Path) -> dict[str, Any]:
    """Seed a fresh database of `kind`, serve it, post, and check what was stored."""
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{folder / 'posts.db'}"
    else:
        url = asyncio.run(_postgres_database("samvirke_bench_posts"))
    asyncio.run(_seed(url, clients))
    engine_meeting = asyncio.run(_meeting_id(url))
    server = Server(
        name=f"ours-{kind}", app="graph.app:app_from_env", url="/graphql", env={"DATABASE_URL": url}
    )
    server.start(folder)
    marker = uuid.uuid4().hex
    try:
        result = asyncio.run(
            _load(server.base, notes, clients, _meeting_gid(engine_meeting), marker)
        )
    finally:
        server.stop()
    stored, distinct = asyncio.run(_count(url, marker))
    return {"database": kind, "clients": clients, "stored": stored, "distinct": distinct, **result}


async def _meeting_id(url: str) -> int:
    engine = make_engine(url)
    meetings = tables.table_of(tables.Meeting)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.max(meetings.c.id)))).scalar_one())
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--db", action="append", choices=["sqlite", "postgresql"])
    options = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in options.db or ["sqlite", "postgresql"]:
            rows.append(run_one(kind, options.notes, options.clients, Path(folder)))
    print(
        "| database | posts | clients | stored | distinct | errors | s | posts/s | p50 ms | p95 ms | max ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['database']} | {r['posts']} | {r['clients']} | {r['stored']} | {r['distinct']} | "
            f"{r['errors']} | {r['seconds']} | {r['posts_per_s']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} |"
        )
        if r["first_error"]:
            print("first error:", r["first_error"])


if __name__ == "__main__":
    main()
