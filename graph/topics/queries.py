"""Root fields for topics."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.connections import page_args, root_connection
from graph.context import Context
from graph.errors import BadUserInput
from graph.pagination import After, Before, Connection, First, Last
from graph.topics import service
from graph.topics.types import Topic


@strawberry.input(description="Which topics to list; every condition given must hold.")
class TopicFilter:
    roots_only: bool = strawberry.field(
        default=False, description="Only the top of the tree (topics without a parent)."
    )
    parent: str | None = strawberry.field(
        default=None, description="Only the direct sub-topics of the topic with this slug."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Part of the name or of an alias (case-insensitive), or an exact slug.",
    )


@strawberry.type
class TopicQuery:
    @strawberry.field(description="Topics of the taxonomy, by name.")
    async def topics(
        self,
        info: Info[Context, None],
        filter: Annotated[
            TopicFilter | None, strawberry.argument(description="Conditions to meet.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Topic]:
        context = info.context
        page = page_args(context, (str, int), first, after, last, before, name="Query.topics")
        args = service.TopicFilterArgs()
        if filter is not None:
            parent_id = None
            if filter.parent is not None:
                rows = await context.db.rows(service.topic_ids_by_slugs([filter.parent]))
                if not rows:
                    raise BadUserInput(
                        f"No topic has the slug {filter.parent!r}.", argument="filter.parent"
                    )
                parent_id = rows[0].id
            args = service.TopicFilterArgs(
                parent_id=parent_id,
                roots_only=filter.roots_only,
                search=(filter.search or "").strip() or None,
            )
        return await root_connection(
            context, service.topics(args), service.TOPIC_ORDER, page, Topic.from_row
        )

    @strawberry.field(
        description="The topic with a slug, e.g. `kulturloven`; an alias (`kulturlova`) also finds it."
    )
    async def topic(
        self,
        info: Info[Context, None],
        slug: Annotated[str, strawberry.argument(description="The slug or an alias.")],
    ) -> Topic | None:
        rows = await info.context.db.rows(service.topic_by_slug_or_alias(slug.strip()))
        return Topic.from_row(rows[0]) if rows else None
