"""Self-hosted GraphiQL: the asset installer (`python -m graph.ide install`) and page helpers.

Strawberry's GraphiQL page loads its scripts and styles from unpkg. Samvirke serves them itself
from `Settings.ide_dir` (mounted at `/_ide`), laid out as `<package>@<version>/<path>`. The list
of files, their versions and their SRI hashes are read from Strawberry's own template, so an
upgrade of Strawberry that changes them is noticed by `check` and fixed by `install`.
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from strawberry.http.ides import get_graphql_ide_html

from graph.settings import Settings

logger = logging.getLogger(__name__)

CDN_PREFIX = "https://unpkg.com/"
LOCAL_PREFIX = "/_ide/"
STAMP_NAME = ".installed"
INSTALL_HINT = "run `make ide` or `python -m graph.ide install`"

_ASSET_URL = re.compile(r"(?P<package>(?:@[^/@]+/)?[^/@]+)@(?P<version>[^/]+)/(?P<path>.+)")
_SRI_ALGORITHMS = {"sha256": 1, "sha384": 2, "sha512": 3}


class IdeAssetError(RuntimeError):
    """The GraphiQL assets cannot be installed or do not match the template's SRI hashes."""


@dataclass(frozen=True)
class Asset:
    """One file the GraphiQL template loads from the CDN."""

    package: str
    version: str
    path: str
    integrity: str

    @property
    def relative_path(self) -> str:
        """Where the file lives under the IDE directory, e.g. `react@18.2.0/umd/react.js`."""
        return f"{self.package}@{self.version}/{self.path}"

    @property
    def spec(self) -> str:
        """The npm package spec to fetch it from, e.g. `react@18.2.0`."""
        return f"{self.package}@{self.version}"

    def location(self, ide_dir: Path) -> Path:
        """The file's path under `ide_dir`."""
        return ide_dir.joinpath(*PurePosixPath(self.relative_path).parts)


class _AssetTagParser(HTMLParser):
    """Collects (url, integrity) of `<script src>` and `<link href>` tags."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        url = values.get("src") if tag == "script" else values.get("href")
        if tag in ("script", "link") and url:
            self.found.append((url, values.get("integrity") or ""))


def template_html() -> str:
    """Strawberry's GraphiQL page as installed, with the CDN URLs."""
    return get_graphql_ide_html("graphiql")


def parse_assets(html: str) -> list[Asset]:
    """The CDN assets `html` loads; each must carry an SRI `integrity` attribute."""
    parser = _AssetTagParser()
    parser.feed(html)
    parser.close()
    assets: list[Asset] = []
    for url, integrity in parser.found:
        if not url.startswith(CDN_PREFIX):
            continue
        match = _ASSET_URL.fullmatch(url.removeprefix(CDN_PREFIX))
        if match is None:
            raise IdeAssetError(f"cannot read package, version and path from {url}")
        if not integrity:
            raise IdeAssetError(f"{url} has no integrity attribute in the GraphiQL template")
        path = PurePosixPath(match["path"])
        if path.is_absolute() or ".." in path.parts:
            raise IdeAssetError(f"unsafe asset path in {url}")
        assets.append(Asset(match["package"], match["version"], str(path), integrity))
    if not assets:
        raise IdeAssetError("the GraphiQL template loads nothing from " + CDN_PREFIX)
    return assets


@functools.cache
def template_assets() -> tuple[Asset, ...]:
    """The assets of the installed Strawberry's GraphiQL template (read once per process)."""
    return tuple(parse_assets(template_html()))


def offline_html(html: str) -> str:
    """`html` with every CDN URL pointing at the local `/_ide/` mount instead."""
    return html.replace(CDN_PREFIX, LOCAL_PREFIX)


def integrity_matches(content: bytes, integrity: str) -> bool:
    """Whether `content` satisfies an SRI `integrity` value (the strongest algorithm listed)."""
    digests: dict[str, set[str]] = {}
    for token in integrity.split():
        algorithm, _, value = token.partition("-")
        if algorithm in _SRI_ALGORITHMS and value:
            digests.setdefault(algorithm, set()).add(value.split("?", 1)[0])
    if not digests:
        return False
    strongest = max(digests, key=_SRI_ALGORITHMS.__getitem__)
    actual = base64.b64encode(hashlib.new(strongest, content).digest()).decode("ascii")
    return actual in digests[strongest]


def missing_assets(ide_dir: Path, assets: Iterable[Asset] | None = None) -> list[Asset]:
    """The assets not present under `ide_dir` (a cheap check: existence only)."""
    wanted = template_assets() if assets is None else assets
    return [asset for asset in wanted if not asset.location(ide_dir).is_file()]


def invalid_assets(ide_dir: Path, assets: Iterable[Asset] | None = None) -> list[Asset]:
    """The assets missing under `ide_dir` or not matching their SRI hash."""
    wanted = template_assets() if assets is None else assets
    return [
        asset
        for asset in wanted
        if not (
            asset.location(ide_dir).is_file()
            and integrity_matches(asset.location(ide_dir).read_bytes(), asset.integrity)
        )
    ]


def _npm_pack(npm: str, specs: Sequence[str], workdir: Path) -> dict[str, Path]:
    """Download the tarballs of `specs` into `workdir`; map each spec to its tarball."""
    executable = shutil.which(npm)
    if executable is None:
        raise IdeAssetError(f"{npm!r} not found: install Node.js (npm) to fetch the assets")
    command = [executable, "pack", "--json", "--ignore-scripts", *specs]
    try:
        done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, check=True)
    except subprocess.CalledProcessError as exc:
        raise IdeAssetError(f"`npm pack` failed ({exc.returncode}):\n{exc.stderr}") from exc
    try:
        packed = json.loads(done.stdout)
        tarballs = {
            f"{item['name']}@{item['version']}": workdir / item["filename"] for item in packed
        }
    except (ValueError, KeyError, TypeError) as exc:
        raise IdeAssetError(f"unexpected `npm pack --json` output:\n{done.stdout}") from exc
    absent = [spec for spec in specs if spec not in tarballs or not tarballs[spec].is_file()]
    if absent:
        raise IdeAssetError(f"`npm pack` produced no tarball for {', '.join(absent)}")
    return tarballs


def _read_member(tarball: Path, path: str) -> bytes:
    """The bytes of `package/<path>` in an npm tarball."""
    with tarfile.open(tarball, "r:gz") as archive:
        try:
            member = archive.getmember(f"package/{path}")
        except KeyError as exc:
            raise IdeAssetError(f"{tarball.name} has no file {path}") from exc
        extracted = archive.extractfile(member) if member.isfile() else None
        if extracted is None:
            raise IdeAssetError(f"{path} in {tarball.name} is not a regular file")
        with extracted:
            return extracted.read()


def install(ide_dir: Path, *, npm: str = "npm", force: bool = False) -> list[Asset]:
    """Fetch the template's assets with `npm pack` into `ide_dir`; return those written.

    Idempotent: returns `[]` without running npm when every file is present and valid, unless
    `force`. Every file is checked against its SRI hash before it is written; a mismatch raises
    `IdeAssetError` and leaves the existing files alone. On success `ide_dir/.installed` lists
    each file with its npm origin and hash (the Makefile's stamp).
    """
    assets = template_assets()
    todo = assets if force else invalid_assets(ide_dir, assets)
    if not todo:
        _write_stamp(ide_dir, assets)
        return []
    specs = sorted({asset.spec for asset in todo})
    with tempfile.TemporaryDirectory(prefix="samvirke-ide-") as tmp:
        tarballs = _npm_pack(npm, specs, Path(tmp))
        contents = {asset: _read_member(tarballs[asset.spec], asset.path) for asset in todo}
    mismatched = [a for a, data in contents.items() if not integrity_matches(data, a.integrity)]
    if mismatched:
        names = ", ".join(asset.relative_path for asset in mismatched)
        raise IdeAssetError(f"SRI hash mismatch (npm tarball vs GraphiQL template): {names}")
    for asset, data in contents.items():
        target = asset.location(ide_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, target)
    _write_stamp(ide_dir, assets)
    return list(todo)


def _write_stamp(ide_dir: Path, assets: Iterable[Asset]) -> None:
    """Record what is installed in `ide_dir/.installed`: path, npm package and SRI hash."""
    lines = [f"{a.relative_path}\tnpm:{a.spec}\t{a.integrity}\n" for a in assets]
    (ide_dir / STAMP_NAME).write_text("".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: `install [--dir DIR] [--force]` or `check [--dir DIR]`."""
    parser = argparse.ArgumentParser(
        prog="python -m graph.ide", description="Install or check the self-hosted GraphiQL assets."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    install_cmd = commands.add_parser("install", help="fetch the assets with `npm pack`")
    install_cmd.add_argument("--force", action="store_true", help="fetch even if all are valid")
    check_cmd = commands.add_parser("check", help="exit 1 unless every asset is present and valid")
    for command in (install_cmd, check_cmd):
        command.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="target folder (default: SAMVIRKE_IDE_DIR or graph/static/ide)",
        )
    args = parser.parse_args(argv)
    ide_dir: Path = args.dir if args.dir is not None else Settings.from_env().ide_dir
    try:
        if args.command == "check":
            bad = invalid_assets(ide_dir)
            for asset in bad:
                print(f"missing or invalid: {asset.location(ide_dir)}", file=sys.stderr)
            print(f"{ide_dir}: {'not ready, ' + INSTALL_HINT if bad else 'all assets valid'}")
            return 1 if bad else 0
        written = install(ide_dir, force=args.force)
    except IdeAssetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if written:
        print(f"{ide_dir}: installed {len(written)} of {len(template_assets())} GraphiQL assets")
    else:
        print(f"{ide_dir}: all GraphiQL assets present and valid, nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
