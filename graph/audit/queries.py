"""The `auditLog` root field: staff only, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from sqlalchemy import ColumnElement, Select, select
from strawberry import relay
from strawberry.types import Info

from db import accounts
from db.tables import AuditEntry as AuditEntryTable
from db.tables import table_of
from graph.audit.types import AuditEntry, AuditLogFilter
from graph.connections import page_args, root_connection
from graph.context import Context
from graph.errors import BadUserInput, ClientError
from graph.ids import int_ids
from graph.keyset import Order
from graph.pagination import After, Before, Connection, First, Last

AUDIT = table_of(AuditEntryTable)
AUDIT_ORDER = Order((AUDIT.c.at, AUDIT.c.id), descending=True)


class Forbidden(ClientError):
    """The viewer may not ask for this at all (FORBIDDEN)."""

    code = "FORBIDDEN"


def _moment(context: Context, value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=context.settings.tz)


def _object(value: strawberry.ID) -> tuple[str, int]:
    try:
        gid = relay.GlobalID.from_id(str(value))
    except ValueError as exc:
        raise BadUserInput("`objectId` is not a global id.", argument="filter") from exc
    key = int_ids([gid.node_id])[0]
    if key < 0:
        raise BadUserInput("`objectId` is not a global id.", argument="filter")
    return gid.type_name, key


def audit_statement(context: Context, where: AuditLogFilter | None) -> Select[Any]:
    """The audit entries matching `where`."""
    conditions: list[ColumnElement[bool]] = []
    if where is not None:
        if where.action is not None:
            conditions.append(AUDIT.c.action == where.action)
        if where.object_type is not None:
            conditions.append(AUDIT.c.object_type == where.object_type)
        if where.object_id is not None:
            type_name, key = _object(where.object_id)
            conditions += [AUDIT.c.object_type == type_name, AUDIT.c.object_id == key]
        if where.actor_email is not None:
            users = accounts.USERS
            actor = select(users.c.id).where(
                users.c.email_key == accounts.email_key(where.actor_email)
            )
            conditions.append(AUDIT.c.actor_user_id.in_(actor))
        if where.from_ is not None:
            conditions.append(AUDIT.c.at >= _moment(context, where.from_))
        if where.to is not None:
            conditions.append(AUDIT.c.at < _moment(context, where.to))
    return select(AUDIT).where(*conditions)


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Every state-changing action, newest first (staff only; others get a "
        "FORBIDDEN error)."
    )
    async def audit_log(
        self,
        info: Info[Context, None],
        filter: Annotated[
            AuditLogFilter | None, strawberry.argument(description="Conditions to meet.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[AuditEntry] | None:
        context = info.context
        if not context.viewer.staff:
            raise Forbidden("Only staff may read the audit log.")
        page = page_args(
            context, (datetime, int), first, after, last, before, name="Query.auditLog"
        )
        return await root_connection(
            context,
            audit_statement(context, filter),
            AUDIT_ORDER,
            page,
            lambda row: AuditEntry.from_row(row, context),
        )
