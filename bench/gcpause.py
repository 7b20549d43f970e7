"""How much of a scenario's latency tail is Python's cyclic garbage collector.

Runs one scenario in-process (the app over ASGI, no HTTP server) N times, records each
request's latency and each full (generation 2) collection's duration, first as the app starts
by default and then with the start-up objects frozen (`graph.app.freeze_long_lived_objects`,
what `samvirke serve` and `app_from_env` do). Each mode runs in its own process.

    .venv/bin/python -m bench.gcpause --url sqlite+aiosqlite:///bench/data/samvirke-n100000-s1.db
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import time
from typing import Any

import httpx
from asgi_lifespan import LifespanManager

from bench.scenarios import BY_NAME
from graph.app import create_app, freeze_long_lived_objects
from graph.settings import Settings


async def _measure(url: str, scenario: str, requests: int, freeze: bool) -> dict[str, Any]:
    app = create_app(Settings(database_url=url))
    body = BY_NAME[scenario].body()
    started: dict[int, float] = {}
    pauses: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            started[2] = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - started[2]) * 1000)

    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for _ in range(5):
                (await client.post("/graphql", json=body)).raise_for_status()
            if freeze:
                freeze_long_lived_objects()
            gc.callbacks.append(watch)
            times: list[float] = []
            for _ in range(requests):
                start = time.perf_counter()
                (await client.post("/graphql", json=body)).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            gc.callbacks.remove(watch)
    times.sort()
    return {
        "frozen": freeze,
        "requests": requests,
        "p50_ms": round(times[len(times) // 2], 1),
        "p95_ms": round(times[int(len(times) * 0.95)], 1),
        "max_ms": round(times[-1], 1),
        "full_collections": len(pauses),
        "median_collection_ms": round(statistics.median(pauses), 1) if pauses else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gcpause", description=__doc__)
    parser.add_argument("--url", required=True, help="a generated database (bench/generate.py)")
    parser.add_argument("--scenario", default="nested_page", choices=sorted(BY_NAME))
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--mode", choices=["default", "frozen"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode is not None:
        result = asyncio.run(
            _measure(args.url, args.scenario, args.requests, args.mode == "frozen")
        )
        print(json.dumps(result))
        return
    print("| start-up objects | p50 ms | p95 ms | max ms | full collections | median pause ms |")
    print("|---|---|---|---|---|---|")
    for mode in ("default", "frozen"):
        command = [sys.executable, "-m", "bench.gcpause", "--url", args.url]
        command += ["--scenario", args.scenario, "--requests", str(args.requests)]
        out = subprocess.run([*command, "--mode", mode], check=True, capture_output=True)
        r = json.loads(out.stdout.decode().strip().splitlines()[-1])
        print(
            f"| {mode} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | "
            f"{r['full_collections']} | {r['median_collection_ms']} |"
        )


if __name__ == "__main__":
    main()
