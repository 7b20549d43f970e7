"""Reading people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select

from db import tables
from db.periods import valid_on
from db.text import LIKE_ESCAPE, contains_pattern

PE = tables.table_of(tables.Person)
R = tables.table_of(tables.Role)
N = tables.table_of(tables.Network)

PERSON_ORDER: list[ColumnElement[Any]] = [PE.c.name, PE.c.id]


@dataclass(frozen=True)
class PersonFilterArgs:
    search: str | None = None
    network_slug: str | None = None
    role_kinds: tuple[tables.RoleKind, ...] = ()
    as_of: date | None = None


def people(args: PersonFilterArgs) -> Select[Any]:
    """People, filtered by name and by the roles they held."""
    stmt = select(PE)
    if args.search:
        stmt = stmt.where(PE.c.search_name.like(contains_pattern(args.search), escape=LIKE_ESCAPE))
    if args.network_slug is not None or args.role_kinds or args.as_of is not None:
        roles = select(R.c.person_id).select_from(R.join(N, N.c.id == R.c.network_id))
        if args.network_slug is not None:
            roles = roles.where(N.c.slug == args.network_slug)
        if args.role_kinds:
            roles = roles.where(R.c.kind.in_(args.role_kinds))
        if args.as_of is not None:
            roles = roles.where(valid_on(R.c.starts_on, R.c.ends_on, args.as_of))
        stmt = stmt.where(PE.c.id.in_(roles))
    return stmt


def people_by_id(ids: Sequence[int]) -> Select[Any]:
    """The people with `ids`."""
    return select(PE).where(PE.c.id.in_(ids))
