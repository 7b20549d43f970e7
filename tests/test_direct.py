"""Resolvers called straight from graphql-core (`graph.direct`) answer what Strawberry's own
wrapper answers, and only fields whose arguments need no conversion get one."""

from typing import Any

import pytest
import strawberry
from graphql import GraphQLObjectType

from graph import direct
from graph.context import make_context
from graph.extensions import OperationResources
from graph.meetings.types import AgendaItem
from graph.networks.types import Membership
from graph.notes.types import Note
from graph.organizations.types import County
from graph.people.types import Role
from graph.schema import Mutation, Query, schema
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

REFERENCE = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[County, Membership, Role, AgendaItem, Note],
    extensions=[OperationResources],
)
"""The same types with Strawberry's own resolver wrapper on every field."""

NESTED = """
query ($slug: String!, $first: Int, $sub: Boolean!) {
  network(slug: $slug) {
    id slug
    meetings(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor startCursor }
      edges { cursor node { id title agenda { id title topics { slug } } } }
    }
    members(asOf: "2024-06-01", first: 3) { nodes { id organization { id code } } }
    roles(asOf: "2024-06-01") { id kind }
  }
  topic(slug: "film-og-kino") {
    id
    notes(first: 2, includeSubtopics: $sub) { nodes { id title } pageInfo { endCursor } }
    children { slug }
  }
}
"""

LOOKUPS = """
query ($ids: [ID!]!, $id: ID!) {
  nodes(ids: $ids) { id __typename }
  node(id: $id) { id ... on Network { slug } }
  counties(asOf: "2023-06-01") { id number }
}
"""

BAD_CURSOR = """
{ topic(slug: "film-og-kino") { notes(after: "not-a-cursor") { nodes { id } } } }
"""


async def _both(
    client: GraphQLClient, document: str, variables: dict[str, Any] | None = None
) -> tuple[Any, Any]:
    ours = await client.execute(document, variables)
    reference = await REFERENCE.execute(
        document,
        variable_values=variables,
        context_value=make_context(client.settings, client.engine),
    )
    return ours, reference


@pytest.mark.parametrize("sub", [True, False])
async def test_direct_resolvers_answer_as_strawberry_does(client: GraphQLClient, sub: bool) -> None:
    variables = {"slug": "storbynettverk-kultur", "first": 4, "sub": sub}
    ours, reference = await _both(client, NESTED, variables)
    assert ours.errors is None
    assert reference.errors is None
    assert ours.data == reference.data
    assert ours.data["network"]["meetings"]["edges"]


async def test_direct_list_and_id_arguments_answer_as_strawberry_does(
    client: GraphQLClient,
) -> None:
    data = await client.query("{ networks { nodes { id } } }")
    ids = [node["id"] for node in data["networks"]["nodes"]]
    ours, reference = await _both(client, LOOKUPS, {"ids": [*ids, "garbage"], "id": ids[0]})
    assert ours.errors is None
    assert reference.errors is None
    assert ours.data == reference.data


async def test_direct_resolver_errors_are_strawberrys(client: GraphQLClient) -> None:
    ours, reference = await _both(client, BAD_CURSOR)
    assert ours.errors
    assert reference.errors
    assert [e.formatted for e in ours.errors] == [e.formatted for e in reference.errors]


def _field(type_name: str, field_name: str) -> Any:
    definition = schema.get_type_by_name(type_name)
    assert definition is not None
    return next(
        f
        for f in definition.fields  # type: ignore[union-attr]
        if schema.config.name_converter.get_graphql_name(f) == field_name
    )


@pytest.mark.parametrize(
    ("type_name", "field_name"),
    [
        ("Topic", "notes"),
        ("Meeting", "agenda"),
        ("AgendaItem", "topics"),
        ("Network", "members"),
        ("Query", "nodes"),
        ("Query", "network"),
        ("Note", "body"),
        ("Topic", "slug"),
    ],
)
def test_fields_with_scalar_arguments_are_called_directly(type_name: str, field_name: str) -> None:
    assert direct.direct_resolver(schema, _field(type_name, field_name)) is not None
    graphql_type = schema._schema.type_map[type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    resolve = graphql_type.fields[field_name].resolve
    assert resolve is not None
    assert resolve.__qualname__.split(".")[0] in {"direct_resolver", "attribute"}


@pytest.mark.parametrize(
    ("type_name", "field_name"),
    [
        ("Query", "themeMatrix"),
        ("Query", "meetings"),
        ("Network", "meetings"),
        ("Mutation", "noteCreate"),
        ("Mutation", "topicMerge"),
    ],
)
def test_fields_with_input_arguments_keep_strawberrys_wrapper(
    type_name: str, field_name: str
) -> None:
    assert direct.direct_resolver(schema, _field(type_name, field_name)) is None
