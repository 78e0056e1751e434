-- Job alerts (HEAD 10.16): a candidate's saved searches, mailed instantly, daily or weekly.
--
-- `criteria` is JSON: {keywords[], location, job_types[], location_types[], salary_min,
-- salary_max}, checked and capped by the service before it is stored. `jobs_sent_count` also
-- serves as the alert's version: a delivery is written only if it is unchanged since the alert
-- was read, so two instances never both mail one alert.
CREATE TABLE job_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    criteria TEXT NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('instant', 'daily', 'weekly')),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    jobs_sent_count BIGINT NOT NULL DEFAULT 0,
    last_sent_at TIMESTAMP NULL,
    last_matching_job_id BIGINT NULL REFERENCES jobs (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- The owner's list, newest first.
CREATE INDEX job_alerts_user_idx ON job_alerts (user_id, created_at);
-- The delivery pass: active alerts by id.
CREATE INDEX job_alerts_active_idx ON job_alerts (is_active, id);

-- Which job each alert has mailed: the primary key makes a second mail of one job for one alert
-- impossible, whatever runs the pass.
CREATE TABLE job_alert_sent_jobs (
    alert_id BIGINT NOT NULL REFERENCES job_alerts (id) ON DELETE CASCADE,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (alert_id, job_id)
);
-- Deleting a job finds its rows.
CREATE INDEX job_alert_sent_jobs_job_idx ON job_alert_sent_jobs (job_id);
