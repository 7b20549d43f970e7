"""Keyset pagination in SQL: argument checks, opaque cursors, statements for one or many parents.

A connection is ordered by a list of columns whose last one is unique. A cursor holds the values
of those columns for its row, so pages stay correct when rows are added or removed in between.
`last` reads the order backwards with a LIMIT, so it never scans past the page it returns.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    bindparam,
    func,
    literal,
    select,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY

from graph.errors import BadUserInput


@dataclass(frozen=True)
class PageRequest:
    """Checked pagination arguments; `tag` marks the cursors of the list they page."""

    limit: int
    after: tuple[Any, ...] | None
    before: tuple[Any, ...] | None
    backwards: bool
    tag: str = ""

    def key(self) -> tuple[Any, ...]:
        """A hashable identity of these arguments, for choosing a DataLoader."""
        return (self.limit, self.after, self.before, self.backwards)


@cache
def key_names(count: int) -> tuple[str, ...]:
    """The columns `_k0`, `_k1`… in which a page statement returns each row's sort keys."""
    return tuple(f"_k{i}" for i in range(count))


@cache
def cursor_tag(list_name: str) -> str:
    """A short mark of the list a cursor belongs to, so that one list refuses another's."""
    return hashlib.blake2s(list_name.encode(), digest_size=3).hexdigest()


def encode_cursor(values: Sequence[Any], tag: str = "") -> str:
    """An opaque cursor for a row's ordering values in the list marked `tag`."""
    plain = [v.isoformat() if isinstance(v, date) else v for v in values]
    raw = json.dumps([tag, *plain], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(
    cursor: str, argument: str, types: Sequence[type], tag: str = ""
) -> tuple[Any, ...]:
    """The ordering values in `cursor`, checked against the list's mark and column types."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        decoded = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        decoded = None
    if not isinstance(decoded, list) or len(decoded) != len(types) + 1 or decoded[0] != tag:
        raise BadUserInput(f"`{argument}` is not a cursor of this connection.", argument=argument)
    values = decoded[1:]
    out: list[Any] = []
    for value, kind in zip(values, types, strict=True):
        try:
            if kind is datetime:
                out.append(datetime.fromisoformat(value))
            elif kind is date:
                out.append(date.fromisoformat(value))
            elif (kind is int and isinstance(value, int) and not isinstance(value, bool)) or (
                kind is str and isinstance(value, str)
            ):
                out.append(value)
            else:
                raise TypeError(value)
        except (TypeError, ValueError) as exc:
            raise BadUserInput(
                f"`{argument}` is not a cursor of this connection.", argument=argument
            ) from exc
    return tuple(out)


def page_request(
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    key_types: Sequence[type],
    default_size: int = 50,
    max_size: int = 100,
    tag: str = "",
) -> PageRequest:
    """Check `first/after/last/before` and turn them into a page request for the list marked
    `tag` (see `cursor_tag`)."""
    if first is not None and last is not None:
        raise BadUserInput("Pass `first` or `last`, not both.", argument="first")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= max_size:
            raise BadUserInput(
                f"`{name}` must be between 0 and {max_size}; got {value}.",
                argument=name,
                maximum=max_size,
            )
    after_key = decode_cursor(after, "after", key_types, tag) if after is not None else None
    before_key = decode_cursor(before, "before", key_types, tag) if before is not None else None
    if last is not None:
        return PageRequest(last, after_key, before_key, backwards=True, tag=tag)
    limit = default_size if first is None else first
    return PageRequest(limit, after_key, before_key, backwards=False, tag=tag)


@dataclass(frozen=True, eq=False)
class Order:
    """A list's order: `columns` (the last one unique), all ascending or all descending."""

    columns: tuple[ColumnElement[Any], ...]
    descending: bool = False

    @classmethod
    def of(cls, columns: Sequence[ColumnElement[Any]] | Order) -> Order:
        """`columns` ascending, or an `Order` as given."""
        return columns if isinstance(columns, Order) else cls(tuple(columns))

    def direction(self, page: PageRequest) -> list[ColumnElement[Any]]:
        """ORDER BY terms: reversed when paging backwards."""
        down = self.descending != page.backwards
        return [c.desc() if down else c.asc() for c in self.columns]

    def keyset(self, stmt: Select[Any], page: PageRequest) -> Select[Any]:
        """`stmt` limited to the rows between the page's cursors."""
        key = tuple_(*self.columns)
        if page.after is not None:
            after = tuple_(*page.after)
            stmt = stmt.where(key < after if self.descending else key > after)
        if page.before is not None:
            before = tuple_(*page.before)
            stmt = stmt.where(key > before if self.descending else key < before)
        return stmt

    def keys(self) -> list[ColumnElement[Any]]:
        """The ordering values as labelled columns `_k0`, `_k1`, …, for cursors."""
        names = key_names(len(self.columns))
        return [column.label(name) for name, column in zip(names, self.columns, strict=True)]


def page_statement(
    stmt: Select[Any], order: Sequence[ColumnElement[Any]] | Order, page: PageRequest
) -> Select[Any]:
    """One page of `stmt`, plus one row to tell whether more follow."""
    order = Order.of(order)
    stmt = order.keyset(stmt, page).add_columns(*order.keys())
    return stmt.order_by(*order.direction(page)).limit(page.limit + 1)


PARENT_IDS = "parent_ids"
"""The name of the bound parameter that carries the parent ids when they are not given."""


def per_parent_page_statement(
    stmt: Select[Any],
    parent: ColumnElement[Any],
    parent_ids: Sequence[Any] | None,
    order: Sequence[ColumnElement[Any]] | Order,
    page: PageRequest,
) -> Select[Any]:
    """One page of `stmt` for each parent in `parent_ids`, in one statement.

    Rows carry `_parent` and `_rn` (their rank within the parent, in page direction). With
    `parent_ids` None the ids are bound at execution (parameter `PARENT_IDS`), so that one
    statement serves every batch.
    """
    order = Order.of(order)
    rank = func.row_number().over(partition_by=parent, order_by=order.direction(page))
    ids = bindparam(PARENT_IDS, expanding=True) if parent_ids is None else parent_ids
    inner = (
        order.keyset(stmt.where(parent.in_(ids)), page)
        .add_columns(*order.keys(), parent.label("_parent"), rank.label("_rn"))
        .subquery()
    )
    return (
        select(inner)
        .where(inner.c["_rn"] <= page.limit + 1)
        .order_by(inner.c["_parent"], inner.c["_rn"])
    )


def parent_slots(count: int) -> list[ColumnElement[Any]]:
    """`count` bound parameters `parent_0`, `parent_1`, … to stand for parent ids."""
    return [bindparam(f"parent_{i}") for i in range(count)]


UNION_GROUP = 200
"""Parents per compound SELECT (SQLite allows 500 terms in one compound)."""


def per_parent_limit_statement(
    stmt: Select[Any],
    parent: ColumnElement[Any],
    parent_ids: Sequence[Any] | None,
    order: Sequence[ColumnElement[Any]] | Order,
    page: PageRequest,
    dialect: str,
) -> Select[Any]:
    """The rows of `per_parent_page_statement`, read with one LIMIT per parent.

    `parent_ids` may be None on PostgreSQL (the ids are bound at execution, parameter
    `PARENT_IDS`); on SQLite it may hold `parent_slots(n)`, bound as `parent_0`, `parent_1`, ….

    For parents with many rows each and an index on (parent, order…): every parent's page is
    a short index range scan, where the window function would rank all of a parent's rows.
    PostgreSQL runs the page once per parent id as a LATERAL subquery (planned once); SQLite,
    which has no LATERAL, gets one SELECT per parent joined with UNION ALL (in nested groups).
    Either way it is one statement whatever the number of parents.
    """
    order = Order.of(order)
    if dialect != "postgresql" and parent_ids is not None:
        parent_ids = [
            v if isinstance(v, ColumnElement) else literal(v, parent.type)
            for v in dict.fromkeys(parent_ids)
        ]

    def one(parent_value: ColumnElement[Any]) -> Select[Any]:
        return (
            order.keyset(stmt.where(parent == parent_value), page)
            .add_columns(*order.keys(), parent.label("_parent"))
            .order_by(*order.direction(page))
            .limit(page.limit + 1)
        )

    rows: FromClause
    if dialect == "postgresql":
        values = None if parent_ids is None else list(dict.fromkeys(parent_ids))
        wanted = bindparam(PARENT_IDS, values, type_=ARRAY(parent.type))
        ids = func.unnest(wanted).table_valued("id").render_derived(name="wanted")
        rows = one(ids.c.id).lateral("page")
        joined: FromClause = ids.join(rows, true())
    else:
        if parent_ids is None:
            raise ValueError("SQLite needs the parent ids (or `parent_slots`) for the statement")
        parts = [select(one(value).subquery()) for value in parent_ids]
        while len(parts) > 1:
            parts = [
                select(union_all(*parts[i : i + UNION_GROUP]).subquery())
                if len(parts[i : i + UNION_GROUP]) > 1
                else parts[i]
                for i in range(0, len(parts), UNION_GROUP)
            ]
        rows = joined = parts[0].subquery()
    down = order.descending != page.backwards
    keys = [rows.c[name] for name in key_names(len(order.columns))]
    return (
        select(rows)
        .select_from(joined)
        .order_by(rows.c["_parent"], *[k.desc() if down else k.asc() for k in keys])
    )


def count_statement(stmt: Select[Any]) -> Select[Any]:
    """`SELECT count(*)` over the rows of `stmt` (before pagination)."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())


def per_parent_count_statement(
    stmt: Select[Any], parent: ColumnElement[Any], parent_ids: Sequence[Any]
) -> Select[Any]:
    """`(parent, count)` for every parent in `parent_ids` that has rows, in one statement."""
    return (
        stmt.where(parent.in_(parent_ids))
        .with_only_columns(parent, func.count(), maintain_column_froms=True)
        .group_by(parent)
        .order_by(None)
    )
