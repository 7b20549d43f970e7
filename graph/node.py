"""Global object identification: `node(id:)` and `nodes(ids:)`.

A malformed id, an id of an unknown type and an id of a missing object all answer null: the
three look the same to the client.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.relay.types import GlobalIDValueError
from strawberry.types import Info

from graph.context import Context
from graph.errors import BadUserInput

MAX_NODES = 100


def _parse(value: str) -> relay.GlobalID | None:
    try:
        return relay.GlobalID.from_id(value)
    except (GlobalIDValueError, ValueError, TypeError):
        return None


async def resolve_many(info: Info[Context, None], ids: list[str]) -> list[Any]:
    """The objects for global `ids`, in order, None for any that cannot be resolved."""
    types: dict[str, Any] = {}
    for value in ids:
        gid = _parse(value)
        if gid is not None and gid.type_name not in types:
            definition = info.schema.get_type_by_name(gid.type_name)
            origin = getattr(definition, "origin", None)
            if (
                isinstance(origin, type)
                and issubclass(origin, relay.Node)
                and hasattr(origin, "load_nodes")
            ):
                types[gid.type_name] = origin
    by_type: dict[str, list[tuple[int, str]]] = {}
    out: list[Any] = [None] * len(ids)
    for position, value in enumerate(ids):
        gid = _parse(value)
        if gid is not None and gid.type_name in types:
            by_type.setdefault(gid.type_name, []).append((position, gid.node_id))
    for type_name, items in by_type.items():
        resolved = await types[type_name].load_nodes(
            info=info, node_ids=[node_id for _, node_id in items]
        )
        for (position, _), obj in zip(items, resolved, strict=True):
            out[position] = obj
    return out


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; null if there is none to see.")
    async def node(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id.")],
    ) -> relay.Node | None:
        found: relay.Node | None = (await resolve_many(info, [str(id)]))[0]
        return found

    @strawberry.field(description="Objects by their global ids, in order; null for each not found.")
    async def nodes(
        self,
        info: Info[Context, None],
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"Up to {MAX_NODES} global ids."),
        ],
    ) -> list[relay.Node | None]:
        if len(ids) > MAX_NODES:
            raise BadUserInput(
                f"`ids` holds at most {MAX_NODES} ids; got {len(ids)}.", argument="ids"
            )
        return await resolve_many(info, [str(i) for i in ids])
