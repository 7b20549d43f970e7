"""The write path: one transaction per mutation, with its audit row and idempotency record.

A mutation's work raises `Refusal` for an expected failure; the transaction then rolls back,
nothing is written, and the client gets a typed `userErrors` entry instead of an exception.
Every state-changing mutation writes exactly one audit row in the same transaction. A create
mutation sent again with the same `idempotencyKey` returns the first result and writes nothing;
the same key with a different input is refused.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import strawberry
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from db.engine import write_transaction
from db.tables import AuditEntry, IdempotencyRecord, table_of
from graph.context import Context
from graph.refusals import Change, Refusal, UserErrorCode

AUDIT = table_of(AuditEntry)
IDEMPOTENCY = table_of(IdempotencyRecord)
MAX_KEY_LENGTH = 255
ATTEMPTS = 3
RETRIED_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock detected
INPUT = strawberry.argument(description="The mutation's input.")
"""The description of every mutation's one `input` argument."""


strawberry.enum(UserErrorCode, description="Why a mutation was refused.")


@strawberry.type(description="An expected failure of a mutation: nothing was changed.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='The input path of the offending value, e.g. `["input", "body"]`.'
    )
    message: str = strawberry.field(description="What went wrong, for people.")
    code: UserErrorCode = strawberry.field(description="What went wrong, for programs.")

    @classmethod
    def of(cls, refusal: Refusal) -> UserError:
        return cls(field=refusal.field, message=refusal.message, code=refusal.code)


@dataclass
class Outcome:
    """A mutation's result: the changed object's id, or the errors."""

    object_id: int | None = None
    errors: list[UserError] = dataclasses.field(default_factory=list)


Work = Callable[[AsyncConnection], Awaitable[Change]]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return str(value)


def fingerprint(value: Any) -> str:
    """A stable hash of a mutation's input (for idempotency)."""
    is_instance = dataclasses.is_dataclass(value) and not isinstance(value, type)
    data = dataclasses.asdict(value) if is_instance else value
    data = (
        {k: v for k, v in data.items() if k != "idempotency_key"}
        if isinstance(data, dict)
        else data
    )
    text = json.dumps(data, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def audit_values(context: Context, action: str, change: Change, now: datetime) -> dict[str, Any]:
    """The audit row for a change."""
    return {
        "at": now,
        "actor_user_id": context.viewer.user_id,
        "actor_token_id": context.viewer.token_id,
        "action": action,
        "object_type": change.object_type,
        "object_id": change.object_id,
        "before": change.before,
        "after": change.after,
    }


async def _replay(
    conn: AsyncConnection, user_id: int, action: str, key: str, digest: str
) -> int | None:
    row = (
        await conn.execute(
            select(IDEMPOTENCY).where(
                IDEMPOTENCY.c.user_id == user_id,
                IDEMPOTENCY.c.mutation == action,
                IDEMPOTENCY.c.key == key,
            )
        )
    ).first()
    if row is None:
        return None
    if row.request_hash != digest:
        raise Refusal(
            UserErrorCode.IDEMPOTENCY_KEY_REUSED,
            "This idempotency key was used with a different input.",
            "idempotencyKey",
        )
    return int(row.object_id)


async def _attempt(
    context: Context, action: str, work: Work, key: str | None, digest: str
) -> Outcome:
    now = datetime.now(UTC)
    user_id = context.viewer.user_id
    async with write_transaction(context.db.engine) as conn:
        if key is not None and user_id is not None:
            replayed = await _replay(conn, user_id, action, key, digest)
            if replayed is not None:
                return Outcome(object_id=replayed)
        change = await work(conn)
        await conn.execute(insert(AUDIT).values(**audit_values(context, action, change, now)))
        if key is not None and user_id is not None and change.object_id is not None:
            await conn.execute(
                insert(IDEMPOTENCY).values(
                    user_id=user_id,
                    mutation=action,
                    key=key,
                    request_hash=digest,
                    object_type=change.object_type,
                    object_id=change.object_id,
                    created_at=now,
                )
            )
        return Outcome(object_id=change.object_id)


async def perform(
    context: Context,
    action: str,
    work: Work,
    *,
    idempotency_key: str | None = None,
    request: Any = None,
    anonymous: bool = False,
) -> Outcome:
    """Run `work` in a write transaction with its audit row; refusals become user errors."""
    if not anonymous and not context.viewer.authenticated:
        return Outcome(
            errors=[UserError.of(Refusal(UserErrorCode.UNAUTHENTICATED, "Log in first."))]
        )
    if idempotency_key is not None and not 0 < len(idempotency_key) <= MAX_KEY_LENGTH:
        message = f"An idempotency key has 1 to {MAX_KEY_LENGTH} characters."
        return Outcome(
            errors=[UserError.of(Refusal(UserErrorCode.INVALID, message, "idempotencyKey"))]
        )
    digest = fingerprint(request) if request is not None else ""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await _attempt(context, action, work, idempotency_key, digest)
        except Refusal as refusal:
            return Outcome(errors=[UserError.of(refusal)])
        except IntegrityError:
            # A concurrent retry with the same key won the race: the next attempt replays it.
            if idempotency_key is None or attempt == ATTEMPTS:
                raise
        except DBAPIError as exc:
            # PostgreSQL aborted this transaction to break a deadlock (or a serialization
            # conflict): nothing was written, so it runs again from the start.
            if getattr(exc.orig, "sqlstate", None) not in RETRIED_SQLSTATES or attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")
