-- wrk script: POST a JSON-RPC request with a unique id per request (thread number * 2^32 + counter).
-- Environment: BODY_KIND = stateless (2026-07-28 tools/call with _meta and the standard headers) | session
-- (handshake-era tools/call, SESSION_ID names the session) | session-per-connection (each wrk thread initializes
-- its own handshake-era session on its first requests and then calls with it: run with -t equal to -c, so that
-- every connection is one thread and one session) | ping; TOOL (echo).
local kind = os.getenv("BODY_KIND") or "stateless"
local tool = os.getenv("TOOL") or "echo"
local session = os.getenv("SESSION_ID")
local counter = 0
threadNo = 0 -- global: setup() sets it in each thread's state
local threads = {}

function setup(thread)
  thread:set("threadNo", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  if kind == "stateless" then
    wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
    wrk.headers["Mcp-Method"] = "tools/call"
    wrk.headers["Mcp-Name"] = tool
  else
    wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
    if kind == "session-per-connection" then
      phase = "initialize"
    elseif session ~= nil and session ~= "" then
      wrk.headers["Mcp-Session-Id"] = session
    end
  end
end

local meta = '"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",'
  .. '"io.modelcontextprotocol/clientCapabilities":{},'
  .. '"io.modelcontextprotocol/clientInfo":{"name":"wrk","version":"1.0.0"}},'

-- session-per-connection: "initialize" -> "initialized" (the notification) -> "call"; response() advances it.
phase = "call"

function request()
  if phase == "initialize" then
    return wrk.format(nil, nil, nil, '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
      .. '"capabilities":{},"clientInfo":{"name":"wrk","version":"1.0.0"}}}')
  elseif phase == "initialized" then
    return wrk.format(nil, nil, nil, '{"jsonrpc":"2.0","method":"notifications/initialized"}')
  end
  counter = counter + 1
  local id = threadNo * 4294967296 + counter
  local params
  if kind == "stateless" then
    params = '{' .. meta .. '"name":"' .. tool .. '","arguments":{"message":"hello"}}'
  else
    params = '{"name":"' .. tool .. '","arguments":{"message":"hello"}}'
  end
  local body = '{"jsonrpc":"2.0","id":' .. string.format("%d", id) .. ',"method":"tools/call","params":' .. params .. '}'
  return wrk.format(nil, nil, nil, body)
end

local errors = 0
local function check(status, headers, body)
  if status ~= 200 or not string.find(body, '"result"', 1, true) then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("unexpected answer " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end

local function followSession(status, headers, body)
  if phase == "initialize" then
    for name, value in pairs(headers) do
      if string.lower(name) == "mcp-session-id" then wrk.headers["Mcp-Session-Id"] = value end
    end
    if wrk.headers["Mcp-Session-Id"] == nil then
      io.stderr:write("initialize gave no session id: " .. status .. " " .. string.sub(body, 1, 300) .. "\n")
    end
    phase = "initialized"
  elseif phase == "initialized" then
    phase = "call"
  elseif os.getenv("CHECK") == "1" then
    check(status, headers, body)
  end
end

if kind == "session-per-connection" then
  response = followSession
elseif os.getenv("CHECK") == "1" then
  response = check
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), bad))
end
