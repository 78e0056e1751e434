-- Links are served to browsers, which put them in `href`s: a value with a scheme other than
-- http(s) (`javascript:`, `data:`, also spelt with tabs or capitals) is stored XSS. The API now
-- refuses such input; this clears what was stored before. A value with no `:` at all (a path, or
-- `www.example.com`) has no scheme and is kept.
UPDATE companies SET website_url = NULL
 WHERE website_url LIKE '%:%'
   AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';
UPDATE companies SET linkedin_url = NULL
 WHERE linkedin_url LIKE '%:%'
   AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';
UPDATE companies SET logo_url = NULL
 WHERE logo_url LIKE '%:%'
   AND lower(logo_url) NOT LIKE 'http://%' AND lower(logo_url) NOT LIKE 'https://%';
UPDATE candidates SET website_url = NULL
 WHERE website_url LIKE '%:%'
   AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';
UPDATE candidates SET linkedin_url = NULL
 WHERE linkedin_url LIKE '%:%'
   AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';
