-- The public search in SQL, as `jobs::filters::public_filtered` writes it, and the statements the
-- in-memory search index runs instead, with their plans and timings (PostgreSQL):
--   psql "$DATABASE_URL" -f bench/explain-search.sql
-- Run it twice (the second with warm buffers) on a database grown by `bench/run --compare-sizes
-- --keep-db` (100,000 jobs) or `--big-jobs 1000000`; docs/architecture.md, "Job search", gives the
-- figures. The server's connections run without parallel workers (crates/storage/src/pool.rs):
-- so does this.
SET max_parallel_workers_per_gather = 0;
\pset pager off
-- The server's listing join (`jobs::source::listing_source`) with the open-job filter
-- (`jobs::filters::open_jobs`); PostgreSQL inlines the view, so each plan is the statement's own.
CREATE TEMP VIEW open_listing AS
SELECT jobs.*, companies.name AS company_name, companies.updated_at AS company_updated_at,
       users.updated_at AS user_updated_at
  FROM jobs
  JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active;

\echo '== size'
SELECT count(*) AS jobs, (SELECT count(*) FROM job_applications) AS applications FROM jobs;

\echo '== 1. total of a word in every grown job ("mission"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM open_listing WHERE search_text LIKE '%mission%' ESCAPE '\';

\echo '== 2. total of a word in a tenth of them and a city ("ingenieur", "dakar"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM open_listing
 WHERE search_text LIKE '%ingenieur%' ESCAPE '\' AND location_norm LIKE '%dakar%' ESCAPE '\';

\echo '== 3. page 3 of the same with a salary floor, SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM open_listing
 WHERE search_text LIKE '%ingenieur%' ESCAPE '\' AND location_norm LIKE '%dakar%' ESCAPE '\'
   AND salary_min >= 500000
 ORDER BY posted_at DESC NULLS FIRST, id DESC LIMIT 10 OFFSET 20;

\echo '== 4. total of a rare text ("genere 12345"), SQL'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM open_listing WHERE search_text LIKE '%genere 12345%' ESCAPE '\';

\echo '== 5. the index: a page of rows by id (what a search costs the database now)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, title, substr(description, 1, 301), company_name,
       (SELECT count(*) FROM job_applications a WHERE a.job_id = open_listing.id)
  FROM open_listing WHERE id IN (SELECT id FROM jobs ORDER BY id DESC LIMIT 10 OFFSET 5000);

\echo '== 6. the index: its fingerprint, checked every 5 s or more'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*), max(updated_at), max(company_updated_at), max(user_updated_at) FROM open_listing;

\echo '== 7. the index: a written job re-read by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, search_text, location_norm, job_type, location_type, salary_min, country, currency,
       language, posted_at
  FROM open_listing WHERE id IN (SELECT max(id) FROM jobs);

\echo '== 8. the index: the snapshot read (every open job, newest first)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, search_text, location_norm, job_type, location_type, salary_min, country, currency,
       language, posted_at
  FROM open_listing ORDER BY posted_at DESC NULLS FIRST, id DESC;
