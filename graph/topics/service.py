"""Reading the topic taxonomy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from db import tables
from db.text import LIKE_ESCAPE, contains_pattern, search_text

T = tables.table_of(tables.Topic)
TA = tables.table_of(tables.TopicAlias)
TC = tables.table_of(tables.TopicClosure)

TOPIC_ORDER: list[ColumnElement[Any]] = [T.c.sort_name, T.c.id]


@dataclass(frozen=True)
class TopicFilterArgs:
    parent_id: int | None = None
    roots_only: bool = False
    search: str | None = None


def topics(args: TopicFilterArgs) -> Select[Any]:
    """Topics, filtered by place in the tree and by name or alias."""
    stmt = select(T)
    if args.roots_only:
        stmt = stmt.where(T.c.parent_id.is_(None))
    if args.parent_id is not None:
        stmt = stmt.where(T.c.parent_id == args.parent_id)
    if args.search:
        pattern = contains_pattern(args.search)
        aliased = select(TA.c.topic_id).where(TA.c.search_alias.like(pattern, escape=LIKE_ESCAPE))
        stmt = stmt.where(
            or_(
                T.c.sort_name.like(pattern, escape=LIKE_ESCAPE),
                T.c.slug == args.search,
                T.c.id.in_(aliased),
            )
        )
    return stmt


def topic_by_slug_or_alias(slug: str) -> Select[Any]:
    """The topic with `slug`, or else the one with that alias (case-insensitive)."""
    by_alias = select(TA.c.topic_id).where(TA.c.search_alias == search_text(slug))
    return (
        select(T)
        .where(or_(T.c.slug == slug, T.c.id.in_(by_alias)))
        .order_by((T.c.slug == slug).desc())
        .limit(1)
    )


def topic_ids_by_slugs(slugs: Sequence[str]) -> Select[Any]:
    """`(slug, id)` of the topics with `slugs`."""
    return select(T.c.slug, T.c.id).where(T.c.slug.in_(slugs))


def topics_by_id(ids: Sequence[int]) -> Select[Any]:
    """The topics with `ids`."""
    return select(T).where(T.c.id.in_(ids))


def children(ids: Sequence[int]) -> Select[Any]:
    """The direct children of the topics with `ids`, by name."""
    return select(T).where(T.c.parent_id.in_(ids)).order_by(*TOPIC_ORDER)


def aliases(ids: Sequence[int]) -> Select[Any]:
    """The aliases of the topics with `ids`, alphabetically."""
    return select(TA.c.topic_id, TA.c.alias).where(TA.c.topic_id.in_(ids)).order_by(TA.c.alias)


def ancestors(ids: Sequence[int]) -> Select[Any]:
    """Each topic's ancestors (not itself), root first."""
    return (
        select(TC.c.descendant_id, T)
        .select_from(TC.join(T, T.c.id == TC.c.ancestor_id))
        .where(TC.c.descendant_id.in_(ids), TC.c.depth > 0)
        .order_by(TC.c.descendant_id, TC.c.depth.desc())
    )
