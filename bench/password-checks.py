#!/usr/bin/env python3
"""Other users' sign-in latency while one account hammers change-password (a measurement, never a
test: it asserts nothing).

    bench/password-checks.py [--bin target/release/intowork] [--budget 10] [--seconds 30]
                             [--hammers 4] [--hammer-rate 0] [--signins-per-second 8]

Starts the release server on a free port against a scratch SQLite file, behind one trusted proxy
hop so every request can carry its own client address. Two phases of `--seconds` each: bystanders
sign in (each request from its own address, paced, spread over 16 accounts so no budget of theirs
is ever spent), first alone, then while `--hammers` threads send wrong-password change-password
calls for one account (as fast as the server answers, or `--hammer-rate` a second). Prints p50/p95/p99 of the bystanders' sign-ins
in both phases and what the hammering account got. `--budget` is `AUTH_RATE_LIMIT_PER_MINUTE`:
10 is the default; 10000 (the largest allowed) in effect disables the account budget for a run (the "before" of the
comparison). Needs only the Python standard library.
"""

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "correct-horse-battery"
ACCOUNTS = 16


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, method, path, body=None, token=None, client_ip="192.0.2.1"):
        headers = {"Content-Type": "application/json", "X-Forwarded-For": client_ip}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = json.dumps(body) if body is not None else None
        started = time.perf_counter()
        self.conn.request(method, path, body=data, headers=headers)
        res = self.conn.getresponse()
        payload = res.read()
        elapsed = time.perf_counter() - started
        return res.status, (json.loads(payload) if payload else None), elapsed


class Addresses:
    """A fresh client address per request, so no per-address budget is ever shared."""

    def __init__(self, prefix):
        self.prefix, self.n, self.lock = prefix, 0, threading.Lock()

    def next(self):
        with self.lock:
            self.n += 1
            n = self.n
        return f"{self.prefix}.{(n >> 8) & 255}.{n & 255}"


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def bystanders(port, emails, seconds, rate, threads, addresses):
    latencies, statuses, lock = [], {}, threading.Lock()
    deadline = time.monotonic() + seconds
    interval = threads / rate

    def run(offset):
        client, i = Client(port), offset
        while time.monotonic() < deadline:
            tick = time.monotonic()
            email = emails[i % len(emails)]
            i += threads
            status, _, elapsed = client.call(
                "POST", "/api/auth/signin", {"email": email, "password": PASSWORD},
                client_ip=addresses.next())
            with lock:
                latencies.append(elapsed * 1000)
                statuses[status] = statuses.get(status, 0) + 1
            time.sleep(max(0.0, interval - (time.monotonic() - tick)))

    workers = [threading.Thread(target=run, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, statuses


def hammer(port, token, stop, counts, lock, interval):
    client = Client(port)
    while not stop.is_set():
        tick = time.monotonic()
        status, _, _ = client.call(
            "POST", "/api/auth/change-password",
            {"current_password": "not-the-password", "new_password": "whatever-else-42"},
            token=token, client_ip="203.0.113.9")
        with lock:
            counts[status] = counts.get(status, 0) + 1
        time.sleep(max(0.0, interval - (time.monotonic() - tick)))


def report(name, latencies, statuses):
    print(f"{name:<28} n={len(latencies):4d}  p50={percentile(latencies, 50):7.1f} ms  "
          f"p95={percentile(latencies, 95):7.1f} ms  p99={percentile(latencies, 99):7.1f} ms  "
          f"statuses={statuses}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/intowork")
    ap.add_argument("--budget", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--hammers", type=int, default=4)
    ap.add_argument("--signins-per-second", type=float, default=8)
    ap.add_argument("--hammer-rate", type=float, default=0,
                    help="change-password calls a second from all hammering threads (0: unpaced)")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="intowork-pwbench-")
    port = free_port()
    env = dict(os.environ,
               ENVIRONMENT="development", HOST="127.0.0.1", PORT=str(port), DATA_DIR=work,
               DATABASE_URL=f"sqlite://{work}/bench.db", NEXTAUTH_SECRET="b" * 40,
               LOG_LEVEL="warn", TRUSTED_PROXY_HOPS="1",
               AUTH_RATE_LIMIT_PER_MINUTE=str(args.budget))
    env.pop("REDIS_URL", None)
    server = subprocess.Popen([args.bin], env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if Client(port).call("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")

        setup, addresses = Client(port), Addresses("10.1")
        def signup(email):
            status, body, _ = setup.call("POST", "/api/auth/signup", {
                "email": email, "password": PASSWORD, "first_name": "B", "last_name": "B",
                "role": "candidate"}, client_ip=addresses.next())
            assert status == 201, (status, body)
            return body["access_token"]
        emails = [f"bystander{i}@bench.test" for i in range(ACCOUNTS)]
        for email in emails:
            signup(email)
        target = signup("hammered@bench.test")

        print(f"AUTH_RATE_LIMIT_PER_MINUTE={args.budget}, {args.seconds:.0f} s per phase, "
              f"{args.signins_per_second}/s bystander sign-ins, {args.hammers} hammering threads "
              f"({f'{args.hammer_rate:g}/s' if args.hammer_rate else 'unpaced'})")
        quiet = bystanders(port, emails, args.seconds, args.signins_per_second, 2,
                           Addresses("10.2"))
        report("sign-in, quiet", *quiet)

        stop, counts, lock = threading.Event(), {}, threading.Lock()
        hammers = [threading.Thread(target=hammer, args=(port, target, stop, counts, lock,
                                 args.hammers / args.hammer_rate if args.hammer_rate else 0.0))
                   for _ in range(args.hammers)]
        started = time.monotonic()
        for h in hammers:
            h.start()
        loaded = bystanders(port, emails, args.seconds, args.signins_per_second, 2,
                            Addresses("10.3"))
        stop.set()
        for h in hammers:
            h.join()
        took = time.monotonic() - started
        report("sign-in, one account hammers", *loaded)
        total = sum(counts.values())
        print(f"{'hammering account':<28} {total} change-password calls in {took:.1f} s: {counts}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
