"""Logging in and out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import accounts
from graph.accounts import writes
from graph.context import Context
from graph.mutations import UserError, perform
from graph.refusals import Change, Refusal


@strawberry.input(description="Credentials.")
class LoginInput:
    email: str = strawberry.field(description="The account's email (case does not matter).")
    password: str = strawberry.field(description="The password.")


@strawberry.type(description="A new session, or why there is none.")
class LoginPayload:
    token: str | None = strawberry.field(
        description="Send as `Authorization: Bearer <token>`; shown only now."
    )
    expires_at: datetime | None = strawberry.field(
        description="The session's absolute end (it also ends after 30 idle minutes)."
    )
    user_errors: list[UserError] = strawberry.field(description="Why login failed.")


@strawberry.input(description="Which sessions to end.")
class LogoutInput:
    everywhere: bool = strawberry.field(
        default=False,
        description="End every session and API token of the account, not just this one.",
    )


@strawberry.type(description="The result of logging out.")
class LogoutPayload:
    ok: bool = strawberry.field(description="True when the sessions were ended.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was ended.")


def client_address(context: Context) -> str:
    """The address the request came from (for throttling)."""
    client = getattr(context.request, "client", None)
    return str(getattr(client, "host", None) or "unknown")


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Log in with email and password; returns a bearer token.")
    async def login(
        self,
        info: Info[Context, None],
        input: Annotated[LoginInput, strawberry.argument(description="The mutation's input.")],
    ) -> LoginPayload:
        context = info.context
        try:
            done = await writes.login(
                context.db.engine,
                context.settings,
                email=input.email,
                password=input.password,
                client=client_address(context),
                now=datetime.now(UTC),
            )
        except Refusal as refusal:
            return LoginPayload(token=None, expires_at=None, user_errors=[UserError.of(refusal)])
        return LoginPayload(token=done.token, expires_at=done.expires_at, user_errors=[])

    @strawberry.mutation(description="End this session (or, if asked, all of the account's).")
    async def logout(
        self,
        info: Info[Context, None],
        input: Annotated[LogoutInput, strawberry.argument(description="The mutation's input.")],
    ) -> LogoutPayload:
        context = info.context
        viewer = context.viewer

        async def work(conn: AsyncConnection) -> Change:
            now = datetime.now(UTC)
            assert viewer.user_id is not None
            if input.everywhere:
                await accounts.revoke_everything(conn, user_id=viewer.user_id, now=now)
            elif viewer.token_id is not None:
                table = accounts.TOKENS
                await conn.execute(
                    update(table).where(table.c.id == viewer.token_id).values(revoked_at=now)
                )
            else:
                await _end_session(conn, context, now)
            return Change("User", viewer.user_id, None, {"everywhere": input.everywhere})

        outcome = await perform(context, "logout", work)
        return LogoutPayload(ok=not outcome.errors, user_errors=outcome.errors)


async def _end_session(conn: AsyncConnection, context: Context, now: datetime) -> None:
    from graph.accounts.auth import bearer_token

    token = bearer_token(context.request.headers.get("authorization")) if context.request else None
    if token is None:
        return
    table = accounts.SESSIONS
    await conn.execute(
        update(table).where(table.c.token_hash == accounts.token_hash(token)).values(revoked_at=now)
    )
