"""GraphiQL served offline: the page names no external host and its assets are served locally."""

from __future__ import annotations

import logging
import re
import shutil
import stat
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph import ide
from graph.app import create_app
from graph.settings import Settings

HTML_ACCEPT = {"accept": "text/html"}
EXPECTED_ASSETS = {
    "react@18.2.0/umd/react.production.min.js",
    "react-dom@18.2.0/umd/react-dom.production.min.js",
    "js-cookie@3.0.5/dist/js.cookie.min.js",
    "graphiql@3.8.3/graphiql.min.css",
    "graphiql@3.8.3/graphiql.min.js",
    "@graphiql/plugin-explorer@1.0.2/dist/style.css",
    "@graphiql/plugin-explorer@1.0.2/dist/index.umd.js",
}


class _Attributes(HTMLParser):
    """Every attribute value and text run of the page, and the (url, integrity) of each link."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.texts.extend(values.values())
        for name in ("src", "href"):
            if name in values:
                self.links.append((values[name], values.get("integrity", "")))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def attributes(html: str) -> _Attributes:
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return parser


async def graphiql_page(http_client: httpx.AsyncClient) -> str:
    response = await http_client.get("/graphql", headers=HTML_ACCEPT)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_template_lists_the_seven_pinned_assets() -> None:
    assets = ide.template_assets()
    assert {asset.relative_path for asset in assets} == EXPECTED_ASSETS
    assert all(asset.integrity.startswith("sha384-") for asset in assets)


def test_integrity_matches_only_the_right_bytes() -> None:
    integrity = "sha384-WeF0h3dEjGnea4ANejO7+5/xtGPkQ1TDVTvNucZm+pASWjx5+QOXvfX2oT3oKGhP"
    assert ide.integrity_matches(b"hello", integrity)
    assert not ide.integrity_matches(b"hello!", integrity)
    assert not ide.integrity_matches(b"hello", "md5-XUFAKrxLKna5cZ2REBfFkg==")
    assert ide.integrity_matches(b"hello", f"sha256-bogus {integrity}")


@pytest.mark.anyio
async def test_page_names_no_external_host(http_client: httpx.AsyncClient) -> None:
    html = await graphiql_page(http_client)
    parsed = attributes(html)
    for url, _ in parsed.links:
        parts = urlsplit(url)
        assert parts.scheme in ("", "data"), url
        assert not parts.netloc, url
    for text in parsed.texts:
        if not text.startswith("data:"):
            assert not re.search(r"https?://", text, re.IGNORECASE), text[:200]
    local = {url.removeprefix(ide.LOCAL_PREFIX) for url, _ in parsed.links if url.startswith("/")}
    assert local == EXPECTED_ASSETS


@pytest.mark.anyio
async def test_every_asset_is_served_and_matches_its_integrity(
    http_client: httpx.AsyncClient, installed_ide_dir: Path
) -> None:
    html = await graphiql_page(http_client)
    links = [(url, sri) for url, sri in attributes(html).links if url.startswith(ide.LOCAL_PREFIX)]
    assert len(links) == len(EXPECTED_ASSETS)
    for url, integrity in links:
        response = await http_client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert ide.integrity_matches(response.content, integrity), url


@pytest.mark.anyio
async def test_page_renders_with_a_hint_when_assets_are_missing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'ide.db'}", ide_dir=tmp_path / "empty"
    )
    app = create_app(settings)
    caplog.set_level(logging.WARNING, logger="graph.view")
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://testserver"
        ) as http_client,
    ):
        pages = [await graphiql_page(http_client) for _ in range(3)]
    assert all("python -m graph.ide install" in page for page in pages)
    warnings = [
        r for r in caplog.records if r.name == "graph.view" and "GraphiQL" in r.getMessage()
    ]
    assert len(warnings) == 1
    assert "make ide" in warnings[0].getMessage()


def test_check_command_reports_missing_assets(tmp_path: Path) -> None:
    assert ide.main(["check", "--dir", str(tmp_path)]) == 1


def test_install_is_a_no_op_when_assets_are_valid(installed_ide_dir: Path) -> None:
    assert ide.install(installed_ide_dir, npm="no-such-npm-on-path") == []
    assert ide.main(["check", "--dir", str(installed_ide_dir)]) == 0


FAKE_NPM = """\
import json, os, sys, tarfile
from pathlib import Path

source = Path(os.environ["FAKE_NPM_SOURCE"])
specs = [arg for arg in sys.argv[2:] if not arg.startswith("-")]
packed = []
for spec in specs:
    name, _, version = spec.rpartition("@")
    filename = name.lstrip("@").replace("/", "-") + f"-{version}.tgz"
    with tarfile.open(filename, "w:gz") as archive:
        root = source / spec
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.add(path, arcname="package/" + path.relative_to(root).as_posix())
    packed.append({"name": name, "version": version, "filename": filename})
print(json.dumps(packed))
"""


@pytest.fixture
def fake_npm(tmp_path: Path, installed_ide_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `npm` that packs tarballs from a copy of the installed assets (no network)."""
    source = tmp_path / "registry"
    shutil.copytree(installed_ide_dir, source)
    script = tmp_path / "bin" / "npm"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\n{FAKE_NPM}")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("FAKE_NPM_SOURCE", str(source))
    return source


def test_install_extracts_and_verifies_every_file(tmp_path: Path, fake_npm: Path) -> None:
    target = tmp_path / "ide"
    npm = str(tmp_path / "bin" / "npm")
    written = ide.install(target, npm=npm)
    assert {asset.relative_path for asset in written} == EXPECTED_ASSETS
    assert ide.invalid_assets(target) == []
    assert ide.install(target, npm=npm) == []


def test_install_fails_loudly_on_a_hash_mismatch(tmp_path: Path, fake_npm: Path) -> None:
    tampered = fake_npm / "js-cookie@3.0.5" / "dist" / "js.cookie.min.js"
    tampered.write_bytes(tampered.read_bytes() + b"\n/* tampered */")
    target = tmp_path / "ide"
    with pytest.raises(ide.IdeAssetError, match=r"SRI hash mismatch.*js-cookie@3\.0\.5"):
        ide.install(target, npm=str(tmp_path / "bin" / "npm"))
    assert not target.exists()


def test_install_writes_the_makefile_stamp(tmp_path: Path, fake_npm: Path) -> None:
    target = tmp_path / "ide"
    ide.install(target, npm=str(tmp_path / "bin" / "npm"))
    stamp = (target / ide.STAMP_NAME).read_text(encoding="utf-8").splitlines()
    assert {line.split("\t")[0] for line in stamp} == EXPECTED_ASSETS
    assert "npm:graphiql@3.8.3" in {line.split("\t")[1] for line in stamp}
