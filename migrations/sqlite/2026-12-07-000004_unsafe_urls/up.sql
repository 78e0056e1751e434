-- Links are served to browsers, which put them in `href`s, and the API now accepts only absolute
-- http(s) URLs (a bare host such as `www.acme.sn` taken as https://). This brings what was stored
-- before to the same rules, so that a form sending every field back can be saved:
-- 1. another scheme (`javascript:`, `data:`, also in capitals or with tabs) is stored XSS: cleared;
-- 2. a bare host gets `https://`;
-- 3. anything else that is no http(s) URL (`n/a`, a relative path) could not be a working link:
--    cleared, except `/…` paths in `logo_url`, the uploaded-logo paths of the later frontend.
UPDATE companies SET website_url = NULL
 WHERE website_url LIKE '%:%'
   AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';
UPDATE companies SET website_url = 'https://' || website_url
 WHERE website_url NOT LIKE '%:%' AND website_url NOT LIKE '/%' AND website_url NOT LIKE '.%'
   AND website_url NOT LIKE '% %' AND (website_url LIKE '%.%/%' OR (website_url LIKE '%.%' AND website_url NOT LIKE '%/%'));
UPDATE companies SET website_url = NULL
 WHERE website_url <> '' AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';

UPDATE companies SET linkedin_url = NULL
 WHERE linkedin_url LIKE '%:%'
   AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';
UPDATE companies SET linkedin_url = 'https://' || linkedin_url
 WHERE linkedin_url NOT LIKE '%:%' AND linkedin_url NOT LIKE '/%' AND linkedin_url NOT LIKE '.%'
   AND linkedin_url NOT LIKE '% %' AND (linkedin_url LIKE '%.%/%' OR (linkedin_url LIKE '%.%' AND linkedin_url NOT LIKE '%/%'));
UPDATE companies SET linkedin_url = NULL
 WHERE linkedin_url <> '' AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';

UPDATE companies SET logo_url = NULL
 WHERE logo_url LIKE '%:%'
   AND lower(logo_url) NOT LIKE 'http://%' AND lower(logo_url) NOT LIKE 'https://%';
UPDATE companies SET logo_url = 'https://' || logo_url
 WHERE logo_url NOT LIKE '%:%' AND logo_url NOT LIKE '/%' AND logo_url NOT LIKE '.%'
   AND logo_url NOT LIKE '% %' AND (logo_url LIKE '%.%/%' OR (logo_url LIKE '%.%' AND logo_url NOT LIKE '%/%'));
UPDATE companies SET logo_url = NULL
 WHERE logo_url <> '' AND lower(logo_url) NOT LIKE 'http://%' AND lower(logo_url) NOT LIKE 'https://%' AND logo_url NOT LIKE '/%';

UPDATE candidates SET website_url = NULL
 WHERE website_url LIKE '%:%'
   AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';
UPDATE candidates SET website_url = 'https://' || website_url
 WHERE website_url NOT LIKE '%:%' AND website_url NOT LIKE '/%' AND website_url NOT LIKE '.%'
   AND website_url NOT LIKE '% %' AND (website_url LIKE '%.%/%' OR (website_url LIKE '%.%' AND website_url NOT LIKE '%/%'));
UPDATE candidates SET website_url = NULL
 WHERE website_url <> '' AND lower(website_url) NOT LIKE 'http://%' AND lower(website_url) NOT LIKE 'https://%';

UPDATE candidates SET linkedin_url = NULL
 WHERE linkedin_url LIKE '%:%'
   AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';
UPDATE candidates SET linkedin_url = 'https://' || linkedin_url
 WHERE linkedin_url NOT LIKE '%:%' AND linkedin_url NOT LIKE '/%' AND linkedin_url NOT LIKE '.%'
   AND linkedin_url NOT LIKE '% %' AND (linkedin_url LIKE '%.%/%' OR (linkedin_url LIKE '%.%' AND linkedin_url NOT LIKE '%/%'));
UPDATE candidates SET linkedin_url = NULL
 WHERE linkedin_url <> '' AND lower(linkedin_url) NOT LIKE 'http://%' AND lower(linkedin_url) NOT LIKE 'https://%';
