DROP TABLE job_alert_sent_jobs;
DROP TABLE job_alerts;
