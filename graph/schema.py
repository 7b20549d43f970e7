"""The Schema: Query merged from the features, with Samvirke's extensions."""

from __future__ import annotations

import strawberry

from graph.extensions import OperationResources


@strawberry.type(description="The root of every read.")
class Query:
    @strawberry.field(description="The API's name.")
    def api(self) -> str:
        return "samvirke"


schema = strawberry.Schema(query=Query, extensions=[OperationResources])
