-- wrk script for bench/run. Configured through the environment:
--   BENCH_TOKEN       bearer token (optional)
--   BENCH_METHOD      GET (default) or POST
--   BENCH_BODY        JSON request body (optional)
--   BENCH_RANDOM_JOB  "min:max": append a random job id in [min, max] to the path per request
--   BENCH_LONG_TAIL   "1": every request a different public search (a term of 15, an optional
--                     city, page 1-3, an optional random salary floor), appended to the path
-- At the end it prints one machine-readable line:
--   RESULT requests duration_us p50_us p99_us status_errors connect read write timeout
local token = os.getenv("BENCH_TOKEN")
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local random_job = os.getenv("BENCH_RANDOM_JOB")
local long_tail = os.getenv("BENCH_LONG_TAIL")

wrk.method = method
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

if random_job and random_job ~= "" then
  local lo, hi = random_job:match("(%d+):(%d+)")
  lo, hi = tonumber(lo), tonumber(hi)
  local template = wrk.path
  math.randomseed(os.time())
  request = function()
    local path = template .. tostring(math.random(lo, hi))
    return wrk.format(nil, path)
  end
end

-- What visitors type: the seeded and grown titles' words, and words of their descriptions.
local TERMS = { "d%C3%A9veloppeur", "ing%C3%A9nieur", "comptable", "commercial", "designer",
  "infirmier", "technicien", "juriste", "chef%20de%20projet", "data", "logiciel", "mission",
  "%C3%A9quipe", "analyst", "projet" }
local CITIES = { "dakar", "abidjan", "paris", "lyon", "thies", "bamako", "lome", "cotonou" }

if long_tail == "1" then
  local template = wrk.path
  local counter = 0
  setup = function(thread)
    counter = counter + 1
    thread:set("seed", os.time() * 1000 + counter)
  end
  init = function()
    math.randomseed(seed or os.time())
  end
  request = function()
    local path = template .. "&search=" .. TERMS[math.random(#TERMS)]
      .. "&page=" .. math.random(1, 3)
    if math.random() < 0.5 then
      path = path .. "&location=" .. CITIES[math.random(#CITIES)]
    end
    if math.random() < 0.5 then
      path = path .. "&salary_min=" .. math.random(0, 3000)
    end
    return wrk.format(nil, path)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
