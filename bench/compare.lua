-- wrk script for bench/compare.sh. Arguments after "--": MODE API_KEY POLL_PATH RUN_ID
--   MODE create: every request is POST /v1/videos with a body and a fresh Idempotency-Key
--   MODE poll:   every request is GET POLL_PATH (an existing job)
--   MODE mix:    one create, then five polls, repeated
--   MODE follow: one create, then five polls of the job that create made (bench/sustained.sh:
--                the store's eviction of old finished jobs never makes a poll a 404)
-- done() prints one line: RESULT requests req_per_s p50_ms p99_ms non2xx socket_errors
local body = '{"model":"clip-video","prompt":"bench"}'
local mode, poll_path, key_prefix, create_headers, poll_headers
local creates, requests_made = 0, 0
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

-- only in follow mode: wrk reads every response body when a script defines response()
local function follow(status, headers, body)
  if status == 201 then
    local id = body:match('"id"%s*:%s*"([^"]+)"')
    if id then poll_path = "/v1/videos/" .. id end
  end
end

function init(args)
  mode, poll_path = args[1], args[3]
  if mode == "follow" then response = follow end
  key_prefix = args[4] .. "-" .. tostring(thread_id) .. "-"
  local auth = "Bearer " .. args[2]
  poll_headers = { ["Authorization"] = auth }
  create_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
end

local function create()
  creates = creates + 1
  create_headers["Idempotency-Key"] = key_prefix .. creates
  return wrk.format("POST", "/v1/videos", create_headers, body)
end

local function poll()
  return wrk.format("GET", poll_path, poll_headers)
end

function request()
  requests_made = requests_made + 1
  if mode == "create" then return create() end
  if mode == "poll" then return poll() end
  if requests_made % 6 == 1 or poll_path == "" then return create() end
  return poll()
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.0f %.3f %.3f %d %d\n", summary.requests,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
