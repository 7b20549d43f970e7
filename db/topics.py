"""Writing the topic taxonomy: topics, aliases and the closure table kept in step."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import Topic, TopicAlias, TopicClosure, table_of
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
