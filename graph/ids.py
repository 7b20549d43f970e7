"""Node ids inside global ids: database integer keys."""

from __future__ import annotations

from collections.abc import Iterable

NO_ROW = -1
_MAX_KEY = 2**31 - 1


def int_ids(node_ids: Iterable[str]) -> list[int]:
    """Node ids as integer keys; anything but plain ASCII digits within range becomes `NO_ROW`."""
    out = []
    for node_id in node_ids:
        if node_id.isascii() and node_id.isdigit() and int(node_id) <= _MAX_KEY:
            out.append(int(node_id))
        else:
            out.append(NO_ROW)
    return out
