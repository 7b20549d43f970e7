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


@dataclass(frozen=True)
class MeetingTally:
    """One network's meetings in a year, by status and format (cancelled ones not by format)."""

    held: int = 0
    planned: int = 0
    cancelled: int = 0
    digital: int = 0
    physical: int = 0
    hybrid: int = 0
    held_in_person: int = 0


def tally(rows: Iterable[tuple[str, str, int]]) -> MeetingTally:
    """Add up `(status, format, count)` rows; a hybrid meeting counts as held in person too."""
    counts: dict[str, int] = {}
    for status, fmt, n in rows:
        counts[status] = counts.get(status, 0) + n
        if status != "CANCELLED":
            counts[fmt] = counts.get(fmt, 0) + n
            if status == "HELD" and fmt in ("PHYSICAL", "HYBRID"):
                counts["held_in_person"] = counts.get("held_in_person", 0) + n
    return MeetingTally(
        held=counts.get("HELD", 0),
        planned=counts.get("PLANNED", 0),
        cancelled=counts.get("CANCELLED", 0),
        digital=counts.get("DIGITAL", 0),
        physical=counts.get("PHYSICAL", 0),
        hybrid=counts.get("HYBRID", 0),
        held_in_person=counts.get("held_in_person", 0),
    )


@dataclass(frozen=True)
class CadenceCheck:
    """A year's meetings against the rule `required` meetings, `required_in_person` in person."""

    scheduled: int
    in_person: int
    remaining: int | None
    in_person_remaining: int | None
    on_track: bool | None
    kept: bool | None


def cadence(
    tallied: MeetingTally, required: int | None, required_in_person: int | None
) -> CadenceCheck:
    """Whether held plus planned meetings meet the rule (on track) and held ones alone (kept)."""
    scheduled = tallied.held + tallied.planned
    in_person = tallied.physical + tallied.hybrid
    if required is None:
        return CadenceCheck(scheduled, in_person, None, None, None, None)
    need_in_person = required_in_person or 0
    return CadenceCheck(
        scheduled=scheduled,
        in_person=in_person,
        remaining=max(required - scheduled, 0),
        in_person_remaining=max(need_in_person - in_person, 0),
        on_track=scheduled >= required and in_person >= need_in_person,
        kept=tallied.held >= required and tallied.held_in_person >= need_in_person,
    )
