"""The GraphQL-over-HTTP audit (npm graphql-http 1.23.1) against a real uvicorn server."""

from __future__ import annotations

import re
import subprocess

import pytest

EXPECTED = {"ok": 61, "warn": 0, "notice": 0, "error": 0}
SUMMARY = re.compile(r"ok=(\d+) warn=(\d+) notice=(\d+) error=(\d+)")


@pytest.mark.http
def test_graphql_over_http_audit_passes_every_check(
    audit_command: list[str], live_server: str
) -> None:
    done = subprocess.run(
        [*audit_command, f"{live_server}/graphql"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = done.stdout + done.stderr
    summaries = [m for line in done.stdout.splitlines() if (m := SUMMARY.fullmatch(line.strip()))]
    assert summaries, f"no summary line from audit.mjs (exit {done.returncode}):\n{output}"
    counts = dict(zip(EXPECTED, map(int, summaries[-1].groups()), strict=True))
    assert counts == EXPECTED, f"audit result differs:\n{output}"
    assert done.returncode == 0, output
