"""Who is asking: the bearer token of a request becomes the operation's viewer.

No header means an anonymous viewer. A header with an unknown, expired or revoked token is
refused with 401, so a client never mistakes a dead credential for anonymous access.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from db import accounts
from db.engine import write_transaction
from db.visibility import Viewer, viewer_for
from graph.settings import Settings

LAST_SEEN_GRANULARITY = timedelta(seconds=60)


class Unauthenticated(Exception):
    """The request carried a credential that is not (or no longer) valid."""


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` header; raises on any other scheme."""
    if authorization is None:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("Use `Authorization: Bearer <token>`.")
    return token.strip()


async def viewer_from_token(
    engine: AsyncEngine, settings: Settings, token: str, *, now: datetime | None = None
) -> Viewer:
    """The viewer a valid token speaks for; raises `Unauthenticated` otherwise."""
    now = now or datetime.now(UTC)
    idle = timedelta(minutes=settings.session_idle_minutes)
    async with engine.connect() as conn:
        principal = await accounts.principal_for(conn, token, now=now, idle=idle)
        if principal is None:
            raise Unauthenticated("The token is unknown, expired or revoked.")
        viewer = await viewer_for(
            conn,
            user_id=principal.user_id,
            person_id=principal.person_id,
            is_staff=principal.is_staff,
            scopes=frozenset(s.value for s in principal.scopes),
            token_id=principal.token_id,
            today=settings.today(),
        )
    if principal.last_used is None or principal.last_used < now - LAST_SEEN_GRANULARITY:
        await _touch(engine, principal, now)
    return viewer


async def _touch(engine: AsyncEngine, principal: accounts.Principal, now: datetime) -> None:
    async with write_transaction(engine) as conn:
        if principal.session_id is not None:
            table = accounts.SESSIONS
            await conn.execute(
                update(table).where(table.c.id == principal.session_id).values(last_seen_at=now)
            )
        if principal.token_id is not None:
            table = accounts.TOKENS
            await conn.execute(
                update(table).where(table.c.id == principal.token_id).values(last_used_at=now)
            )
