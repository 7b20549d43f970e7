"""Cursor connections for GraphQL: the argument types, `Connection`, `Edge` and `PageInfo`.

The SQL side (cursors, keyset conditions, per-parent windows) is in `graph.keyset`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy.engine import Row

from graph.keyset import PageRequest, encode_cursor

T = TypeVar("T")

FIRST_DESCRIPTION = "Return at most this many items from the start (0 to 100; default 50)."
AFTER_DESCRIPTION = "Return the items after this cursor (from `pageInfo.endCursor`)."
LAST_DESCRIPTION = "Return at most this many items from the end (0 to 100)."
BEFORE_DESCRIPTION = "Return the items before this cursor (from `pageInfo.startCursor`)."


First = Annotated[int | None, strawberry.argument(description=FIRST_DESCRIPTION)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DESCRIPTION)]
Last = Annotated[int | None, strawberry.argument(description=LAST_DESCRIPTION)]
Before = Annotated[str | None, strawberry.argument(description=BEFORE_DESCRIPTION)]


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="More items come before this page (when paging backwards, or after a cursor)."
    )
    first_edge: strawberry.Private[Edge[Any] | None]
    last_edge: strawberry.Private[Edge[Any] | None]

    @strawberry.field(description="The cursor of the first item.")
    def start_cursor(self) -> str | None:
        return self.first_edge.cursor() if self.first_edge is not None else None

    @strawberry.field(description="The cursor of the last item.")
    def end_cursor(self) -> str | None:
        return self.last_edge.cursor() if self.last_edge is not None else None


@strawberry.type(description="An item in a connection, with its cursor.")
class Edge(Generic[T]):
    node: T = strawberry.field(description="The item.")
    keys: strawberry.Private[tuple[Any, ...]]
    tag: strawberry.Private[str]

    @strawberry.field(description="Pass as `after` or `before` to page from here.")
    def cursor(self) -> str:
        return encode_cursor(self.keys, self.tag)


@strawberry.type(description="A page of a list, with its edges, page info and total count.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, with cursors.")
    nodes: list[T] = strawberry.field(description="The items of this page, without cursors.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    count_source: strawberry.Private[Callable[[], Awaitable[int]]]

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
    # Cursors are encoded only when a client asks for them.
    names = [f"_k{i}" for i in range(key_count)]
    edges = [
        Edge(node=to_node(row), keys=tuple(row._mapping[k] for k in names), tag=page.tag)
        for row in rows
    ]
    if page.backwards:
        has_next, has_previous = page.before is not None, more
    else:
        has_next, has_previous = more, page.after is not None
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        first_edge=edges[0] if edges else None,
        last_edge=edges[-1] if edges else None,
    )
    nodes = [edge.node for edge in edges]
    return Connection(edges=edges, nodes=nodes, page_info=info, count_source=count)
