"""Domain rules as plain functions, shared by the GraphQL layer and the command line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

C = TypeVar("C")
M = TypeVar("M")


@dataclass
class QuotaLine(Generic[C, M]):
    """One county's line of a network's per-county quota."""

    county: C
    members: list[M] = field(default_factory=list)
    cap: int | None = None

    @property
    def open_places(self) -> int | None:
        """Places left in the county; None when the network has no cap."""
        return None if self.cap is None else max(self.cap - len(self.members), 0)


def county_quota(
    counties: Sequence[tuple[int, C]],
    members: Iterable[tuple[int | None, M]],
    cap: int | None,
) -> list[QuotaLine[C, M]]:
    """Members per county against `cap`, for the counties given (`(county_id, county)` pairs).

    Members whose county is unknown or not among `counties` are left out.
    """
    lines = {county_id: QuotaLine[C, M](county=county, cap=cap) for county_id, county in counties}
    for county_id, member in members:
        line = lines.get(county_id) if county_id is not None else None
        if line is not None:
            line.members.append(member)
    return list(lines.values())


def network_places(counties: int, cap: int | None) -> int | None:
    """How many members a network with a per-county cap can have in `counties` counties."""
    return None if cap is None else counties * cap
