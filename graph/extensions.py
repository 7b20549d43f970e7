"""Schema extensions: per-operation resources, and masking of unexpected errors."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

logger = logging.getLogger("samvirke.errors")

UNEXPECTED_MESSAGE = "Unexpected error."


class OperationResources(SchemaExtension):
    """Closes the operation's database connection when the operation ends."""

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            yield
        finally:
            context = self.execution_context.context
            db = getattr(context, "db", None)
            if db is not None:
                await db.close()


def is_unexpected(error: GraphQLError) -> bool:
    """An error raised by a bug or an outage, not by the client's request."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


class MaskUnexpectedErrors(SchemaExtension):
    """Logs unexpected errors in full with an id, and shows the client only that id."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        masked = []
        for error in result.errors:
            if not is_unexpected(error):
                masked.append(error)
                continue
            error_id = uuid.uuid4().hex
            logger.error(
                "unexpected error %s at %s", error_id, error.path, exc_info=error.original_error
            )
            masked.append(
                GraphQLError(
                    UNEXPECTED_MESSAGE,
                    nodes=error.nodes,
                    path=error.path,
                    extensions={"code": "INTERNAL_SERVER_ERROR", "errorId": error_id},
                )
            )
        result.errors = masked
