"""The privacy matrix's databases (five worlds per engine), argument provider and tally."""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from db.engine import make_engine
from db.setup import prepare
from graph.schema import schema
from tests.databases import KINDS, empty_database, postgres_admin_url
from tests.privacy.documents import (
    Document,
    MissingProvider,
    Provider,
    Walker,
    documents,
    probes,
)
from tests.privacy.matrix import RoleRun, run_matrix
from tests.privacy.world import (
    Built,
    HiddenNote,
    Plan,
    Role,
    World,
    add_hidden,
    build_public,
    gid,
)

SEARCH_WORDS = ["lov"]
CODES = ["0301", "5001", "KS", "46"]
YEARS = [2023, 2024]


@dataclass
class Worlds:
    """One engine's five databases, built from one plan."""

    kind: str
    plan: Plan
    urls: dict[World, str]
    built: dict[World, Built]

    @property
    def full(self) -> Built:
        return self.built[World.FULL]

    def hidden_from(self, audience: World | None) -> list[HiddenNote]:
        """The hidden notes an audience may not see (all of them for a refused role)."""
        return [n for n in self.plan.hidden if audience is None or not n.visible_in(audience)]

    def forbidden_canaries(self, audience: World | None) -> dict[str, str]:
        """Canary string -> which note it is in, for every note the audience may not see."""
        return {c: n.key for n in self.hidden_from(audience) for c in n.canaries}

    def forbidden_ids(self, audience: World | None) -> dict[str, str]:
        """Global id -> which note, for every note the audience may not see."""
        return {
            gid("Note", self.full.hidden_notes[n.key]): n.key for n in self.hidden_from(audience)
        }

    @cached_property
    def walker(self) -> Walker:
        return Walker(schema._schema, self.provider())

    @cached_property
    def documents(self) -> list[Document]:
        """The generated documents (raises `MissingProvider` naming an uncovered field)."""
        return documents(self.walker, probes(self.walker))

    def provider(self) -> Provider:
        """Argument values: every id of FULL (hidden notes too), slugs, codes, canaries."""
        full = self.full
        ids = [gid("Note", i) for i in full.public_notes.values()]
        ids += [gid("Note", i) for i in full.hidden_notes.values()]
        ids += [gid("Meeting", i) for i in full.meetings.values()]
        # the richest first (a root field's first value is crawled deepest), then `stille`,
        # which only hidden notes are tagged with
        topics = sorted(full.topics, key=lambda t: (t != "kultur", t != "stille", t))
        networks = [f"nett-{key}" for key in full.networks]
        canaries = [self.plan.hidden[0].canaries[1], self.plan.hidden[-1].canaries[0]]
        search = [*canaries, *SEARCH_WORDS]
        slugs = [*topics, "lova", *networks, canaries[0]]  # `lova`: an alias of `lov`
        by_name: dict[str, list[Any]] = {
            # the first value of a root field's arguments gets the deepest crawl
            "Query.topic.slug": slugs,
            "Query.network.slug": [*networks, "kultur", canaries[0]],
            "slug": slugs,
            "code": list(CODES),
            "year": list(YEARS),
            "topics": topics,
            "networks": networks,
            "networkSlug": networks,
            "parent": ["kultur", "lov", "film"],
            "countyNumber": ["46"],
            **{name: search for name in ("search", "query", "q", "text", "term", "contains")},
        }
        optional = frozenset(set(by_name) - {"slug", "code", "year"})
        return Provider(by_name=by_name, ids=ids, optional_names=optional)


async def _build_public(url: str, plan: Plan) -> Built:
    await prepare(url, demo=False)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await build_public(conn, plan)
    finally:
        await engine.dispose()


async def _add_hidden(url: str, plan: Plan, public: Built, world: World) -> Built:
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await add_hidden(conn, plan, public, plan.included(world))
    finally:
        await engine.dispose()


async def _postgres(sql: str) -> None:
    engine = create_async_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


@contextmanager
def copied_database(kind: str, url: str, folder: Path) -> Iterator[str]:
    """A copy of the database at `url` (an SQLite backup, or a PostgreSQL template copy)."""
    name = f"samvirke_privacy_{uuid.uuid4().hex[:12]}"
    if kind == "sqlite":
        target = folder / f"{name}.db"
        source_file = str(make_url(url).database)
        with (
            closing(sqlite3.connect(source_file)) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
        yield f"sqlite+aiosqlite:///{target}"
        return
    template = make_url(url).database
    asyncio.run(_postgres(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@dataclass
class Tally:
    """What the matrix ran, for the summary at the end of the session."""

    engines: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    root_fields: set[str] = field(default_factory=set)
    entry_points: int = 0
    documents: int = 0
    cases: int = 0
    requests: int = 0
    leaks: list[str] = field(default_factory=list)
    document_seconds: dict[str, float] = field(default_factory=dict)
    setup_seconds: float = 0.0
    run_seconds: float = 0.0


TALLY = Tally()


@dataclass
class Crawl:
    """One engine's matrix: per role what ran and what leaked (or why nothing could run)."""

    worlds: Worlds
    runs: dict[Role, RoleRun]
    error: str | None = None


@pytest.fixture(scope="session", params=KINDS)
def worlds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Worlds]:
    """FULL, NO_HIDDEN, FOR_A, FOR_B and STAFF_VIEW on one engine, built once per session.

    One database gets the schema, the reference data and the public content; each world is a
    copy of it plus the hidden notes its audience may see.
    """
    kind = str(request.param)
    started = time.perf_counter()
    plan = Plan()
    folder = tmp_path_factory.mktemp(f"privacy-{kind}")
    with ExitStack() as stack:
        base = stack.enter_context(empty_database(kind, folder))
        public = asyncio.run(_build_public(base, plan))
        urls = {w: stack.enter_context(copied_database(kind, base, folder)) for w in World}
        built = {w: asyncio.run(_add_hidden(urls[w], plan, public, w)) for w in World}
        full = built[World.FULL]
        for world, other in built.items():
            assert all(full.hidden_notes[k] == v for k, v in other.hidden_notes.items()), world
            expected = {n.key for n in plan.included(world)}
            assert set(other.hidden_notes) == expected, world
        TALLY.setup_seconds += time.perf_counter() - started
        yield Worlds(kind, plan, urls, built)


@pytest.fixture(scope="session")
def crawl(worlds: Worlds) -> Crawl:
    """Every role's crawl of every generated document, on this engine's worlds."""
    try:
        documents = worlds.documents
    except MissingProvider as exc:
        return Crawl(worlds, {}, error=str(exc))
    started = time.perf_counter()
    runs = run_matrix(worlds)
    TALLY.run_seconds += time.perf_counter() - started
    TALLY.engines.append(worlds.kind)
    TALLY.documents += len(documents)
    TALLY.entry_points += sum(len(d.probes) for d in documents)
    TALLY.root_fields.update(p.field for d in documents for p in d.probes)
    for role, run in runs.items():
        TALLY.roles.add(role.value)
        TALLY.cases += run.cases
        TALLY.requests += run.requests
        TALLY.leaks.extend(run.findings)
        for name, seconds in run.document_seconds.items():
            TALLY.document_seconds[name] = TALLY.document_seconds.get(name, 0.0) + seconds
    return Crawl(worlds, runs)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    t = TALLY
    if not t.engines:
        return
    terminalreporter.write_sep("-", "privacy matrix")
    engines = len(t.engines)
    terminalreporter.write_line(
        f"{engines} engines ({', '.join(t.engines)}) x {len(t.roles)} roles x "
        f"{t.entry_points // engines} entry points ({len(t.root_fields)} root fields x their "
        f"arguments) in {t.documents // engines} documents = {t.cases} cases "
        f"({t.requests} HTTP requests); {len(t.leaks)} leaks; "
        f"set-up {t.setup_seconds:.1f}s, crawl {t.run_seconds:.1f}s"
    )
    slowest = sorted(t.document_seconds.items(), key=lambda item: -item[1])[:4]
    terminalreporter.write_line(
        "slowest documents: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in slowest)
    )
    for leak in t.leaks[:50]:
        terminalreporter.write_line(f"  LEAK {leak}")
