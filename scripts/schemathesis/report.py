"""The closing note of scripts/schemathesis/run: counts per database and per operation.

Reads <work>/<database>.json (written by hooks.py), .seconds and .rc (written by the run script),
prints a Markdown note (optionally also to --output) and exits 1 when a bound is broken: any 5xx,
any response a check rejects, Schemathesis itself failing, fewer than --min-requests requests on a
database, or an operation that never got a response other than 401/429.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SCHEMA_CHECK = "response_schema_conformance"


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def load(work: Path, name: str) -> dict:
    path = work / f"{name}.json"
    if path.exists():
        stats = json.loads(path.read_text(encoding="utf-8"))
    else:  # Schemathesis stopped before the hooks could write anything (its output says why)
        stats = {"responses": {}, "violations": {}, "reauth": {}, "throwaway_users": 0, "missing": True}
    stats["seconds"] = int((work / f"{name}.seconds").read_text().strip())
    stats["rc"] = int((work / f"{name}.rc").read_text().strip())
    return stats


def summarise(stats: dict) -> dict:
    every = list(stats["responses"].values()) + list(stats.get("probes", {}).values())
    total = sum(sum(codes.values()) for codes in every)
    probes = sum(sum(codes.values()) for codes in stats.get("probes", {}).values())
    server_errors = sum(n for codes in every for code, n in codes.items() if int(code) >= 500)
    by_check: dict[str, int] = {}
    for checks in stats["violations"].values():
        for check, n in checks.items():
            by_check[check] = by_check.get(check, 0) + n
    return {"total": total, "probes": probes, "server_errors": server_errors, "by_check": by_check}


def per_operation(stats: dict) -> dict[str, tuple[int, int, int]]:
    rows = {}
    for label, codes in stats["responses"].items():
        n = sum(codes.values())
        past_auth = sum(v for code, v in codes.items() if code not in ("401", "429"))
        success = sum(v for code, v in codes.items() if 200 <= int(code) < 300)
        rows[label] = (n, past_auth, success)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--min-requests", type=int, default=5000)
    parser.add_argument("--command", default="scripts/schemathesis/run")
    parser.add_argument("--output", default="")
    parser.add_argument("databases", nargs="+")
    args = parser.parse_args()

    runs = {name: load(args.work, name) for name in args.databases}
    problems: list[str] = []
    lines = [
        "## Schemathesis run",
        "",
        f"Command: `{args.command}` (Schemathesis 4.32.5; checks `not_a_server_error`, "
        "`response_schema_conformance`, `status_code_conformance`, `content_type_conformance`, "
        "`response_headers_conformance`, each counted on every response).",
        "",
        "| database | requests | of which method probes | 5xx | schema violations | other check failures "
        "| not 401/429 | 2xx | re-auth sign-ins | throwaway users | time | Schemathesis exit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, stats in runs.items():
        s = summarise(stats)
        rows = per_operation(stats).values()
        own = sum(r[0] for r in rows)
        past_auth = sum(r[1] for r in rows)
        success = sum(r[2] for r in rows)
        schema = s["by_check"].get(SCHEMA_CHECK, 0)
        others = sum(n for check, n in s["by_check"].items() if check != SCHEMA_CHECK)
        other_text = ", ".join(f"{check} {n}" for check, n in sorted(s["by_check"].items())
                               if check != SCHEMA_CHECK) or "0"
        reauth = sum(stats["reauth"].values())
        lines.append(
            f"| {name} | {s['total']} | {s['probes']} | {s['server_errors']} | {schema} | {other_text} "
            f"| {pct(past_auth, own)} | {pct(success, own)} | {reauth} "
            f"| {stats['throwaway_users']} | {stats['seconds']} s | {stats['rc']} |"
        )
        if stats.get("missing"):
            problems.append(f"{name}: no counts were written (the hooks or Schemathesis failed to start)")
        if s["server_errors"]:
            problems.append(f"{name}: {s['server_errors']} responses with a 5xx status")
        if schema or others:
            problems.append(f"{name}: {schema + others} responses failed a check")
        if stats["rc"] != 0:
            problems.append(f"{name}: Schemathesis exited with {stats['rc']} (its output above says why)")
        if s["total"] < args.min_requests:
            problems.append(f"{name}: {s['total']} requests, fewer than {args.min_requests}")
        if reauth == 0:
            problems.append(f"{name}: no re-authentication happened (each role starts with a revoked token)")
        for label, (n, passed, _) in per_operation(stats).items():
            if passed == 0:
                problems.append(f"{name}: {label} got only 401/429 answers ({n} requests)")
        for example in stats.get("examples", [])[:5]:
            problems.append(f"{name}: {example['operation']} ({example['status']}) failed "
                            f"{example['check']}: {example['error'].splitlines()[0] if example['error'] else ''}")

    labels = sorted({label for stats in runs.values() for label in stats["responses"]},
                    key=lambda label: (label.split(" ", 1)[1], label))
    lines += ["", "Per operation: requests, share of responses other than 401/429, share of 2xx (the method "
              "probes, the same path with another method answered 405, are in the totals above only).", ""]
    head = "| operation |" + "".join(f" {name} requests | not 401/429 | 2xx |" for name in runs)
    lines += [head, "|---|" + "---|---|---|" * len(runs)]
    tables = {name: per_operation(stats) for name, stats in runs.items()}
    for label in labels:
        cells = []
        for name in runs:
            n, passed, success = tables[name].get(label, (0, 0, 0))
            cells.append(f" {n} | {pct(passed, n)} | {pct(success, n)} |")
        lines.append(f"| `{label}` |" + "".join(cells))
    lines.append("")
    lines.append("Result: " + ("FAILED" if problems else "passed: zero 5xx and zero check failures"))
    lines += [f"- {p}" for p in problems]

    note = "\n".join(lines) + "\n"
    print(note)
    if args.output:
        Path(args.output).write_text(note, encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
