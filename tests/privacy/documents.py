"""GraphQL documents generated from the schema: every root Query field, with arguments, deep.

Nobody lists the entry points by hand: `probes()` walks `schema.query_type` and calls every
root field with every argument value the `Provider` offers, so a new root field is crawled as
soon as it is in the schema, and a required argument nobody provides (on a root field or on
any field the selections reach) fails the test with `MissingProvider`, naming it.

Arguments: required ones come from the provider by `Type.field.argument` or by name, then by
type (every global id for `ID`, both Booleans, every enum value, a date). Optional ones keep
their defaults, except `first` (a whole page of notes, a few rows of anything else), Booleans
with a default (also tried flipped, under an alias) and input objects (also tried once per
input field the provider knows: slugs, search strings carrying canaries, ...).

Selections hold every scalar (ids, bodies, titles, counts) and every object, interface (an
inline fragment per possible type) and connection field, breadth first to `MAX_DEPTH` entity
levels (connection plumbing — `…Connection`, `…Edge`, `PageInfo` — is no level), under rules
that keep two engines × eleven roles within a minute:

- each field of each type is expanded in full once per selection, where the fewest lists
  repeat it; elsewhere it gets the scalars of its type, unless a list would repeat it;
- a type already on the path gets its scalars only;
- past `BROAD_DEPTH` levels only fields that lead to the `sensitive` types (notes and their
  revisions) are followed, and a page of notes is shown wherever it can be reached;
- a singular root field's first argument value gets the `DEEP` selection, a list root's the
  `MEDIUM` one, every other value the `LIGHT` one.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    Undefined,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)

MAX_DEPTH = 5
BROAD_DEPTH = 3  # every field to here; deeper only fields that lead to hidden rows
FIRST = 50
THIN_FIRST = 3  # nested connections of rows that hide nothing (municipalities, ...)
LIST_GUESS = 10  # how long a plain list is taken to be, to pick the cheapest place to expand
MAX_LIST = 100  # `nodes(ids:)` and friends take at most this many values
SINGLES = 3  # a list argument is also tried with each of the first values alone
PROBES_PER_DOCUMENT = 64  # the probes of one root field share a document (and DataLoaders)


@dataclass(frozen=True)
class Reach:
    """How far a selection goes: entity levels, every field up to `broad` levels, and lists.

    `lists` bounds the list dimensions (lists and connections) above a field expanded in full.
    """

    depth: int
    broad: int
    lists: int


DEEP = Reach(depth=MAX_DEPTH, broad=BROAD_DEPTH, lists=2)
MEDIUM = Reach(depth=4, broad=2, lists=2)
LIGHT = Reach(depth=2, broad=1, lists=1)


class MissingProvider(Exception):
    """A required argument that no provider knows how to fill."""


@dataclass(frozen=True)
class EnumValue:
    """An enum literal (rendered bare)."""

    name: str


def literal(value: Any) -> str:
    """`value` as a GraphQL literal."""
    if value is None:
        return "null"
    if isinstance(value, EnumValue):
        return value.name
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no GraphQL literal for {value!r}")


@dataclass
class Provider:
    """Values for arguments, by argument name first, then by type.

    `by_name` maps an argument (or input field) name to a pool of scalar values; a list-typed
    argument takes the whole pool, and each of its first `SINGLES` values alone.
    """

    by_name: dict[str, list[Any]]
    ids: list[str]
    optional_names: frozenset[str] = field(default_factory=frozenset)

    def pool(self, owner: str, name: str, named: GraphQLNamedType) -> list[Any] | None:
        """The candidate scalar values for an argument, or None if nothing fits.

        A key `Type.field.argument` (e.g. `Query.topic.slug`) wins over the bare name.
        """
        if f"{owner}.{name}" in self.by_name:
            return list(self.by_name[f"{owner}.{name}"])
        if name in self.by_name:
            return list(self.by_name[name])
        if named.name == "ID":
            return list(self.ids)
        if named.name == "Boolean":
            return [False, True]
        if isinstance(named, GraphQLEnumType):
            return [EnumValue(v) for v in named.values]
        if named.name == "Date":
            return ["2024-03-01"]
        if named.name == "DateTime":
            return ["2024-03-01T10:00:00+01:00"]
        return None


def _shape(pool: list[Any], type_: GraphQLInputType) -> list[Any]:
    """Variants of an argument of `type_` from a pool of scalar values."""
    nullable = get_nullable_type(type_)
    if is_list_type(nullable):
        chunks = [pool[i : i + MAX_LIST] for i in range(0, len(pool), MAX_LIST)] or [[]]
        singles = [[v] for v in pool[:SINGLES]] if len(pool) > 1 else []
        return chunks + singles
    return pool


def _is_required(arg: GraphQLArgument | GraphQLInputField) -> bool:
    return is_non_null_type(arg.type) and arg.default_value is Undefined


def required_variants(
    provider: Provider, owner: str, name: str, arg: GraphQLArgument | GraphQLInputField
) -> list[Any]:
    """Every value to try for a required argument; raises `MissingProvider` if none."""
    named = get_named_type(arg.type)
    if isinstance(named, GraphQLInputObjectType):
        return _input_variants(provider, f"{owner}({name}:)", named, required_only=True)
    pool = provider.pool(owner, name, named)
    if not pool:
        raise MissingProvider(
            f"No value provider for the required argument `{name}: {arg.type}` of `{owner}`: "
            "add one to tests/privacy/conftest.py (by argument name) so this entry point is "
            "crawled."
        )
    return _shape(pool, arg.type)


def _input_variants(
    provider: Provider, owner: str, input_type: GraphQLInputObjectType, *, required_only: bool
) -> list[dict[str, Any]]:
    """Input objects: required fields filled (first value); then each known field varied alone."""
    base: dict[str, Any] = {}
    varying: list[tuple[str, list[Any]]] = []
    for name, input_field in input_type.fields.items():
        if _is_required(input_field):
            values = required_variants(provider, f"{owner}.{name}", name, input_field)
            base[name] = values[0]
            varying.append((name, values[1:]))
        elif not required_only:
            varying.append((name, optional_variants(provider, name, input_field)))
    out = [base] if required_only or base else []
    for name, values in varying:
        out.extend(base | {name: value} for value in values)
    return out


def optional_variants(
    provider: Provider, name: str, arg: GraphQLArgument | GraphQLInputField
) -> list[Any]:
    """Non-default values worth trying for an optional argument (often none)."""
    named = get_named_type(arg.type)
    if isinstance(named, GraphQLInputObjectType):
        return _input_variants(provider, name, named, required_only=False)
    if named.name == "Boolean" and not is_list_type(get_nullable_type(arg.type)):
        default = arg.default_value if arg.default_value is not Undefined else None
        return [value for value in (False, True) if value != default and default is not None]
    if name in provider.optional_names and name in provider.by_name:
        return _shape(list(provider.by_name[name]), arg.type)
    return []


def _args(values: Mapping[str, Any]) -> str:
    if not values:
        return ""
    return "(" + ", ".join(f"{k}: {literal(v)}" for k, v in values.items()) + ")"


def _alias(*parts: Any) -> str:
    text = "_".join(str(p) for p in parts if p != "")
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def is_plumbing(named: GraphQLNamedType) -> bool:
    """Relay connection plumbing, which does not count as a level of depth."""
    return named.name.endswith(("Connection", "Edge")) or named.name == "PageInfo"


@dataclass
class _Selection:
    """A selection set under construction: leaf fields, and fields or fragments with their own."""

    type: GraphQLNamedType
    items: list[str | tuple[str, _Selection]] = field(default_factory=list)


@dataclass(frozen=True)
class _Place:
    """Where a selection sits: its entity level, the lists enclosing it, the types above it."""

    level: int
    lists: int
    path: frozenset[str]
    copies: int = 1  # roughly how many times the enclosing lists repeat it


@dataclass
class Walker:
    """Builds the selection sets of one schema with one provider (see the module's rules).

    Without the expand-once rule the county lists under every network would multiply each
    response a hundredfold; with it, every field is still crawled in full from every root
    field whose reach gets to it.

    A selection body that recurs (same type, same text) becomes a named fragment, so the
    documents stay small. Inside the fragments of an abstract type, fields are aliased
    `Type__field`: `title: String!` on one type and `title: String` on another may not share
    a response name.
    """

    schema: GraphQLSchema
    provider: Provider
    sensitive: frozenset[str] = frozenset({"Note", "NoteRevision"})  # rows that may be hidden
    fragments: dict[tuple[str, str], str] = field(default_factory=dict)

    def field_calls(
        self, owner: str, name: str, definition: GraphQLField, first: int
    ) -> list[tuple[str, dict[str, Any]]]:
        """(alias suffix, arguments) for every way a nested field is selected."""
        base: dict[str, Any] = {}
        extra: list[tuple[str, dict[str, Any]]] = []
        for arg_name, arg in definition.args.items():
            named = get_named_type(arg.type)
            if _is_required(arg):
                values = required_variants(self.provider, f"{owner}.{name}", arg_name, arg)
                base[arg_name] = values[0]
                extra.extend((_alias(arg_name, i), {arg_name: v}) for i, v in enumerate(values))
            elif arg_name == "first" and named.name == "Int":
                base[arg_name] = first
            elif named.name == "Boolean" and arg.default_value in (True, False):
                flipped = not arg.default_value
                extra.append((_alias(arg_name, flipped), {arg_name: flipped}))
        calls = [("", base)]
        for suffix, change in extra:
            args = base | change
            if args != base:
                calls.append((suffix, args))
        return calls

    def bears(self, named: GraphQLNamedType) -> bool:
        """Whether items of this type are, or directly hold, rows that may be hidden."""
        if named.name in self.sensitive:
            return True
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            return False
        return any(
            get_named_type(f.type).name in self.sensitive
            or self._items(get_named_type(f.type)) in self.sensitive
            for f in named.fields.values()
        )

    @staticmethod
    def _items(named: GraphQLNamedType) -> str | None:
        """The item type's name of a connection type (None for anything else)."""
        if not isinstance(named, GraphQLObjectType) or not is_plumbing(named):
            return None
        if "nodes" in named.fields:
            return str(get_named_type(named.fields["nodes"].type).name)
        if "edges" in named.fields:
            edge = get_named_type(named.fields["edges"].type)
            if isinstance(edge, GraphQLObjectType) and "node" in edge.fields:
                return str(get_named_type(edge.fields["node"].type).name)
        return None

    @cached_property
    def _distances(self) -> dict[str, int]:
        """Per type, how many levels below it the nearest sensitive type is (absent: never)."""
        out = {name: 0 for name in self.sensitive}
        changed = True
        while changed:
            changed = False
            for name, type_ in self.schema.type_map.items():
                if name.startswith("__"):
                    continue
                options = []
                if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
                    for definition in type_.fields.values():
                        child = get_named_type(definition.type)
                        if child.name in out:
                            options.append(out[child.name] + (0 if is_plumbing(child) else 1))
                if isinstance(type_, GraphQLInterfaceType | GraphQLUnionType):
                    options += [
                        out[t.name] for t in self.schema.get_possible_types(type_) if t.name in out
                    ]
                if options and min(options) < out.get(name, 1 << 30):
                    out[name] = min(options)
                    changed = True
        return out

    def distance(self, named: GraphQLNamedType) -> int:
        """Levels from a type down to the nearest sensitive type (a large number if none)."""
        return self._distances.get(named.name, 1 << 30)

    def holds_sensitive(self, named: GraphQLNamedType) -> bool:
        """Whether a field of this type returns sensitive rows themselves (or a page of them)."""
        return named.name in self.sensitive or self._items(named) in self.sensitive

    def page_size(self, definition: GraphQLField) -> int:
        """`first` for a nested connection: all of it if its items bear hidden rows, else few."""
        items = self._items(get_named_type(definition.type))
        item_type = self.schema.get_type(items) if items is not None else None
        if item_type is None:
            return FIRST
        return FIRST if self.bears(item_type) else THIN_FIRST

    def selection(self, root: GraphQLNamedType, reach: Reach, *, root_is_list: bool) -> str:
        """The selection set (with braces) of a root field's type, as far as `reach` goes.

        Places are filled in order of (enclosing lists, estimated copies, level), so each field
        is expanded in full where the fewest lists repeat it, and never under more than
        `reach.lists` of them.
        """
        max_depth = reach.depth
        expanded: set[tuple[str, str]] = set()
        queue: list[tuple[int, int, int, int, Callable[[], None]]] = []
        order = itertools.count()

        def composite(named: GraphQLNamedType, place: _Place | None) -> _Selection:
            """`place` None: only the scalars (through connection plumbing)."""
            if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
                sel = _Selection(named, ["__typename"])
                for possible in sorted(self.schema.get_possible_types(named), key=lambda t: t.name):
                    inner = obj(possible, place, possible.name + "__")
                    sel.items.append((f"... on {possible.name}", inner))
                return sel
            assert isinstance(named, GraphQLObjectType), named
            return obj(named, place, "")

        def obj(type_: GraphQLObjectType, place: _Place | None, prefix: str) -> _Selection:
            sel = _Selection(type_)
            if place is None:
                leaves(sel, type_, prefix)
            else:
                task: Callable[[], None] = functools.partial(fill, sel, type_, place, prefix)
                entry = (place.lists, place.copies, place.level, next(order), task)
                heapq.heappush(queue, entry)
            return sel

        def fill(sel: _Selection, type_: GraphQLObjectType, place: _Place, prefix: str) -> None:
            path = place.path | {type_.name}
            for name, definition in type_.fields.items():
                named = get_named_type(definition.type)
                child: _Selection | None = None
                if not is_leaf_type(named):
                    level = place.level if is_plumbing(named) else place.level + 1
                    lists, copies = place.lists, place.copies
                    if not is_plumbing(type_) and is_plumbing(named):
                        lists, copies = lists + 1, copies * self.page_size(definition)
                    elif not is_plumbing(type_) and is_list_type(
                        get_nullable_type(definition.type)
                    ):
                        lists, copies = lists + 1, copies * LIST_GUESS  # a list (not `nodes`)
                    limit = max_depth + self.holds_sensitive(named)  # notes show one level on
                    if level > limit:
                        continue
                    if level > reach.broad and level + self.distance(named) > limit:
                        continue  # deep, and leads to no hidden rows
                    if name == "edges" and "nodes" in type_.fields:
                        child = scalars(named)
                    else:
                        key = (type_.name, name)
                        full = (
                            key not in expanded
                            and (named.name not in path or is_plumbing(named))
                            and lists <= reach.lists
                        )
                        if full:
                            expanded.add(key)
                            child = composite(named, _Place(level, lists, path, copies))
                            add(sel, type_, name, prefix, child)
                            continue
                        repeated = lists > reach.lists or place.lists > 0
                        if repeated and not self.holds_sensitive(named):
                            continue  # crawled in full elsewhere; copies here would multiply
                        child = composite(named, None)
                        add(sel, type_, name, prefix, child, every_call=False)
                        continue
                add(sel, type_, name, prefix, child)

        def leaves(sel: _Selection, type_: GraphQLObjectType, prefix: str) -> None:
            for name, definition in type_.fields.items():
                named = get_named_type(definition.type)
                child = None
                if not is_leaf_type(named):
                    if not is_plumbing(type_):
                        continue  # an entity's scalars only
                    if name == "edges" and "nodes" in type_.fields:
                        continue  # `nodes` has the items (the cursors are crawled in full once)
                    child = composite(named, None)
                add(sel, type_, name, prefix, child, every_call=False)

        def scalars(named: GraphQLNamedType) -> _Selection:
            assert isinstance(named, GraphQLObjectType), named
            sel = _Selection(named)
            for name, definition in named.fields.items():
                if is_leaf_type(get_named_type(definition.type)):
                    add(sel, named, name, "", None)
            return sel

        def add(
            sel: _Selection,
            type_: GraphQLObjectType,
            name: str,
            prefix: str,
            child: _Selection | None,
            *,
            every_call: bool = True,
        ) -> None:
            """The field; with `every_call`, also once per other argument value (aliased)."""
            definition = type_.fields[name]
            calls = self.field_calls(type_.name, name, definition, self.page_size(definition))
            if not every_call:
                calls = calls[:1]
            for number, (suffix, args) in enumerate(calls):
                alias = prefix + _alias(name, suffix) if (suffix or prefix) else ""
                label = f"{alias}: {name}" if alias else name
                label += _args(args)
                if child is None:
                    sel.items.append(label)
                elif number == 0:
                    sel.items.append((label, child))
                else:  # another argument value: its own rows and counts, not the whole tree again
                    shallow = composite(get_named_type(definition.type), None)
                    sel.items.append((label, shallow))

        top = composite(root, _Place(1, int(root_is_list), frozenset()))
        while queue:
            heapq.heappop(queue)[-1]()
        return self._render(top)

    def _render(self, sel: _Selection) -> str:
        parts = []
        for item in sel.items:
            parts.append(item if isinstance(item, str) else f"{item[0]} {self._render(item[1])}")
        text = "{ " + " ".join(parts or ["__typename"]) + " }"
        if len(text) < 300 or not isinstance(sel.type, GraphQLObjectType):
            return text
        key = (sel.type.name, text)
        name = self.fragments.setdefault(key, f"F{len(self.fragments)}_{sel.type.name}")
        return "{ ..." + name + " }"

    def definitions(self, text: str) -> list[str]:
        """The fragment definitions `text` uses, transitively."""
        by_name = {name: (type_name, body) for (type_name, body), name in self.fragments.items()}
        seen: dict[str, None] = {}
        todo = re.findall(r"\.\.\.(F\d+_\w+)", text)
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen[name] = None
            todo.extend(re.findall(r"\.\.\.(F\d+_\w+)", by_name[name][1]))
        return [f"fragment {n} on {by_name[n][0]} {by_name[n][1]}" for n in sorted(seen)]


@dataclass(frozen=True)
class Probe:
    """One root field called with one set of arguments: an entry point of the matrix."""

    alias: str
    field: str
    arguments: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.field}{self.arguments}"


@dataclass(frozen=True)
class Document:
    """Several probes in one operation (each under its own alias)."""

    name: str
    text: str
    probes: tuple[Probe, ...]


def root_variants(
    provider: Provider, name: str, definition: GraphQLField, first: int
) -> list[dict[str, Any]]:
    """Argument sets for a root field: every required combination, then optional variations."""
    combos: list[dict[str, Any]] = [{}]
    optional_args: list[tuple[str, list[Any]]] = []
    for arg_name, arg in definition.args.items():
        named = get_named_type(arg.type)
        if _is_required(arg):
            values = required_variants(provider, f"Query.{name}", arg_name, arg)
            combos = [c | {arg_name: v} for c in combos for v in values]
        elif arg_name == "first" and named.name == "Int":
            combos = [c | {arg_name: first} for c in combos]
        else:
            optional_args.append((arg_name, optional_variants(provider, arg_name, arg)))
    out = list(combos)
    for arg_name, values in optional_args:
        out.extend(combos[0] | {arg_name: value} for value in values)
    return out


def probes(walker: Walker) -> list[Probe]:
    """Every root Query field with every argument variant, each with its selection.

    The first variant of a root field (the provider lists the richest value first) gets the
    `DEEP` selection (`MEDIUM` for a list); the other variants (every other id, slug, code,
    filter) get `LIGHT`, which still shows the notes, counts and ids those arguments let
    through. `nodes(ids:)` gets `LIGHT` too: every type it returns is crawled from its own roots.
    """
    schema, provider = walker.schema, walker.provider
    query = schema.query_type
    assert query is not None
    out: list[Probe] = []
    for name, definition in query.fields.items():
        named = get_named_type(definition.type)
        is_list = is_list_type(get_nullable_type(definition.type)) or is_plumbing(named)
        # `nodes(ids:)`: every type it returns is crawled deep from its own root fields
        polymorphic = is_list and isinstance(named, GraphQLInterfaceType | GraphQLUnionType)
        selections: dict[Reach, str] = {}
        first = walker.page_size(definition)
        variants = root_variants(provider, name, definition, first)
        for number, args in enumerate(variants):
            reach = LIGHT if number > 0 or polymorphic else MEDIUM if is_list else DEEP
            if is_leaf_type(named):
                sub = ""
            else:
                if reach not in selections:
                    selection = walker.selection(named, reach, root_is_list=is_list)
                    selections[reach] = " " + selection
                sub = selections[reach]
            alias = f"{name}_{number}"
            out.append(Probe(alias, name, _args(args), f"{alias}: {name}{_args(args)}{sub}"))
    return out


def documents(walker: Walker, all_probes: Sequence[Probe]) -> list[Document]:
    """Probes batched into few operations: per root field, `PROBES_PER_DOCUMENT` at a time."""
    by_field: dict[str, list[Probe]] = {}
    for probe in all_probes:
        by_field.setdefault(probe.field, []).append(probe)
    out = []
    for name, group in by_field.items():
        for start in range(0, len(group), PROBES_PER_DOCUMENT):
            batch = tuple(group[start : start + PROBES_PER_DOCUMENT])
            op = f"Privacy_{name}_{start // PROBES_PER_DOCUMENT}"
            body = "\n  ".join(p.text for p in batch)
            text = f"query {op} {{\n  {body}\n}}"
            text = "\n".join([text, *walker.definitions(text)])
            out.append(Document(op, text, batch))
    return out
