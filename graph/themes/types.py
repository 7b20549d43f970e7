"""The theme matrix: topics × networks, in one request."""

from __future__ import annotations

from datetime import date

import strawberry

from graph.networks.types import Network
from graph.topics.types import Topic


@strawberry.input(description="Which networks, topics and days the theme matrix covers.")
class ThemeMatrixFilter:
    networks: list[str] | None = strawberry.field(
        default=None, description="Network slugs (default: every network)."
    )
    topics: list[str] | None = strawberry.field(
        default=None, description="Topic slugs (default: the top of the tree)."
    )
    from_: date | None = strawberry.field(
        default=None, name="from", description="First day (inclusive)."
    )
    to: date | None = strawberry.field(default=None, description="Last day (inclusive).")
    include_subtopics: bool = strawberry.field(
        default=True, description="A sub-topic counts as its topic."
    )


@strawberry.type(description="How one network discussed one topic in the period.")
class ThemeMatrixCell:
    meeting_count: int = strawberry.field(description="Meetings that discussed the topic.")
    agenda_item_count: int = strawberry.field(description="Agenda items tagged with it.")
    note_count: int = strawberry.field(description="Notes (that you may see) on it.")
    first_discussed_on: date = strawberry.field(description="The first meeting's date.")
    last_discussed_on: date = strawberry.field(description="The last meeting's date.")
    network: Network = strawberry.field(description="The network (the column of the matrix).")
    topic: Topic = strawberry.field(description="The topic (the row of the matrix).")


@strawberry.type(
    description="Which themes were discussed where: a cell for every network and topic that "
    "met in the period (empty cells are left out)."
)
class ThemeMatrix:
    networks: list[Network] = strawberry.field(description="The columns, by name.")
    topics: list[Topic] = strawberry.field(description="The rows, by name.")
    cells: list[ThemeMatrixCell] = strawberry.field(
        description="The non-empty cells, by topic and then network, in the order of the lists."
    )
