"""Resolvers that graphql-core calls directly, without Strawberry's wrapper around each call.

For every call of a resolver, Strawberry builds its `Info`, converts the arguments by walking
their Strawberry types (renaming each one), runs the field-extension chain and, for an `async`
resolver, adds two coroutines. On a nested page that is about 20 µs for each of the 52
`Topic.notes` calls, more than the resolver's own work. Where none of that can change what the
resolver receives, the schema's field is given a plain function that does the same call:

- `id` on every Node type writes base64 `Type:id` from the object's `id` (what Strawberry's relay
  resolver gives, through a `GlobalID` object);
- the check that an object is of the type (for types with interfaces) answers at once for an
  instance of the type's class;
- a field without a resolver reads its attribute with the schema's default resolver, as
  Strawberry does, minus two calls;
- a resolver field without field extensions (so without permission classes) or exception handlers,
  whose arguments are all built-in or date scalars (or lists of them), is called with the
  arguments graphql-core has already coerced, renamed to their Python names once, and with
  Strawberry's own `Info` when it asks for one.

Fields with enum, input-object, global-id or `Maybe` arguments keep Strawberry's wrapper, since
there its conversion does real work. Schema extensions that wrap resolvers are graphql-core
middleware and still apply. `tests/test_direct.py` checks the eligible fields and that the answers
are Strawberry's.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryList, StrawberryMaybe, StrawberryOptional
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE
from strawberry.types.field import StrawberryField

Resolve = Callable[..., Any]

SCALARS: tuple[object, ...] = (str, int, float, bool, strawberry.ID, date, datetime)
"""Argument types graphql-core already gives as the Python value the resolver expects."""


def install(schema: strawberry.Schema) -> None:
    """Give every eligible field of `schema` its direct resolver."""
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        if graphql_type is schema._schema.subscription_type:
            continue
        definition = graphql_type.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if definition is None:
            continue
        for field in definition.fields:
            name = schema.config.name_converter.get_graphql_name(field)
            resolve = direct_resolver(schema, field)
            if resolve is not None and name in graphql_type.fields:
                graphql_type.fields[name].resolve = resolve
        if graphql_type.is_type_of is not None:
            graphql_type.is_type_of = exact_type_first(definition.origin, graphql_type.is_type_of)
        if any(interface.name == "Node" for interface in graphql_type.interfaces):
            if definition.origin.resolve_id_attr() != "id":
                raise TypeError(f"{definition.origin.__name__} must keep its node id in `id`")
            graphql_type.fields["id"].resolve = global_id(graphql_type.name)


def global_id(type_name: str) -> Resolve:
    """The `id` resolver of a Node type: base64 of `Type:id`, as Strawberry writes it."""
    prefix = f"{type_name}:"

    def resolve(node: Any, _info: GraphQLResolveInfo[Any]) -> str:
        return base64.b64encode(f"{prefix}{node.id}".encode()).decode()

    return resolve


def exact_type_first(origin: type, is_type_of: Callable[..., Any]) -> Callable[..., Any]:
    """Strawberry's `is_type_of` (run on every object of a type with interfaces), answering at
    once for an instance of the type's own class that was not `strawberry.cast` to another."""

    def check(obj: Any, info: GraphQLResolveInfo[Any]) -> Any:
        if type(obj) is origin and TYPE_CAST_ATTRIBUTE not in getattr(obj, "__dict__", ()):
            return True
        return is_type_of(obj, info)

    return check


def _scalar(type_: object) -> bool:
    if isinstance(type_, StrawberryOptional):
        type_ = type_.of_type
    return any(type_ is scalar for scalar in SCALARS)


def _argument_kind(type_: object) -> str | None:
    """ "scalar", "list" (of scalars, copied per call) or None (Strawberry must convert it)."""
    if isinstance(type_, StrawberryMaybe):
        return None
    if isinstance(type_, StrawberryOptional):
        type_ = type_.of_type
    if _scalar(type_):
        return "scalar"
    if isinstance(type_, StrawberryList) and _scalar(type_.of_type):
        return "list"
    return None


def attribute(schema: strawberry.Schema, python_name: str) -> Resolve:
    """A field without a resolver: the object's attribute, read as Strawberry reads it."""
    read = schema.config.default_resolver

    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return read(source, python_name)

    return resolve


def direct_resolver(schema: strawberry.Schema, field: StrawberryField) -> Resolve | None:
    """A plain function calling `field`'s resolver (or reading its attribute) as Strawberry
    would, or None if the field's arguments or extensions need Strawberry's wrapper."""
    if field.extensions or field.is_subscription:
        return None
    if schema.schema_converter._get_field_exception_handlers(field):
        return None
    resolver = field.base_resolver
    if resolver is None:
        return attribute(schema, field.python_name)
    names: dict[str, str] = {}
    lists: set[str] = set()
    for argument in field.arguments:
        kind = _argument_kind(argument.type)
        if kind is None:
            return None
        graphql_name = schema.config.name_converter.from_argument(argument)
        names[graphql_name] = argument.python_name
        if kind == "list":
            lists.add(graphql_name)
    function = cast(Resolve, resolver.wrapped_func)
    pass_self = resolver.self_parameter is not None
    source_names = [p.name for p in (resolver.root_parameter, resolver.parent_parameter) if p]
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
    info_class = schema.config.info_class

    def resolve(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
        kwargs = {
            names[name]: list(value) if name in lists and value is not None else value
            for name, value in arguments.items()
        }
        for source_name in source_names:
            kwargs[source_name] = source
        if info_name is not None:
            kwargs[info_name] = info_class(_raw_info=info, _field=field)
        return function(source, **kwargs) if pass_self else function(**kwargs)

    return resolve
