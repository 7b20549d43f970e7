"""The committed schema.graphql matches the code, and documents every type and field."""

from pathlib import Path
from types import SimpleNamespace

import pytest
import strawberry
from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType
from strawberry import relay

from graph.schema import SamvirkeSchema, schema, sdl

ROOT = Path(__file__).parent.parent


def test_schema_graphql_is_up_to_date() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == sdl(), "schema.graphql is stale: run `samvirke export-schema`"


def test_every_type_field_and_argument_has_a_description() -> None:
    missing: list[str] = []
    for name, gtype in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not gtype.description:
            missing.append(name)
        if isinstance(gtype, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in gtype.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(gtype, GraphQLEnumType):
            continue
    assert missing == []


def test_node_ids_are_written_as_strawberry_would() -> None:
    node_types = [
        gtype
        for gtype in schema._schema.type_map.values()
        if isinstance(gtype, GraphQLObjectType)
        and any(interface.name == "Node" for interface in gtype.interfaces)
    ]
    assert len(node_types) >= 10
    for gtype in node_types:
        resolve = gtype.fields["id"].resolve
        assert resolve is not None
        assert resolve(SimpleNamespace(id=42), None) == relay.to_base64(gtype.name, 42)


def test_a_node_type_keeping_its_id_elsewhere_is_refused() -> None:
    @strawberry.type(description="A thing keyed by code.")
    class Thing(relay.Node):
        code: relay.NodeID[str]

    @strawberry.type(description="The root.")
    class Query:
        thing: Thing | None = strawberry.field(default=None, description="A thing.")

    with pytest.raises(TypeError, match="Thing must keep its node id in `id`"):
        SamvirkeSchema(query=Query)
