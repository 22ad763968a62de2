-- wrk script for bench/sustained.sh. Arguments after "--": API_KEY RUN_ID
-- One create (POST /v1/videos, a fresh Idempotency-Key), then five polls of the job that create
-- made, repeated per connection: what an integration does, so the store's eviction of old
-- finished jobs never turns the polls into 404s however long the run.
-- done() prints one line: RESULT requests req_per_s p50_ms p99_ms non2xx socket_errors
local body = '{"model":"clip-video","prompt":"bench"}'
local key_prefix, create_headers, poll_headers
local creates, requests_made = 0, 0
local poll_path = nil
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  key_prefix = args[2] .. "-" .. tostring(thread_id) .. "-"
  local auth = "Bearer " .. args[1]
  poll_headers = { ["Authorization"] = auth }
  create_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
end

function request()
  requests_made = requests_made + 1
  if poll_path == nil or requests_made % 6 == 1 then
    creates = creates + 1
    create_headers["Idempotency-Key"] = key_prefix .. creates
    return wrk.format("POST", "/v1/videos", create_headers, body)
  end
  return wrk.format("GET", poll_path, poll_headers)
end

function response(status, headers, body)
  if status == 201 then
    local id = body:match('"id"%s*:%s*"([^"]+)"')
    if id then poll_path = "/v1/videos/" .. id end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.0f %.3f %.3f %d %d\n", summary.requests,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
