"""The theme matrix root field."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from graph.context import Context
from graph.errors import BadUserInput
from graph.meetings.inputs import ids_for_slugs
from graph.networks.service import NETWORK_ORDER, N
from graph.networks.types import Network
from graph.themes import service
from graph.themes.types import ThemeMatrix, ThemeMatrixCell, ThemeMatrixFilter
from graph.topics.service import TOPIC_ORDER, T
from graph.topics.types import Topic

MAX_TOPICS = 200


@strawberry.type
class ThemeQuery:
    @strawberry.field(
        description="Topics × networks with counts and first/last dates: which themes were "
        "discussed where, in one request."
    )
    async def theme_matrix(
        self,
        info: Info[Context, None],
        filter: Annotated[
            ThemeMatrixFilter | None, strawberry.argument(description="Networks, topics, period.")
        ] = None,
    ) -> ThemeMatrix:
        context = info.context
        flt = filter or ThemeMatrixFilter()
        if flt.from_ is not None and flt.to is not None and flt.from_ > flt.to:
            raise BadUserInput("`from` is after `to`.", argument="filter.from")
        if flt.topics is not None and len(flt.topics) > MAX_TOPICS:
            raise BadUserInput(f"At most {MAX_TOPICS} topics.", argument="filter.topics")
        network_ids = await ids_for_slugs(context, "network", flt.networks, "filter.networks")
        topic_ids = await ids_for_slugs(context, "topic", flt.topics, "filter.topics")
        networks = select(N).order_by(*NETWORK_ORDER)
        if network_ids is not None:
            networks = networks.where(N.c.id.in_(network_ids))
        topics = select(T).order_by(*TOPIC_ORDER)
        topics = (
            topics.where(T.c.parent_id.is_(None))
            if topic_ids is None
            else topics.where(T.c.id.in_(topic_ids))
        )
        network_rows = await context.db.rows(networks)
        topic_rows = await context.db.rows(topics)
        scope = service.Scope(
            topic_ids=tuple(row.id for row in topic_rows),
            include_subtopics=flt.include_subtopics,
            network_ids=tuple(row.id for row in network_rows),
            first_day=flt.from_,
            last_day=flt.to,
            viewer=context.viewer,
        )
        found = {(r.network_id, r.topic_id): r for r in await context.db.rows(service.cells(scope))}
        columns = [Network.from_row(row) for row in network_rows]
        rows = [Topic.from_row(row) for row in topic_rows]
        cells = [
            ThemeMatrixCell(
                meeting_count=cell.meeting_count,
                agenda_item_count=int(cell.agenda_item_count),
                note_count=int(cell.note_count),
                first_discussed_on=cell.first_discussed_on,
                last_discussed_on=cell.last_discussed_on,
                network=network,
                topic=topic,
            )
            for topic in rows
            for network in columns
            if (cell := found.get((network.id, topic.id))) is not None
        ]
        return ThemeMatrix(networks=columns, topics=rows, cells=cells)
