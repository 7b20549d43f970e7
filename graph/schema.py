"""The Schema: Query merged from the features, with Samvirke's extensions."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.tools import merge_types
from strawberry.types.execution import ExecutionContext

from graph import direct
from graph.accounts.admin import AdminMutation
from graph.accounts.mutations import AccountMutation
from graph.accounts.tokens import TokenMutation
from graph.accounts.types import ViewerQuery
from graph.audit.queries import AuditQuery
from graph.extensions import MaskUnexpectedErrors, OperationResources
from graph.meetings.mutations import MeetingMutation
from graph.meetings.queries import MeetingQuery
from graph.meetings.types import AgendaItem
from graph.networks.mutations import NetworkMutation
from graph.networks.queries import NetworkQuery
from graph.networks.types import Membership
from graph.node import NodeQuery
from graph.notes.mutations import NoteMutation
from graph.notes.types import Note
from graph.organizations.queries import OrganizationQuery
from graph.organizations.types import County
from graph.people.queries import PeopleQuery
from graph.people.types import Role
from graph.themes.queries import ThemeQuery
from graph.topics.mutations import TopicMutation
from graph.topics.queries import TopicQuery

Mutation = merge_types(
    "Mutation",
    (
        AccountMutation,
        NoteMutation,
        MeetingMutation,
        NetworkMutation,
        TopicMutation,
        TokenMutation,
        AdminMutation,
    ),
)
Mutation.__strawberry_definition__.description = "Every write; expected failures are `userErrors`."  # type: ignore[attr-defined]

Query = merge_types(
    "Query",
    (
        NodeQuery,
        ViewerQuery,
        NetworkQuery,
        OrganizationQuery,
        PeopleQuery,
        MeetingQuery,
        TopicQuery,
        ThemeQuery,
        AuditQuery,
    ),
)
Query.__strawberry_definition__.description = "The root of every read."  # type: ignore[attr-defined]


class SamvirkeSchema(strawberry.Schema):
    """The schema; errors are logged by `MaskUnexpectedErrors`, only the unexpected ones.

    Eligible resolvers are called without Strawberry's per-call wrapper (`graph.direct`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        direct.install(self)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


schema = SamvirkeSchema(
    query=Query,
    mutation=Mutation,
    types=[County, Membership, Role, AgendaItem, Note],
    extensions=[OperationResources, MaskUnexpectedErrors, ParserCache, ValidationCache],
)


def sdl() -> str:
    """The schema in SDL, as committed in `schema.graphql`."""
    return schema.as_str() + "\n"
