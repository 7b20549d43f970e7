"""Run the benchmark: our GraphQL server against the raw-SQL floor, on SQLite and PostgreSQL.

    python -m bench.run --notes 10000 --notes 100000 [--duration 10] [--rounds 2] [--quick]

For each data size it generates (or reuses) a SQLite file under `bench/data/` and a PostgreSQL
database `samvirke_bench_<notes>`; counts the SQL statements per request in-process; starts our
server (uvicorn + uvloop + httptools) and the floor app (`bench.floor`) on free 127.0.0.1 ports;
checks that both answer each scenario with the same JSON; then measures with wrk (c=1 for
latency, c=8 for throughput), the two servers interleaved, and prints a Markdown table. The
numbers and the environment go to `bench/results/<timestamp>.json`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bench import floor
from bench.generate import Spec, generate
from bench.scenarios import SCENARIOS, Scenario
from db.engine import make_engine, statement_counter

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = BENCH / "data"
RESULTS = BENCH / "results"
LUA = BENCH / "wrk.lua"
DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
KINDS = ("sqlite", "postgresql")
WRK_HINT = "wrk is not installed: `apt-get install wrk` (Debian/Ubuntu) gives the numbers of record"
OURS_APP = "graph.app:app_from_env"
FLOOR_APP = "bench.floor:app_from_env"
TARGET_NESTED_P50_RATIO = 2.5
TARGET_MATRIX_P95_MS = 50.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- data --------------------------------------------------------------------------------------


def _sqlite_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def ensure_sqlite(spec: Spec, regenerate: bool) -> str:
    """The URL of a SQLite file holding `spec`'s data, generated unless already there."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"samvirke-n{spec.notes}-s{spec.seed}.db"
    marker = path.with_suffix(".json")
    url = f"sqlite+aiosqlite:///{path}"
    reusable = not regenerate and path.exists() and marker.exists()
    if reusable and json.loads(marker.read_text()).get("spec") == spec.marker():
        say(f"reusing {path.relative_to(ROOT)}")
        return url
    for file in [*_sqlite_files(path), marker]:
        file.unlink(missing_ok=True)
    say(f"generating {path.relative_to(ROOT)} ({spec.notes:,} notes)")
    report = asyncio.run(generate(url, spec, progress=_progress))
    marker.write_text(json.dumps(report.as_dict(), indent=2))
    return url


async def _admin(admin_url: str, sql: str) -> list[Any]:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            result = await conn.execute(text(sql))
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


def ensure_postgres(spec: Spec, admin_url: str, regenerate: bool) -> str:
    """The URL of a PostgreSQL database holding `spec`'s data (its comment names the spec)."""
    name = f"samvirke_bench_{spec.notes}" + ("" if spec.seed == 1 else f"_s{spec.seed}")
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    wanted = json.dumps(spec.marker(), sort_keys=True)
    found = asyncio.run(
        _admin(
            admin_url,
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            f"WHERE datname = '{name}'",
        )
    )
    if found and found[0][0] == wanted and not regenerate:
        say(f"reusing PostgreSQL database {name}")
        return url
    asyncio.run(_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_admin(admin_url, f'CREATE DATABASE "{name}"'))
    say(f"generating PostgreSQL database {name} ({spec.notes:,} notes)")
    asyncio.run(generate(url, spec, progress=_progress))
    comment = wanted.replace("'", "''")
    asyncio.run(_admin(admin_url, f"COMMENT ON DATABASE \"{name}\" IS '{comment}'"))
    return url


def _progress(step: str, count: int, seconds: float) -> None:
    say(f"  {step:<22} {count:>9,} rows  {seconds:6.2f} s")


# --- statement counts, in-process ----------------------------------------------------------------


async def _statement_counts(url: str, scenarios: Sequence[Scenario]) -> dict[str, Any]:
    """Per scenario: statements per request for our server and the floor, and our SQL times."""
    from graph.context import make_context
    from graph.schema import schema
    from graph.settings import Settings

    settings = Settings(database_url=url)
    engine = make_engine(url)
    timings: list[tuple[float, str]] = []

    def before(conn: Any, _cursor: Any, _statement: str, *_args: Any) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        elapsed = (time.perf_counter() - conn.info.pop("bench_t0")) * 1000
        timings.append((round(elapsed, 2), " ".join(statement.split())[:100]))

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    event.listen(engine.sync_engine, "after_cursor_execute", after)
    out: dict[str, Any] = {}
    try:
        for scenario in scenarios:
            counts: dict[str, int] = {}
            for attempt in range(2):  # the second, warm run is the one recorded
                timings.clear()
                box = [0]
                token = statement_counter.set(box)
                try:
                    result = await schema.execute(
                        scenario.document,
                        variable_values=scenario.variables,
                        context_value=make_context(settings, engine),
                    )
                finally:
                    statement_counter.reset(token)
                if result.errors:
                    raise RuntimeError(f"{scenario.name}: {result.errors}")
                counts["ours"] = box[0]
                if attempt == 1:
                    sql = list(timings)
            box = [0]
            token = statement_counter.set(box)
            try:
                await floor.run_scenario(engine, scenario.name, scenario.variables)
            finally:
                statement_counter.reset(token)
            counts["floor"] = box[0]
            out[scenario.name] = {**counts, "sql_ms": sql}
    finally:
        await engine.dispose()
    return out


# --- servers -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A uvicorn process on 127.0.0.1 serving `app`."""

    name: str
    app: str
    url: str
    env: dict[str, str]
    pin: list[str] = field(default_factory=list)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    def start(self, logs: Path) -> None:
        self.port = free_port()
        self.log = logs / f"{self.name}.log"
        command = [
            *self.pin,
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            self.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-access-log",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--log-level",
            "warning",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log.read_text()[-2000:]}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(self.base + "/healthz", timeout=2) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not become ready in 30 s")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def endpoint(self, scenario: Scenario) -> str:
        return self.base + self.url.format(scenario=scenario.name)

    def rss_mb(self) -> float | None:
        if self.process is None:
            return None
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        return round(int(found.group(1)) / 1024, 1) if found else None

    def log_tail(self, size: int = 2000) -> str:
        """The end of the server's output (for a failed request)."""
        try:
            return self.log.read_text(errors="replace")[-size:] if self.log else ""
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def post(url: str, body: bytes) -> Any:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return orjson.loads(response.read())


def post_retrying(url: str, body: bytes, attempts: int = 3) -> Any:
    """`post`, tried again after a second on a failure (a busy shared database server)."""
    for attempt in range(attempts):
        try:
            return post(url, body)
        except OSError:
            if attempt == attempts - 1:
                raise
            time.sleep(1)
    raise AssertionError("unreachable")


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path or '/'}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key}: missing on one side"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], f"{path}/{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}/{i}")
    return f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}"


# --- load generation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadResult:
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    non2xx: int
    errors: int


def wrk_version() -> str | None:
    if shutil.which("wrk") is None:
        return None
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10, check=False)
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].split(" Copyright")[0] if first else "wrk (unknown version)"


def run_wrk(
    url: str, body_file: Path, connections: int, seconds: float, pin: list[str]
) -> LoadResult:
    command = [
        *pin,
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
        "--",
        str(body_file),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    found = re.search(r"RESULT (.*)", done.stdout)
    if not found:
        raise RuntimeError(f"wrk failed: {done.stdout[-500:]} {done.stderr[-500:]}")
    values = dict(item.split("=") for item in found.group(1).split())
    return LoadResult(
        requests=int(values["requests"]),
        rps=float(values["rps"]),
        p50_ms=float(values["p50_ms"]),
        p95_ms=float(values["p95_ms"]),
        p99_ms=float(values["p99_ms"]),
        non2xx=int(values["non2xx"]),
        errors=int(values["errors"]),
    )


async def _httpx_load(url: str, body: bytes, connections: int, seconds: float) -> LoadResult:
    import httpx

    latencies: list[float] = []
    failures = [0, 0]  # non-2xx, transport errors
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    headers = {"Content-Type": "application/json"}
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    response = await client.post(url, content=body, headers=headers)
                    await response.aread()
                except httpx.HTTPError:
                    failures[1] += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code >= 300:
                    failures[0] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [float("nan")]

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 3)

    return LoadResult(
        requests=len(latencies),
        rps=round(len(latencies) / elapsed, 2),
        p50_ms=pct(50),
        p95_ms=pct(95),
        p99_ms=pct(99),
        non2xx=failures[0],
        errors=failures[1],
    )


class Load:
    """wrk when installed, else a small closed-loop asyncio + httpx client (clearly labelled)."""

    def __init__(self, pin: list[str]) -> None:
        self.wrk = wrk_version()
        self.pin = pin
        self.tool = self.wrk or "httpx closed-loop fallback (NOT wrk; numbers not comparable)"
        if self.wrk is None:
            say(WRK_HINT + "; falling back to the asyncio + httpx load generator")

    def __call__(self, url: str, body_file: Path, connections: int, seconds: float) -> LoadResult:
        if self.wrk is not None:
            return run_wrk(url, body_file, connections, seconds, self.pin)
        return asyncio.run(_httpx_load(url, body_file.read_bytes(), connections, seconds))


# --- the run -------------------------------------------------------------------------------------


def _median(results: Sequence[LoadResult], attribute: str) -> float:
    return round(float(statistics.median(getattr(r, attribute) for r in results)), 3)


def _summary(results: Sequence[LoadResult]) -> dict[str, Any]:
    return {
        "rps": _median(results, "rps"),
        "p50_ms": _median(results, "p50_ms"),
        "p95_ms": _median(results, "p95_ms"),
        "p99_ms": _median(results, "p99_ms"),
        "requests": sum(r.requests for r in results),
        "non2xx": sum(r.non2xx for r in results),
        "errors": sum(r.errors for r in results),
        "rounds": [r.__dict__ for r in results],
    }


def measure_database(
    kind: str,
    url: str,
    scenarios: Sequence[Scenario],
    load: Load,
    options: argparse.Namespace,
    logs: Path,
) -> dict[str, Any]:
    """Statement counts, correctness checks and load numbers for one database."""
    block: dict[str, Any] = {"kind": kind, "waited_for_load_s": wait_for_quiet(options)}
    block["load_before"] = os.getloadavg()
    say(f"[{kind}] statement counts (in-process)")
    block["statements"] = asyncio.run(_statement_counts(url, scenarios))
    pin_server = ["taskset", "-c", "0"] if options.pin else []
    env = {"DATABASE_URL": url}
    ours = Server("ours", options.ours_app, "/graphql", env, pin_server)
    low = Server("floor", options.floor_app, "/floor/{scenario}", env, pin_server)
    servers = [ours, low]
    results: dict[str, Any] = {}
    try:
        for server in servers:
            server.start(logs)
        for scenario in scenarios:
            body = orjson.dumps(scenario.body())
            body_file = logs / f"{scenario.name}.json"
            body_file.write_bytes(body)
            try:
                mine = post_retrying(ours.endpoint(scenario), body)
                theirs = post_retrying(low.endpoint(scenario), body)
            except OSError as exc:  # HTTPError and URLError included
                results[scenario.name] = {
                    "equal": False,
                    "difference": f"request failed: {exc}",
                    "logs": {s.name: s.log_tail() for s in servers},
                }
                say(f"[{kind}] {scenario.name}: request failed ({exc}); not timed")
                continue
            entry: dict[str, Any] = {"equal": mine == theirs, "bytes": len(orjson.dumps(mine))}
            if "errors" in mine:
                entry["equal"] = False
                entry["difference"] = f"our server returned errors: {mine['errors']}"
            elif mine != theirs:
                entry["difference"] = _first_difference(mine, theirs)
            results[scenario.name] = entry
            if not entry["equal"]:
                say(f"[{kind}] {scenario.name}: JSON differs ({entry['difference']}); not timed")
                continue
            say(f"[{kind}] {scenario.name}: JSON equal ({entry['bytes']:,} bytes); measuring")
            runs: dict[str, dict[int, list[LoadResult]]] = {
                s.name: {1: [], options.connections: []} for s in servers
            }
            for round_ in range(options.rounds):
                for server in servers:  # interleaved: A, B, A, B
                    url_ = server.endpoint(scenario)
                    if round_ == 0 and options.warmup > 0:
                        load(url_, body_file, 1, options.warmup)
                    for connections in (1, options.connections):
                        outcome = load(url_, body_file, connections, options.duration)
                        runs[server.name][connections].append(outcome)
                        say(
                            f"    {server.name:<5} c={connections} round {round_ + 1}: "
                            f"{outcome.rps:8.1f} req/s  p50 {outcome.p50_ms:8.2f} ms  "
                            f"p95 {outcome.p95_ms:8.2f} ms"
                        )
            for name, by_c in runs.items():
                entry[name] = {f"c{c}": _summary(r) for c, r in by_c.items()}
        block["rss_mb"] = {s.name: s.rss_mb() for s in servers}
    finally:
        for server in servers:
            server.stop()
    block["scenarios"] = results
    block["load_after"] = os.getloadavg()
    return block


def wait_for_quiet(options: argparse.Namespace) -> float:
    """Wait (at most `--wait-load` seconds) for the 1-minute load to drop below `--max-load`."""
    started = time.monotonic()
    if os.getloadavg()[0] <= options.max_load or options.wait_load <= 0:
        return 0.0
    say(f"waiting up to {options.wait_load:.0f} s for the 1-minute load to drop below {options.max_load}")  # fmt: skip
    while time.monotonic() - started < options.wait_load:
        if os.getloadavg()[0] <= options.max_load:
            break
        time.sleep(5)
    return round(time.monotonic() - started, 1)


def environment(admin_url: str, load: Load) -> dict[str, Any]:
    packages = {}
    for name in (
        "strawberry-graphql",
        "graphql-core",
        "starlette",
        "uvicorn",
        "uvloop",
        "httptools",
        "SQLAlchemy",
        "asyncpg",
        "aiosqlite",
        "orjson",
    ):
        with contextlib.suppress(metadata.PackageNotFoundError):
            packages[name] = metadata.version(name)
    try:
        pg = asyncio.run(_admin(admin_url, "SHOW server_version"))[0][0]
    except Exception as exc:  # reported, not fatal: SQLite can still run
        pg = f"unavailable ({type(exc).__name__})"
    cpu = ""
    with contextlib.suppress(OSError):
        found = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1) if found else ""
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "loadavg": os.getloadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg,
        "load_tool": load.tool,
        "packages": packages,
    }


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _noisy(report: dict[str, Any]) -> list[str]:
    out = []
    for size in report["sizes"]:
        for block in size["databases"]:
            worst = max(block["load_before"][0], block["load_after"][0])
            if worst > report["options"]["max_load"]:
                out.append(
                    f"{size['notes']:,} notes, {block['kind']}: 1-minute load reached {worst:.1f}"
                    " (other processes, or the c=8 runs themselves): treat absolute numbers as noisy"
                )
    return out


def markdown(report: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    env = report["environment"]
    lines = [
        f"### Samvirke benchmark, {env['when']}",
        "",
        f"{env['nproc']} CPUs ({env['cpu']}), load {', '.join(f'{x:.2f}' for x in env['loadavg'])};"
        f" Python {env['python']}, SQLite {env['sqlite']}, PostgreSQL {env['postgresql']};"
        f" load tool: {env['load_tool']}; {report['options']['duration']} s per cell,"
        f" {report['options']['rounds']} round(s), median of rounds.",
        "",
        "| notes | db | scenario | stmts | ours c=1 req/s | ours p50 ms | ours p95 ms "
        "| floor c=1 req/s | floor p50 ms | floor p95 ms | p50 ours/floor | req/s ours/floor "
        f"| ours c={report['options']['connections']} req/s "
        f"| floor c={report['options']['connections']} req/s | c={report['options']['connections']} ours/floor |",
        "|" + "---|" * 15,
    ]
    c = f"c{report['options']['connections']}"
    for size in report["sizes"]:
        for block in size["databases"]:
            for name, entry in block["scenarios"].items():
                stmts = block["statements"][name]
                stmt = f"{stmts['ours']}/{stmts['floor']}"
                if not entry["equal"] or "ours" not in entry:
                    lines.append(
                        f"| {size['notes']:,} | {block['kind']} | {name} | {stmt} | "
                        f"JSON differs: {entry.get('difference', '?')} |" + " |" * 10
                    )
                    continue
                o1, f1 = entry["ours"]["c1"], entry["floor"]["c1"]
                oc, fc = entry["ours"][c], entry["floor"][c]
                lines.append(
                    f"| {size['notes']:,} | {block['kind']} | {name} | {stmt} "
                    f"| {o1['rps']:.1f} | {_ms(o1['p50_ms'])} | {_ms(o1['p95_ms'])} "
                    f"| {f1['rps']:.1f} | {_ms(f1['p50_ms'])} | {_ms(f1['p95_ms'])} "
                    f"| {o1['p50_ms'] / f1['p50_ms']:.2f}× | {o1['rps'] / f1['rps']:.2f} "
                    f"| {oc['rps']:.1f} | {fc['rps']:.1f} | {oc['rps'] / fc['rps']:.2f} |"
                )
    lines += [
        "",
        "`stmts` = SQL statements per request, our server / floor (in-process count).",
        "",
    ]
    noisy = _noisy(report)
    if noisy:
        lines += ["**Load**", "", *(f"- {line}" for line in noisy), ""]
    lines += ["**Targets**", ""]
    for verdict in report["targets"]:
        lines.append(f"- {verdict}")
    if not report["targets"]:
        lines.append("- none judged: the targets concern `theme_matrix` and `nested_page`")
    return "\n".join(lines)


def targets(report: dict[str, Any]) -> list[str]:
    """The issue's targets, judged on this run."""
    out: list[str] = []
    for size in report["sizes"]:
        for block in size["databases"]:
            nested = block["scenarios"].get("nested_page", {})
            if "ours" in nested:
                ratio = nested["ours"]["c1"]["p50_ms"] / nested["floor"]["c1"]["p50_ms"]
                ok = ratio <= TARGET_NESTED_P50_RATIO
                out.append(
                    f"nested page p50 ≤ {TARGET_NESTED_P50_RATIO}× floor, {size['notes']:,} notes,"
                    f" {block['kind']}: {ratio:.2f}× → {'MET' if ok else 'MISSED'}"
                )
            matrix = block["scenarios"].get("theme_matrix", {})
            if size["notes"] >= 100_000 and "ours" in matrix:
                p95 = matrix["ours"]["c1"]["p95_ms"]
                ok = p95 <= TARGET_MATRIX_P95_MS
                out.append(
                    f"themeMatrix (a year) p95 ≤ {TARGET_MATRIX_P95_MS:.0f} ms at"
                    f" {size['notes']:,} notes, {block['kind']}: {p95:.1f} ms →"
                    f" {'MET' if ok else 'MISSED'}"
                )
    if not any(size["notes"] >= 100_000 for size in report["sizes"]):
        out.append("themeMatrix target needs a 100,000-note run (`--notes 100000`)")
    return out


def _save(report: dict[str, Any], out: Path, current: dict[str, Any]) -> None:
    """Write what has been measured so far (a later failure loses nothing)."""
    partial = {**report, "sizes": [*report["sizes"], current], "complete": False}
    out.write_bytes(orjson.dumps(partial, option=orjson.OPT_INDENT_2))


@contextlib.contextmanager
def _temporary_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="samvirke-bench-") as folder:
        yield Path(folder)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--notes", type=int, action="append", help="data size (repeatable; default 10000)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measured cell")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per server and scenario")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (median reported)")  # fmt: skip
    parser.add_argument("--connections", type=int, default=8, help="connections for the throughput cell")  # fmt: skip
    parser.add_argument("--db", choices=KINDS, action="append", help="database kind (repeatable; default both)")  # fmt: skip
    parser.add_argument("--scenario", choices=[s.name for s in SCENARIOS], action="append", help="only these scenarios")  # fmt: skip
    parser.add_argument("--pg-url", default=os.environ.get("SAMVIRKE_BENCH_POSTGRES_URL", DEFAULT_PG), help="PostgreSQL server to create the bench databases on")  # fmt: skip
    parser.add_argument("--regenerate", action="store_true", help="rebuild the data even if cached")  # fmt: skip
    parser.add_argument("--pin", action="store_true", help="servers on CPU 0, wrk on CPU 1 (taskset)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="3 s cells, 1 s warm-up, 1 round")
    parser.add_argument("--max-load", type=float, default=2.0, help="1-minute load to wait for before each database")  # fmt: skip
    parser.add_argument("--wait-load", type=float, default=120.0, help="longest wait for that load, in seconds (0: never wait)")  # fmt: skip
    parser.add_argument("--ours-app", default=OURS_APP, help="uvicorn factory of our server (to compare a prototype)")  # fmt: skip
    parser.add_argument("--floor-app", default=FLOOR_APP, help="uvicorn factory of the floor app")  # fmt: skip
    options = parser.parse_args(argv)
    if options.quick:
        options.duration, options.warmup, options.rounds = 3.0, 1.0, 1
    sizes = options.notes or [10_000]
    kinds = options.db or list(KINDS)
    if "postgresql" in kinds and options.db is None:
        try:
            asyncio.run(asyncio.wait_for(_admin(options.pg_url, "SELECT 1"), timeout=5))
        except Exception as exc:  # no server: run SQLite alone, and say so
            say(f"PostgreSQL at {options.pg_url} unreachable ({type(exc).__name__}); SQLite only")
            kinds = ["sqlite"]
    scenarios = [s for s in SCENARIOS if not options.scenario or s.name in options.scenario]
    pin_client = ["taskset", "-c", "1"] if options.pin and (os.cpu_count() or 1) > 1 else []
    if options.pin and not pin_client:
        options.pin = False
    load = Load(pin_client)
    report: dict[str, Any] = {
        "environment": environment(options.pg_url, load),
        "options": {
            "notes": sizes,
            "seed": options.seed,
            "duration": options.duration,
            "warmup": options.warmup,
            "rounds": options.rounds,
            "connections": options.connections,
            "pin": options.pin,
            "databases": kinds,
            "max_load": options.max_load,
            "ours_app": options.ours_app,
            "floor_app": options.floor_app,
        },
        "sizes": [],
    }
    started = time.perf_counter()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    with _temporary_folder() as logs:
        for notes in sizes:
            spec = Spec(notes=notes, seed=options.seed)
            size: dict[str, Any] = {"notes": notes, "databases": []}
            for kind in kinds:
                url = (
                    ensure_sqlite(spec, options.regenerate)
                    if kind == "sqlite"
                    else ensure_postgres(spec, options.pg_url, options.regenerate)
                )
                size["databases"].append(
                    measure_database(kind, url, scenarios, load, options, logs)
                )
                _save(report, out, size)
            report["sizes"].append(size)
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["targets"] = targets(report)
    out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    print(markdown(report))
    print(f"\nStatement counts and per-statement SQL times: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
