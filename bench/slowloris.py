#!/usr/bin/env python3
"""Slow-client measurement of the IntoWork API (a measurement, never a timed test: it asserts nothing).

    bench/slowloris.py [--bin target/release/intowork] [--url http://127.0.0.1:PORT]
                       [--connections 5000] [--duration 45] [--interval 1.0]

Starts the release server on a free port against a SQLite file in a temporary directory (or uses
--url), then keeps --connections slow connections open from 127.0.0.2-127.0.0.254 (so the
per-address cap on requests in flight does not refuse them): half send their request head one
header line every --interval seconds and never finish it; half send a complete head of a JSON
`POST /api/auth/signin` declaring `Content-Length: 100000`, then one body byte every --interval
seconds. A closed connection is reopened, as an attacker would. Meanwhile `/health` is probed from
127.0.0.1 every 50 ms on a new connection. Prints the probe latencies, and how long the server took
to close each kind of slow connection against its deadline (head: 5 s from the connection; JSON
body: JSON_BODY_TIMEOUT_SECS, default 30 s, from the head). Standard library only.
"""

import argparse
import asyncio
import multiprocessing
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time

PROBE_EVERY = 0.05


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def source_address(i):
    return f"127.0.0.{2 + i % 253}"


class Stats:
    def __init__(self):
        self.open = 0
        self.max_open = 0
        self.closed = {"head": [], "body": []}
        self.got_408 = 0
        self.connect_errors = 0
        self.probes = []
        self.probe_failures = 0

    def opened(self):
        self.open += 1
        self.max_open = max(self.max_open, self.open)


async def wait_closed(reader, timeout):
    """True when the server closed the connection within `timeout` (EOF or reset)."""
    try:
        data = await asyncio.wait_for(reader.read(4096), timeout)
    except asyncio.TimeoutError:
        return False, b""
    except (ConnectionError, OSError):
        return True, b""
    if not data:
        return True, b""
    # An answer (the 408): the close follows.
    try:
        while await asyncio.wait_for(reader.read(4096), 5):
            pass
    except (asyncio.TimeoutError, ConnectionError, OSError):
        pass
    return True, data


async def slow_connection(i, kind, host, port, interval, stop_at, stats):
    local = (source_address(i), 0)
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection(host, port, local_addr=local)
        except OSError:
            stats.connect_errors += 1
            await asyncio.sleep(interval)
            continue
        stats.opened()
        started = time.monotonic()
        try:
            if kind == "head":
                writer.write(f"GET /health HTTP/1.1\r\nHost: {host}\r\n".encode())
                chunk = b"X-Slow: a\r\n"
            else:
                writer.write(
                    (
                        "POST /api/auth/signin HTTP/1.1\r\n"
                        f"Host: {host}\r\nContent-Type: application/json\r\n"
                        "Content-Length: 100000\r\n\r\n{"
                    ).encode()
                )
                chunk = b" "
            closed, said = False, b""
            while not closed and time.monotonic() < stop_at:
                try:
                    await writer.drain()
                except (ConnectionError, OSError):
                    closed = True
                    break
                closed, said = await wait_closed(reader, interval)
                if not closed:
                    writer.write(chunk)
            if closed:
                stats.closed[kind].append(time.monotonic() - started)
                if said.startswith(b"HTTP/1.1 408"):
                    stats.got_408 += 1
        finally:
            stats.open -= 1
            writer.close()


def probe(host, port, duration, results):
    """In its own process, with blocking sockets, so that the load of driving thousands of slow
    connections from this script's event loop does not show up as server latency."""
    request = f"GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    latencies, failures = [], 0
    stop_at = time.monotonic() + duration
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            with socket.create_connection((host, port), 5, ("127.0.0.1", 0)) as s:
                s.sendall(request)
                status = s.makefile("rb").readline()
            if status.startswith(b"HTTP/1.1 200"):
                latencies.append(time.monotonic() - started)
            else:
                failures += 1
        except OSError:
            failures += 1
        time.sleep(max(0.0, PROBE_EVERY - (time.monotonic() - started)))
    results.put((latencies, failures))


async def run(args, host, port):
    stats = Stats()
    stop_at = time.monotonic() + args.duration
    results = multiprocessing.Queue()
    prober = multiprocessing.Process(target=probe, args=(host, port, args.duration, results))
    prober.start()
    tasks = []
    for i in range(args.connections):
        kind = "head" if i % 2 == 0 else "body"
        tasks.append(
            asyncio.create_task(
                slow_connection(i, kind, host, port, args.interval, stop_at, stats)
            )
        )
        if i % 250 == 249:
            await asyncio.sleep(0.05)  # ramp up over about a second
    started = time.monotonic()
    while time.monotonic() < stop_at:
        await asyncio.sleep(5)
        print(
            f"  t={time.monotonic() - started:4.0f}s slow connections open={stats.open}",
            flush=True,
        )
    await asyncio.gather(*tasks, return_exceptions=True)
    stats.probes, stats.probe_failures = results.get()
    prober.join()
    return stats


def summary(stats, json_deadline):
    probes = sorted(stats.probes)
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    print(f"slow connections open at once (max): {stats.max_open}")
    print(f"connect errors: {stats.connect_errors}")
    if probes:
        p99 = probes[min(len(probes) - 1, int(len(probes) * 0.99))]
        print(
            f"/health probes: {len(probes)} ok, {stats.probe_failures} failed; "
            f"p50 {ms(statistics.median(probes))}, p99 {ms(p99)}, max {ms(probes[-1])}"
        )
    else:
        print(f"/health probes: none answered, {stats.probe_failures} failed")
    for kind, deadline in (("head", 5.0), ("body", float(json_deadline))):
        times = sorted(stats.closed[kind])
        if not times:
            print(f"{kind}: none closed")
            continue
        late = sum(1 for t in times if t > deadline + 1.5)
        print(
            f"slow {kind}s closed by the server: {len(times)}; after "
            f"min {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
            f"max {times[-1]:.2f} s (deadline {deadline:.0f} s); later than deadline + 1.5 s: {late}"
        )
    print(f"closes announced by a 408: {stats.got_408}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bin", default=os.path.join(root, "target/release/intowork"))
    parser.add_argument("--url", help="an already running server (skips starting one)")
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--duration", type=float, default=45.0)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--json-deadline", type=int, default=30)
    args = parser.parse_args()

    limit = raise_fd_limit()
    print(f"open-file limit of this script: {limit}")
    if limit < args.connections + 200:
        sys.exit(f"need an open-file limit above {args.connections + 200}")

    server = None
    with tempfile.TemporaryDirectory() as data:
        if args.url:
            host, port = args.url.removeprefix("http://").rsplit(":", 1)
            port = int(port)
        else:
            host, port = "127.0.0.1", free_port()
            env = dict(
                os.environ,
                HOST=host,
                PORT=str(port),
                DATA_DIR=data,
                LOG_LEVEL="warn,intowork_server=info",
                JSON_BODY_TIMEOUT_SECS=str(args.json_deadline),
            )
            env.pop("DATABASE_URL", None)
            log = open(os.path.join(data, "server.log"), "w")
            server = subprocess.Popen([args.bin, "serve"], env=env, stdout=log, stderr=log)
            for _ in range(100):
                try:
                    socket.create_connection((host, port), 0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
        try:
            stats = asyncio.run(run(args, host, port))
        finally:
            if server:
                server.terminate()
                server.wait()
                with open(os.path.join(data, "server.log")) as f:
                    lines = [l for l in f if "open-file limit" in l]
                print("server: " + (lines[0].strip() if lines else "no open-file limit line"))
    summary(stats, args.json_deadline)


if __name__ == "__main__":
    main()
