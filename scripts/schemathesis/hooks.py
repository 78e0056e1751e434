"""Schemathesis hooks of scripts/schemathesis/run (issue 9): who sends each request, and the counts.

Loaded by `st run` through SCHEMATHESIS_HOOKS. Reads from the environment:
  IW_BASE_URL                        the server under test (http://127.0.0.1:PORT)
  IW_ADMIN_EMAIL, IW_ADMIN_PASSWORD  the administrator `intowork create-admin` made
  IW_STATS                           where the counts go (JSON, read by report.py)
  IW_SEED                            seed of the choices made here (roles, id substitutions)
  IW_DEBUG                           when set, keeps a few request/response samples per status

* Roles. At load time it signs up a candidate (profile items, a CV, an application) and an
  employer (a company, jobs), signs the admin in, and records the ids they own. One auth provider
  gives every operation the token of the role it is for (admin routes: the admin; candidate
  routes: the candidate; employer routes and notification ids: the employer; routes open to any
  signed-in user: one of the three, chosen per test case; public routes: none).
* Re-authentication. Tokens come from signing in. Each role starts with a token that was revoked
  (by a password change) before the run, so its first request gets a 401 and Schemathesis'
  reactive re-authentication (`retry_on=[401]`) signs in again and replays the request; any later
  401 is handled the same way. `reauth` in the stats counts these sign-ins.
* Throwaway users. Operations that revoke tokens or delete accounts never touch the three main
  accounts: change-password, change-email and delete-account run as a fresh user per test case
  (company creation as a fresh employer); admin delete and activate/deactivate target a fresh
  user instead of a main account's id, and for half of the other ids. Deleting a seeded item
  (profile item, CV, job, application, notification) deletes a fresh one instead, and half of the
  other deletions do too, so the success paths run and the seeds stay for the other operations.
* Meaningful requests. Half of the generated integer ids of path parameters are replaced by ids
  that exist and belong to the caller; half of the sign-ins, of the throwaway users' password
  checks, of the sign-up addresses and of the signed-CV-link requests use real values, so the run
  gets past 401, 404 and "already registered" to the 2xx paths.
* Counts. `after_call` counts each response per operation and status (apart: the coverage
  phase's requests with another method on the operation's path, answered 405); the check
  `iw_count_violations` runs Schemathesis' own `not_a_server_error`, `response_schema_conformance`,
  `status_code_conformance`, `content_type_conformance` and `response_headers_conformance` on
  every response and counts the failures (Schemathesis reports each distinct failure once; these
  counts are per response). It never fails by itself: the same checks given to `--checks` do.
"""

from __future__ import annotations

import ast
import atexit
import itertools
import json
import os
import random
import threading
import urllib.parse
import zlib
from collections import defaultdict

import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi import checks as openapi_checks
from schemathesis.checks import not_a_server_error

# CPython 3.11's AST construction is not thread-safe (python/cpython#106905: a spurious
# "SystemError: AST constructor recursion depth mismatch"), and Hypothesis parses the source of
# its lambdas from both worker threads: one parse at a time.
_AST_LOCK = threading.Lock()
_ast_parse = ast.parse


def _serialized_parse(*args, **kwargs):
    with _AST_LOCK:
        return _ast_parse(*args, **kwargs)


ast.parse = _serialized_parse

BASE = os.environ["IW_BASE_URL"].rstrip("/")
STATS_PATH = os.environ["IW_STATS"]
RNG = random.Random(int(os.environ.get("IW_SEED", "0")))
RNG_LOCK = threading.Lock()
PASSWORD = "Schemathesis-run-1"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TIMEOUT = 30


# The CV part is declared `application/pdf` (its `encoding`): generate PDFs, not random bytes.
schemathesis.openapi.media_type("application/pdf", st.binary(max_size=2048).map(lambda tail: PDF + tail))


def chance(p: float = 0.5) -> bool:
    with RNG_LOCK:
        return RNG.random() < p


def pick(options):
    with RNG_LOCK:
        return RNG.choice(options)


# --- the server, used directly ---------------------------------------------------------------------


def call(method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
    headers = kwargs.pop("headers", {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, BASE + path, headers=headers, timeout=TIMEOUT, **kwargs)


def ok(response: requests.Response, what: str) -> dict:
    if response.status_code >= 300:
        raise RuntimeError(f"setup: {what} answered {response.status_code}: {response.text[:300]}")
    return response.json() if response.content else {}


_emails = itertools.count(1)
_signups = itertools.count(1)  # next() is the number of sign-ups so far, this one included


def fresh_email(prefix: str) -> str:
    return f"{prefix}-{os.getpid()}-{next(_emails)}@schemathesis.example.com"


def signup(role: str, password: str = PASSWORD) -> dict:
    body = {"email": fresh_email(role), "password": password, "first_name": "Fuzz",
            "last_name": role.title(), "role": role}
    data = ok(call("POST", "/api/auth/signup", json=body), f"sign-up of a {role}")
    next(_signups)
    return {"email": body["email"], "password": password, "token": data["access_token"],
            "id": data["user"]["id"], "role": role}


def signin(email: str, password: str) -> str:
    data = ok(call("POST", "/api/auth/signin", json={"email": email, "password": password}), "sign-in")
    return data["access_token"]


def revoked_token(user: dict) -> str:
    """Signs in, then changes the password: the returned token is revoked (re-auth is exercised)."""
    old = signin(user["email"], user["password"])
    new_password = user["password"] + "-2"
    ok(call("POST", "/api/auth/change-password", old,
            json={"current_password": user["password"], "new_password": new_password}), "change-password")
    user["password"] = new_password
    return old


def new_job(token: str) -> int:
    body = {"title": "Schemathesis job", "description": "A job for the fuzzing run",
            "location": "Paris", "location_type": "remote", "job_type": "full_time",
            "salary_min": 40000, "salary_max": 50000, "currency": "EUR"}
    return ok(call("POST", "/api/jobs/create", token, json=body), "job creation")["id"]


def new_cv(token: str) -> int:
    files = {"cv": ("cv.pdf", PDF, "application/pdf")}
    data = ok(call("POST", "/api/candidates/cv", token, files=files), "CV upload")
    return data["cv_id"]


def new_item(kind: str, token: str) -> int:
    bodies = {
        "experiences": {"title": "Dev", "company": "Acme", "start_date": "2023-01"},
        "education": {"degree": "MSc", "school": "School", "start_date": "2020-09"},
        "skills": {"name": "Rust", "level": 4, "category": "technical"},
    }
    return ok(call("POST", f"/api/candidates/profile/{kind}", token, json=bodies[kind]), kind)["id"]


def new_application() -> int:
    job = new_job(USERS["employer"]["token"])
    body = {"job_id": job, "cover_letter": "Bonjour"}
    return ok(call("POST", "/api/applications/my/applications", USERS["candidate"]["token"], json=body),
              "application")["id"]


def new_company() -> int:
    """A company of a new employer, for the admin's removal."""
    employer = signup("employer")
    body = {"name": f"Throwaway {next(_emails)}", "industry": "Software", "city": "Paris"}
    return ok(call("POST", "/api/companies", employer["token"], json=body), "company")["id"]


def new_notification() -> int:
    """An application notifies the employer; returns that notification's id."""
    new_application()
    data = ok(call("GET", "/api/notifications", USERS["employer"]["token"], params={"limit": 1}),
              "notifications")
    return data["notifications"][0]["id"]


# --- the accounts and what they own ----------------------------------------------------------------

USERS: dict[str, dict] = {}
STALE: dict[str, str] = {}
IDS: dict[str, list[int]] = {}
SIGNED: dict[str, object] = {}


def find_list(page: dict) -> list:
    return next(value for value in page.values() if isinstance(value, list))


def setup() -> None:
    candidate = signup("candidate")
    employer = signup("employer")
    admin = {"email": os.environ["IW_ADMIN_EMAIL"], "password": os.environ["IW_ADMIN_PASSWORD"],
             "role": "admin"}
    admin["token"] = signin(admin["email"], admin["password"])
    admin["id"] = ok(call("GET", "/api/auth/me", admin["token"]), "admin me")["id"]
    USERS.update(candidate=candidate, employer=employer, admin=admin)

    company = ok(call("POST", "/api/companies", employer["token"],
                      json={"name": "Schemathesis SA", "industry": "Software", "city": "Paris"}), "company")
    jobs = [new_job(employer["token"]) for _ in range(2)]
    cvs = [new_cv(candidate["token"])]
    ok(call("PUT", "/api/candidates/profile", candidate["token"],
            json={"title": "Developer", "summary": "Fuzzed", "location": "Lyon"}), "profile")
    items = {kind: [new_item(kind, candidate["token"])] for kind in ("experiences", "education", "skills")}
    application = ok(call("POST", "/api/applications/my/applications", candidate["token"],
                          json={"job_id": jobs[0], "cover_letter": "Bonjour"}), "application")
    profile = ok(call("GET", "/api/candidates/profile", candidate["token"]), "profile")
    notifications = ok(call("GET", "/api/notifications", employer["token"]), "notifications")
    # The employer's view of an application carries a signed link to the CV (15 minutes).
    received = ok(call("GET", "/api/applications/employer/applications", employer["token"]), "applications")
    link = next(item["cv_url"] for item in find_list(received) if item.get("cv_url"))
    parsed = urllib.parse.urlparse(link)
    query = urllib.parse.parse_qs(parsed.query)
    SIGNED.update(cv_id=int(parsed.path.rstrip("/").rsplit("/", 1)[1]),
                  expires=int(query["expires"][0]), signature=query["signature"][0])
    IDS.update(
        job_id=jobs,
        cv_id=cvs,
        experience_id=items["experiences"],
        education_id=items["education"],
        skill_id=items["skills"],
        application_id=[application["id"]],
        candidate_id=[profile["id"]],
        notification_id=[n["id"] for n in notifications.get("notifications", [])],
        user_id=[candidate["id"], employer["id"], admin["id"]],
        company_id=[company["id"]],
    )
    # Every role starts with a revoked token: the first request of each proves re-authentication.
    for role, user in USERS.items():
        STALE[role] = revoked_token(user)
        user["token"] = signin(user["email"], user["password"])


setup()
PROTECTED_USER_IDS = {user["id"] for user in USERS.values()}
# The seeded employer's company: removing it would leave every later job creation a 404.
PROTECTED_COMPANY_IDS = set(IDS["company_id"])

# --- who sends what --------------------------------------------------------------------------------

ADMIN_PREFIXES = ("/api/admin", "/api/users")
CANDIDATE_PREFIXES = ("/api/candidates/profile", "/api/candidates/cv", "/api/applications/my")
EMPLOYER_PREFIXES = ("/api/companies", "/api/employers", "/api/applications/employer",
                     "/api/jobs/create", "/api/jobs/my-jobs")
# Operations that revoke the caller's tokens or delete the caller's account.
THROWAWAY = {("POST", "/api/auth/change-password"), ("POST", "/api/auth/change-email"),
             ("DELETE", "/api/auth/delete-account")}
# One company per employer: creating one needs an employer without one.
FRESH_EMPLOYER = {("POST", "/api/companies"), ("POST", "/api/companies/")}
ANY_USER = ("candidate", "employer", "admin")


def case_digest(case) -> int:
    """Stable for one test case (its generated parts), so the role chosen for it never changes."""
    parts = (case.operation.label, repr(case.path_parameters), repr(case.query), repr(case.body))
    return zlib.crc32(repr(parts).encode("utf-8", "backslashreplace"))


_throwaway_keys = itertools.count()


def role_for(case) -> str:
    method, path = case.operation.method.upper(), case.operation.path
    if (method, path) in THROWAWAY:
        return f"throwaway-{next(_throwaway_keys)}"
    if (method, path) in FRESH_EMPLOYER:
        return f"throwaway-employer-{next(_throwaway_keys)}"
    if path.startswith(ADMIN_PREFIXES):
        return "admin"
    if path.startswith(CANDIDATE_PREFIXES):
        return "candidate"
    if path.startswith(EMPLOYER_PREFIXES) or (path == "/api/jobs/{job_id}" and method in ("PUT", "DELETE")):
        return "employer"
    if path.startswith("/api/notifications/{"):
        return "employer"  # the one who receives notifications (of applications)
    return ANY_USER[case_digest(case) % len(ANY_USER)]


THROWAWAY_USERS: dict[str, dict] = {}  # token -> the throwaway user it belongs to
STATS_LOCK = threading.Lock()
SIGNINS: dict[str, int] = defaultdict(int)  # re-authentications per role


@schemathesis.auth(refresh_interval=3600, cache_by_key=lambda case, ctx: role_for(case), retry_on=[401])
class RoleAuth:
    """A token for the role of each operation (see the module's docstring)."""

    def get(self, case, ctx):
        key = role_for(case)
        if key.startswith("throwaway-"):
            fresh_employer = key.startswith("throwaway-employer-")
            user = signup("employer" if fresh_employer else pick(("candidate", "employer")))
            THROWAWAY_USERS[user["token"]] = user
            return user["token"]
        user = USERS[key]
        stale = STALE.pop(key, None)
        if stale is not None:
            return stale
        with STATS_LOCK:
            SIGNINS[key] += 1
        user["token"] = signin(user["email"], user["password"])
        return user["token"]

    def set(self, case, data, ctx):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


# --- id substitutions and right credentials, just before each request -------------------------------

FRESH = {  # path parameter -> creates one the caller owns, for deletions
    "cv_id": lambda: new_cv(USERS["candidate"]["token"]),
    "experience_id": lambda: new_item("experiences", USERS["candidate"]["token"]),
    "education_id": lambda: new_item("education", USERS["candidate"]["token"]),
    "skill_id": lambda: new_item("skills", USERS["candidate"]["token"]),
    "job_id": lambda: new_job(USERS["employer"]["token"]),
    "application_id": new_application,
    "notification_id": new_notification,
    "user_id": lambda: signup(pick(("candidate", "employer")))["id"],
    "company_id": new_company,
}
ADMIN_TARGETS = {("DELETE", "/api/admin/users/{user_id}"), ("PUT", "/api/admin/users/{user_id}/activate")}


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@schemathesis.hook
def before_call(context, case, kwargs):
    method, path = case.operation.method.upper(), case.operation.path
    params = case.path_parameters or {}
    for name, value in list(params.items()):
        if not is_int(value):
            continue
        if (method, path) in ADMIN_TARGETS:
            # Never a main account; otherwise a fresh throwaway half of the time.
            if value in PROTECTED_USER_IDS or chance():
                params[name] = FRESH["user_id"]()
        elif (method, path) == ("DELETE", "/api/admin/companies/{company_id}"):
            # Never the seeded employer's company; otherwise a fresh one half of the time.
            if value in PROTECTED_COMPANY_IDS or chance():
                params[name] = FRESH["company_id"]()
        elif method == "DELETE" and name in FRESH:
            # The seeded items stay for the other operations; half the deletions hit a fresh one.
            if value in IDS.get(name, ()) or chance():
                params[name] = FRESH[name]()
        elif name == "notification_id" and chance():
            params[name] = FRESH[name]()  # seeded ones get deleted or read by the other tests
        elif IDS.get(name) and chance():
            params[name] = pick(IDS[name])
    if path == "/api/files/cvs/{cv_id}" and is_int(params.get("cv_id")) and chance():
        params["cv_id"] = SIGNED["cv_id"]
        case.query = case.query or {}
        case.query.update(expires=SIGNED["expires"], signature=SIGNED["signature"])
    body = case.body
    if not isinstance(body, dict):
        return
    if (method, path) == ("POST", "/api/auth/signin") and chance():
        if isinstance(body.get("email"), str) and isinstance(body.get("password"), str):
            user = USERS[pick(ANY_USER)]
            body["email"], body["password"] = user["email"], user["password"]
    elif (method, path) == ("POST", "/api/auth/signup") and isinstance(body.get("email"), str) and chance():
        body["email"] = fresh_email("signup")  # Hypothesis repeats its simplest address
    elif (method, path) in THROWAWAY and chance():
        token = (case.headers or {}).get("Authorization", "").removeprefix("Bearer ")
        user = THROWAWAY_USERS.get(token)
        for key in ("current_password", "password"):
            if user and isinstance(body.get(key), str):
                body[key] = user["password"]
    elif (method, path) == ("POST", "/api/applications/my/applications") and chance():
        if is_int(body.get("job_id")):
            body["job_id"] = new_job(USERS["employer"]["token"])


# --- counts ----------------------------------------------------------------------------------------

RESPONSES: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
PROBES: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
VIOLATIONS: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
EXAMPLES: list[dict] = []
CHECKED: dict[str, int] = defaultdict(int)
PHASES: dict[str, int] = defaultdict(int)
BY_PHASE: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # for diagnosis
SAMPLES: dict[str, list[str]] = defaultdict(list)  # with IW_DEBUG


@schemathesis.hook
def after_call(context, case, response):
    with STATS_LOCK:
        if os.environ.get("IW_DEBUG"):
            key = f"{case.operation.label} {response.status_code}"
            if len(SAMPLES[key]) < 6:
                auth = response.request.headers.get("Authorization", "")[-12:]
                SAMPLES[key].append(f"{case.query!r:.100} {case.body!r:.200} [{auth}] -> {response.text[:200]}")
        # The coverage phase also sends the operation's path with other methods (expecting 405):
        # counted apart, so that the shares per operation describe the operation itself.
        own = response.request.method.upper() == case.operation.method.upper()
        (RESPONSES if own else PROBES)[case.operation.label][response.status_code] += 1
        phase = case.meta.phase.name.value if case.meta is not None else "other"
        PHASES[phase] += 1
        BY_PHASE[f"{case.operation.label} {phase} {response.request.method}"][response.status_code] += 1


COUNTED_CHECKS = {
    "not_a_server_error": not_a_server_error,
    "response_schema_conformance": openapi_checks.response_schema_conformance,
    "status_code_conformance": openapi_checks.status_code_conformance,
    "content_type_conformance": openapi_checks.content_type_conformance,
    "response_headers_conformance": openapi_checks.response_headers_conformance,
}


@schemathesis.check
def iw_count_violations(ctx, response, case):
    """Counts, per response, what the listed checks would report; never fails by itself."""
    with STATS_LOCK:
        CHECKED[case.operation.label] += 1
    for name, check in COUNTED_CHECKS.items():
        try:
            check(ctx, response, case)
        except Exception as error:  # noqa: BLE001 - a failed check, counted
            with STATS_LOCK:
                VIOLATIONS[case.operation.label][name] += 1
                if len(EXAMPLES) < 20:
                    EXAMPLES.append({"operation": case.operation.label, "check": name,
                                     "status": response.status_code, "error": str(error)[:500]})
    return None


@atexit.register
def write_stats() -> None:
    with STATS_LOCK:
        stats = {
            "responses": {label: {str(k): v for k, v in codes.items()} for label, codes in RESPONSES.items()},
            "probes": {label: {str(k): v for k, v in codes.items()} for label, codes in PROBES.items()},
            "violations": {label: dict(v) for label, v in VIOLATIONS.items()},
            "examples": EXAMPLES,
            "checked": dict(CHECKED),
            "phases": dict(PHASES),
            "by_phase": {k: dict(v) for k, v in BY_PHASE.items()},
            "reauth": dict(SIGNINS),
            # Every sign-up but the candidate's and the employer's of the setup.
            "throwaway_users": next(_signups) - 3,
            "samples": dict(SAMPLES),
        }
    with open(STATS_PATH, "w", encoding="utf-8") as out:
        json.dump(stats, out, indent=1, sort_keys=True)
