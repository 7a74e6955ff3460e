-- wrk script of bench/api-concurrent-reads.sh. Arguments (after --): a file of bearer tokens and a file of request
-- paths, one a line. Each request takes the next path and the next token (two counters, so every pairing occurs),
-- each thread starting at its own offset. Non-2xx answers are counted (wrk counts only 4xx/5xx, and only on its own),
-- and done() prints one line the shell script parses.

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local tokens, paths = {}, {}
local next_path, next_token = 0, 0
non2xx = 0

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do paths[#paths + 1] = line end
  next_path = index * 97
  next_token = index * 3
end

function request()
  next_path = next_path % #paths + 1
  next_token = next_token % #tokens + 1
  return wrk.format("GET", paths[next_path], { ["Authorization"] = "Bearer " .. tokens[next_token] })
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect, e.read, e.write, e.timeout))
end
