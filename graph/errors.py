"""Errors a client can see, and how they are coded.

Exception tree::

    GraphQLError                      graphql-core; shown to the client as is
    └── ClientError                   a request the API refuses, with ``extensions.code``
        ├── BadUserInput              an argument is out of range or malformed (BAD_USER_INPUT)
        └── NotFound                  a required object does not exist or is hidden (NOT_FOUND)

Anything else raised in a resolver is unexpected: it is logged in full with a correlation id
and reaches the client as "Unexpected error." with that id (see ``graph.schema``).
Expected failures of mutations are not exceptions: they are ``userErrors`` in the payload.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError


class ClientError(GraphQLError):
    """A refusal the client caused and can correct."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class BadUserInput(ClientError):
    """An argument is out of range or malformed."""

    code = "BAD_USER_INPUT"


class NotFound(ClientError):
    """The object does not exist, or the viewer may not see it (the two look the same)."""

    code = "NOT_FOUND"
