"""The per-operation context: settings, the database, today's date and the DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from db.visibility import Viewer
from graph.db import Db
from graph.loaders import Loaders
from graph.settings import Settings


@dataclass(kw_only=True)
class Context:
    """What every resolver may reach through `info.context`."""

    settings: Settings
    db: Db
    loaders: Loaders
    today: date
    viewer: Viewer = field(default_factory=Viewer.anonymous)
    request: Any = None
    response: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


def make_context(
    settings: Settings, engine: AsyncEngine, *, request: Any = None, response: Any = None
) -> Context:
    """A fresh context: a lazy connection and a new set of loaders for one operation."""
    db = Db(engine)
    return Context(
        settings=settings,
        db=db,
        loaders=Loaders(db),
        today=settings.today(),
        request=request,
        response=response,
    )
