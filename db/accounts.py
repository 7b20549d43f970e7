"""Accounts and credentials: password hashing, sessions, API tokens, throttling, revocation.

Tokens are 256 bits from `secrets`, shown once and stored only as SHA-256 hashes. Sessions
expire after an idle period and at an absolute limit; API tokens at their expiry date. A
password change or a deactivation revokes every session and token of the user.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import ApiToken, AuthSession, LoginAttempt, UserAccount, table_of
from db.text import search_text

USERS = table_of(UserAccount)
SESSIONS = table_of(AuthSession)
TOKENS = table_of(ApiToken)
ATTEMPTS = table_of(LoginAttempt)

SESSION_PREFIX = "svk_ses_"
TOKEN_PREFIX = "svk_pat_"


class Scope(enum.Enum):
    """What an API token may do, on top of reading what its owner may read."""

    READ = "read"
    WRITE_NOTES = "write:notes"
    WRITE_MEETINGS = "write:meetings"
    ADMIN = "admin"


ALL_SCOPES = frozenset(Scope)


def password_hasher(profile: str) -> PasswordHasher:
    """Argon2id with the library's defaults, or its cheapest profile for tests."""
    if profile == "cheapest":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


def verify_password(hasher: PasswordHasher, stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash."""
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def email_key(email: str) -> str:
    """The form of an email address that must be unique."""
    return search_text(email.strip())


def new_secret(prefix: str) -> tuple[str, str]:
    """A new token (shown once) and the hash that is stored."""
    token = prefix + secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who a valid bearer token speaks for."""

    user_id: int
    person_id: int | None
    is_staff: bool
    scopes: frozenset[Scope]
    session_id: int | None = None
    token_id: int | None = None
    last_used: datetime | None = None


async def create_user(
    conn: AsyncConnection,
    *,
    email: str,
    password_hash: str,
    now: datetime,
    person_id: int | None = None,
    is_staff: bool = False,
) -> int:
    """Insert a user account; the caller hashes the password (off the event loop)."""
    result = await conn.execute(
        insert(USERS)
        .values(
            email=email.strip(),
            email_key=email_key(email),
            password_hash=password_hash,
            person_id=person_id,
            is_staff=is_staff,
            is_active=True,
            created_at=now,
            credentials_changed_at=now,
        )
        .returning(USERS.c.id)
    )
    return int(result.scalar_one())


async def recent_failures(
    conn: AsyncConnection, *, key: str, client: str, since: datetime
) -> tuple[int, int]:
    """Failed logins since `since`: for this account, and from this client address."""
    failed = ATTEMPTS.c.succeeded.is_(False)
    by_key = select(func.count()).where(failed, ATTEMPTS.c.email_key == key, ATTEMPTS.c.at >= since)
    by_client = select(func.count()).where(
        failed, ATTEMPTS.c.client_address == client, ATTEMPTS.c.at >= since
    )
    return (
        int((await conn.execute(by_key)).scalar_one()),
        int((await conn.execute(by_client)).scalar_one()),
    )


async def record_attempt(
    conn: AsyncConnection, *, key: str, client: str, succeeded: bool, now: datetime
) -> None:
    """Remember one login attempt."""
    await conn.execute(
        insert(ATTEMPTS).values(email_key=key, client_address=client, succeeded=succeeded, at=now)
    )


async def create_session(
    conn: AsyncConnection, *, user_id: int, now: datetime, absolute: timedelta
) -> str:
    """A new session for the user; returns its token."""
    token, hashed = new_secret(SESSION_PREFIX)
    await conn.execute(
        insert(SESSIONS).values(
            user_id=user_id,
            token_hash=hashed,
            created_at=now,
            last_seen_at=now,
            expires_at=now + absolute,
        )
    )
    return token


async def create_api_token(
    conn: AsyncConnection,
    *,
    user_id: int,
    name: str,
    scopes: frozenset[Scope],
    now: datetime,
    expires_at: datetime,
) -> tuple[int, str]:
    """A new API token; returns its id and the token (shown once)."""
    token, hashed = new_secret(TOKEN_PREFIX)
    result = await conn.execute(
        insert(TOKENS)
        .values(
            user_id=user_id,
            name=name,
            token_hash=hashed,
            scopes=" ".join(sorted(s.value for s in scopes)),
            created_at=now,
            expires_at=expires_at,
        )
        .returning(TOKENS.c.id)
    )
    return int(result.scalar_one()), token


async def _session_principal(
    conn: AsyncConnection, hashed: str, now: datetime, idle: timedelta
) -> Principal | None:
    row = (
        await conn.execute(
            select(SESSIONS, USERS.c.person_id, USERS.c.is_staff)
            .join_from(SESSIONS, USERS, USERS.c.id == SESSIONS.c.user_id)
            .where(
                SESSIONS.c.token_hash == hashed,
                SESSIONS.c.revoked_at.is_(None),
                SESSIONS.c.expires_at > now,
                SESSIONS.c.last_seen_at > now - idle,
                USERS.c.is_active.is_(True),
            )
        )
    ).first()
    if row is None:
        return None
    return Principal(
        row.user_id,
        row.person_id,
        row.is_staff,
        ALL_SCOPES,
        session_id=row.id,
        last_used=row.last_seen_at,
    )


async def _token_principal(conn: AsyncConnection, hashed: str, now: datetime) -> Principal | None:
    row = (
        await conn.execute(
            select(TOKENS, USERS.c.person_id, USERS.c.is_staff)
            .join_from(TOKENS, USERS, USERS.c.id == TOKENS.c.user_id)
            .where(
                TOKENS.c.token_hash == hashed,
                TOKENS.c.revoked_at.is_(None),
                TOKENS.c.expires_at > now,
                USERS.c.is_active.is_(True),
            )
        )
    ).first()
    if row is None:
        return None
    scopes = frozenset(Scope(value) for value in row.scopes.split())
    return Principal(
        row.user_id,
        row.person_id,
        row.is_staff,
        scopes,
        token_id=row.id,
        last_used=row.last_used_at,
    )


async def principal_for(
    conn: AsyncConnection, token: str, *, now: datetime, idle: timedelta
) -> Principal | None:
    """Who `token` speaks for, or None if it is unknown, expired or revoked."""
    hashed = token_hash(token)
    if token.startswith(TOKEN_PREFIX):
        return await _token_principal(conn, hashed, now)
    return await _session_principal(conn, hashed, now, idle)


async def revoke_everything(conn: AsyncConnection, *, user_id: int, now: datetime) -> None:
    """End every session and token of the user (password change, deactivation)."""
    for table in (SESSIONS, TOKENS):
        await conn.execute(
            update(table)
            .where(table.c.user_id == user_id, table.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
