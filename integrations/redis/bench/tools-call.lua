-- wrk script for docs/scale-out.md "Measured cost": handshake-era tools/call requests on one session, each with
-- its own JSON-RPC id (a session refuses a duplicate id in flight).
-- Usage: SESSION=<Mcp-Session-Id> [TOOL=name] wrk -t2 -c8 -d10s -s tools-call.lua http://127.0.0.1:PORT/mcp
local threads = {}
local tool = os.getenv("TOOL") or "test_simple_text"
local session = os.getenv("SESSION")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  errors = 0
  non200 = 0
end

function request()
  counter = counter + 1
  local body = '{"jsonrpc":"2.0","id":"' .. tid .. '-' .. counter .. '","method":"tools/call","params":{"name":"'
      .. tool .. '","arguments":{}}}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json, text/event-stream",
    ["MCP-Protocol-Version"] = "2025-11-25",
    ["Mcp-Session-Id"] = session,
  }, body)
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
  if string.find(body, '"error":', 1, true) or string.find(body, '"isError":true', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local e, n = 0, 0
  for _, t in ipairs(threads) do
    e = e + t:get("errors")
    n = n + t:get("non200")
  end
  io.write(string.format("non-200: %d, error answers: %d\n", n, e))
end
