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
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Sequence
from datetime import date
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from db.engine import make_engine
from db.visibility import Viewer
from graph.app import freeze_long_lived_objects
from graph.connections import Relation, load_pages
from graph.db import Db
from graph.keyset import PageRequest, cursor_tag, encode_cursor, key_names, page_request
from graph.meetings import loaders as meeting_loaders
from graph.meetings import service as meeting_service
from graph.meetings.types import MEETINGS_MENTIONING, NETWORK_MEETINGS
from graph.networks import loaders as network_loaders
from graph.networks import service as network_service
from graph.themes import service as theme_service
from graph.themes.loaders import discussions_by_topic
from graph.topics import service as topic_service
from graph.topics.types import TOPIC_NOTES

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
    relation: Relation,
    args: tuple[Hashable, ...],
    parent_ids: Sequence[Any],
    page: PageRequest,
) -> dict[Any, list[Row[Any]]]:
    """One page per parent (as `graph.connections` loads them), without the look-ahead row."""
    if not parent_ids:
        return {}
    pages = await load_pages(db, parent_ids, relation, args, page)
    return {key: rows[: page.limit] for key, rows in zip(parent_ids, pages, strict=True)}


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
    cells = [
        {
            "network": {"slug": network.slug},
            "topic": {"slug": topic.slug},
            "meetingCount": row.meeting_count,
            "agendaItemCount": int(row.agenda_item_count),
            "noteCount": int(row.note_count),
            "firstDiscussedOn": _day(row.first_discussed_on),
            "lastDiscussedOn": _day(row.last_discussed_on),
        }
        for topic in topics
        for network in networks
        if (row := found.get((network.id, topic.id))) is not None
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
    meetings = await _pages(
        db, MEETINGS_MENTIONING, (scope,), [row.id for row in discussions], _page(10)
    )
    return {
        "topic": {
            "discussedIn": [
                {
                    "network": {"slug": row.slug},
                    "meetingCount": row.meeting_count,
                    "noteCount": int(row.note_count),
                    "firstDiscussedOn": _day(row.first_discussed_on),
                    "lastDiscussedOn": _day(row.last_discussed_on),
                    "meetings": {
                        "nodes": [
                            {
                                "id": global_id("Meeting", m.id),
                                "title": m.title,
                                "startsOn": _day(m.starts_on),
                            }
                            for m in meetings.get(row.id, [])
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
        db, NETWORK_MEETINGS, (meeting_service.MeetingFilterArgs(), scope), [network_id], _page(10)
    )
    meetings = meeting_pages.get(network_id, [])
    meeting_ids = [m.id for m in meetings]
    agendas = await meeting_loaders.agenda_by_meeting(db, meeting_ids) if meeting_ids else []
    agenda = dict(zip(meeting_ids, agendas, strict=True))
    item_ids = [item.id for items in agendas for item in items]
    tags = await meeting_loaders.topics_by_agenda_item(db, item_ids) if item_ids else []
    item_topics = dict(zip(item_ids, tags, strict=True))
    topic_ids = _unique([t.id for topics in tags for t in topics])
    notes = await _pages(db, TOPIC_NOTES, (VIEWER, True), topic_ids, _page(5))
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


TIMELINE_KINDS = {
    theme_service.MEETING: "MEETING",
    theme_service.AGENDA_ITEM: "AGENDA_ITEM",
    theme_service.NOTE: "NOTE",
}


async def timeline(db: Db, variables: dict[str, Any]) -> dict[str, Any]:
    """`topic(slug) { timeline(first: 20) { pageInfo { hasNextPage endCursor } nodes { on kind
    network { slug } } } }`."""
    topics = await db.rows(topic_service.topic_by_slug_or_alias(variables["slug"].strip()))
    if not topics:
        return {"topic": None}
    scope = theme_service.Scope(topic_ids=(topics[0].id,), include_subtopics=True, viewer=VIEWER)
    page = _page(20)
    rows = await db.rows(theme_service.timeline_page(scope, page))
    more, rows = len(rows) > page.limit, rows[: page.limit]
    network_ids = _unique([row.network_id for row in rows])
    network_rows = await network_loaders.networks_by_id(db, network_ids) if network_ids else []
    slugs = {r.id: r.slug for r in network_rows if r is not None}
    keys = len(theme_service.TIMELINE_KEY_TYPES)
    tag = cursor_tag("Topic.timeline")
    end = encode_cursor([rows[-1]._mapping[k] for k in key_names(keys)], tag) if rows else None
    return {
        "topic": {
            "timeline": {
                "pageInfo": {"hasNextPage": more, "endCursor": end},
                "nodes": [
                    {
                        "on": _day(row.starts_on),
                        "kind": TIMELINE_KINDS[int(row.kind)],
                        "network": {"slug": slugs[row.network_id]},
                    }
                    for row in rows
                ],
            }
        }
    }


HANDLERS: dict[str, Callable[[Db, dict[str, Any]], Awaitable[dict[str, Any]]]] = {
    "theme_matrix": theme_matrix,
    "discussed_in": discussed_in,
    "nested_page": nested_page,
    "timeline": timeline,
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
    """The floor app on `DATABASE_URL` (for `uvicorn --factory`), its start-up objects frozen
    out of the cyclic GC as our server's are."""
    app = create_app(os.environ["DATABASE_URL"])
    freeze_long_lived_objects()
    return app
