"""The per-request set of DataLoaders.

Loaders are made on first use and keyed by name and arguments, so a nested connection asked for
with the same arguments under many parents is one batch, one statement.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy.engine import Row
from strawberry.dataloader import DataLoader

from graph.db import Db

K = TypeVar("K")
V = TypeVar("V")

BatchFn = Callable[..., Awaitable[Sequence[Any]]]


class Loaders:
    """DataLoaders for one request; never shared between requests (they cache)."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._loaders: dict[Hashable, DataLoader[Any, Any]] = {}

    def get(self, batch: BatchFn, *args: Hashable) -> DataLoader[Any, Any]:
        """The loader for `batch` with extra arguments `args`, made on first use."""
        key = (batch, *args)
        loader = self._loaders.get(key)
        if loader is None:
            db = self._db

            async def load(keys: Sequence[Any]) -> Sequence[Any]:
                return await batch(db, keys, *args)

            loader = DataLoader(load_fn=load)
            self._loaders[key] = loader
        return loader


def in_order(rows: Sequence[Row[Any]], ids: Sequence[Any], key: str = "id") -> list[Any]:
    """Rows matched to `ids` by column `key`, None where missing (a batch's answer)."""
    found = {row._mapping[key]: row for row in rows}
    return [found.get(i) for i in ids]


def grouped(rows: Sequence[Row[Any]], ids: Sequence[Any], key: str) -> list[list[Row[Any]]]:
    """Rows grouped by column `key`, one (possibly empty) list per id, in id order."""
    groups: dict[Any, list[Row[Any]]] = {}
    for row in rows:
        groups.setdefault(row._mapping[key], []).append(row)
    return [groups.get(i, []) for i in ids]
