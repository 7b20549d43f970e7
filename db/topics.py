"""Writing the topic taxonomy: topics, aliases and the closure table kept in step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, literal, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.mentions import refresh_topic
from db.tables import (
    AgendaItemTopic,
    MeetingTopic,
    NoteTopic,
    Topic,
    TopicAlias,
    TopicClosure,
    table_of,
)
from db.text import search_text, sort_key


async def create_topic(
    conn: AsyncConnection,
    *,
    slug: str,
    name: str,
    parent_id: int | None = None,
    description: str = "",
    aliases: Sequence[str] = (),
) -> int:
    """Insert a topic under `parent_id` with its aliases and closure rows; return its id."""
    topics = table_of(Topic)
    closure = table_of(TopicClosure)
    result = await conn.execute(
        insert(topics)
        .values(
            slug=slug,
            name=name,
            sort_name=sort_key(name),
            description=description,
            parent_id=parent_id,
        )
        .returning(topics.c.id)
    )
    topic_id = int(result.scalar_one())
    await conn.execute(
        insert(closure).values(ancestor_id=topic_id, descendant_id=topic_id, depth=0)
    )
    if parent_id is not None:
        ancestors = select(closure.c.ancestor_id, literal(topic_id), closure.c.depth + 1).where(
            closure.c.descendant_id == parent_id
        )
        await conn.execute(
            insert(closure).from_select(["ancestor_id", "descendant_id", "depth"], ancestors)
        )
    if aliases:
        await conn.execute(
            insert(table_of(TopicAlias)),
            [{"topic_id": topic_id, "alias": a, "search_alias": search_text(a)} for a in aliases],
        )
    return topic_id


TAXONOMY_LOCK = 0x53564B54  # "SVKT": one advisory lock for every change to the tree


async def lock_taxonomy(conn: AsyncConnection) -> None:
    """Serialise changes to the tree for the rest of the transaction.

    SQLite writers already run one at a time (they begin IMMEDIATE); on PostgreSQL two moves
    that are each fine alone could together make a cycle, so writers take one advisory lock.
    """
    if conn.dialect.name == "postgresql":
        await conn.execute(select(func.pg_advisory_xact_lock(TAXONOMY_LOCK)))


async def is_within(conn: AsyncConnection, topic_id: int, ancestor_id: int) -> bool:
    """Whether `topic_id` is `ancestor_id` or one of its descendants."""
    closure = table_of(TopicClosure)
    row = (
        await conn.execute(
            select(closure.c.depth).where(
                closure.c.ancestor_id == ancestor_id, closure.c.descendant_id == topic_id
            )
        )
    ).first()
    return row is not None


async def move_topic(conn: AsyncConnection, *, topic_id: int, parent_id: int | None) -> None:
    """Put `topic_id` with its sub-tree under `parent_id` (None: make it a root).

    The closure rows that tie the sub-tree to its ancestors are rebuilt, and so are the mention
    summaries of the meetings tagged in the sub-tree. The caller refuses a move into the
    sub-tree itself (a cycle); this function raises ValueError for one.
    """
    await _move(conn, topic_id=topic_id, parent_id=parent_id)
    await refresh_topic(conn, topic_id)


async def _move(conn: AsyncConnection, *, topic_id: int, parent_id: int | None) -> None:
    topics = table_of(Topic)
    closure = table_of(TopicClosure)
    if parent_id is not None and await is_within(conn, parent_id, topic_id):
        raise ValueError("a topic cannot move under itself or its own descendant")
    subtree = select(closure.c.descendant_id).where(closure.c.ancestor_id == topic_id)
    members = [int(r.descendant_id) for r in await conn.execute(subtree)]
    # Forget the old ancestors (those outside the sub-tree) of everything in the sub-tree ...
    await conn.execute(
        delete(closure).where(
            closure.c.descendant_id.in_(members), closure.c.ancestor_id.not_in(members)
        )
    )
    # ... and give it the new parent's ancestors (the parent included).
    if parent_id is not None:
        above = closure.alias("above")
        below = closure.alias("below")
        pairs = (
            select(above.c.ancestor_id, below.c.descendant_id, above.c.depth + below.c.depth + 1)
            .select_from(above.join(below, true()))  # every ancestor with every descendant
            .where(above.c.descendant_id == parent_id, below.c.ancestor_id == topic_id)
        )
        await conn.execute(
            insert(closure).from_select(["ancestor_id", "descendant_id", "depth"], pairs)
        )
    await conn.execute(update(topics).where(topics.c.id == topic_id).values(parent_id=parent_id))


async def replace_aliases(conn: AsyncConnection, *, topic_id: int, aliases: Sequence[str]) -> None:
    """Make `aliases` the topic's only aliases."""
    table = table_of(TopicAlias)
    await conn.execute(delete(table).where(table.c.topic_id == topic_id))
    if aliases:
        await conn.execute(
            insert(table),
            [{"topic_id": topic_id, "alias": a, "search_alias": search_text(a)} for a in aliases],
        )


@dataclass(frozen=True)
class Merged:
    """What a merge moved from the source to the target."""

    meetings: int
    agenda_items: int
    notes: int
    children: list[int]
    aliases: list[str]


LINKS: tuple[tuple[type, str], ...] = (
    (MeetingTopic, "meeting_id"),
    (AgendaItemTopic, "agenda_item_id"),
    (NoteTopic, "note_id"),
)


async def _move_links(
    conn: AsyncConnection, model: type, owner: str, source: int, target: int
) -> int:
    table = table_of(model)
    owner_column = table.c[owner]
    count = select(func.count()).select_from(table).where(table.c.topic_id == source)
    moved = int((await conn.execute(count)).scalar_one())
    on_target = select(owner_column).where(table.c.topic_id == target)
    # Links the target already has would become duplicates: drop them, then move the rest.
    await conn.execute(delete(table).where(table.c.topic_id == source, owner_column.in_(on_target)))
    await conn.execute(update(table).where(table.c.topic_id == source).values(topic_id=target))
    return moved


async def merge_topics(conn: AsyncConnection, *, source_id: int, target_id: int) -> Merged:
    """Fold `source_id` into `target_id` and delete it.

    Every meeting, agenda item and note tagged with the source is tagged with the target (once);
    the source's children move under the target with their sub-trees; the source's slug and
    aliases become aliases of the target. The caller refuses a target inside the source's
    sub-tree (that would be a cycle).
    """
    topics = table_of(Topic)
    aliases = table_of(TopicAlias)
    closure = table_of(TopicClosure)
    if await is_within(conn, target_id, source_id):
        raise ValueError("a topic cannot merge into itself or its own descendant")
    counts = [await _move_links(conn, m, owner, source_id, target_id) for m, owner in LINKS]
    children = [
        int(r.id)
        for r in await conn.execute(
            select(topics.c.id).where(topics.c.parent_id == source_id).order_by(topics.c.id)
        )
    ]
    for child in children:
        await _move(conn, topic_id=child, parent_id=target_id)
    slug = (await conn.execute(select(topics.c.slug).where(topics.c.id == source_id))).scalar_one()
    moved_aliases = [
        str(r.alias)
        for r in await conn.execute(
            select(aliases.c.alias).where(aliases.c.topic_id == source_id).order_by(aliases.c.alias)
        )
    ]
    await conn.execute(
        update(aliases).where(aliases.c.topic_id == source_id).values(topic_id=target_id)
    )
    taken = (
        await conn.execute(select(aliases.c.id).where(aliases.c.search_alias == search_text(slug)))
    ).first()
    if taken is None:
        await conn.execute(
            insert(aliases).values(topic_id=target_id, alias=slug, search_alias=search_text(slug))
        )
    await conn.execute(
        delete(closure).where(
            or_(closure.c.ancestor_id == source_id, closure.c.descendant_id == source_id)
        )
    )
    await conn.execute(delete(topics).where(topics.c.id == source_id))
    await refresh_topic(conn, target_id)
    return Merged(
        meetings=counts[0],
        agenda_items=counts[1],
        notes=counts[2],
        children=children,
        aliases=[slug, *moved_aliases],
    )
