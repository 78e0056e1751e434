-- EXPLAIN ANALYZE of the statements behind the size-sensitive endpoints, written by hand after
-- crates/storage/src/{jobs,applications}/ (count + page, as the server runs them).
-- Usage: psql "$DATABASE_URL" -v emp=<employer id> -f bench/explain.sql
-- The server's connections run without parallel workers (crates/storage/src/pool.rs): so does this.
SET max_parallel_workers_per_gather = 0;
\echo '== job list: total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM jobs JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active = true;
\echo '== job list: page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id, jobs.title, left(jobs.description, 300), companies.name,
       (SELECT count(*) FROM job_applications a WHERE a.job_id = jobs.id) AS applications_count
  FROM jobs JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active = true
 ORDER BY jobs.posted_at DESC, jobs.id DESC LIMIT 10;
\echo '== job search: total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM jobs JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active = true
   AND jobs.search_text LIKE '%ingenieur%' ESCAPE '\' AND jobs.location_norm LIKE '%dakar%' ESCAPE '\'
   AND jobs.job_type = 'full_time';
\echo '== employer applications: total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM job_applications WHERE job_applications.employer_id = :emp;
\echo '== employer applications: page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT job_applications.id, jobs.title, users.first_name, users.email, job_applications.status
  FROM job_applications JOIN jobs ON jobs.id = job_applications.job_id
  JOIN candidates ON candidates.id = job_applications.candidate_id JOIN users ON users.id = candidates.user_id
 WHERE job_applications.employer_id = :emp
 ORDER BY job_applications.applied_at DESC, job_applications.id DESC LIMIT 20;
\echo '== job search: page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT jobs.id, jobs.title, left(jobs.description, 300), companies.name,
       (SELECT count(*) FROM job_applications a WHERE a.job_id = jobs.id) AS applications_count
  FROM jobs JOIN companies ON companies.id = jobs.company_id
  JOIN employers ON employers.id = jobs.employer_id JOIN users ON users.id = employers.user_id
 WHERE jobs.status = 'published' AND users.is_active = true
   AND jobs.search_text LIKE '%ingenieur%' ESCAPE '\' AND jobs.location_norm LIKE '%dakar%' ESCAPE '\'
   AND jobs.job_type = 'full_time'
 ORDER BY jobs.posted_at DESC, jobs.id DESC LIMIT 10;
