"""Logging in and out, and changing your password."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import strawberry
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import accounts
from graph.accounts import writes
from graph.context import Context
from graph.mutations import INPUT, UserError, perform
from graph.refusals import Change, Refusal, UserErrorCode, forbidden


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


@strawberry.input(description="Your current password and the new one.")
class PasswordChangeInput:
    current_password: str = strawberry.field(description="The password you have now.")
    new_password: str = strawberry.field(
        description="The new password: at least 12 characters, not your email."
    )


@strawberry.type(description="A fresh session after a password change, or why nothing changed.")
class PasswordChangePayload:
    token: str | None = strawberry.field(
        description="A new session token (every other session and API token has ended)."
    )
    expires_at: datetime | None = strawberry.field(description="The new session's absolute end.")
    user_errors: list[UserError] = strawberry.field(description="Why the password is unchanged.")


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
        input: Annotated[LoginInput, INPUT],
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
        input: Annotated[LogoutInput, INPUT],
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

    @strawberry.mutation(
        description="Change your password (in a session). Every session and API token of the "
        "account ends; the payload carries a fresh session token. Failed attempts count "
        "towards the login throttle."
    )
    async def password_change(
        self,
        info: Info[Context, None],
        input: Annotated[PasswordChangeInput, INPUT],
    ) -> PasswordChangePayload:
        context = info.context
        viewer = context.viewer

        def refused(refusal: Refusal) -> PasswordChangePayload:
            return PasswordChangePayload(
                token=None, expires_at=None, user_errors=[UserError.of(refusal)]
            )

        if viewer.user_id is None:
            return refused(Refusal(UserErrorCode.UNAUTHENTICATED, "Log in first."))
        if viewer.token_id is not None:
            return refused(forbidden("Change your password in a session, not with an API token."))
        now = datetime.now(UTC)
        try:
            prepared = await writes.prepare_password_change(
                context.db.engine,
                context.settings,
                user_id=viewer.user_id,
                current=input.current_password,
                new=input.new_password,
                client=client_address(context),
                now=now,
            )
        except Refusal as refusal:
            return refused(refusal)
        absolute = timedelta(hours=context.settings.session_absolute_hours)
        fresh: list[str] = []

        async def work(conn: AsyncConnection) -> Change:
            change, token = await writes.change_password(conn, prepared, now=now, absolute=absolute)
            fresh.append(token)
            return change

        outcome = await perform(context, "passwordChange", work)
        if outcome.errors:
            return PasswordChangePayload(token=None, expires_at=None, user_errors=outcome.errors)
        return PasswordChangePayload(token=fresh[0], expires_at=now + absolute, user_errors=[])


async def _end_session(conn: AsyncConnection, context: Context, now: datetime) -> None:
    from graph.accounts.auth import bearer_token

    token = bearer_token(context.request.headers.get("authorization")) if context.request else None
    if token is None:
        return
    table = accounts.SESSIONS
    await conn.execute(
        update(table).where(table.c.token_hash == accounts.token_hash(token)).values(revoked_at=now)
    )
