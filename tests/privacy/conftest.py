"""The privacy matrix's databases (five worlds per engine), argument provider and tally."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property

import pytest

from db.engine import make_engine
from db.setup import prepare
from graph.schema import schema
from tests.databases import KINDS, empty_database
from tests.privacy.documents import (
    Document,
    MissingProvider,
    Provider,
    Walker,
    documents,
    probes,
)
from tests.privacy.matrix import RoleRun, run_matrix
from tests.privacy.world import Built, HiddenNote, Plan, Role, World, build, gid

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
        topics = list(full.topics)
        networks = [f"nett-{key}" for key in full.networks]
        canaries = [self.plan.hidden[0].canaries[1], self.plan.hidden[-1].canaries[0]]
        search = [*canaries, *SEARCH_WORDS]
        slugs = [*topics, "lova", "Kulturlova", *networks, canaries[0]]
        by_name: dict[str, list[object]] = {
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


async def _build(url: str, plan: Plan, world: World) -> Built:
    await prepare(url, demo=False)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            return await build(conn, plan, plan.included(world))
    finally:
        await engine.dispose()


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
    """FULL, NO_HIDDEN, FOR_A, FOR_B and STAFF_VIEW on one engine, built once per session."""
    kind = str(request.param)
    started = time.perf_counter()
    plan = Plan()
    folder = tmp_path_factory.mktemp(f"privacy-{kind}")
    with ExitStack() as stack:
        urls = {w: stack.enter_context(empty_database(kind, folder)) for w in World}
        built = {w: asyncio.run(_build(urls[w], plan, w)) for w in World}
        full = built[World.FULL]
        for world, other in built.items():
            same = (other.topics, other.networks, other.meetings, other.items, other.people)
            assert same == (full.topics, full.networks, full.meetings, full.items, full.people)
            assert other.public_notes == full.public_notes, world
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
    runs = asyncio.run(run_matrix(worlds))
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
    for leak in t.leaks[:50]:
        terminalreporter.write_line(f"  LEAK {leak}")
