"""The privacy matrix: every engine × role × entry point, against worlds without hidden notes.

Per engine (SQLite, PostgreSQL) five databases hold the same public content with the same ids:
FULL adds, last, twenty hidden notes (per network three NETWORK, three STAFF and four deleted
ones, each with canary strings in its title, body and earlier revision, tagged with topics
so they reach `discussedIn`, `themeMatrix`, `timeline`, topic and meeting notes, and `stille`,
a topic only hidden notes carry), while NO_HIDDEN, FOR_A, FOR_B and STAFF_VIEW hold only the
hidden notes that anonymous, a member of nett-a, a member of nett-b and staff may see. The
entry points are generated from the schema (`tests.privacy.documents`): every root Query field,
called with every provided argument value (each slug and code, the global id of every note
— hidden ones included — meeting, agenda item, topic, network and person, canary search
strings, filter variations), selected deep through every object, interface and connection
field. Each role — anonymous; sessions of member-a, member-b, leader-a, staff and an account
without a person; read-scoped tokens of member-a and of staff; and dead credentials (revoked
and expired tokens, expired and idle sessions) — sends every document over HTTP to the real
app on FULL and on its audience's world. A case (engine, role, entry point) passes when the
FULL response carries no canary and no global id of a note the role may not see, anywhere
(data or errors), and equals, field for field and count for count, the response the same role
gets from the world without those notes; dead credentials must get 401 and no data at all.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from graphql import parse, validate

from graph.app import create_app
from graph.schema import schema
from graph.settings import Settings
from tests.conftest import TODAY
from tests.privacy.conftest import TALLY, Worlds
from tests.privacy.documents import Document, Probe
from tests.privacy.world import Role, World

pytestmark = pytest.mark.anyio

MAX_SHOWN = 40  # findings listed in a failure message


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
        for key in sorted(set(a) | set(b), key=str):
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


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def _secrets_in(text: str, secrets: dict[str, str]) -> list[str]:
    return sorted({f"{what} ({secrets[what]})" for what in secrets if what in text})


class Matrix:
    """The findings of one engine × role, attributed to entry points."""

    def __init__(self, worlds: Worlds, role: Role) -> None:
        self.worlds = worlds
        self.role = role
        self.canaries = worlds.forbidden_canaries(role.audience)
        self.ids = worlds.forbidden_ids(role.audience)
        self.pattern = re.compile("|".join(map(re.escape, [*self.canaries, *self.ids])))
        self.findings: list[str] = []

    def leak(self, probe: Probe | None, document: Document, what: str) -> None:
        where = probe.label if probe else f"document {document.name}"
        finding = f"[{self.worlds.kind}] {self.role.value} {where}: {what}"
        self.findings.append(finding)
        TALLY.leaks.append(finding)

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
        found = _secrets_in(text, self.canaries) + _secrets_in(text, self.ids)
        return ", ".join(found[:6]) + (f" and {len(found) - 6} more" if len(found) > 6 else "")

    def compare(self, document: Document, full: httpx.Response, other: httpx.Response) -> None:
        """(c): FULL answers the role exactly as the world without hidden notes does."""
        if full.status_code != other.status_code:
            self.leak(None, document, f"HTTP {full.status_code} on FULL, {other.status_code} else")
            return
        a, b = full.json(), other.json()
        errors_a, errors_b = _by_alias(a), _by_alias(b)
        data_a, data_b = a.get("data") or {}, b.get("data") or {}
        if errors_a.get(None) != errors_b.get(None):
            self.leak(None, document, f"errors differ: {_short(errors_a.get(None))}")
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


def test_every_root_field_is_crawled_with_valid_documents(worlds: Worlds) -> None:
    """Generated documents cover every root Query field and pass validation."""
    documents = worlds.documents
    query = schema._schema.query_type
    assert query is not None
    crawled = {probe.field for document in documents for probe in document.probes}
    assert crawled == set(query.fields), set(query.fields) - crawled
    for document in documents:
        errors = validate(schema._schema, parse(document.text))
        assert not errors, (document.name, errors[:3])


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
async def test_role_sees_full_as_its_world_without_hidden_notes(worlds: Worlds, role: Role) -> None:
    started = time.perf_counter()
    matrix = Matrix(worlds, role)
    documents = worlds.documents
    audience = role.audience
    other_world = audience or World.NO_HIDDEN
    full_token = worlds.built[World.FULL].tokens.get(role)
    other_token = worlds.built[other_world].tokens.get(role)
    async with serve(worlds.urls[World.FULL]) as full, serve(worlds.urls[other_world]) as other:
        for document in documents:
            if audience is None:
                on_full = await post(full, document, full_token)
                matrix.scan(document, on_full)
                matrix.refused(document, on_full)
                TALLY.requests += 1
            else:
                on_full, on_other = await asyncio.gather(
                    post(full, document, full_token), post(other, document, other_token)
                )
                matrix.scan(document, on_full)
                matrix.compare(document, on_full, on_other)
                TALLY.requests += 2
            TALLY.documents.add(document.name)
            for probe in document.probes:
                TALLY.probes.add(probe.label)
                TALLY.root_fields.add(probe.field)
            TALLY.cases += len(document.probes)
    TALLY.engines.add(worlds.kind)
    TALLY.roles.add(role.value)
    TALLY.run_seconds += time.perf_counter() - started
    shown = "\n".join(matrix.findings[:MAX_SHOWN])
    more = len(matrix.findings) - MAX_SHOWN
    assert not matrix.findings, f"{len(matrix.findings)} leaks:\n{shown}" + (
        f"\n... and {more} more" if more > 0 else ""
    )
