"""API tokens: create (shown once), revoke, and list your own.

A token reads what its owner may read; writes need its scopes (`write:notes`, …), and staff
powers need `admin`, which only staff may put on a token. Tokens are managed in a session or
with an `admin`-scoped token (a token may always revoke itself). A revoked or expired token is
refused with HTTP 401 on its next use (see `graph.accounts.auth`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import strawberry
from sqlalchemy import Select, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry import relay
from strawberry.types import Info

from db import accounts
from db.accounts import Scope
from db.visibility import Viewer
from graph.connections import page_args, root_connection
from graph.context import Context
from graph.ids import int_ids
from graph.keyset import Order
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.notes.mutations import node_key
from graph.pagination import After, Before, Connection, First, Last
from graph.refusals import Change, forbidden, invalid, not_found

TOKENS = accounts.TOKENS
MAX_NAME = 100
DEFAULT_DAYS = 90
ADMIN = Scope.ADMIN.value
TOKEN_ORDER = Order((TOKENS.c.created_at, TOKENS.c.id), descending=True)

strawberry.enum(
    Scope,
    name="ApiTokenScope",
    description="What an API token may do beyond reading what its owner may read: READ (only "
    "read), WRITE_NOTES (post and edit notes), WRITE_MEETINGS (meetings), ADMIN (staff powers "
    "and managing tokens; staff only).",
)


def _scopes(text: str) -> list[Scope]:
    return sorted((Scope(value) for value in text.split()), key=lambda s: s.value)


@strawberry.type(
    description="A named, scoped, expiring API token; its secret is never shown again."
)
class ApiToken(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="What the token is for.")
    scopes: list[Scope] = strawberry.field(description="What it may do.")
    created_at: datetime = strawberry.field(description="When it was made.")
    expires_at: datetime = strawberry.field(description="When it stops working.")
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used (to the minute); null if never."
    )
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked (or ended by a password change); null if not."
    )

    @classmethod
    def from_row(cls, row: Row[Any], context: Context) -> ApiToken:
        tz = context.settings.tz

        def local(value: datetime | None) -> datetime | None:
            return value.astimezone(tz) if value is not None else None

        return cls(
            id=row.id,
            name=row.name,
            scopes=_scopes(row.scopes),
            created_at=row.created_at.astimezone(tz),
            expires_at=row.expires_at.astimezone(tz),
            last_used_at=local(row.last_used_at),
            revoked_at=local(row.revoked_at),
        )

    @classmethod
    async def load_nodes(
        cls, *, info: Info[Context, None], node_ids: Iterable[str]
    ) -> list[ApiToken | None]:
        """Your own tokens; anybody else's look missing."""
        context = info.context
        ids = int_ids(node_ids)
        found = {row.id: row for row in await context.db.rows(_tokens_of(context.viewer, ids))}
        return [cls.from_row(found[i], context) if i in found else None for i in ids]


def _tokens_of(viewer: Viewer, ids: list[int] | None = None) -> Select[Any]:
    stmt = select(TOKENS).where(TOKENS.c.user_id == (viewer.user_id or -1))
    return stmt if ids is None else stmt.where(TOKENS.c.id.in_(ids))


async def viewer_api_tokens(
    root: Any,
    info: Info[Context, None],
    first: First = None,
    after: After = None,
    last: Last = None,
    before: Before = None,
) -> Connection[ApiToken]:
    """The viewer's API tokens, newest first, revoked and expired ones included."""
    context = info.context
    page = page_args(context, (datetime, int), first, after, last, before, name="Viewer.apiTokens")
    return await root_connection(
        context,
        _tokens_of(context.viewer),
        TOKEN_ORDER,
        page,
        lambda r: ApiToken.from_row(r, context),
    )


def _may_manage(viewer: Viewer) -> bool:
    return viewer.token_id is None or viewer.may(ADMIN)


async def create_token(
    conn: AsyncConnection,
    *,
    viewer: Viewer,
    name: str,
    scopes: list[Scope],
    expires_in_days: int,
    max_days: int,
    now: datetime,
) -> tuple[Change, str]:
    """A new token of the viewer's; returns the audit change and the token (shown once)."""
    assert viewer.user_id is not None
    if not _may_manage(viewer):
        raise forbidden("Create API tokens in a session or with an admin-scoped token.")
    name = name.strip()
    if not 0 < len(name) <= MAX_NAME:
        raise invalid(f"A token's name has 1 to {MAX_NAME} characters.", "name")
    if not scopes:
        raise invalid("Give the token at least one scope.", "scopes")
    if not 1 <= expires_in_days <= max_days:
        raise invalid(f"A token expires in 1 to {max_days} days.", "expiresInDays")
    chosen = frozenset(scopes)
    if Scope.ADMIN in chosen and not viewer.staff:
        raise forbidden("Only staff may create admin-scoped tokens.")
    expires_at = now + timedelta(days=expires_in_days)
    token_id, token = await accounts.create_api_token(
        conn, user_id=viewer.user_id, name=name, scopes=chosen, now=now, expires_at=expires_at
    )
    after = {
        "name": name,
        "scopes": sorted(s.value for s in chosen),
        "expires_at": expires_at.isoformat(),
    }
    return Change("ApiToken", token_id, None, after), token


async def revoke_token(
    conn: AsyncConnection, *, viewer: Viewer, token_id: int, now: datetime
) -> Change:
    """Revoke one of the viewer's tokens; anybody else's look missing."""
    row = (await conn.execute(_tokens_of(viewer, [token_id]))).first()
    if row is None:
        raise not_found("API token", "id")
    if not (_may_manage(viewer) or viewer.token_id == token_id):
        raise forbidden("Revoke API tokens in a session or with an admin-scoped token.")
    done = await conn.execute(
        update(TOKENS)
        .where(TOKENS.c.id == token_id, TOKENS.c.revoked_at.is_(None))
        .values(revoked_at=now)
        .returning(TOKENS.c.id)
    )
    if done.first() is None:
        raise invalid("The token is already revoked.", "id")
    return Change("ApiToken", token_id, {"revoked_at": None}, {"revoked_at": now.isoformat()})


@strawberry.input(description="A new API token.")
class ApiTokenCreateInput:
    name: str = strawberry.field(description="What the token is for (1 to 100 characters).")
    scopes: list[Scope] = strawberry.field(
        description="What it may do (at least one; ADMIN for staff only)."
    )
    expires_in_days: int = strawberry.field(
        default=DEFAULT_DAYS, description="Days until it expires: 1 to 366 (default 90)."
    )


@strawberry.type(description="A new API token, or why there is none.")
class ApiTokenCreatePayload:
    token: str | None = strawberry.field(
        description="The secret: send as `Authorization: Bearer <token>`. Shown only now."
    )
    api_token: ApiToken | None = strawberry.field(description="The token's details.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was created.")


@strawberry.input(description="The API token to revoke.")
class ApiTokenRevokeInput:
    id: strawberry.ID = strawberry.field(description="The token's id.")


@strawberry.type(description="The result of revoking an API token.")
class ApiTokenRevokePayload:
    api_token: ApiToken | None = strawberry.field(
        description="The token as it is now; null on errors."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was revoked.")


async def _load(context: Context, outcome: Outcome) -> ApiToken | None:
    if outcome.errors or outcome.object_id is None:
        return None
    rows = await context.db.rows(_tokens_of(context.viewer, [outcome.object_id]))
    return ApiToken.from_row(rows[0], context) if rows else None


@strawberry.type
class TokenMutation:
    @strawberry.mutation(
        description="Create an API token (in a session or with an admin-scoped token). The "
        "secret is in the payload once and never again; only its hash is stored."
    )
    async def api_token_create(
        self,
        info: Info[Context, None],
        input: Annotated[ApiTokenCreateInput, INPUT],
    ) -> ApiTokenCreatePayload:
        context = info.context
        secret: list[str] = []

        async def work(conn: AsyncConnection) -> Change:
            change, token = await create_token(
                conn,
                viewer=context.viewer,
                name=input.name,
                scopes=input.scopes,
                expires_in_days=input.expires_in_days,
                max_days=context.settings.token_max_days,
                now=datetime.now(UTC),
            )
            secret.append(token)
            return change

        outcome = await perform(context, "apiTokenCreate", work)
        if outcome.errors:
            return ApiTokenCreatePayload(token=None, api_token=None, user_errors=outcome.errors)
        return ApiTokenCreatePayload(
            token=secret[0], api_token=await _load(context, outcome), user_errors=[]
        )

    @strawberry.mutation(
        description="Revoke one of your API tokens; it is refused (HTTP 401) from its next use."
    )
    async def api_token_revoke(
        self,
        info: Info[Context, None],
        input: Annotated[ApiTokenRevokeInput, INPUT],
    ) -> ApiTokenRevokePayload:
        context = info.context

        async def work(conn: AsyncConnection) -> Change:
            return await revoke_token(
                conn,
                viewer=context.viewer,
                token_id=node_key(input.id, "ApiToken", "id"),
                now=datetime.now(UTC),
            )

        outcome = await perform(context, "apiTokenRevoke", work)
        return ApiTokenRevokePayload(
            api_token=await _load(context, outcome), user_errors=outcome.errors
        )
