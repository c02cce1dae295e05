-- wrk script: sip_auth lookups as mod_xml_curl posts them, for random users of the database
-- written by "bench_xmlcurl populate" (domains d1.bench .. d10.bench, users 100000 .. 109999).
-- Usage: wrk -t2 -c32 -d30s --latency -s bench/xmlcurl/sip_auth.lua http://127.0.0.1:PORT
wrk.method = "POST"
wrk.path = "/freeswitch/directory"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "freeswitch-xml/1.0"

local domains = tonumber(os.getenv("BENCH_DOMAINS") or "10")
local users = tonumber(os.getenv("BENCH_USERS") or "10000")

request = function()
    local domain = "d" .. math.random(1, domains) .. ".bench"
    local user = tostring(100000 + math.random(0, users - 1))
    local body = "hostname=bench&section=directory&tag_name=domain&key_name=name&key_value=" .. domain ..
        "&Event-Name=REQUEST_PARAMS&Core-UUID=bench&FreeSWITCH-Hostname=bench&action=sip_auth" ..
        "&sip_profile=internal&sip_user_agent=bench&sip_auth_username=" .. user ..
        "&sip_auth_realm=" .. domain .. "&sip_auth_nonce=5b1c8e0e&sip_auth_uri=sip%3A" .. domain ..
        "&sip_auth_qop=auth&sip_auth_cnonce=0a4f113b&sip_auth_nc=00000001" ..
        "&sip_auth_response=6629fae49393a05397450978507c4ef1&sip_auth_method=REGISTER" ..
        "&client_port=5062&key=id&user=" .. user .. "&domain=" .. domain .. "&ip=127.0.0.1&"
    return wrk.format(nil, nil, nil, body)
end

-- Counts answers that are not 200 or carry no password: wrong answers.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

wrong = 0

response = function(status, headers, body)
    if status ~= 200 or not string.find(body, 'name="password"', 1, true) then
        wrong = wrong + 1
    end
end

done = function(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + (thread:get("wrong") or 0)
    end
    io.write(string.format("p99 latency: %.2f ms\nwrong answers: %d\n",
        latency:percentile(99) / 1000, total))
end
