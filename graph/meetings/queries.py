"""Root fields for meetings."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.connections import page_args, root_connection
from graph.context import Context
from graph.meetings import service
from graph.meetings.inputs import MeetingFilter, meeting_filter_args
from graph.meetings.types import Meeting
from graph.pagination import After, Before, Connection, First, Last


@strawberry.type
class MeetingQuery:
    @strawberry.field(description="Meetings across all networks, oldest first.")
    async def meetings(
        self,
        info: Info[Context, None],
        filter: Annotated[
            MeetingFilter | None, strawberry.argument(description="Conditions to meet.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Meeting]:
        from datetime import datetime

        context = info.context
        page = page_args(
            context, (datetime, int), first, after, last, before, name="Query.meetings"
        )
        args, scope = await meeting_filter_args(context, filter)
        return await root_connection(
            context,
            service.meetings(args, scope),
            service.MEETING_ORDER,
            page,
            lambda r: Meeting.from_row(r, context),
        )
