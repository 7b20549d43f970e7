"""Running GraphQL documents against the schema in-process, with statement counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import statement_counter
from graph.context import make_context
from graph.schema import schema
from graph.settings import Settings


@dataclass
class GraphQLClient:
    """Executes documents through the real schema, one fresh context per call."""

    settings: Settings
    engine: AsyncEngine
    last_statements: int = field(default=0)

    async def execute(self, document: str, variables: dict[str, Any] | None = None) -> Any:
        box = [0]
        token = statement_counter.set(box)
        try:
            result = await schema.execute(
                document,
                variable_values=variables,
                context_value=make_context(self.settings, self.engine),
            )
        finally:
            statement_counter.reset(token)
        self.last_statements = box[0]
        return result

    async def query(self, document: str, variables: dict[str, Any] | None = None) -> Any:
        """The `data` of a document that must succeed; fails the test on any error."""
        result = await self.execute(document, variables)
        if result.errors:
            raise AssertionError(f"unexpected errors: {[e.formatted for e in result.errors]}")
        return result.data

    async def query_errors(
        self, document: str, variables: dict[str, Any] | None = None
    ) -> list[GraphQLError]:
        """The errors of a document that must fail."""
        result = await self.execute(document, variables)
        assert result.errors, f"expected errors, got data {result.data}"
        return list(result.errors)
