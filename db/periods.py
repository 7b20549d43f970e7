"""Periods: every dated row is valid from `valid_from` to `valid_to`, both inclusive."""

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_


def valid_on(start: Any, end: Any, day: date) -> ColumnElement[bool]:
    """Rows whose inclusive period [start, end] contains `day`; NULL means open."""
    return and_(or_(start.is_(None), start <= day), or_(end.is_(None), end >= day))


def overlaps(start: Any, end: Any, first: date | None, last: date | None) -> ColumnElement[bool]:
    """Rows whose inclusive period overlaps [first, last]; None means open."""
    clauses: list[ColumnElement[bool]] = []
    if last is not None:
        clauses.append(or_(start.is_(None), start <= last))
    if first is not None:
        clauses.append(or_(end.is_(None), end >= first))
    return and_(*clauses) if clauses else and_(True)
