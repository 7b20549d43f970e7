"""Accounts, sessions, API tokens, login attempts, the audit log and idempotency records."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.tables.base import UtcDateTime


class UserAccount(SQLModel, table=True):
    """Someone who can log in: linked to a person, perhaps staff, perhaps deactivated."""

    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("email_key"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320)
    email_key: str = Field(max_length=320, description="the case-folded email, unique")
    password_hash: str = Field(max_length=200)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    is_staff: bool = False
    is_active: bool = True
    created_at: datetime = Field(sa_type=UtcDateTime)
    credentials_changed_at: datetime = Field(sa_type=UtcDateTime)


class AuthSession(SQLModel, table=True):
    """A login session: an opaque bearer token, stored only as its SHA-256."""

    __tablename__ = "auth_session"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE", index=True)
    token_hash: str = Field(max_length=64)
    created_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime)
    expires_at: datetime = Field(sa_type=UtcDateTime, description="the absolute expiry")
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class ApiToken(SQLModel, table=True):
    """A named, scoped, expiring API token, stored only as its SHA-256."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64)
    scopes: str = Field(max_length=200, description="space-separated scopes")
    created_at: datetime = Field(sa_type=UtcDateTime)
    expires_at: datetime = Field(sa_type=UtcDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class LoginAttempt(SQLModel, table=True):
    """One login attempt, for throttling by account and by client address."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_email_key_at", "email_key", "at"),
        Index("ix_login_attempt_client_address_at", "client_address", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    email_key: str = Field(max_length=320)
    client_address: str = Field(max_length=64)
    succeeded: bool
    at: datetime = Field(sa_type=UtcDateTime)


class AuditEntry(SQLModel, table=True):
    """One state-changing mutation: who, what, when, which object, before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_object_type_object_id", "object_type", "object_id"),
        Index("ix_audit_log_at", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcDateTime)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    actor_token_id: int | None = Field(default=None, foreign_key="api_token.id")
    action: str = Field(max_length=64, index=True)
    object_type: str = Field(max_length=64)
    object_id: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class IdempotencyRecord(SQLModel, table=True):
    """The first result of a create mutation sent with an idempotency key."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("user_id", "mutation", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    mutation: str = Field(max_length=64)
    key: str = Field(max_length=255)
    request_hash: str = Field(max_length=64)
    object_type: str = Field(max_length=64)
    object_id: int
    created_at: datetime = Field(sa_type=UtcDateTime)


class NoteRevision(SQLModel, table=True):
    """A note as it was before an edit."""

    __tablename__ = "note_revision"
    __table_args__ = (UniqueConstraint("note_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="note.id", ondelete="CASCADE")
    version: int
    title: str = Field(max_length=300)
    body: str
    visibility: str = Field(max_length=32)
    edited_at: datetime = Field(sa_type=UtcDateTime, description="when this version was replaced")
    editor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
