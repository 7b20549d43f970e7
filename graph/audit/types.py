"""The audit log's GraphQL types: an entry, and the filter of `auditLog`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import strawberry
from sqlalchemy import select
from sqlalchemy.engine import Row
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from db import accounts
from graph.accounts.types import User
from graph.context import Context
from graph.db import Db


@strawberry.input(description="Which audit entries to list; every condition given must hold.")
class AuditLogFilter:
    action: str | None = strawberry.field(
        default=None, description="Only this action: a mutation's name, e.g. `noteCreate`."
    )
    object_type: str | None = strawberry.field(
        default=None, description="Only entries about objects of this type, e.g. `Note`."
    )
    object_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only entries about this object (its global id)."
    )
    actor_email: str | None = strawberry.field(
        default=None, description="Only what this account did (email; case does not matter)."
    )
    from_: datetime | None = strawberry.field(
        default=None,
        name="from",
        description="Only entries at or after this moment (without an offset: local time).",
    )
    to: datetime | None = strawberry.field(
        default=None, description="Only entries before this moment (without an offset: local time)."
    )


async def users_by_id(db: Db, ids: Sequence[int]) -> list[Row[Any] | None]:
    """User account rows, in key order."""
    users = accounts.USERS
    found = {row.id: row for row in await db.rows(select(users).where(users.c.id.in_(ids)))}
    return [found.get(i) for i in ids]


@strawberry.type(description="One state-changing action: who did what to which object, and when.")
class AuditEntry:
    at: datetime = strawberry.field(description="When it happened.")
    action: str = strawberry.field(
        description="What was done: the mutation's name (`login`, `noteCreate`, `userCreate`, …)."
    )
    object_type: str = strawberry.field(description="The type of the object changed, e.g. `Note`.")
    object_id: strawberry.ID | None = strawberry.field(
        description="The global id of the object changed; null if there is none."
    )
    before: JSON | None = strawberry.field(
        description="The object's relevant state before (null for a creation)."
    )
    after: JSON | None = strawberry.field(description="The object's relevant state after.")
    via_api_token: bool = strawberry.field(
        description="Whether it was done with an API token rather than in a session."
    )
    actor_user_id: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: Row[Any], context: Context) -> AuditEntry:
        object_id = (
            strawberry.ID(relay.to_base64(row.object_type, row.object_id))
            if row.object_id is not None
            else None
        )
        return cls(
            at=row.at.astimezone(context.settings.tz),
            action=row.action,
            object_type=row.object_type,
            object_id=object_id,
            before=row.before,
            after=row.after,
            via_api_token=row.actor_token_id is not None,
            actor_user_id=row.actor_user_id,
        )

    @strawberry.field(description="Who did it; null for the command line and the system.")
    async def actor(self, info: Info[Context, None]) -> User | None:
        if self.actor_user_id is None:
            return None
        row = await info.context.loaders.get(users_by_id).load(self.actor_user_id)
        if row is None:
            return None
        return User(id=row.id, email=row.email, is_staff=row.is_staff, person_id=row.person_id)
