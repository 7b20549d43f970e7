"""Typed settings, read once from the environment and passed down explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/samvirke.db"
DEFAULT_IDE_DIR = Path(__file__).parent / "static" / "ide"


class SettingsError(ValueError):
    """A setting in the environment has a value that cannot be used."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything configurable about a running Samvirke."""

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    files_dir: Path = Path("var/files")
    ide_dir: Path = DEFAULT_IDE_DIR
    timezone: str = "Europe/Oslo"
    debug: bool = False
    max_page_size: int = 100
    default_page_size: int = 50
    max_body_bytes: int = 1_000_000
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)
    fixed_today: date | None = None
    session_idle_minutes: int = 30
    session_absolute_hours: int = 8
    token_max_days: int = 366
    login_failures_per_account: int = 10
    login_failures_per_client: int = 100
    login_window_minutes: int = 15
    password_hashing: str = "default"

    def today(self) -> date:
        """Today's date in the configured time zone (or the fixed date, if one is set)."""
        return self.fixed_today or datetime.now(self.tz).date()

    @property
    def tz(self) -> ZoneInfo:
        """The time zone in which "today" is reckoned."""
        return ZoneInfo(self.timezone)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read settings from `environ` (default: the process environment)."""
        env = os.environ if environ is None else environ
        try:
            port = int(env.get("PORT", "8000"))
        except ValueError as exc:
            raise SettingsError(f"PORT must be an integer, got {env['PORT']!r}") from exc
        fixed = env.get("SAMVIRKE_TODAY")
        try:
            fixed_today = date.fromisoformat(fixed) if fixed else None
        except ValueError as exc:
            raise SettingsError(f"SAMVIRKE_TODAY must be YYYY-MM-DD, got {fixed!r}") from exc
        origins = tuple(o.strip() for o in env.get("SAMVIRKE_ALLOWED_ORIGINS", "").split(",") if o)
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            host=env.get("HOST", "127.0.0.1"),
            port=port,
            files_dir=Path(env.get("SAMVIRKE_FILES_DIR", "var/files")),
            ide_dir=Path(env.get("SAMVIRKE_IDE_DIR", str(DEFAULT_IDE_DIR))),
            timezone=env.get("SAMVIRKE_TIMEZONE", "Europe/Oslo"),
            debug=env.get("SAMVIRKE_DEBUG", "").lower() in ("1", "true", "yes"),
            allowed_origins=origins,
            fixed_today=fixed_today,
            session_idle_minutes=_int(env, "SAMVIRKE_SESSION_IDLE_MINUTES", 30),
            session_absolute_hours=_int(env, "SAMVIRKE_SESSION_ABSOLUTE_HOURS", 8),
            password_hashing=env.get("SAMVIRKE_PASSWORD_HASHING", "default"),
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {value!r}") from exc
    if number <= 0:
        raise SettingsError(f"{name} must be positive, got {number}")
    return number
