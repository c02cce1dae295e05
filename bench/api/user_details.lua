-- wrk script: POST /api/v1 with "[Users] Get_user_details" for random users of the database
-- that fsd_bench_directory seeds (user ids 1 .. BENCH_USERS), authenticated with BENCH_TOKEN.
-- Counts replies that are not 200 or carry an "error" key, and prints them with the p99 latency.
-- Usage: BENCH_TOKEN=... wrk -t2 -c32 -d30s --latency -s bench/api/user_details.lua http://127.0.0.1:PORT
wrk.method = "POST"
wrk.path = "/api/v1"
wrk.headers["Content-Type"] = "application/json"

local users = tonumber(os.getenv("BENCH_USERS") or "100000")
local token = os.getenv("BENCH_TOKEN") or ""

request = function()
    local body = '{"event":"[Users] Get_user_details","data":{"id":' .. math.random(1, users) ..
        ',"token":"' .. token .. '"}}'
    return wrk.format(nil, nil, nil, body)
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

failed = 0

response = function(status, headers, body)
    if status ~= 200 or string.find(body, '"error"', 1, true) then
        failed = failed + 1
    end
end

done = function(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + (thread:get("failed") or 0)
    end
    io.write(string.format("p99 latency: %.2f ms\nfailed replies (not 200 or \"error\"): %d\n",
        latency:percentile(99) / 1000, total))
end
