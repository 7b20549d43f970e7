"""Connections over SQL: one statement per page, one per level of nesting, one per total count.

A `Relation` describes a nested list (its statement, the parent column and the order); the
loaders batch every parent asking for the same relation with the same arguments into one
window-function query, so statement counts depend on the query's shape, never on list sizes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select
from sqlalchemy.engine import Row

from graph.context import Context
from graph.db import Db
from graph.keyset import (
    PARENT_IDS,
    Order,
    PageRequest,
    count_statement,
    cursor_tag,
    page_request,
    page_statement,
    parent_slots,
    per_parent_count_statement,
    per_parent_limit_statement,
    per_parent_page_statement,
)
from graph.pagination import Connection, build_connection


@dataclass(frozen=True, eq=False)
class Relation:
    """A list hanging off a parent: `statement(*args)` filtered by `parent`, sorted by `order`."""

    statement: Callable[..., Select[Any]]
    parent: ColumnElement[Any]
    order: Sequence[ColumnElement[Any]] | Order
    key_types: tuple[type, ...]
    limit_each: bool = False
    """Page each parent with its own LIMIT (for parents with many rows, over an index)."""


def page_args(
    context: Context,
    key_types: tuple[type, ...],
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    *,
    name: str,
) -> PageRequest:
    """Checked paging arguments for the list `name` (its cursors fit no other list), with the
    configured default and maximum page sizes."""
    return page_request(
        first=first,
        after=after,
        last=last,
        before=before,
        key_types=key_types,
        default_size=context.settings.default_page_size,
        max_size=context.settings.max_page_size,
        tag=cursor_tag(name),
    )


async def root_connection(
    context: Context,
    stmt: Select[Any],
    order: Sequence[ColumnElement[Any]] | Order,
    page: PageRequest,
    to_node: Callable[[Row[Any]], Any],
) -> Connection[Any]:
    """A page of `stmt`; its total count is read only when asked for."""
    keys = len(Order.of(order).columns)
    return await paged_connection(
        context, page_statement(stmt, order, page), count_statement(stmt), keys, page, to_node
    )


async def paged_connection(
    context: Context,
    page_stmt: Select[Any],
    count_stmt: Select[Any],
    key_count: int,
    page: PageRequest,
    to_node: Callable[[Row[Any]], Any],
) -> Connection[Any]:
    """A connection from a statement that reads the page itself (with columns `_k0`… and one
    look-ahead row, as `page_statement` builds) and one that counts every row."""
    rows = await context.db.rows(page_stmt)

    async def count() -> int:
        return int((await context.db.rows(count_stmt))[0][0])

    return build_connection(rows, page, to_node, count, key_count)


@lru_cache(maxsize=256)
def _pages_statement(
    relation: Relation, args: tuple[Hashable, ...], page: PageRequest, dialect: str
) -> Select[Any]:
    """The per-parent page statement with the parent ids left to bind: built once per list,
    arguments and page, as building it costs more than running it."""
    statement = relation.statement(*args)
    if relation.limit_each:
        return per_parent_limit_statement(
            statement, relation.parent, None, relation.order, page, dialect
        )
    return per_parent_page_statement(statement, relation.parent, None, relation.order, page)


@lru_cache(maxsize=256)
def _slotted_pages_statement(
    relation: Relation, args: tuple[Hashable, ...], page: PageRequest, dialect: str, count: int
) -> Select[Any]:
    """The one-LIMIT-per-parent statement on SQLite for `count` parents, bound by position."""
    return per_parent_limit_statement(
        relation.statement(*args),
        relation.parent,
        parent_slots(count),
        relation.order,
        page,
        dialect,
    )


async def load_pages(
    db: Db, ids: Sequence[Any], relation: Relation, args: tuple[Hashable, ...], page: PageRequest
) -> list[list[Row[Any]]]:
    """A page of `relation` for each parent in `ids` (with the look-ahead row), in one statement."""
    dialect = db.engine.dialect.name
    unique = list(dict.fromkeys(ids))
    if relation.limit_each and dialect != "postgresql":
        stmt = _slotted_pages_statement(relation, args, page, dialect, len(unique))
        rows = await db.rows(stmt, {f"parent_{i}": value for i, value in enumerate(unique)})
    else:
        stmt = _pages_statement(relation, args, page, dialect)
        rows = await db.rows(stmt, {PARENT_IDS: unique})
    grouped: dict[Any, list[Row[Any]]] = {}
    for row in rows:
        grouped.setdefault(row._mapping["_parent"], []).append(row)
    return [grouped.get(i, []) for i in ids]


async def _load_counts(
    db: Db, ids: Sequence[Any], relation: Relation, args: tuple[Hashable, ...]
) -> list[int]:
    stmt = per_parent_count_statement(relation.statement(*args), relation.parent, ids)
    pairs: list[tuple[Any, ...]] = [tuple(row) for row in await db.rows(stmt)]
    counts = {pair[0]: int(pair[1]) for pair in pairs}
    return [counts.get(i, 0) for i in ids]


async def nested_connection(
    context: Context,
    relation: Relation,
    args: tuple[Hashable, ...],
    parent_id: Any,
    page: PageRequest,
    to_node: Callable[[Row[Any]], Any],
) -> Connection[Any]:
    """One parent's page of `relation`, batched with every sibling parent's."""
    rows = await context.loaders.get(load_pages, relation, args, page).load(parent_id)

    async def count() -> int:
        return int(await context.loaders.get(_load_counts, relation, args).load(parent_id))

    return build_connection(rows, page, to_node, count, len(Order.of(relation.order).columns))
