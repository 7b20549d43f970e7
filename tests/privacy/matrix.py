"""Running the matrix: every document as every role on FULL and on the role's audience world.

One app per world serves the roles of a worker (so its SQL compile cache stays warm); findings
are collected per role and attributed to entry points (root field and arguments).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
from asgi_lifespan import LifespanManager

from graph.app import create_app
from graph.settings import Settings
from tests.conftest import TODAY
from tests.privacy.documents import Document, Probe
from tests.privacy.world import Role, World

if TYPE_CHECKING:
    from tests.privacy.conftest import Worlds


@asynccontextmanager
async def serve(url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the real app over the database at `url`."""
    settings = Settings(database_url=url, fixed_today=TODAY, password_hashing="cheapest")
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, client=("10.0.0.2", 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def post(http: httpx.AsyncClient, document: Document, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    payload = {"query": document.text, "operationName": document.name}
    return await http.post("/graphql", json=payload, headers=headers)


def _normalised(error: dict[str, Any]) -> dict[str, Any]:
    """An error without what differs per request (the id of a logged unexpected error)."""
    extensions = dict(error.get("extensions") or {})
    extensions.pop("errorId", None)
    return {**error, "extensions": extensions}


def _by_alias(body: dict[str, Any]) -> dict[str | None, list[dict[str, Any]]]:
    """Errors grouped by the alias of the root field they belong to (None: the document)."""
    out: dict[str | None, list[dict[str, Any]]] = {}
    for error in body.get("errors") or []:
        path = error.get("path") or [None]
        out.setdefault(path[0], []).append(_normalised(error))
    return out


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two JSON values first differ, and how (None if equal)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=_report_order):
            if key not in a or key not in b:
                return f"{path}.{key}: {'missing on FULL' if key not in a else 'only on FULL'}"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        if len(a) != len(b):
            return f"{path}: {len(a)} items on FULL, {len(b)} without the hidden notes"
        return None
    if a != b:
        return f"{path}: FULL {_short(a)} != {_short(b)} without the hidden notes"
    return None


PLUMBING_KEYS = ("edges", "pageInfo", "cursor", "startCursor", "endCursor")


def _report_order(key: str) -> tuple[bool, str]:
    """Items and counts before cursors: the first difference reported is the telling one."""
    return (key.endswith(PLUMBING_KEYS), key)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def _short_label(label: str) -> str:
    return label if len(label) <= 100 else label[:97] + "..."


def _token(secret: str) -> str:
    """A pattern for `secret` as a whole token (`Tm90ZTox` must not match inside `Tm90ZToxMQ==`)."""
    return rf"(?<![A-Za-z0-9+/=_-]){re.escape(secret)}(?![A-Za-z0-9+/=_-])"


def paths_of(value: Any, prefix: str, into: set[str]) -> None:
    """Every key path in a response, with aliases and `Type__` prefixes back to field names."""
    if isinstance(value, dict):
        for key, item in value.items():
            name = key.split("__")[-1].split("_")[0]
            paths_of(item, f"{prefix}.{name}" if prefix else name, into)
    elif isinstance(value, list):
        for item in value:
            paths_of(item, prefix, into)
    elif prefix:
        into.add(prefix)


@dataclass
class RoleRun:
    """What one role's crawl on one engine did and found."""

    cases: int = 0
    requests: int = 0
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)
    document_seconds: dict[str, float] = field(default_factory=dict)
    paths: set[str] = field(default_factory=set)  # what the FULL responses held (some roles)


class Matrix:
    """The findings of one engine × role, attributed to entry points."""

    def __init__(self, worlds: Worlds, role: Role, *, collect_paths: bool = False) -> None:
        self.worlds = worlds
        self.role = role
        self.collect_paths = collect_paths
        self.secrets = worlds.forbidden_canaries(role.audience) | worlds.forbidden_ids(
            role.audience
        )
        self.patterns = {secret: re.compile(_token(secret)) for secret in self.secrets}
        self.pattern = re.compile("|".join(_token(secret) for secret in self.secrets))
        self.run = RoleRun()

    def leak(self, probe: Probe | None, document: Document, what: str) -> None:
        where = _short_label(probe.label) if probe else f"document {document.name}"
        self.run.findings.append(f"[{self.worlds.kind}] {self.role.value} {where}: {what}")

    def scan(self, document: Document, response: httpx.Response) -> None:
        """(a), (b): no forbidden canary or note id anywhere in the FULL response."""
        if not self.pattern.search(response.text):
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self.leak(None, document, f"hidden {self._secrets(response.text)} in {response.text}")
            return
        errors = _by_alias(body)
        data = body.get("data") or {}
        attributed = False
        for probe in document.probes:
            text = json.dumps([data.get(probe.alias), errors.get(probe.alias)], ensure_ascii=False)
            found = self._secrets(text)
            if found:
                attributed = True
                self.leak(probe, document, f"response carries hidden {found}")
        text = json.dumps(errors.get(None), ensure_ascii=False)
        if not attributed or self.pattern.search(text):
            self.leak(None, document, f"response carries hidden {self._secrets(response.text)}")

    def _secrets(self, text: str) -> str:
        found = sorted(
            f"{secret} ({self.secrets[secret]})"
            for secret, pattern in self.patterns.items()
            if pattern.search(text)
        )
        return ", ".join(found[:6]) + (f" and {len(found) - 6} more" if len(found) > 6 else "")

    def compare(self, document: Document, full: httpx.Response, other: httpx.Response) -> None:
        """(c): FULL answers the role exactly as the world without hidden notes does."""
        if full.status_code != other.status_code:
            self.leak(None, document, f"HTTP {full.status_code} on FULL, {other.status_code} else")
            return
        a, b = full.json(), other.json()
        errors_a, errors_b = _by_alias(a), _by_alias(b)
        data_a, data_b = a.get("data") or {}, b.get("data") or {}
        if errors_a.get(None):  # a refused document crawls nothing: that is a failure too
            self.leak(None, document, f"the document was refused: {_short(errors_a[None])}")
        elif errors_b.get(None):
            self.leak(None, document, f"errors differ: {_short(errors_b[None])}")
        if self.collect_paths:
            for probe in document.probes:
                paths_of(data_a.get(probe.alias), probe.field, self.run.paths)
        for probe in document.probes:
            found = first_difference(
                [data_a.get(probe.alias), errors_a.get(probe.alias)],
                [data_b.get(probe.alias), errors_b.get(probe.alias)],
            )
            if found:
                self.leak(
                    probe, document, f"differs from the world without hidden notes at {found}"
                )

    def refused(self, document: Document, response: httpx.Response) -> None:
        """Dead credentials: 401 and no data."""
        if response.status_code != 401:
            self.leak(None, document, f"dead credentials got HTTP {response.status_code}")
        body = response.json()
        if "data" in body:
            self.leak(None, document, f"dead credentials got data: {_short(body['data'])}")


PATH_ROLES = (Role.STAFF, Role.MEMBER_A)  # who sees the most; their responses show the reach


async def crawl(worlds: Worlds, clients: dict[World, httpx.AsyncClient], role: Role) -> RoleRun:
    """Every document as `role`: scanned on FULL, compared with the audience's world."""
    started = time.perf_counter()
    matrix = Matrix(worlds, role, collect_paths=role in PATH_ROLES)
    audience = role.audience
    other_world = audience or World.NO_HIDDEN
    full_token = worlds.built[World.FULL].tokens.get(role)
    other_token = worlds.built[other_world].tokens.get(role)
    full, other = clients[World.FULL], clients[other_world]
    for document in worlds.documents:
        document_started = time.perf_counter()
        if audience is None:
            on_full = await post(full, document, full_token)
            matrix.scan(document, on_full)
            matrix.refused(document, on_full)
            matrix.run.requests += 1
        else:
            on_full, on_other = await asyncio.gather(
                post(full, document, full_token), post(other, document, other_token)
            )
            matrix.scan(document, on_full)
            matrix.compare(document, on_full, on_other)
            matrix.run.requests += 2
        matrix.run.cases += len(document.probes)
        matrix.run.document_seconds[document.name] = time.perf_counter() - document_started
    matrix.run.seconds = time.perf_counter() - started
    return matrix.run


async def _crawl_roles(worlds: Worlds, roles: list[Role]) -> dict[Role, RoleRun]:
    async with AsyncExitStack() as stack:
        clients = {w: await stack.enter_async_context(serve(worlds.urls[w])) for w in World}
        return {role: await crawl(worlds, clients, role) for role in roles}


_FORKED: list[Worlds] = []  # the worlds a forked worker crawls (inherited, never pickled)


def _worker(roles: list[Role]) -> dict[Role, RoleRun]:
    return asyncio.run(_crawl_roles(_FORKED[0], roles))


def workers() -> int:
    """Processes to crawl with: one per CPU, at most two (`SAMVIRKE_PRIVACY_WORKERS` overrides)."""
    wanted = os.environ.get("SAMVIRKE_PRIVACY_WORKERS")
    if wanted:
        return max(1, int(wanted))
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1  # forking a process with threads is unsafe
    return max(1, min(2, os.cpu_count() or 1))


def run_matrix(worlds: Worlds) -> dict[Role, RoleRun]:
    """The whole matrix of one engine: every role, on apps shared by the roles of a worker.

    With two workers the roles are split between two forked processes (the crawl is CPU-bound
    Python); the live roles alternate so that both get a similar share.
    """
    roles = sorted(Role, key=lambda role: role.audience is None)
    count = min(workers(), len(roles))
    if count == 1:
        return asyncio.run(_crawl_roles(worlds, roles))
    shares = [roles[start::count] for start in range(count)]
    worlds.documents  # noqa: B018  (generated once, before forking)
    _FORKED[:] = [worlds]
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            results = pool.map(_worker, shares)
    finally:
        _FORKED.clear()
    runs: dict[Role, RoleRun] = {}
    for result in results:
        runs.update(result)
    return {role: runs[role] for role in Role}
