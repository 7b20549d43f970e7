"""Cursor connections: argument checks, opaque keyset cursors and SQL for one or many parents.

A connection is ordered by a list of columns whose last one is unique. A cursor holds the values
of those columns for its row, so pages stay correct when rows are added or removed in between.
`last` reads the order backwards with a LIMIT, so it never scans past the page it returns.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.engine import Row

from graph.errors import BadUserInput

T = TypeVar("T")

FIRST_DESCRIPTION = "Return at most this many items from the start (0 to 100; default 50)."
AFTER_DESCRIPTION = "Return the items after this cursor (from `pageInfo.endCursor`)."
LAST_DESCRIPTION = "Return at most this many items from the end (0 to 100)."
BEFORE_DESCRIPTION = "Return the items before this cursor (from `pageInfo.startCursor`)."


First = Annotated[int | None, strawberry.argument(description=FIRST_DESCRIPTION)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DESCRIPTION)]
Last = Annotated[int | None, strawberry.argument(description=LAST_DESCRIPTION)]
Before = Annotated[str | None, strawberry.argument(description=BEFORE_DESCRIPTION)]


@dataclass(frozen=True)
class PageRequest:
    """Checked pagination arguments."""

    limit: int
    after: tuple[Any, ...] | None
    before: tuple[Any, ...] | None
    backwards: bool

    def key(self) -> tuple[Any, ...]:
        """A hashable identity of these arguments, for choosing a DataLoader."""
        return (self.limit, self.after, self.before, self.backwards)


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for a row's ordering values."""
    plain = [v.isoformat() if isinstance(v, date) else v for v in values]
    raw = json.dumps(plain, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, argument: str, types: Sequence[type]) -> tuple[Any, ...]:
    """The ordering values in `cursor`, checked against the connection's column types."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != len(types):
        raise BadUserInput(f"`{argument}` is not a cursor of this connection.", argument=argument)
    out: list[Any] = []
    for value, kind in zip(values, types, strict=True):
        try:
            if kind is date:
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
) -> PageRequest:
    """Check `first/after/last/before` and turn them into a page request."""
    if first is not None and last is not None:
        raise BadUserInput("Pass `first` or `last`, not both.", argument="first")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= max_size:
            raise BadUserInput(
                f"`{name}` must be between 0 and {max_size}; got {value}.",
                argument=name,
                maximum=max_size,
            )
    after_key = decode_cursor(after, "after", key_types) if after is not None else None
    before_key = decode_cursor(before, "before", key_types) if before is not None else None
    if last is not None:
        return PageRequest(limit=last, after=after_key, before=before_key, backwards=True)
    limit = default_size if first is None else first
    return PageRequest(limit=limit, after=after_key, before=before_key, backwards=False)


def _keyset(stmt: Select[Any], order: Sequence[ColumnElement[Any]], page: PageRequest) -> Any:
    if page.after is not None:
        stmt = stmt.where(tuple_(*order) > tuple_(*page.after))
    if page.before is not None:
        stmt = stmt.where(tuple_(*order) < tuple_(*page.before))
    return stmt


def _keys(order: Sequence[ColumnElement[Any]]) -> list[ColumnElement[Any]]:
    return [column.label(f"_k{i}") for i, column in enumerate(order)]


def page_statement(
    stmt: Select[Any], order: Sequence[ColumnElement[Any]], page: PageRequest
) -> Select[Any]:
    """One page of `stmt`, plus one row to tell whether more follow."""
    stmt = _keyset(stmt, order, page).add_columns(*_keys(order))
    direction = [c.desc() for c in order] if page.backwards else list(order)
    return stmt.order_by(*direction).limit(page.limit + 1)


def per_parent_page_statement(
    stmt: Select[Any],
    parent: ColumnElement[Any],
    parent_ids: Sequence[Any],
    order: Sequence[ColumnElement[Any]],
    page: PageRequest,
) -> Select[Any]:
    """One page of `stmt` for each parent in `parent_ids`, in one statement.

    Rows carry `_parent` and `_rn` (their rank within the parent, in page direction).
    """
    direction = [c.desc() for c in order] if page.backwards else list(order)
    rank = func.row_number().over(partition_by=parent, order_by=direction)
    inner = (
        _keyset(stmt.where(parent.in_(parent_ids)), order, page)
        .add_columns(*_keys(order), parent.label("_parent"), rank.label("_rn"))
        .subquery()
    )
    return (
        select(inner)
        .where(inner.c["_rn"] <= page.limit + 1)
        .order_by(inner.c["_parent"], inner.c["_rn"])
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


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="More items come before this page (when paging backwards, or after a cursor)."
    )
    start_cursor: str | None = strawberry.field(description="The cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="The cursor of the last item.")


@strawberry.type(description="An item in a connection, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, with its edges, page info and total count.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, with cursors.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    count_source: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many items the whole list holds (all pages).")
    async def total_count(self) -> int:
        return await self.count_source()


def build_connection(
    rows: Sequence[Row[Any]],
    page: PageRequest,
    to_node: Callable[[Row[Any]], Any],
    count: Callable[[], Awaitable[int]],
    key_count: int,
) -> Connection[Any]:
    """A connection from the rows of `page_statement` (or one parent's rows)."""
    more = len(rows) > page.limit
    rows = list(rows[: page.limit])
    if page.backwards:
        rows.reverse()
    edges = [
        Edge(
            cursor=encode_cursor([row._mapping[f"_k{i}"] for i in range(key_count)]),
            node=to_node(row),
        )
        for row in rows
    ]
    if page.backwards:
        has_next, has_previous = page.before is not None, more
    else:
        has_next, has_previous = more, page.after is not None
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, count_source=count)
