"""Mutations on the topic taxonomy (staff): create, update (rename, move, aliases), merge."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from graph.context import Context
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.notes.mutations import node_key
from graph.refusals import Change
from graph.topics import service as topic_service
from graph.topics import writes
from graph.topics.types import Topic


@strawberry.input(description="A new topic in the taxonomy.")
class TopicCreateInput:
    slug: str = strawberry.field(
        description="A stable key: lower-case words of a-z and 0-9 joined by single hyphens, "
        "e.g. `regional-filmpolitikk`; unique among slugs and aliases."
    )
    name: str = strawberry.field(description="The topic's name (Norwegian).")
    description: str = strawberry.field(default="", description="What the topic covers.")
    parent: str | None = strawberry.field(
        default=None, description="The slug of the broader topic; null for a new root."
    )
    aliases: list[str] = strawberry.field(
        default_factory=list,
        description="Other names (synonyms, nynorsk forms); each unique among slugs and aliases.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the topic is made once."
    )


@strawberry.input(description="Changes to a topic; fields left out stay as they are.")
class TopicUpdateInput:
    id: strawberry.ID = strawberry.field(description="The topic's id.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="The new name.")
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="The new description."
    )
    parent: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="Move the topic (with its sub-topics) under the topic with this slug; null "
        "makes it a root. A move under itself or one of its sub-topics is refused.",
    )
    aliases: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The new aliases (replacing the old)."
    )


@strawberry.input(description="Two topics to merge: the source is folded into the target.")
class TopicMergeInput:
    source_id: strawberry.ID = strawberry.field(
        description="The topic that disappears; its slug and aliases become the target's aliases."
    )
    target_id: strawberry.ID = strawberry.field(
        description="The topic that stays and takes over the source's tags and sub-topics."
    )


@strawberry.type(description="The result of a topic mutation.")
class TopicPayload:
    topic: Topic | None = strawberry.field(description="The topic as it is now; null on errors.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


async def _payload(info: Info[Context, None], outcome: Outcome) -> TopicPayload:
    if outcome.errors or outcome.object_id is None:
        return TopicPayload(topic=None, user_errors=outcome.errors)
    rows = await info.context.db.rows(topic_service.topics_by_id([outcome.object_id]))
    return TopicPayload(topic=Topic.from_row(rows[0]) if rows else None, user_errors=[])


def _given(value: object) -> bool:
    return value is not strawberry.UNSET


@strawberry.type
class TopicMutation:
    @strawberry.mutation(description="Add a topic to the taxonomy (staff).")
    async def topic_create(
        self, info: Info[Context, None], input: Annotated[TopicCreateInput, INPUT]
    ) -> TopicPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.create_topic(
                conn,
                viewer=context.viewer,
                slug=input.slug,
                name=input.name,
                description=input.description,
                parent=input.parent,
                aliases=input.aliases,
            )

        outcome = await perform(
            context, "topicCreate", work, idempotency_key=input.idempotency_key, request=input
        )
        return await _payload(info, outcome)

    @strawberry.mutation(
        description="Rename, describe, move or re-alias a topic (staff). A move keeps the "
        "sub-topics with the topic; one that would make a cycle is refused with RULE_VIOLATION."
    )
    async def topic_update(
        self, info: Info[Context, None], input: Annotated[TopicUpdateInput, INPUT]
    ) -> TopicPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.update_topic(
                conn,
                viewer=context.viewer,
                topic_id=node_key(input.id, "Topic", "id"),
                name=input.name if _given(input.name) else None,
                description=input.description if _given(input.description) else None,
                move=_given(input.parent),
                parent=input.parent if _given(input.parent) else None,
                aliases=input.aliases if _given(input.aliases) else None,
            )

        return await _payload(info, await perform(context, "topicUpdate", work))

    @strawberry.mutation(
        description="Merge one topic into another (staff): every meeting, agenda item and note "
        "tagged with the source is tagged with the target (once), the source's sub-topics move "
        "under the target, its slug and aliases become the target's aliases, and the source is "
        "deleted. Merging a topic into one of its own sub-topics is refused (RULE_VIOLATION)."
    )
    async def topic_merge(
        self, info: Info[Context, None], input: Annotated[TopicMergeInput, INPUT]
    ) -> TopicPayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await writes.merge_topics(
                conn,
                viewer=context.viewer,
                source_id=node_key(input.source_id, "Topic", "sourceId"),
                target_id=node_key(input.target_id, "Topic", "targetId"),
            )

        return await _payload(info, await perform(context, "topicMerge", work))
