"""Cursor connections for GraphQL: the argument types, `Connection`, `Edge` and `PageInfo`.

The SQL side (cursors, keyset conditions, per-parent windows) is in `graph.keyset`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy.engine import Row

from graph.keyset import PageRequest, encode_cursor, key_names

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
class PageRows:
    """The rows behind a page, for the cursors a client asks for (encoded only then)."""

    rows: Sequence[Row[Any]]
    key_names: tuple[str, ...]
    tag: str

    def cursor(self, index: int) -> str:
        mapping = self.rows[index]._mapping
        return encode_cursor(tuple(mapping[name] for name in self.key_names), self.tag)


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="More items come before this page (when paging backwards, or after a cursor)."
    )
    page: strawberry.Private[PageRows]

    @strawberry.field(description="The cursor of the first item.")
    def start_cursor(self) -> str | None:
        return self.page.cursor(0) if self.page.rows else None

    @strawberry.field(description="The cursor of the last item.")
    def end_cursor(self) -> str | None:
        return self.page.cursor(-1) if self.page.rows else None


@strawberry.type(description="An item in a connection, with its cursor.")
class Edge(Generic[T]):
    node: T = strawberry.field(description="The item.")
    page: strawberry.Private[PageRows]
    index: strawberry.Private[int]

    @strawberry.field(description="Pass as `after` or `before` to page from here.")
    def cursor(self) -> str:
        return self.page.cursor(self.index)


def _edges(root: Connection[Any]) -> list[Edge[Any]]:
    page = root.page_info.page
    return [Edge(node=node, page=page, index=i) for i, node in enumerate(root.nodes)]


@strawberry.type(description="A page of a list, with its edges, page info and total count.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(
        resolver=_edges, description="The items of this page, with cursors."
    )
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
        has_next, has_previous = page.before is not None, more
    else:
        has_next, has_previous = more, page.after is not None
    names = key_names(key_count)
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        page=PageRows(rows, names, page.tag),
    )
    return Connection(nodes=[to_node(row) for row in rows], page_info=info, count_source=count)
