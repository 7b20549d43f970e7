"""The raw-SQL floor: the scenarios' statements without GraphQL, JSON built by hand.

A plain Starlette app (no Strawberry). Each endpoint runs the same SQL statements our resolvers
run, built by the same service functions, in one connection per request, and writes the same
JSON as our server with orjson. The gap between our server and this app is what the GraphQL
layer (parsing, validation, execution, DataLoaders, serialisation) costs on top of the SQL.

    DATABASE_URL=… uvicorn --factory bench.floor:app_from_env

`POST /floor/<scenario>` takes the same JSON body as `/graphql` (only `variables` are read).
Reads go through `graph.db.Db` (one lazily opened connection per request, as in our server)
and the same batch functions the DataLoaders call.
"""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from db.engine import make_engine
from db.visibility import Viewer
from graph.db import Db
from graph.keyset import Order, PageRequest, page_request, per_parent_page_statement
from graph.meetings import loaders as meeting_loaders
from graph.meetings import service as meeting_service
from graph.networks import loaders as network_loaders
from graph.networks import service as network_service
from graph.notes import service as note_service
from graph.themes import service as theme_service
from graph.themes.loaders import discussions_by_topic
from graph.topics import service as topic_service

VIEWER = Viewer.anonymous()


def global_id(type_name: str, node_id: object) -> str:
    """A Relay global id, as Strawberry writes it: base64 of `Type:id`."""
    return base64.b64encode(f"{type_name}:{node_id}".encode()).decode()


def _day(value: date) -> str:
    return value.isoformat()


def _page(first: int) -> PageRequest:
    return page_request(first=first, after=None, last=None, before=None, key_types=())


def _unique(values: Sequence[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


async def _pages(
    db: Db,
    stmt: Select[Any],
    parent: ColumnElement[Any],
    parent_ids: Sequence[Any],
    order: Sequence[ColumnElement[Any]] | Order,
    page: PageRequest,
) -> dict[Any, list[Row[Any]]]:
    """One page per parent (as `graph.connections` loads them), without the look-ahead row."""
    grouped: dict[Any, list[Row[Any]]] = {}
    if not parent_ids:
        return grouped
    for row in await db.rows(per_parent_page_statement(stmt, parent, parent_ids, order, page)):
        grouped.setdefault(row._mapping["_parent"], []).append(row)
    return {key: rows[: page.limit] for key, rows in grouped.items()}


async def theme_matrix(db: Db, variables: dict[str, Any]) -> dict[str, Any]:
    """`themeMatrix(filter: {from, to}) { cells { network { slug } topic { slug } counts… } }`."""
    networks = await db.rows(select(network_service.N).order_by(*network_service.NETWORK_ORDER))
    topics = await db.rows(
        select(topic_service.T)
        .where(topic_service.T.c.parent_id.is_(None))
        .order_by(*topic_service.TOPIC_ORDER)
    )
    scope = theme_service.Scope(
        topic_ids=tuple(row.id for row in topics),
        include_subtopics=True,
        network_ids=tuple(row.id for row in networks),
        first_day=date.fromisoformat(variables["from"]),
        last_day=date.fromisoformat(variables["to"]),
        viewer=VIEWER,
    )
    found = {(r.network_id, r.topic_id): r for r in await db.rows(theme_service.cells(scope))}
    pairs = [
        (network.id, topic.id, row)
        for topic in topics
        for network in networks
        if (row := found.get((network.id, topic.id))) is not None
    ]
    # In our server the cells' `network` and `topic` are DataLoader fetches by id: the same here.
    network_ids = _unique([p[0] for p in pairs])
    topic_ids = _unique([p[1] for p in pairs])
    network_rows = await network_loaders.networks_by_id(db, network_ids) if network_ids else []
    topic_rows = await meeting_loaders.topics_by_id(db, topic_ids) if topic_ids else []
    network_slugs = {r.id: r.slug for r in network_rows if r is not None}
    topic_slugs = {r.id: r.slug for r in topic_rows if r is not None}
    cells = [
        {
            "network": {"slug": network_slugs[network_id]},
            "topic": {"slug": topic_slugs[topic_id]},
            "meetingCount": row.meeting_count,
            "agendaItemCount": row.agenda_item_count,
            "noteCount": row.note_count,
            "firstDiscussedOn": _day(row.first_discussed_on),
            "lastDiscussedOn": _day(row.last_discussed_on),
        }
        for network_id, topic_id, row in pairs
    ]
    return {"themeMatrix": {"cells": cells}}


async def discussed_in(db: Db, variables: dict[str, Any]) -> dict[str, Any]:
    """`topic(slug) { discussedIn { network { slug } counts… meetings(first: 10) {…} } }`."""
    topics = await db.rows(topic_service.topic_by_slug_or_alias(variables["slug"].strip()))
    if not topics:
        return {"topic": None}
    topic_id = topics[0].id
    scope = theme_service.Scope(topic_ids=(topic_id,), include_subtopics=True, viewer=VIEWER)
    [discussions] = await discussions_by_topic(db, [topic_id], True, None, None, VIEWER)
    network_ids = _unique([row.network_id for row in discussions])
    network_rows = await network_loaders.networks_by_id(db, network_ids) if network_ids else []
    slugs = {r.id: r.slug for r in network_rows if r is not None}
    meetings = await _pages(
        db,
        theme_service.meetings_mentioning(scope),
        meeting_service.MT.c.network_id,
        network_ids,
        meeting_service.MEETING_ORDER,
        _page(10),
    )
    return {
        "topic": {
            "discussedIn": [
                {
                    "network": {"slug": slugs[row.network_id]},
                    "meetingCount": row.meeting_count,
                    "noteCount": row.note_count,
                    "firstDiscussedOn": _day(row.first_discussed_on),
                    "lastDiscussedOn": _day(row.last_discussed_on),
                    "meetings": {
                        "nodes": [
                            {
                                "id": global_id("Meeting", m.id),
                                "title": m.title,
                                "startsOn": _day(m.starts_on),
                            }
                            for m in meetings.get(row.network_id, [])
                        ]
                    },
                }
                for row in discussions
            ]
        }
    }


async def nested_page(db: Db, variables: dict[str, Any]) -> dict[str, Any]:
    """`network(slug) { meetings(first: 10) { nodes { title agenda { title topics { slug
    notes(first: 5) { nodes { id body } } } } } } }`."""
    networks = await db.rows(network_service.network_by_slug(variables["slug"]))
    if not networks:
        return {"network": None}
    network_id = networks[0].id
    scope = theme_service.Scope(viewer=VIEWER)
    meeting_pages = await _pages(
        db,
        meeting_service.meetings(meeting_service.MeetingFilterArgs(), scope),
        meeting_service.MT.c.network_id,
        [network_id],
        meeting_service.MEETING_ORDER,
        _page(10),
    )
    meetings = meeting_pages.get(network_id, [])
    meeting_ids = [m.id for m in meetings]
    agendas = await meeting_loaders.agenda_by_meeting(db, meeting_ids) if meeting_ids else []
    agenda = dict(zip(meeting_ids, agendas, strict=True))
    item_ids = [item.id for items in agendas for item in items]
    tags = await meeting_loaders.topics_by_agenda_item(db, item_ids) if item_ids else []
    item_topics = dict(zip(item_ids, tags, strict=True))
    topic_ids = _unique([t.id for topics in tags for t in topics])
    notes = await _pages(
        db,
        note_service.notes_on_topic(VIEWER, True),
        note_service.TAGGED.c.ancestor_id,
        topic_ids,
        note_service.NEWEST_FIRST,
        _page(5),
    )
    return {
        "network": {
            "meetings": {
                "nodes": [
                    {
                        "title": m.title,
                        "agenda": [
                            {
                                "title": item.title,
                                "topics": [
                                    {
                                        "slug": t.slug,
                                        "notes": {
                                            "nodes": [
                                                {"id": global_id("Note", n.id), "body": n.body}
                                                for n in notes.get(t.id, [])
                                            ]
                                        },
                                    }
                                    for t in item_topics[item.id]
                                ],
                            }
                            for item in agenda[m.id]
                        ],
                    }
                    for m in meetings
                ]
            }
        }
    }


HANDLERS: dict[str, Callable[[Db, dict[str, Any]], Awaitable[dict[str, Any]]]] = {
    "theme_matrix": theme_matrix,
    "discussed_in": discussed_in,
    "nested_page": nested_page,
}


async def run_scenario(engine: AsyncEngine, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The `data` of scenario `name`: one connection, opened on first use, closed at the end."""
    db = Db(engine)
    try:
        return await HANDLERS[name](db, variables)
    finally:
        await db.close()


def create_app(url: str) -> Starlette:
    """The floor app on the database at `url`."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.engine = make_engine(url)
        try:
            yield
        finally:
            await app.state.engine.dispose()

    async def endpoint(request: Request) -> Response:
        name = request.path_params["scenario"]
        if name not in HANDLERS:
            return Response(b"unknown scenario", status_code=404)
        body = orjson.loads(await request.body())
        data = await run_scenario(request.app.state.engine, name, body.get("variables") or {})
        return Response(orjson.dumps({"data": data}), media_type="application/json")

    async def healthz(_request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    return Starlette(
        routes=[
            Route("/floor/{scenario}", endpoint, methods=["POST"]),
            Route("/healthz", healthz),
        ],
        lifespan=lifespan,
    )


def app_from_env() -> Starlette:
    """The floor app on `DATABASE_URL` (for `uvicorn --factory`)."""
    return create_app(os.environ["DATABASE_URL"])
