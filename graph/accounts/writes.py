"""Logging in and out, with throttling; password hashing off the event loop."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db import accounts
from db.engine import write_transaction
from db.tables import AuditEntry, table_of
from graph.refusals import Refusal, UserErrorCode
from graph.settings import Settings

AUDIT = table_of(AuditEntry)
_HASHING = threading.BoundedSemaphore(2)
"""Argon2id takes 64 MiB a hash: at most two at a time, whatever the number of logins."""


@cache
def _hasher(profile: str) -> PasswordHasher:
    return accounts.password_hasher(profile)


@cache
def _dummy_hash(profile: str) -> str:
    return _hasher(profile).hash("not a password of anyone")


def _hash_now(profile: str, password: str) -> str:
    with _HASHING:
        return _hasher(profile).hash(password)


def _verify_now(profile: str, stored: str | None, password: str) -> bool:
    with _HASHING:
        # An unknown email costs the same verification as a known one.
        ok = accounts.verify_password(_hasher(profile), stored or _dummy_hash(profile), password)
        return ok and stored is not None


async def hash_password(settings: Settings, password: str) -> str:
    """An Argon2id hash of `password`, computed in a worker thread."""
    return await asyncio.to_thread(_hash_now, settings.password_hashing, password)


async def verify_password(settings: Settings, stored: str | None, password: str) -> bool:
    """Whether `password` matches (False for no stored hash), in a worker thread."""
    return await asyncio.to_thread(_verify_now, settings.password_hashing, stored, password)


@dataclass(frozen=True)
class Login:
    token: str
    expires_at: datetime
    user_id: int


async def _claim_attempt(
    engine: AsyncEngine, settings: Settings, key: str, client: str, now: datetime
) -> int:
    since = now - timedelta(minutes=settings.login_window_minutes)
    async with write_transaction(engine) as conn:
        by_key, by_client = await accounts.recent_failures(
            conn, key=key, client=client, since=since
        )
        if (
            by_key >= settings.login_failures_per_account
            or by_client >= settings.login_failures_per_client
        ):
            raise Refusal(
                UserErrorCode.THROTTLED,
                f"Too many failed logins; try again in {settings.login_window_minutes} minutes.",
            )
        # Counted as failed until proven otherwise, so concurrent attempts see each other.
        result = await conn.execute(
            insert(accounts.ATTEMPTS)
            .values(email_key=key, client_address=client, succeeded=False, at=now)
            .returning(accounts.ATTEMPTS.c.id)
        )
        return int(result.scalar_one())


async def login(
    engine: AsyncEngine,
    settings: Settings,
    *,
    email: str,
    password: str,
    client: str,
    now: datetime,
) -> Login:
    """A new session for valid credentials; refusals for wrong ones and for throttling."""
    key = accounts.email_key(email)
    attempt_id = await _claim_attempt(engine, settings, key, client, now)
    async with engine.connect() as conn:
        user = (
            await conn.execute(
                select(accounts.USERS).where(
                    accounts.USERS.c.email_key == key, accounts.USERS.c.is_active.is_(True)
                )
            )
        ).first()
    stored = user.password_hash if user is not None else None
    if user is None or not await verify_password(settings, stored, password):
        raise Refusal(UserErrorCode.UNAUTHENTICATED, "Wrong email or password.", "password")
    absolute = timedelta(hours=settings.session_absolute_hours)
    async with write_transaction(engine) as conn:
        attempts = accounts.ATTEMPTS
        await conn.execute(
            update(attempts).where(attempts.c.id == attempt_id).values(succeeded=True)
        )
        token = await accounts.create_session(conn, user_id=user.id, now=now, absolute=absolute)
        await conn.execute(
            insert(AUDIT).values(
                at=now, actor_user_id=user.id, action="login", object_type="User", object_id=user.id
            )
        )
    return Login(token=token, expires_at=now + absolute, user_id=user.id)
