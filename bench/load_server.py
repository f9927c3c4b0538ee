"""A bounded load test of ``newslint serve``, on loopback only.

Starts the server on a free 127.0.0.1 port (or uses ``--url``, which must be
a loopback address), sends a fixed number of ``POST /v1/check`` requests with
the seed article from a fixed number of concurrent keep-alive clients, prints
p50/p90/p99 latency, requests per second and errors, stops the server and
exits.  It never runs longer than ``--max-seconds``.

    .venv/bin/python bench/load_server.py                     # 5,000 requests, 50 clients
    .venv/bin/python bench/load_server.py --requests 500 --concurrency 10 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "kabul-police-attacks.txt"
FALLBACK = """Storm closes coastal road

The council said the road would reopen on Friday, a spokesman for the county council said.

Advertisement

Crews were clearing fallen trees on Tuesday.
"""
REQUEST_TIMEOUT = 30.0
# loopback traffic never goes through a proxy from the environment
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    sent: int = 0


def loopback_only(host: str) -> None:
    sys.path.insert(0, str(ROOT))
    from checker.server.settings import is_loopback

    if not is_loopback(host):
        raise SystemExit(f"load_server: refusing to send load to {host}: only loopback addresses are allowed")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, headers: dict[str, str], limit: float, server: subprocess.Popen[bytes] | None) -> None:
    deadline = time.monotonic() + limit
    while True:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"load_server: the server exited with code {server.returncode}")
        try:
            request = urllib.request.Request(f"{base}/healthz", headers=headers)
            with DIRECT.open(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("load_server: the server did not become healthy")
        time.sleep(0.1)


def build_request(host: str, port: int, body: bytes, token: str | None) -> bytes:
    head = [
        "POST /v1/check HTTP/1.1",
        f"Host: {host}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        "Connection: keep-alive",
    ]
    if token:
        head.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return status, await reader.readexactly(length)


async def client(host: str, port: int, payload: bytes, remaining: list[int], tally: Tally, stop_at: float) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while remaining[0] > 0 and time.monotonic() < stop_at:
            remaining[0] -= 1
            tally.sent += 1
            started = time.perf_counter()
            try:
                writer.write(payload)
                await writer.drain()
                status, body = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
            except (OSError, ConnectionError, asyncio.IncompleteReadError, TimeoutError, ValueError) as err:
                tally.errors += 1
                tally.statuses[type(err).__name__] += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            tally.latencies.append(time.perf_counter() - started)
            tally.statuses[str(status)] += 1
            if status != 200 or not json.loads(body).get("files"):
                tally.errors += 1
    finally:
        writer.close()


async def run_load(host: str, port: int, payload: bytes, requests: int, concurrency: int, limit: float) -> Tally:
    tally = Tally()
    remaining = [requests]
    stop_at = time.monotonic() + limit
    await asyncio.gather(*(client(host, port, payload, remaining, tally, stop_at) for _ in range(concurrency)))
    return tally


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (when this script starts it)")
    parser.add_argument("--max-concurrency", type=int, default=4, help="server checks at once per worker")
    parser.add_argument("--file", type=Path, default=SEED if SEED.exists() else None, help="the article to send")
    parser.add_argument("--url", help="a running server on loopback, e.g. http://127.0.0.1:8000")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1 or args.requests > 1_000_000:
        parser.error("--requests must be 1..1,000,000 and --concurrency at least 1")

    text = args.file.read_text(encoding="utf-8") if args.file else FALLBACK
    token = os.environ.get("NEWSLINT_TOKEN")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    server = None
    log = None
    if args.url:
        parts = urlsplit(args.url)
        host, port = parts.hostname or "", parts.port or 80
        loopback_only(host)
    else:
        host, port = "127.0.0.1", free_port()
        command = [sys.executable, "-m", "checker", "serve", "--host", host, "--port", str(port), "--no-config"]
        command += ["--workers", str(args.workers), "--max-concurrency", str(args.max_concurrency)]
        command += ["--max-queue", str(max(256, args.concurrency * 2))]
        # the server's log goes to a file: a pipe nobody reads would fill and stall it
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
        server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log)
    base = f"http://{host}:{port}"
    try:
        wait_healthy(base, headers, 60, server)
        payload = build_request(host, port, json.dumps({"text": text}).encode(), token)
        asyncio.run(run_load(host, port, payload, min(20, args.requests), min(4, args.concurrency), 60))  # warm-up
        started = time.perf_counter()
        tally = asyncio.run(run_load(host, port, payload, args.requests, args.concurrency, args.max_seconds))
        elapsed = time.perf_counter() - started
    except BaseException:
        if log is not None:
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-4000:])
        raise
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        if log is not None:
            log.close()

    lat = sorted(tally.latencies)
    figures = {
        "requests": tally.sent,
        "concurrency": args.concurrency,
        "server_workers": args.workers if server is not None else None,
        "article_bytes": len(text.encode("utf-8")),
        "errors": tally.errors,
        "statuses": dict(tally.statuses),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(tally.sent / elapsed, 1) if elapsed else None,
        "latency_ms": {
            "p50": round(1000 * percentile(lat, 50), 1),
            "p90": round(1000 * percentile(lat, 90), 1),
            "p99": round(1000 * percentile(lat, 99), 1),
            "max": round(1000 * lat[-1], 1) if lat else None,
            "mean": round(1000 * statistics.fmean(lat), 1) if lat else None,
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        ms = figures["latency_ms"]
        size = figures["article_bytes"]
        print(f"{figures['requests']} requests, {args.concurrency} concurrent clients, {size} byte article")
        print(f"  errors        {figures['errors']}  (statuses: {figures['statuses']})")
        print(f"  throughput    {figures['requests_per_second']} requests/s over {figures['seconds']} s")
        print(f"  latency (ms)  p50 {ms['p50']}  p90 {ms['p90']}  p99 {ms['p99']}  max {ms['max']}")  # type: ignore[index]
    return 1 if tally.errors or tally.sent < args.requests else 0


if __name__ == "__main__":
    raise SystemExit(main())
