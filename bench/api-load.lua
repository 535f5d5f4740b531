-- wrk script: mixed mart queries as an analyst (HTTP Basic), round robin over five kinds.
-- CRMLAKE_KIND=0..4 sends only that kind (to see what one kind of request costs).
local auth = "Basic " .. (os.getenv("CRMLAKE_AUTH") or "YW5hbHlzdDphbmFseXN0LWRlbW8=")
local only = tonumber(os.getenv("CRMLAKE_KIND") or "")
local n = 0
math.randomseed(os.time())
request = function()
  n = n + 1
  local c = string.format("C%06d", math.random(0, 99999))
  local kind = only or n % 5
  local path
  if kind == 0 then
    path = "/api/marts/dim_customer?customer_id=" .. c
  elseif kind == 1 then
    path = "/api/marts/fact_transaction?customer_id=" .. c .. "&sort=-txn_ts&size=20"
  elseif kind == 2 then
    path = "/api/marts/fact_customer_month?month_key=2023" .. string.format("%02d", math.random(1, 12)) .. "&size=100&page=" .. math.random(0, 50)
  elseif kind == 3 then
    path = "/api/marts/dim_customer?city=v" .. math.random(0, 49) .. "&size=50&sort=-customer_sk"
  else
    path = "/api/marts"
  end
  return wrk.format("GET", path, { ["Authorization"] = auth })
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
