-- wrk script for bench/run. Configured through the environment:
--   BENCH_TOKEN       bearer token (optional)
--   BENCH_METHOD      GET (default) or POST
--   BENCH_BODY        JSON request body (optional)
--   BENCH_RANDOM_JOB  "min:max": append a random job id in [min, max] to the path per request
-- At the end it prints one machine-readable line:
--   RESULT requests duration_us p50_us p99_us status_errors connect read write timeout
local token = os.getenv("BENCH_TOKEN")
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local random_job = os.getenv("BENCH_RANDOM_JOB")

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

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
