"""The mention summaries answer exactly what the tags say, after any sequence of changes.

A generated data set is changed at random (note visibility, deletion and tags, agenda items,
cancelled and moved meetings, topic moves and merges), refreshing the touched meetings as the
write path does. Then the summaries must equal a rebuild from scratch, and every theme answer
read from them must equal the same answer aggregated from the raw tags, for several viewers.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import (
    ColumnElement,
    case,
    delete,
    distinct,
    func,
    insert,
    literal_column,
    select,
    union,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bench.generate import Spec, generate
from db import tables
from db.engine import make_engine
from db.mentions import (
    AGENDA_ITEM,
    AI,
    AIT,
    MEETING,
    MT,
    MTT,
    NOTE,
    NT,
    TC,
    N,
    mention_union,
    refresh_meetings,
)
from db.topics import is_within, merge_topics, move_topic
from db.visibility import Viewer, visible_notes
from graph.keyset import (
    PageRequest,
    key_names,
    page_request,
    per_parent_limit_statement,
    per_parent_page_statement,
)
from graph.notes.service import NEWEST_ON_TOPIC, TN, notes_on_topic
from graph.themes.service import Scope, cells, meetings_mentioning, timeline_page
from tests.databases import KINDS, empty_database
from tests.mentions import assert_summaries_current

pytestmark = pytest.mark.anyio

T = tables.table_of(tables.Topic)


@pytest.fixture(scope="module", params=KINDS)
def changed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A generated data set after 80 random changes."""
    with empty_database(str(request.param), tmp_path_factory.mktemp("mentions")) as url:
        asyncio.run(generate(url, Spec(notes=400, networks=4, seed=11, notes_per_meeting=8)))
        asyncio.run(_change(url, random.Random(5), 80))
        yield url


async def _ids(conn: AsyncConnection, column: Any) -> list[int]:
    return [int(r[0]) for r in await conn.execute(select(column).order_by(column))]


async def _note_step(conn: AsyncConnection, rng: random.Random, topics: list[int]) -> int:
    note = await conn.execute(select(N).where(N.c.id == rng.choice(await _ids(conn, N.c.id))))
    row = note.one()
    what = rng.randrange(3)
    if what == 0:
        visibility = rng.choice(list(tables.NoteVisibility))
        await conn.execute(update(N).where(N.c.id == row.id).values(visibility=visibility))
    elif what == 1:
        deleted = (
            None
            if row.deleted_at is not None
            else datetime(2025, 1, 1, tzinfo=row.created_at.tzinfo)
        )
        await conn.execute(update(N).where(N.c.id == row.id).values(deleted_at=deleted))
    else:
        await conn.execute(delete(NT).where(NT.c.note_id == row.id))
        chosen = rng.sample(topics, rng.randrange(3))
        if chosen:
            await conn.execute(insert(NT), [{"note_id": row.id, "topic_id": t} for t in chosen])
    return int(row.meeting_id)


async def _agenda_step(conn: AsyncConnection, rng: random.Random, topics: list[int]) -> int:
    item = (
        await conn.execute(select(AI).where(AI.c.id == rng.choice(await _ids(conn, AI.c.id))))
    ).one()
    await conn.execute(delete(AIT).where(AIT.c.agenda_item_id == item.id))
    if rng.random() < 0.3:
        await conn.execute(delete(AI).where(AI.c.id == item.id))
    else:
        chosen = rng.sample(topics, rng.randrange(1, 3))
        await conn.execute(
            insert(AIT), [{"agenda_item_id": item.id, "topic_id": t} for t in chosen]
        )
    return int(item.meeting_id)


async def _meeting_step(conn: AsyncConnection, rng: random.Random, topics: list[int]) -> int:
    meeting = (
        await conn.execute(select(MT).where(MT.c.id == rng.choice(await _ids(conn, MT.c.id))))
    ).one()
    what = rng.randrange(3)
    if what == 0:
        status = rng.choice(list(tables.MeetingStatus))
        await conn.execute(update(MT).where(MT.c.id == meeting.id).values(status=status))
    elif what == 1:
        day = meeting.starts_on + timedelta(days=rng.randrange(-200, 200))
        await conn.execute(update(MT).where(MT.c.id == meeting.id).values(starts_on=day))
    else:
        await conn.execute(delete(MTT).where(MTT.c.meeting_id == meeting.id))
        chosen = rng.sample(topics, rng.randrange(2))
        if chosen:
            await conn.execute(
                insert(MTT), [{"meeting_id": meeting.id, "topic_id": t} for t in chosen]
            )
    return int(meeting.id)


async def _topic_step(conn: AsyncConnection, rng: random.Random, topics: list[int]) -> None:
    source, target = rng.sample(topics, 2)
    if await is_within(conn, target, source):
        return
    if rng.random() < 0.25:
        await merge_topics(conn, source_id=source, target_id=target)
    else:
        await move_topic(conn, topic_id=source, parent_id=None if rng.random() < 0.2 else target)


async def _change(url: str, rng: random.Random, steps: int) -> None:
    engine = make_engine(url)
    try:
        for _ in range(steps):
            async with engine.begin() as conn:
                topics = await _ids(conn, T.c.id)
                kind = rng.randrange(10)
                if kind < 4:
                    await refresh_meetings(conn, [await _note_step(conn, rng, topics)])
                elif kind < 6:
                    await refresh_meetings(conn, [await _agenda_step(conn, rng, topics)])
                elif kind < 8:
                    await refresh_meetings(conn, [await _meeting_step(conn, rng, topics)])
                else:
                    await _topic_step(conn, rng, topics)
    finally:
        await engine.dispose()


def mentions(scope: Scope) -> Any:
    """Every (network, meeting, day, kind, item, topic) mention in `scope`, from the raw tags."""
    conditions: list[ColumnElement[bool]] = [MT.c.status != tables.MeetingStatus.CANCELLED]
    if scope.topic_ids is not None:
        conditions.append(TC.c.ancestor_id.in_(scope.topic_ids))
    if not scope.include_subtopics:
        conditions.append(TC.c.depth == 0)
    if scope.network_ids is not None:
        conditions.append(MT.c.network_id.in_(scope.network_ids))
    if scope.first_day is not None:
        conditions.append(MT.c.starts_on >= scope.first_day)
    if scope.last_day is not None:
        conditions.append(MT.c.starts_on <= scope.last_day)
    return mention_union(conditions, [visible_notes(scope.viewer)])


def _counted(m: Any, kind: int) -> ColumnElement[int]:
    return func.count(distinct(case((m.c.kind == kind, m.c.item_id))))


def _cells_from_tags(scope: Scope) -> Any:
    """The theme cells aggregated from the raw mentions: the definition the summary must meet."""
    m = mentions(scope).subquery()
    return select(
        m.c.network_id,
        m.c.topic_id,
        func.count(distinct(m.c.meeting_id)),
        _counted(m, AGENDA_ITEM),
        _counted(m, NOTE),
        func.min(m.c.starts_on),
        func.max(m.c.starts_on),
    ).group_by(m.c.network_id, m.c.topic_id)


async def _topics(conn: AsyncConnection) -> tuple[list[int], list[int]]:
    """Every topic id, and the roots' ids."""
    roots = select(T.c.id).where(T.c.parent_id.is_(None)).order_by(T.c.id)
    return await _ids(conn, T.c.id), [int(r[0]) for r in await conn.execute(roots)]


async def _viewers(conn: AsyncConnection) -> list[Viewer]:
    networks = await _ids(conn, tables.table_of(tables.Network).c.id)
    return [
        Viewer.anonymous(),
        Viewer(user_id=1, network_ids=frozenset(networks[:1])),
        Viewer(user_id=2, network_ids=frozenset(networks[1:3])),
        Viewer(user_id=3, staff=True),
    ]


def _scopes(viewer: Viewer, topics: list[int], roots: list[int]) -> list[Scope]:
    return [
        Scope(topic_ids=tuple(roots), viewer=viewer),
        Scope(topic_ids=tuple(roots), include_subtopics=False, viewer=viewer),
        Scope(topic_ids=tuple(topics), viewer=viewer),
        Scope(
            topic_ids=tuple(topics),
            include_subtopics=False,
            first_day=date(2023, 1, 1),
            last_day=date(2024, 6, 30),
            viewer=viewer,
        ),
    ]


@pytest.fixture
async def engine(changed: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the changed data set."""
    engine = make_engine(changed)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
async def conn(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection to the changed data set."""
    async with engine.connect() as connection:
        yield connection


async def test_summaries_equal_a_rebuild(engine: AsyncEngine) -> None:
    await assert_summaries_current(engine)


async def test_counts_and_meetings_equal_the_raw_tags(conn: AsyncConnection) -> None:
    topics, roots = await _topics(conn)
    compared = 0
    for viewer in await _viewers(conn):
        for scope in _scopes(viewer, topics, roots):
            expected = sorted(tuple(r) for r in await conn.execute(_cells_from_tags(scope)))
            found = sorted(tuple(r) for r in await conn.execute(cells(scope)))
            assert [(*r[:3], int(r[3]), int(r[4]), *r[5:]) for r in found] == expected
            m = mentions(scope).subquery()
            raw = {int(r[0]) for r in await conn.execute(select(m.c.meeting_id).distinct())}
            kept = {int(r.id) for r in await conn.execute(meetings_mentioning(scope))}
            assert kept == raw
            compared += len(expected)
    assert compared > 200  # the comparison covered many non-empty cells


def _notes_from_tags(viewer: Viewer, topic_id: int, include_subtopics: bool) -> Any:
    """Visible notes on a topic straight from the tags, newest first."""
    tagged = (
        select(NT.c.note_id)
        .join(TC, TC.c.descendant_id == NT.c.topic_id)
        .where(TC.c.ancestor_id == topic_id)
    )
    if not include_subtopics:
        tagged = tagged.where(TC.c.depth == 0)
    return (
        select(N.c.id)
        .where(N.c.id.in_(tagged), visible_notes(viewer))
        .order_by(N.c.created_at.desc(), N.c.id.desc())
    )


async def test_topic_notes_equal_the_raw_tags_page_by_page(conn: AsyncConnection) -> None:
    topics = await _ids(conn, T.c.id)
    dialect = conn.dialect.name
    for viewer in await _viewers(conn):
        for sub in (True, False):
            stmt = notes_on_topic(viewer, sub)
            first = page_request(first=3, after=None, last=None, before=None, key_types=())
            last = page_request(first=None, after=None, last=2, before=None, key_types=())
            middle = (datetime(2024, 3, 1, tzinfo=UTC), 0)  # a cursor mid-way in time
            after = PageRequest(limit=4, after=middle, before=None, backwards=False)
            before = PageRequest(limit=4, after=None, before=middle, backwards=True)
            for page in (first, last, after, before):
                windowed = await conn.execute(
                    per_parent_page_statement(stmt, TN.c.topic_id, topics, NEWEST_ON_TOPIC, page)
                )
                limited = await conn.execute(
                    per_parent_limit_statement(
                        stmt, TN.c.topic_id, topics, NEWEST_ON_TOPIC, page, dialect
                    )
                )
                assert [(r._mapping["_parent"], r.id) for r in limited] == [
                    (r._mapping["_parent"], r.id) for r in windowed
                ]
            for topic_id in topics[:12]:
                expected = [
                    int(r[0]) for r in await conn.execute(_notes_from_tags(viewer, topic_id, sub))
                ]
                found = await conn.execute(
                    stmt.where(TN.c.topic_id == topic_id).order_by(
                        *NEWEST_ON_TOPIC.direction(first)
                    )
                )
                assert [int(r.id) for r in found] == expected


async def _timeline_from_tags(conn: AsyncConnection, scope: Scope) -> list[Any]:
    """A topic's whole timeline from the raw tags, in reading order."""
    m = mentions(scope).subquery()
    meetings = select(
        m.c.starts_on,
        m.c.meeting_id,
        literal_column(str(MEETING)).label("kind"),
        m.c.meeting_id.label("item_id"),
    )
    items = select(m.c.starts_on, m.c.meeting_id, m.c.kind, m.c.item_id).where(m.c.kind != MEETING)
    entries = union(meetings, items).subquery()
    rows = await conn.execute(select(entries).order_by(*entries.c))
    return [(r[0], r[1], int(r[2]), r[3]) for r in rows]


async def _timeline_pages(
    conn: AsyncConnection, scope: Scope, size: int, backwards: bool
) -> list[Any]:
    """The whole timeline read page by page, forwards or backwards, in reading order."""
    read: list[Any] = []
    cursor: tuple[Any, ...] | None = None
    while True:
        page = PageRequest(
            limit=size,
            after=None if backwards else cursor,
            before=cursor if backwards else None,
            backwards=backwards,
        )
        rows = list(await conn.execute(timeline_page(scope, page)))
        batch = [(r.starts_on, r.meeting_id, int(r.kind), r.item_id) for r in rows[:size]]
        read.extend(batch)
        if len(rows) <= size:
            break
        cursor = tuple(rows[size - 1]._mapping[k] for k in key_names(4))
    return read[::-1] if backwards else read


async def test_timeline_pages_equal_the_raw_tags(conn: AsyncConnection) -> None:
    topics, roots = await _topics(conn)
    seen = 0
    for viewer in await _viewers(conn):
        for topic_id in [*roots[:3], *topics[-3:]]:
            for sub in (True, False):
                scope = Scope(topic_ids=(topic_id,), include_subtopics=sub, viewer=viewer)
                expected = await _timeline_from_tags(conn, scope)
                assert await _timeline_pages(conn, scope, 7, False) == expected
                assert await _timeline_pages(conn, scope, 5, True) == expected
                narrow = Scope(
                    topic_ids=(topic_id,),
                    include_subtopics=sub,
                    first_day=date(2023, 3, 1),
                    last_day=date(2024, 10, 31),
                    viewer=viewer,
                )
                expected = await _timeline_from_tags(conn, narrow)
                assert await _timeline_pages(conn, narrow, 50, False) == expected
                seen += len(expected)
    assert seen > 500
