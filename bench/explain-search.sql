-- The public search in SQL, as `jobs::filters::public_filtered` writes it, and the statements the
-- in-memory search index runs instead, with their plans and timings (PostgreSQL):
--   psql "$DATABASE_URL" -f bench/explain-search.sql
-- Run it twice (the second with warm buffers) on a database grown by `bench/run --compare-sizes
-- --keep-db` (100,000 jobs) or `--big-jobs 1000000`; docs/architecture.md, "Job search", gives the
-- figures. The server's connections run without parallel workers (crates/storage/src/pool.rs):
-- so does this.
SET max_parallel_workers_per_gather = 0;
\pset pager off
\echo '== size'
SELECT count(*) AS jobs, (SELECT count(*) FROM job_applications) AS applications FROM jobs;

\echo '== 1. total of a word in every grown job ("mission"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active AND TRUE
   AND jobs.search_text LIKE '%mission%' ESCAPE '\';

\echo '== 2. total of a word in a tenth of them and a city ("ingenieur", "dakar"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active AND TRUE
   AND jobs.search_text LIKE '%ingenieur%' ESCAPE '\' AND jobs.location_norm LIKE '%dakar%' ESCAPE '\';

\echo '== 3. page 3 of the same with a salary floor, SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active AND TRUE
   AND jobs.search_text LIKE '%ingenieur%' ESCAPE '\' AND jobs.location_norm LIKE '%dakar%' ESCAPE '\'
   AND jobs.salary_min >= 500000
 ORDER BY jobs.posted_at DESC NULLS FIRST, jobs.id DESC LIMIT 10 OFFSET 20;

\echo '== 4. total of a rare text ("genere 12345"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active AND TRUE
   AND jobs.search_text LIKE '%genere 12345%' ESCAPE '\';

\echo '== 5. the index: a page of rows by id (what a search costs the database now)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id, jobs.title, substr(jobs.description, 1, 301), companies.name,
       (SELECT count(*) FROM job_applications a WHERE a.job_id = jobs.id)
  FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active
   AND jobs.id IN (SELECT id FROM jobs ORDER BY id DESC LIMIT 10 OFFSET 5000);

\echo '== 6. the index: its fingerprint, checked every 5 s or more'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*), max(jobs.updated_at), max(companies.updated_at), max(users.updated_at) FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active;

\echo '== 7. the index: a written job re-read by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id, jobs.search_text, jobs.location_norm, jobs.job_type, jobs.location_type,
       jobs.salary_min, jobs.country, jobs.currency, jobs.language, jobs.posted_at FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active AND jobs.id IN (SELECT max(id) FROM jobs);

\echo '== 8. the index: the snapshot read (every open job, newest first)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id, jobs.search_text, jobs.location_norm, jobs.job_type, jobs.location_type,
       jobs.salary_min, jobs.country, jobs.currency, jobs.language, jobs.posted_at FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active
 ORDER BY jobs.posted_at DESC NULLS FIRST, jobs.id DESC;
