-- Grows a seeded IntoWork database to :big jobs (PostgreSQL, run by `bench/run --compare-sizes`).
-- The new rows mirror what the server writes on POST /api/jobs/create: status published,
-- posted_at set, counters 0, and the normalised search columns (`search_text` = folded company
-- name, U+001F, title, U+001F, description; `location_norm` = folded location). Generated titles,
-- descriptions and locations are ASCII, so lowercasing is the whole fold; the company part is
-- copied from a job the server wrote for the same company. Each new job gets 5 applications from
-- 5 distinct seeded candidates, so applications grow in proportion (5 per job, as the API seed).
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_emp AS
SELECT row_number() OVER (ORDER BY e.id) - 1 AS k, e.id AS employer_id, e.company_id,
       (SELECT substr(j.search_text, 1, strpos(j.search_text, chr(31))) FROM jobs j
         WHERE j.company_id = e.company_id AND strpos(j.search_text, chr(31)) > 0 LIMIT 1) AS prefix
FROM employers e WHERE e.company_id IS NOT NULL;
CREATE TEMP TABLE bench_cand AS
SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM candidates;

CREATE TEMP TABLE bench_new AS
SELECT g,
       (ARRAY['Developpeur','Ingenieur logiciel','Comptable','Commercial','Designer','Infirmier',
              'Technicien','Juriste','Chef de projet','Data analyst'])[1 + g % 10] || ' genere ' || g AS title,
       repeat('Offre generee pour le banc d''essai, mission longue, equipe internationale. ', 1 + g % 4) AS description,
       (ARRAY['Dakar','Abidjan','Paris','Lyon','Thies','Bamako','Lome','Cotonou'])[1 + g % 8] AS location,
       (now() AT TIME ZONE 'utc') - make_interval(mins => g) AS posted_at
FROM generate_series(1, GREATEST(:big - (SELECT count(*) FROM jobs), 0)::int) AS g;

INSERT INTO jobs (employer_id, company_id, title, description, requirements, responsibilities, benefits,
                  job_type, location_type, location, salary_min, salary_max, currency, status, is_featured,
                  views_count, applications_count, search_text, location_norm, posted_at, created_at, updated_at)
SELECT e.employer_id, e.company_id, n.title, n.description, '3 ans d''experience.', 'Concevoir et livrer.',
       'Mutuelle.',
       (ARRAY['full_time','part_time','contract','temporary','internship'])[1 + n.g % 5],
       (ARRAY['on_site','remote','hybrid'])[1 + n.g % 3],
       n.location, CASE WHEN n.g % 6 = 0 THEN NULL ELSE 200000 + (n.g % 10) * 100000 END,
       CASE WHEN n.g % 6 = 0 THEN NULL ELSE 400000 + (n.g % 10) * 200000 END, 'XOF', 'published', false,
       0, 0, coalesce(e.prefix, '') || lower(n.title) || chr(31) || lower(n.description), lower(n.location),
       n.posted_at, n.posted_at, n.posted_at
FROM bench_new n JOIN bench_emp e ON e.k = n.g % (SELECT count(*) FROM bench_emp);

INSERT INTO job_applications (job_id, employer_id, candidate_id, status, cover_letter, applied_at, updated_at)
SELECT j.id, j.employer_id, c.id,
       (ARRAY['applied','applied','viewed','shortlisted','interview','rejected','accepted'])[1 + (j.id + s.n) % 7],
       'Bonjour, votre offre m''interesse.', j.posted_at + make_interval(hours => s.n), j.posted_at + make_interval(hours => s.n)
FROM jobs j
CROSS JOIN generate_series(0, 4) AS s(n)
JOIN bench_cand c ON c.k = (j.id * 7 + s.n) % (SELECT count(*) FROM bench_cand)
WHERE j.title LIKE '% genere %';

-- VACUUM too (not only ANALYZE): index-only scans need the visibility map, as in production.
VACUUM ANALYZE;
