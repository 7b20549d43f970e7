-- POST one JSON body (a file named after `--`) and print one machine-readable summary line.
-- wrk -t1 -c8 -d10s -s bench/wrk.lua http://127.0.0.1:8000/graphql -- body.json
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function init(args)
  local f = assert(io.open(args[1], "r"))
  wrk.body = f:read("*a")
  f:close()
end

function done(s, lat, _)
  local errs = s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout
  print(string.format(
    "RESULT requests=%d rps=%.2f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d",
    s.requests, s.requests / (s.duration / 1e6), lat:percentile(50) / 1000,
    lat:percentile(95) / 1000, lat:percentile(99) / 1000, s.errors.status, errs))
end
