"""Expected failures of writes, without any GraphQL: services raise them, mutations report them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class UserErrorCode(enum.Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    CONFLICT = "CONFLICT"
    RULE_VIOLATION = "RULE_VIOLATION"
    THROTTLED = "THROTTLED"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


class Refusal(Exception):
    """An expected failure: the write's transaction rolls back and nothing changes."""

    def __init__(self, code: UserErrorCode, message: str, *field: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = ["input", *field] if field else None


def not_found(what: str, *field: str) -> Refusal:
    """The refusal for a missing or hidden object (the two look the same)."""
    return Refusal(UserErrorCode.NOT_FOUND, f"No {what} with that id.", *field)


def forbidden(message: str) -> Refusal:
    """The refusal for an action the viewer may not take."""
    return Refusal(UserErrorCode.FORBIDDEN, message)


def invalid(message: str, *field: str) -> Refusal:
    """The refusal for a value that breaks a validation rule."""
    return Refusal(UserErrorCode.INVALID, message, *field)


@dataclass
class Change:
    """What a write did, for the audit log: the object, and its state before and after."""

    object_type: str
    object_id: int | None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
