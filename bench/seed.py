#!/usr/bin/env python3
"""Seed a running IntoWork API through its public HTTP API (standard library only).

Usage: seed.py BASE_URL OUT_JSON [--jobs N] [--employers N] [--candidates N]
               [--applications-per-candidate N] [--workers N]

Creates employers with companies (onboarding: sign-up, POST /api/companies,
PUT /api/employers/me), jobs (POST /api/jobs/create), candidates with full
profiles (profile, experience, education, skills, a PDF CV), applications
(POST /api/applications/my/applications, which notify the employer) and status
changes (PUT .../status, which notify the candidate). Writes the tokens and ids
the load runs need to OUT_JSON.
"""
import argparse
import json
import random
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "bench-password-1"
TITLES = ["Développeur Rust", "Ingénieur backend", "Data analyst", "Chef de projet", "Comptable",
          "Commercial terrain", "Designer UX", "Infirmier", "Technicien réseau", "Chargé de recrutement",
          "Responsable logistique", "Développeuse frontend", "Administrateur système", "Juriste",
          "Community manager", "Assistant de direction"]
CITIES = ["Dakar", "Abidjan", "Paris", "Lyon", "Thiès", "Saint-Louis", "Montréal", "Bamako", "Lomé", "Cotonou"]
JOB_TYPES = ["full_time", "part_time", "contract", "temporary", "internship"]
LOC_TYPES = ["on_site", "remote", "hybrid"]
STATUSES = ["viewed", "shortlisted", "interview", "rejected", "accepted"]
LOREM = ("Nous recherchons une personne motivée pour rejoindre une équipe en croissance. "
         "Vous travaillerez sur des projets variés avec des clients exigeants, dans un cadre "
         "bienveillant, avec des possibilités d'évolution et de formation continue. ")


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, body=None, token=None, raw=None, content_type=None, expect=(200, 201)):
        headers = {}
        data = None
        if raw is not None:
            data = raw
            headers["Content-Type"] = content_type
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        for attempt in range(5):
            req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=60) as res:
                    status, payload = res.status, res.read()
            except urllib.error.HTTPError as e:
                status, payload = e.code, e.read()
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))
                continue
            if status in (429, 503) and attempt < 4:
                time.sleep(0.5 * (attempt + 1))
                continue
            break
        if status not in expect:
            raise RuntimeError(f"{method} {path} -> {status}: {payload[:300]!r}")
        return json.loads(payload) if payload else None


def pdf_multipart(name):
    boundary = "benchb0undary"
    pdf = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n" + (b"0" * 20000) + b"\n%%EOF\n"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"{name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def signup(api, email, role, first, last):
    res = api.call("POST", "/api/auth/signup", {"email": email, "password": PASSWORD, "first_name": first,
                                                "last_name": last, "role": role})
    return res["access_token"], res["user"]["id"]


def make_employer(api, i):
    token, uid = signup(api, f"employer{i}@bench.test", "employer", f"Emp{i}", "Bench")
    company = api.call("POST", "/api/companies", {
        "name": f"Société {i} Bench", "description": "Entreprise de démonstration du banc d'essai.",
        "industry": random.choice(["Tech", "Santé", "Finance", "Logistique"]), "size": "50-200",
        "city": random.choice(CITIES), "country": "Sénégal"}, token)
    api.call("PUT", "/api/employers/me", {"company_id": company["id"], "position": "Directeur / Directrice",
                                          "phone": "+221 77 000 00 00"}, token)
    return {"token": token, "user_id": uid, "company_id": company["id"], "email": f"employer{i}@bench.test"}


def make_job(api, employer, i):
    rnd = random.Random(i)
    smin = rnd.choice([None, 200000, 300000, 500000, 800000, 1200000])
    body = {"title": f"{rnd.choice(TITLES)} {i}", "description": LOREM * rnd.randint(1, 4),
            "job_type": rnd.choice(JOB_TYPES), "location_type": rnd.choice(LOC_TYPES),
            "location": rnd.choice(CITIES), "salary_min": smin,
            "salary_max": (smin * 2 if smin else None), "currency": "XOF",
            "requirements": "3 ans d'expérience minimum.", "responsibilities": "Concevoir, livrer, maintenir.",
            "benefits": "Mutuelle, télétravail partiel."}
    return api.call("POST", "/api/jobs/create", body, employer["token"])["id"]


def make_candidate(api, i):
    rnd = random.Random(100000 + i)
    token, uid = signup(api, f"candidate{i}@bench.test", "candidate", f"Cand{i}", "Bench")
    api.call("PUT", "/api/candidates/profile", {
        "phone": "+221 77 123 45 67", "location": rnd.choice(CITIES), "title": rnd.choice(TITLES),
        "summary": "Professionnel(le) motivé(e), curieux(se) et rigoureux(se).", "years_experience": rnd.randint(0, 20),
        "salary_expectation_min": 300000, "salary_expectation_max": 900000,
        "linkedin_url": f"https://linkedin.com/in/cand{i}"}, token)
    for k in range(2):
        api.call("POST", "/api/candidates/profile/experiences", {
            "title": rnd.choice(TITLES), "company": f"Ancienne entreprise {k}", "location": rnd.choice(CITIES),
            "start_date": f"{2015 + k * 3}-03", "end_date": "" if k == 1 else f"{2017 + k * 3}-06",
            "is_current": k == 1, "description": "Projets variés, équipe de 8 personnes."}, token)
    api.call("POST", "/api/candidates/profile/education", {
        "degree": "Master", "institution": "Université Cheikh Anta Diop", "field_of_study": "Informatique",
        "start_date": "2010", "end_date": "2015", "is_current": False, "description": ""}, token)
    for name, level, cat in [("Rust", "expert", "technique"), ("SQL", "advanced", "technique"),
                             ("Anglais", "intermediate", "langue")]:
        api.call("POST", "/api/candidates/profile/skills", {"name": name, "level": level, "category": cat}, token)
    body, ctype = pdf_multipart(f"cv-{i}.pdf")
    api.call("POST", "/api/candidates/cv", raw=body, content_type=ctype, token=token)
    return {"token": token, "user_id": uid, "email": f"candidate{i}@bench.test"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("out")
    p.add_argument("--jobs", type=int, default=1000)
    p.add_argument("--employers", type=int, default=20)
    p.add_argument("--candidates", type=int, default=500)
    p.add_argument("--applications-per-candidate", type=int, default=10)
    p.add_argument("--status-change-ratio", type=float, default=0.4)
    p.add_argument("--workers", type=int, default=12)
    a = p.parse_args()
    api = Api(a.base)
    random.seed(42)
    t0 = time.time()

    def step(name, fn, items):
        t = time.time()
        with ThreadPoolExecutor(a.workers) as ex:
            out = list(ex.map(fn, items))
        print(f"  seeded {len(out):6d} {name:<22} in {time.time() - t:6.1f}s", file=sys.stderr, flush=True)
        return out

    employers = step("employers+companies", lambda i: make_employer(api, i), range(a.employers))
    jobs = step("jobs", lambda i: (i % a.employers, make_job(api, employers[i % a.employers], i)), range(a.jobs))
    candidates = step("candidates (full)", lambda i: make_candidate(api, i), range(a.candidates))

    job_ids = [j for _, j in jobs]
    owner = {j: e for e, j in jobs}
    per = min(a.applications_per_candidate, len(job_ids))
    pairs = []
    for ci in range(a.candidates):
        for j in random.Random(ci).sample(job_ids, per):
            pairs.append((ci, j))

    def apply(pair):
        ci, j = pair
        res = api.call("POST", "/api/applications/my/applications",
                       {"job_id": j, "cover_letter": "Bonjour, votre offre m'intéresse beaucoup."},
                       candidates[ci]["token"])
        return (res["id"], j)

    apps = step("applications", apply, pairs)
    changes = random.Random(7).sample(apps, int(len(apps) * a.status_change_ratio))

    def change(app):
        app_id, j = app
        api.call("PUT", f"/api/applications/employer/applications/{app_id}/status",
                 {"status": random.choice(STATUSES)}, employers[owner[j]]["token"])

    step("status changes", change, changes)

    # The employer with the most applications is the one the load runs use.
    counts = {}
    for _, j in apps:
        counts[owner[j]] = counts.get(owner[j], 0) + 1
    busiest = max(counts, key=counts.get)
    out = {
        "employer": employers[busiest], "candidate": candidates[0], "password": PASSWORD,
        "job_ids": [min(job_ids), max(job_ids)], "counts": {
            "employers": len(employers), "jobs": len(job_ids), "candidates": len(candidates),
            "applications": len(apps), "status_changes": len(changes),
            "notifications": len(apps) + len(changes)},
        "seconds": round(time.time() - t0, 1),
    }
    with open(a.out, "w") as f:
        json.dump(out, f)
    print(f"  seeding done in {out['seconds']}s: {out['counts']}", file=sys.stderr)


if __name__ == "__main__":
    main()
