#!/usr/bin/env bash
# Measures the per-request cost of the Redis-backed mode next to the in-memory one (docs/scale-out.md):
# one everything server in memory, one with --redis, the same wrk load on each in turn (A B A B).
# Usage: [TOOL=name] integrations/redis/bench/measure.sh [DURATION] (default 10s; TOOL default test_simple_text); needs wrk, redis-server, the examples jar.
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=examples/target/jmcp-examples.jar
DUR=${1:-10s}
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
RPORT=$(free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 & PIDS+=($!)
MEM=$(free_port); RED=$(free_port)
java -jar "$JAR" server everything --http "$MEM" >/tmp/measure-mem.log 2>&1 & PIDS+=($!)
java -jar "$JAR" server everything --http "$RED" --redis "redis://127.0.0.1:$RPORT" >/tmp/measure-redis.log 2>&1 & PIDS+=($!)
for p in "$MEM" "$RED"; do
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$p/mcp" && break; sleep 0.5; done
done
session() { # PORT -> session id (initialized)
  local sid
  sid=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:$1/mcp" -H 'content-type: application/json' \
    -H 'accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}' \
    | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p')
  curl -s -o /dev/null -X POST "http://127.0.0.1:$1/mcp" -H 'content-type: application/json' \
    -H 'accept: application/json, text/event-stream' -H "mcp-session-id: $sid" -H 'mcp-protocol-version: 2025-11-25' \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo "$sid"
}
SMEM=$(session "$MEM"); SRED=$(session "$RED")
# warm-up, then two alternating rounds
TOOL=${TOOL:-test_simple_text} SESSION=$SMEM wrk -t2 -c8 -d5s -s integrations/redis/bench/tools-call.lua "http://127.0.0.1:$MEM/mcp" >/dev/null
TOOL=${TOOL:-test_simple_text} SESSION=$SRED wrk -t2 -c8 -d5s -s integrations/redis/bench/tools-call.lua "http://127.0.0.1:$RED/mcp" >/dev/null
for round in 1 2; do
  for mode in memory redis; do
    if [ "$mode" = memory ]; then port=$MEM sid=$SMEM; else port=$RED sid=$SRED; fi
    echo "== round $round, $mode, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    TOOL=${TOOL:-test_simple_text} SESSION=$sid wrk -t2 -c8 -d"$DUR" --latency -s integrations/redis/bench/tools-call.lua "http://127.0.0.1:$port/mcp" \
      | grep -E 'Requests/sec|Latency  |50%|99%|non-200|requests in'
  done
done
