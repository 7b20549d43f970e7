"""Filters for organisations."""

from __future__ import annotations

from datetime import date

import strawberry

from db import tables
from graph import enums  # noqa: F401  (registers the enums)


@strawberry.input(description="Which organisations to list; every condition must hold.")
class OrganizationFilter:
    kinds: list[tables.OrganizationKind] | None = strawberry.field(
        default=None, description="Only these kinds."
    )
    county_number: str | None = strawberry.field(
        default=None, description="Only organisations in the county with this number on `asOf`."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Part of the plain or official name (case-insensitive), or an exact code.",
    )
    network_slug: str | None = strawberry.field(
        default=None, description="Only members of this network on `asOf`."
    )
    as_of: date | None = strawberry.field(
        default=None,
        description="The date: only organisations existing then, named as then (default: today).",
    )
