#!/usr/bin/env python3
"""How long the PDF reports take to generate (a measurement, never a test: it asserts nothing).

    bench/reports.py [--bin target/release/intowork] [--db sqlite|postgres] [--runs 20]
                     [--jobs 50] [--candidates 10]

Starts the release server on a free port against a scratch database (a SQLite file, or a fresh
PostgreSQL database on 127.0.0.1:5432 dropped afterwards), then seeds through the public API one
employer with `--jobs` jobs and `--candidates` candidates who each apply to every job (defaults:
a candidate with 50 applications, an employer with 500), a third of them moved on (viewed,
shortlisted, interview, rejected, accepted) so the funnel has every stage. Then it downloads each
report `--runs` times, one request at a time, and prints the latency (p50, p95, max: server-side
generation plus one local round trip), the PDF's size and its page count. Needs only the Python
standard library (and `psql` for PostgreSQL).
"""

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

PASSWORD = "bench-password-1"
STATUSES = ["viewed", "shortlisted", "interview", "rejected", "accepted"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.port = port

    def call(self, method, path, body=None, token=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        conn.request(method, path, body=data, headers=headers)
        res = conn.getresponse()
        raw = res.read()
        conn.close()
        if res.getheader("Content-Type", "").startswith("application/json") and raw:
            return res.status, json.loads(raw)
        return res.status, raw

    def ok(self, method, path, body=None, token=None):
        status, out = self.call(method, path, body, token)
        if status not in (200, 201):
            sys.exit(f"{method} {path}: {status} {out!r}"[:500])
        return out


def signup(api, email, role, first="Élodie", last="N'Diaye"):
    body = {"email": email, "password": PASSWORD, "first_name": first, "last_name": last,
            "role": role}
    return api.ok("POST", "/api/auth/signup", body)["access_token"]


def seed(api, jobs, candidates):
    boss = signup(api, "rh@bench.test", "employer")
    company = api.ok("POST", "/api/companies", {"name": "Sénégal Numérique",
                                                  "industry": "Télécoms"}, boss)
    api.ok("PUT", "/api/employers/me", {"company_id": company["id"], "position": "DRH"}, boss)
    job_ids = []
    for i in range(jobs):
        job = api.ok("POST", "/api/jobs/create", {
            "title": f"Ingénieur·e réseau n°{i} — Dakar", "description": "Une belle mission.",
            "job_type": "full_time", "location_type": "hybrid", "location": "Dakar",
            "salary_min": 400000, "salary_max": 600000, "currency": "XOF"}, boss)
        job_ids.append(job["id"])
    tokens = []
    for c in range(candidates):
        token = signup(api, f"candidat{c}@bench.test", "candidate", last=f"N'Diaye {c}")
        api.ok("PUT", "/api/candidates/profile",
               {"title": "Développeuse « back-end »", "location": "Thiès"}, token)
        tokens.append(token)
        for n, job in enumerate(job_ids):
            app = api.ok("POST", "/api/applications/my/applications", {"job_id": job}, token)
            if (c + n) % 3 == 0:
                status = STATUSES[(c + n) // 3 % len(STATUSES)]
                api.ok("PUT", f"/api/applications/employer/applications/{app['id']}/status",
                       {"status": status}, boss)
    return boss, tokens[0]


def measure(api, path, token, runs):
    times, size, pages = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        status, pdf = api.call("GET", path, token=token)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200 or not pdf.startswith(b"%PDF-"):
            sys.exit(f"{path}: {status} {pdf[:200]!r}")
        size = len(pdf)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, times[-1], size, pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/intowork")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=50)
    ap.add_argument("--candidates", type=int, default=10)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="intowork-reports-bench-")
    pg_db = None
    if args.db == "sqlite":
        database_url = f"sqlite://{work}/bench.db"
    else:
        pg_db = f"bench_reports_{uuid.uuid4().hex[:8]}"
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                        f"CREATE DATABASE {pg_db}"], check=True)
        database_url = f"postgres://postgres@127.0.0.1:5432/{pg_db}"
    port = free_port()
    env = dict(os.environ, ENVIRONMENT="development", HOST="127.0.0.1", PORT=str(port),
               DATA_DIR=work, DATABASE_URL=database_url, NEXTAUTH_SECRET="b" * 40,
               LOG_LEVEL="warn", API_DOCS_ENABLED="false",
               AUTH_RATE_LIMIT_PER_MINUTE="10000", USER_ACTION_RATE_LIMIT_PER_MINUTE="10000",
               JOBS_PER_DAY="10000", JOBS_PER_DAY_PER_IP="10000")
    env.pop("REDIS_URL", None)
    server = subprocess.Popen([args.bin, "serve"], env=env, stdout=subprocess.DEVNULL)
    try:
        api = Client(port)
        for _ in range(200):
            try:
                if api.call("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")
        started = time.perf_counter()
        boss, candidate = seed(api, args.jobs, args.candidates)
        print(f"seeded {args.jobs} jobs, {args.jobs * args.candidates} applications in "
              f"{time.perf_counter() - started:.1f} s ({args.db})")
        print(f"{'report':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'bytes':>8} {'pages':>6}")
        for label, path, token in [
            (f"candidate ({args.jobs} applications)", "/api/reports/candidate/pdf", candidate),
            (f"employer ({args.jobs * args.candidates} applications)", "/api/reports/employer/pdf",
             boss),
        ]:
            p50, p95, worst, size, pages = measure(api, path, token, args.runs)
            print(f"{label:<34} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f} {size:>8} {pages:>6}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if pg_db:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                            f"DROP DATABASE IF EXISTS {pg_db}"], check=False)


if __name__ == "__main__":
    main()
