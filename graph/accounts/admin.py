"""Staff administration of accounts: create one, deactivate one.

Only staff (in a session, or with an `admin`-scoped token) may do either. Deactivation ends
every session and API token of the account at once; the account can no longer log in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from strawberry.types import Info

from db import accounts
from db.visibility import Viewer
from graph.accounts import writes
from graph.accounts.types import User
from graph.context import Context
from graph.mutations import INPUT, Outcome, UserError, perform
from graph.notes.mutations import node_key
from graph.refusals import Change, Refusal, UserErrorCode, forbidden


def staff_refusal(viewer: Viewer) -> Refusal | None:
    """Why `viewer` may not administer accounts, or None if they may."""
    if not viewer.authenticated:
        return Refusal(UserErrorCode.UNAUTHENTICATED, "Log in first.")
    if not viewer.staff:
        return forbidden("Only staff may administer accounts.")
    return None


@strawberry.input(description="A new account.")
class UserCreateInput:
    email: str = strawberry.field(
        description="The login email; unique regardless of case (a taken one is INVALID)."
    )
    password: str = strawberry.field(
        description="The first password: at least 12 characters, not the email."
    )
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person the account belongs to (optional)."
    )
    is_staff: bool = strawberry.field(
        default=False, description="Give the account staff powers (see and do everything)."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Send the same key when retrying: the account is made once."
    )


@strawberry.input(description="The account to deactivate.")
class UserDeactivateInput:
    user_id: strawberry.ID = strawberry.field(description="The account's id (`User.id`).")


@strawberry.type(description="The result of an account mutation.")
class UserPayload:
    user: User | None = strawberry.field(description="The account as it is now; null on errors.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed.")


async def _payload(context: Context, outcome: Outcome) -> UserPayload:
    if outcome.errors or outcome.object_id is None:
        return UserPayload(user=None, user_errors=outcome.errors)
    users = accounts.USERS
    rows = await context.db.rows(select(users).where(users.c.id == outcome.object_id))
    row = rows[0]
    user = User(id=row.id, email=row.email, is_staff=row.is_staff, person_id=row.person_id)
    return UserPayload(user=user, user_errors=[])


def _refused(refusal: Refusal) -> UserPayload:
    return UserPayload(user=None, user_errors=[UserError.of(refusal)])


@strawberry.type
class AdminMutation:
    @strawberry.mutation(description="Create an account (staff).")
    async def user_create(
        self,
        info: Info[Context, None],
        input: Annotated[UserCreateInput, INPUT],
    ) -> UserPayload:
        context = info.context
        refusal = staff_refusal(context.viewer)
        if refusal is not None:
            return _refused(refusal)
        try:
            email = writes.check_email(input.email, "email")
            writes.check_password(input.password, email, "password")
            person_id = (
                node_key(input.person_id, "Person", "personId")
                if input.person_id is not None
                else None
            )
        except Refusal as invalid:
            return _refused(invalid)
        password_hash = await writes.hash_password(context.settings, input.password)

        async def work(conn: AsyncConnection) -> Change:
            return await writes.create_account(
                conn,
                email=email,
                password_hash=password_hash,
                person_id=person_id,
                is_staff=input.is_staff,
                now=datetime.now(UTC),
            )

        # The password stays out of the idempotency fingerprint.
        request = {"email": email, "person_id": person_id, "is_staff": input.is_staff}
        outcome = await perform(
            context, "userCreate", work, idempotency_key=input.idempotency_key, request=request
        )
        return await _payload(context, outcome)

    @strawberry.mutation(
        description="Deactivate an account (staff): every session and API token of it ends at "
        "once, and it can no longer log in. You cannot deactivate yourself."
    )
    async def user_deactivate(
        self,
        info: Info[Context, None],
        input: Annotated[UserDeactivateInput, INPUT],
    ) -> UserPayload:
        context = info.context
        viewer = context.viewer
        refusal = staff_refusal(viewer)
        if refusal is not None:
            return _refused(refusal)

        async def work(conn: AsyncConnection) -> Change:
            user_id = node_key(input.user_id, "User", "userId")
            if user_id == viewer.user_id:
                raise forbidden("You cannot deactivate your own account.")
            return await writes.deactivate_account(conn, user_id=user_id, now=datetime.now(UTC))

        return await _payload(context, await perform(context, "userDeactivate", work))
