#!/usr/bin/env python3
"""How much memory anonymous job-list requests can make the server keep (standard library only).
A measurement, not a test: it prints the server's RSS before and after each attack, and asserts
nothing. See docs/performance.md.

Usage: abuse-memory.py --bin target/release/intowork [--db sqlite|postgres] [--searches 4090]
       abuse-memory.py --url http://127.0.0.1:8000 --pid PID --database-url URL

With --bin it starts the release server on a free port against a scratch database (SQLite file,
or a fresh PostgreSQL database from BENCH_PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/
postgres) and stops it afterwards. RSS is VmRSS of /proc/<pid>/status.

1. Long texts: an employer sets a 1,000,000-character company description and creates 20 jobs
   whose description, requirements, responsibilities and benefits fill a 1 MiB body, then
   anonymous clients list them with 30 page sizes (`limit=21..50`) and 300 more pages and filter
   combinations. When the API refuses a text that long (length caps), the text is written with SQL
   instead: the caches must stay bounded whatever is stored.
2. Long searches: distinct 1,500-character `search` and `location` values made of U+FDFA, which
   grows 18 times under NFKD. Each answer's status is counted (with length caps they are 422).
"""
import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "abuse-password-1"
COMPANY_CHARS = 1_000_000
JOB_FIELD_CHARS = 240_000  # four of them: a job body just under the 1 MiB limit
LIGATURE = "\ufdfa"


def call(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            status, payload = res.status, res.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    try:
        return status, json.loads(payload) if payload else None
    except ValueError:
        return status, None


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def sql(database_url, statement, params):
    """Runs one UPDATE directly, for texts the API refuses."""
    if database_url.startswith("sqlite://"):
        con = sqlite3.connect(database_url[len("sqlite://"):])
        con.execute(statement, params)
        con.commit()
        con.close()
        return
    # psql variables keep the text out of the command line: it is read from stdin.
    script = statement
    for i, value in enumerate(params):
        script = script.replace("?", f":'v{i}'", 1)
    paths = write_temp(params)
    sets = "".join(f"\\set v{i} `cat {path}`\n" for i, path in enumerate(paths))
    try:
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", database_url],
                       input=(sets + script + ";\n").encode(), check=True)
    finally:
        for path in paths:
            os.unlink(path)


def write_temp(values):
    paths = []
    for v in values:
        fd, path = tempfile.mkstemp(prefix="abuse-")
        with os.fdopen(fd, "w") as f:
            f.write(str(v))
        paths.append(path)
    return paths


def employer(base, database_url):
    status, res = call(base, "POST", "/api/auth/signup", {
        "email": "abuser@abuse.test", "password": PASSWORD, "first_name": "A", "last_name": "B",
        "role": "employer"})
    assert status in (200, 201), (status, res)
    token = res["access_token"]
    status, company = call(base, "POST", "/api/companies", {"name": "Abuse Corp"}, token)
    assert status in (200, 201), (status, company)
    status, _ = call(base, "PUT", "/api/employers/me", {"company_id": company["id"]}, token)
    assert status == 200, status
    text = "c" * COMPANY_CHARS
    status, _ = call(base, "PUT", "/api/companies/my-company", {"description": text}, token)
    how = "API"
    if status != 200:
        sql(database_url, "UPDATE companies SET description = ? WHERE id = " + str(company["id"]), [text])
        how = f"SQL (API answered {status})"
    print(f"company description of {COMPANY_CHARS:,} characters set through {how}")
    return token


def long_jobs(base, token, database_url):
    fields = ("description", "requirements", "responsibilities", "benefits")
    via_sql = 0
    for i in range(20):
        body = {"title": f"Offre {i}", "job_type": "full_time", "location_type": "remote",
                "location": "Dakar", "currency": "XOF"}
        for f in fields:
            body[f] = chr(ord("a") + i % 26) * JOB_FIELD_CHARS
        status, job = call(base, "POST", "/api/jobs/create", body, token)
        if status not in (200, 201):
            small = dict(body, **{f: "court" for f in fields})
            status, job = call(base, "POST", "/api/jobs/create", small, token)
            assert status in (200, 201), (status, job)
            sets = ", ".join(f"{f} = ?" for f in fields)
            sql(database_url, f"UPDATE jobs SET {sets} WHERE id = {job['id']}", [body[f] for f in fields])
            via_sql += 1
    print(f"20 jobs with 4 x {JOB_FIELD_CHARS:,} characters ({via_sql} written with SQL)")


def pages():
    """30 page sizes, then 300 more distinct pages and filters."""
    yield from (f"/api/jobs?limit={n}" for n in range(21, 51))
    n = 0
    for limit in range(1, 51):
        for extra in ("", "&job_type=full_time", "&location_type=remote", "&salary_min=0",
                      "&location=dakar", "&search=offre"):
            if n == 300:
                return
            n += 1
            yield f"/api/jobs?limit={limit}{extra}"


def get(base, path):
    req = urllib.request.Request(base + path)
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            res.read()
            return res.status
    except urllib.error.HTTPError as e:
        e.read()
        return e.code
    except (urllib.error.URLError, ConnectionError) as e:
        return f"error {type(e).__name__}"


def run_all(base, paths, workers=8):
    with ThreadPoolExecutor(workers) as pool:
        return Counter(pool.map(lambda p: get(base, p), paths))


def searches(n):
    for i in range(n):
        # Distinct per request, and a substring of nothing: every answer is a fresh cache entry.
        tag = f"{i:05d}"
        text = LIGATURE * (1500 - len(tag)) + tag
        q = urllib.parse.urlencode({"search": text, "location": text[::-1]})
        yield f"/api/jobs?{q}"


def start(args):
    work = tempfile.mkdtemp(prefix="intowork-abuse.")
    os.makedirs(f"{work}/data")
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    dbname = None
    if args.db == "postgres":
        admin = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        dbname = f"intowork_abuse_{os.getpid()}"
        subprocess.run(["psql", "-q", admin, "-c", f"CREATE DATABASE {dbname}"], check=True)
        database_url = admin.rsplit("/", 1)[0] + "/" + dbname
    else:
        database_url = f"sqlite://{work}/data/intowork.db"
    env = {"PATH": os.environ["PATH"], "HOME": work, "ENVIRONMENT": "development",
           "HOST": "127.0.0.1", "PORT": str(port), "DATA_DIR": f"{work}/data",
           "DATABASE_URL": database_url, "NEXTAUTH_SECRET": os.urandom(32).hex(),
           "AUTH_RATE_LIMIT_PER_MINUTE": "10000", "USER_ACTION_RATE_LIMIT_PER_MINUTE": "10000",
           "LOG_LEVEL": "warn", "API_DOCS_ENABLED": "false"}
    log = open(f"{work}/server.log", "w")
    proc = subprocess.Popen([args.bin, "serve"], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if get(base, "/health") == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None:
            sys.exit(f"server exited; see {work}/server.log")
        time.sleep(0.5)
    return proc, base, database_url, dbname, work


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin")
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--url")
    p.add_argument("--pid", type=int)
    p.add_argument("--database-url")
    p.add_argument("--searches", type=int, default=4090)
    args = p.parse_args()
    proc = dbname = work = None
    if args.bin:
        proc, base, database_url, dbname, work = start(args)
        pid = proc.pid
        print(f"server {args.bin} ({args.db}) pid {pid}, files in {work}")
    elif args.url and args.pid and args.database_url:
        base, pid, database_url = args.url.rstrip("/"), args.pid, args.database_url
    else:
        p.error("give --bin, or --url, --pid and --database-url")
    try:
        time.sleep(1)
        start_rss = rss_mb(pid)
        print(f"RSS at start: {start_rss:.1f} MB")
        token = employer(base, database_url)
        long_jobs(base, token, database_url)
        time.sleep(1)
        before = rss_mb(pid)
        print(f"long texts: RSS before the lists {before:.1f} MB")
        statuses = run_all(base, list(pages()))
        after = rss_mb(pid)
        print(f"long texts: {sum(statuses.values())} list requests {dict(statuses)}; "
              f"RSS after {after:.1f} MB, grown {after - before:+.1f} MB")
        before = after
        statuses = run_all(base, searches(args.searches))
        after = rss_mb(pid)
        print(f"long searches: {args.searches} requests {dict(statuses)}; "
              f"RSS after {after:.1f} MB, grown {after - before:+.1f} MB")
        print(f"total: RSS {start_rss:.1f} MB at start, {after:.1f} MB at the end")
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
        if dbname:
            admin = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
            subprocess.run(["psql", "-q", admin, "-c", f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"],
                           check=False)
        if work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
