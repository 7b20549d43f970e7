"""Curating the topic taxonomy (staff only): create, update (rename, move, aliases), merge."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db import tables
from db import topics as taxonomy
from db.text import search_text, sort_key
from db.visibility import Viewer
from graph.refusals import Change, Refusal, UserErrorCode, forbidden, invalid, not_found

T = tables.table_of(tables.Topic)
TA = tables.table_of(tables.TopicAlias)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 100
MAX_NAME = 200
MAX_ALIAS = 200
MAX_DESCRIPTION = 10_000


def _staff_only(viewer: Viewer) -> None:
    if not viewer.staff:
        raise forbidden("Only KS staff may curate the topic taxonomy.")


def check_slug(slug: str) -> None:
    """Refuse a slug that is not lower-case words of a-z and 0-9 joined by single hyphens."""
    if len(slug) > MAX_SLUG:
        raise invalid(f"A slug has at most {MAX_SLUG} characters.", "slug")
    if not SLUG.fullmatch(slug):
        raise invalid(
            "A slug is lower-case letters a-z and digits in words joined by single hyphens, "
            "e.g. `regional-filmpolitikk`.",
            "slug",
        )


def clean_name(name: str) -> str:
    """The name without surrounding space; refused if empty or too long."""
    cleaned = name.strip()
    if not cleaned:
        raise invalid("A topic needs a name.", "name")
    if len(cleaned) > MAX_NAME:
        raise invalid(f"A topic's name has at most {MAX_NAME} characters.", "name")
    return cleaned


def check_description(description: str) -> None:
    """Refuse an oversized description."""
    if len(description) > MAX_DESCRIPTION:
        raise invalid(
            f"A topic's description has at most {MAX_DESCRIPTION} characters.", "description"
        )


async def _slug_is_free(conn: AsyncConnection, slug: str) -> None:
    if (await conn.execute(select(T.c.id).where(T.c.slug == slug))).first() is not None:
        raise invalid(f"The slug {slug!r} is taken by another topic.", "slug")
    if (await conn.execute(select(TA.c.id).where(TA.c.search_alias == slug))).first() is not None:
        raise invalid(f"{slug!r} is already an alias of a topic.", "slug")


async def clean_aliases(
    conn: AsyncConnection, aliases: Sequence[str], *, topic_id: int | None, slug: str
) -> list[str]:
    """The aliases without surrounding space, each unique among slugs and other topics' aliases."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for alias in aliases:
        text = alias.strip()
        if not text:
            raise invalid("An alias cannot be empty.", "aliases")
        if len(text) > MAX_ALIAS:
            raise invalid(f"An alias has at most {MAX_ALIAS} characters.", "aliases")
        key = search_text(text)
        if key in seen:
            raise invalid(f"The alias {text!r} is given twice.", "aliases")
        if key == slug:
            raise invalid(f"The alias {text!r} is the topic's own slug.", "aliases")
        seen.add(key)
        cleaned.append(text)
    if not cleaned:
        return cleaned
    keys = list(seen)
    owners = select(TA.c.alias, T.c.slug).join_from(TA, T, T.c.id == TA.c.topic_id)
    owners = owners.where(TA.c.search_alias.in_(keys))
    if topic_id is not None:
        owners = owners.where(TA.c.topic_id != topic_id)
    clash = (await conn.execute(owners.order_by(TA.c.alias).limit(1))).first()
    if clash is not None:
        raise invalid(f"The alias {clash.alias!r} belongs to the topic {clash.slug!r}.", "aliases")
    slugs = (await conn.execute(select(T.c.slug).where(T.c.slug.in_(keys)).limit(1))).first()
    if slugs is not None:
        raise invalid(f"{slugs.slug!r} is the slug of another topic.", "aliases")
    return cleaned


async def _parent_id(conn: AsyncConnection, slug: str) -> int:
    row = (await conn.execute(select(T.c.id).where(T.c.slug == slug))).first()
    if row is None:
        raise Refusal(UserErrorCode.NOT_FOUND, f"No topic has the slug {slug!r}.", "parent")
    return int(row.id)


async def _topic(conn: AsyncConnection, topic_id: int, *field: str) -> Row[Any]:
    row = (await conn.execute(select(T).where(T.c.id == topic_id))).first()
    if row is None:
        raise not_found("topic", *field)
    return row


async def _aliases(conn: AsyncConnection, topic_id: int) -> list[str]:
    rows = await conn.execute(
        select(TA.c.alias).where(TA.c.topic_id == topic_id).order_by(TA.c.alias)
    )
    return [str(row.alias) for row in rows]


async def snapshot(conn: AsyncConnection, topic_id: int) -> dict[str, Any]:
    """A topic's state for the audit log."""
    row = await _topic(conn, topic_id)
    parent = None
    if row.parent_id is not None:
        parent = (await conn.execute(select(T.c.slug).where(T.c.id == row.parent_id))).scalar()
    return {
        "slug": row.slug,
        "name": row.name,
        "description": row.description,
        "parent": parent,
        "aliases": await _aliases(conn, topic_id),
    }


async def create_topic(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    slug: str,
    name: str,
    description: str,
    parent: str | None,
    aliases: Sequence[str],
) -> Change:
    """Add a topic to the taxonomy, at the top or under the topic with the slug `parent`."""
    _staff_only(viewer)
    check_slug(slug)
    cleaned = clean_name(name)
    check_description(description)
    await taxonomy.lock_taxonomy(conn)
    await _slug_is_free(conn, slug)
    parent_id = await _parent_id(conn, parent) if parent is not None else None
    names = await clean_aliases(conn, aliases, topic_id=None, slug=slug)
    topic_id = await taxonomy.create_topic(
        conn,
        slug=slug,
        name=cleaned,
        parent_id=parent_id,
        description=description,
        aliases=names,
    )
    return Change("Topic", topic_id, None, await snapshot(conn, topic_id))


async def update_topic(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    topic_id: int,
    name: str | None,
    description: str | None,
    move: bool,
    parent: str | None,
    aliases: Sequence[str] | None,
) -> Change:
    """Rename, describe, move (`move` with `parent`; None makes a root) or re-alias a topic."""
    _staff_only(viewer)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = clean_name(name)
        changes["sort_name"] = sort_key(changes["name"])
    if description is not None:
        check_description(description)
        changes["description"] = description
    await taxonomy.lock_taxonomy(conn)
    row = await _topic(conn, topic_id, "id")
    before = await snapshot(conn, topic_id)
    if move:
        parent_id = await _parent_id(conn, parent) if parent is not None else None
        if parent_id is not None and await taxonomy.is_within(conn, parent_id, topic_id):
            what = "itself" if parent_id == topic_id else "one of its own sub-topics"
            raise Refusal(
                UserErrorCode.RULE_VIOLATION,
                f"The topic {row.slug!r} cannot move under {what} ({parent!r}): "
                "the taxonomy would have a cycle.",
                "parent",
            )
        if parent_id != row.parent_id:
            await taxonomy.move_topic(conn, topic_id=topic_id, parent_id=parent_id)
    if aliases is not None:
        names = await clean_aliases(conn, aliases, topic_id=topic_id, slug=row.slug)
        await taxonomy.replace_aliases(conn, topic_id=topic_id, aliases=names)
    if changes:
        await conn.execute(update(T).where(T.c.id == topic_id).values(**changes))
    return Change("Topic", topic_id, before, await snapshot(conn, topic_id))


async def merge_topics(
    conn: AsyncConnection, *, viewer: Viewer, source_id: int, target_id: int
) -> Change:
    """Fold the source topic into the target: links, sub-topics, slug and aliases; then delete it."""
    _staff_only(viewer)
    if source_id == target_id:
        raise invalid("A topic cannot merge into itself.", "targetId")
    await taxonomy.lock_taxonomy(conn)
    source = await _topic(conn, source_id, "sourceId")
    target = await _topic(conn, target_id, "targetId")
    if await taxonomy.is_within(conn, target_id, source_id):
        raise Refusal(
            UserErrorCode.RULE_VIOLATION,
            f"The topic {source.slug!r} cannot merge into its own sub-topic {target.slug!r}.",
            "targetId",
        )
    before = {
        "source": await snapshot(conn, source_id),
        "target": await snapshot(conn, target_id),
    }
    merged = await taxonomy.merge_topics(conn, source_id=source_id, target_id=target_id)
    after = {
        **await snapshot(conn, target_id),
        "merged": {
            "slug": source.slug,
            "meetings": merged.meetings,
            "agenda_items": merged.agenda_items,
            "notes": merged.notes,
            "children": merged.children,
            "aliases": merged.aliases,
        },
    }
    return Change("Topic", target_id, before, after)
