"""Fixtures for the HTTP tests: an in-process client and a real uvicorn server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph import ide
from graph.app import create_app
from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HTTP_DIR = Path(__file__).resolve().parent
SERVER_START_TIMEOUT = 30.0


def in_ci() -> bool:
    """Whether the tests run in CI (`CI` set to anything but empty, 0 or false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(condition: bool, reason: str) -> None:
    """Fail in CI, skip locally, when a prerequisite outside Python is missing."""
    if condition:
        return
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def anyio_backend() -> str:
    """The in-process tests run on asyncio, like uvicorn."""
    return "asyncio"


@pytest.fixture
def http_settings(tmp_path: Path) -> Settings:
    """Settings for one in-process app on a fresh SQLite file."""
    return Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'http.db'}")


@pytest.fixture
def installed_ide_dir(http_settings: Settings) -> Path:
    """The app's IDE folder, once its GraphiQL assets are known to be installed and valid."""
    bad = ide.invalid_assets(http_settings.ide_dir)
    require(
        not bad,
        f"{len(bad)} GraphiQL assets missing or invalid under {http_settings.ide_dir}: "
        + ide.INSTALL_HINT,
    )
    return http_settings.ide_dir


@pytest.fixture(scope="session")
def audit_command() -> list[str]:
    """`node tests/http/audit.mjs`, once node and the npm dependencies are there."""
    node = shutil.which("node")
    require(node is not None, "node not found on PATH: install Node.js 20+ to run the HTTP audit")
    assert node is not None
    require(
        (HTTP_DIR / "node_modules" / "graphql-http").is_dir(),
        "tests/http/node_modules missing: run `npm ci --prefix tests/http`",
    )
    return [node, str(HTTP_DIR / "audit.mjs")]


@pytest.fixture
async def http_client(http_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client talking to `create_app(http_settings)` in-process, lifespan running."""
    app = create_app(http_settings)
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://testserver"
        ) as http,
    ):
        yield http


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_healthy(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"uvicorn exited with {process.returncode}:\n{log.read_text(errors='replace')}"
            )
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(
        f"uvicorn not healthy after {SERVER_START_TIMEOUT}s:\n{log.read_text(errors='replace')}"
    )


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn process serving `app_from_env` on a free local port; yields its base URL."""
    workdir = tmp_path_factory.mktemp("live-server")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'audit.db'}"}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "graph.app:app_from_env",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    log = workdir / "uvicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(process, base_url, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
