"""Logging in, password changes and account management, with throttling; hashing off the loop."""

from __future__ import annotations

import asyncio
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db import accounts
from db.engine import write_transaction
from db.tables import AuditEntry, Person, table_of
from graph.refusals import Change, Refusal, UserErrorCode, invalid, not_found
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
        if conn.dialect.name == "postgresql":
            # Attempts on one account, or from one client, take turns (SQLite writers
            # already do): the count below then includes every earlier attempt.
            for name in sorted({f"account:{key}", f"client:{client}"}):
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"),
                    {"name": name},
                )
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


# Account management: password rules, creating and deactivating accounts, password changes.

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
MAX_EMAIL = 320
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(email: str, *field: str) -> str:
    """The email without surrounding spaces; refused unless it looks like an address."""
    email = email.strip()
    if len(email) > MAX_EMAIL or not _EMAIL.match(email):
        raise invalid("Not an email address.", *field)
    return email


def check_password(password: str, email: str, *field: str) -> None:
    """Refuse a password that is too short, too long or the account's email."""
    if len(password) < MIN_PASSWORD:
        raise invalid(f"A password has at least {MIN_PASSWORD} characters.", *field)
    if len(password) > MAX_PASSWORD:
        raise invalid(f"A password has at most {MAX_PASSWORD} characters.", *field)
    if accounts.email_key(password) == accounts.email_key(email):
        raise invalid("A password must not be the account's email.", *field)


async def email_taken(conn: AsyncConnection, email: str) -> bool:
    """Whether an account (active or not) already has this email, in any case."""
    users = accounts.USERS
    found = await conn.execute(
        select(users.c.id).where(users.c.email_key == accounts.email_key(email))
    )
    return found.first() is not None


def _duplicate(email: str) -> Refusal:
    return invalid(f"An account with the email {email} already exists.", "email")


async def create_account(
    conn: AsyncConnection,
    *,
    email: str,
    password_hash: str,
    person_id: int | None,
    is_staff: bool,
    now: datetime,
) -> Change:
    """A new active account; refused for a taken email or an unknown person."""
    if await email_taken(conn, email):
        raise _duplicate(email)
    if person_id is not None:
        people = table_of(Person)
        found = await conn.execute(select(people.c.id).where(people.c.id == person_id))
        if found.first() is None:
            raise not_found("person", "personId")
    try:
        async with conn.begin_nested():
            user_id = await accounts.create_user(
                conn,
                email=email,
                password_hash=password_hash,
                now=now,
                person_id=person_id,
                is_staff=is_staff,
            )
    except IntegrityError as exc:  # a concurrent create with the same email won
        raise _duplicate(email) from exc
    after = {"email": email.strip(), "is_staff": is_staff, "person_id": person_id}
    return Change("User", user_id, None, after)


async def deactivate_account(conn: AsyncConnection, *, user_id: int, now: datetime) -> Change:
    """Deactivate an account and end all its sessions and tokens."""
    users = accounts.USERS
    done = await conn.execute(
        update(users)
        .where(users.c.id == user_id, users.c.is_active.is_(True))
        .values(is_active=False, credentials_changed_at=now)
        .returning(users.c.id)
    )
    if done.first() is None:
        exists = await conn.execute(select(users.c.id).where(users.c.id == user_id))
        if exists.first() is None:
            raise not_found("user", "userId")
        raise invalid("The account is already deactivated.", "userId")
    await accounts.revoke_everything(conn, user_id=user_id, now=now)
    return Change("User", user_id, {"is_active": True}, {"is_active": False})


@dataclass(frozen=True)
class PasswordChange:
    """A checked password change, ready to be written."""

    user_id: int
    verified_hash: str
    new_hash: str
    attempt_id: int


async def prepare_password_change(
    engine: AsyncEngine,
    settings: Settings,
    *,
    user_id: int,
    current: str,
    new: str,
    client: str,
    now: datetime,
) -> PasswordChange:
    """Check the new password and (throttled like a login) the current one; hash the new one."""
    users = accounts.USERS
    async with engine.connect() as conn:
        user = (
            await conn.execute(
                select(users.c.email, users.c.password_hash).where(
                    users.c.id == user_id, users.c.is_active.is_(True)
                )
            )
        ).first()
    if user is None:
        raise Refusal(UserErrorCode.UNAUTHENTICATED, "Log in first.")
    check_password(new, user.email, "newPassword")
    attempt_id = await _claim_attempt(engine, settings, accounts.email_key(user.email), client, now)
    if not await verify_password(settings, user.password_hash, current):
        raise Refusal(
            UserErrorCode.UNAUTHENTICATED, "The current password is wrong.", "currentPassword"
        )
    new_hash = await hash_password(settings, new)
    return PasswordChange(user_id, user.password_hash, new_hash, attempt_id)


async def change_password(
    conn: AsyncConnection, change: PasswordChange, *, now: datetime, absolute: timedelta
) -> tuple[Change, str]:
    """Store the new hash, end every session and token, and open a fresh session."""
    users = accounts.USERS
    before = (
        await conn.execute(
            select(users.c.credentials_changed_at).where(users.c.id == change.user_id)
        )
    ).scalar_one()
    done = await conn.execute(
        update(users)
        .where(
            users.c.id == change.user_id,
            users.c.password_hash == change.verified_hash,
            users.c.is_active.is_(True),
        )
        .values(password_hash=change.new_hash, credentials_changed_at=now)
        .returning(users.c.id)
    )
    if done.first() is None:
        raise Refusal(
            UserErrorCode.CONFLICT,
            "The password was changed meanwhile; log in again.",
            "currentPassword",
        )
    await accounts.revoke_everything(conn, user_id=change.user_id, now=now)
    attempts = accounts.ATTEMPTS
    await conn.execute(
        update(attempts).where(attempts.c.id == change.attempt_id).values(succeeded=True)
    )
    token = await accounts.create_session(conn, user_id=change.user_id, now=now, absolute=absolute)
    audit = Change(
        "User",
        change.user_id,
        {"credentials_changed_at": before.isoformat()},
        {"credentials_changed_at": now.isoformat(), "sessions_and_tokens_revoked": True},
    )
    return audit, token
