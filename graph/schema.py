"""The Schema: Query merged from the features, with Samvirke's extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.tools import merge_types

from graph.extensions import OperationResources
from graph.networks.queries import NetworkQuery
from graph.networks.types import Membership
from graph.node import NodeQuery
from graph.organizations.queries import OrganizationQuery
from graph.organizations.types import County
from graph.people.queries import PeopleQuery
from graph.people.types import Role

Query = merge_types("Query", (NodeQuery, NetworkQuery, OrganizationQuery, PeopleQuery))
Query.__strawberry_definition__.description = "The root of every read."  # type: ignore[attr-defined]

schema = strawberry.Schema(
    query=Query,
    types=[County, Membership, Role],
    extensions=[OperationResources, ParserCache, ValidationCache],
)


def sdl() -> str:
    """The schema in SDL, as committed in `schema.graphql`."""
    return schema.as_str() + "\n"
