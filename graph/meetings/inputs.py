"""Meeting filters, and turning slugs into ids (an unknown slug is a clear error)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import strawberry
from sqlalchemy import select

from db import tables
from graph import enums  # noqa: F401  (registers the enums)
from graph.context import Context
from graph.errors import BadUserInput
from graph.meetings.service import MeetingFilterArgs
from graph.networks.service import N
from graph.themes.service import Scope
from graph.topics.service import T


@strawberry.input(description="Which meetings to list; every condition given must hold.")
class MeetingFilter:
    networks: list[str] | None = strawberry.field(
        default=None, description="Only meetings of these networks (slugs)."
    )
    topics: list[str] | None = strawberry.field(
        default=None,
        description="Only meetings that discussed one of these topics (slugs): the meeting, an "
        "agenda item or a note you may see is tagged with it.",
    )
    include_subtopics: bool = strawberry.field(
        default=True, description="A sub-topic counts as its topic."
    )
    from_: date | None = strawberry.field(
        default=None, name="from", description="Meetings starting on or after this day."
    )
    to: date | None = strawberry.field(
        default=None, description="Meetings starting on or before this day."
    )
    formats: list[tables.MeetingFormat] | None = strawberry.field(
        default=None, description="Only these formats."
    )
    statuses: list[tables.MeetingStatus] | None = strawberry.field(
        default=None, description="Only these statuses."
    )


async def ids_for_slugs(
    context: Context, kind: str, slugs: Sequence[str] | None, argument: str
) -> tuple[int, ...] | None:
    """The ids of the networks or topics with `slugs`; None when no slugs are given."""
    if slugs is None:
        return None
    table = N if kind == "network" else T
    rows = await context.db.rows(select(table.c.slug, table.c.id).where(table.c.slug.in_(slugs)))
    found = {row.slug: row.id for row in rows}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise BadUserInput(f"Unknown {kind} slug(s): {', '.join(missing)}.", argument=argument)
    return tuple(found[slug] for slug in dict.fromkeys(slugs))


async def meeting_filter_args(
    context: Context, flt: MeetingFilter | None, argument: str = "filter"
) -> tuple[MeetingFilterArgs, Scope]:
    """The service arguments for a meeting filter, and the theme scope its topics define."""
    flt = flt or MeetingFilter()
    if flt.from_ is not None and flt.to is not None and flt.from_ > flt.to:
        raise BadUserInput("`from` is after `to`.", argument=f"{argument}.from")
    network_ids = await ids_for_slugs(context, "network", flt.networks, f"{argument}.networks")
    topic_ids = await ids_for_slugs(context, "topic", flt.topics, f"{argument}.topics")
    args = MeetingFilterArgs(
        network_ids=network_ids,
        topic_ids=topic_ids,
        include_subtopics=flt.include_subtopics,
        first_day=flt.from_,
        last_day=flt.to,
        formats=tuple(flt.formats or ()),
        statuses=tuple(flt.statuses or ()),
    )
    scope = Scope(
        topic_ids=topic_ids,
        include_subtopics=flt.include_subtopics,
        network_ids=network_ids,
        first_day=flt.from_,
        last_day=flt.to,
        viewer=context.viewer,
    )
    return args, scope
