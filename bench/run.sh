#!/usr/bin/env bash
# Side-by-side HTTP benchmark: jmcp vs the official MCP Java SDK (2.1.0) vs a bare Jetty servlet.
#
# Every server is a separate JVM (same java, same flags) serving the same `echo` and `work` tools on the same
# embedded Jetty 12 ee10 set-up at http://127.0.0.1:$PORT/mcp. For each server in turn: start, wait (bounded),
# warm up, then measure with dev.jmcp.bench.OpenLoad:
#   1. closed model, echo, $CONNS connections back to back      -> max throughput, service-time percentiles
#   2. open model,   echo, $RATE_ECHO req/s over $CONNS conns   -> latency from the intended start time
#   3. open model,   work (~0.5 ms CPU), $RATE_WORK req/s       -> same, with handler work
#   4. (if it has an MCP binding) mcp-loadtest against the same server, as a cross-check
# then record the server's peak RSS (VmHWM), stop it, and print the table and ratios vs jmcp.
#
# Settings (environment): JAVA (default $JAVA_HOME/bin/java or java), JVM_FLAGS (-Xms512m -Xmx512m), PORT (39181),
# CONNS (16), RATE_ECHO (500), RATE_WORK (300), WARMUP (15s, per server, before the measurements),
# DURATION (15s per measurement), SERVERS (default: all five), ROUNDS (1; the servers run in turn, round after
# round, and the table shows each metric's median over the rounds), SKIP_BUILD=1, OUT (results directory).
# BENCH_CP: the class path to run (default: this tree's benchmarks/target), e.g. saved jars of another commit for A/B.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [[ -n "${JAVA:-}" ]]; then :; elif [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
JVM_FLAGS=${JVM_FLAGS:--Xms512m -Xmx512m}
PORT=${PORT:-39181}
CONNS=${CONNS:-16}
RATE_ECHO=${RATE_ECHO:-500}
RATE_WORK=${RATE_WORK:-300}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-15s}
SERVERS=${SERVERS:-"jmcp-session jmcp-stateless sdk-session sdk-stateless bare"}
OUT=${OUT:-"$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building: ./mvnw -q -Pbench -pl benchmarks -am package -DskipTests"
  ./mvnw -q -Pbench -pl benchmarks -am package -DskipTests -Dspotless.check.skip
fi
CP=${BENCH_CP:-"$ROOT/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"}
LOADTEST_JAR="$ROOT/mcp-loadtest/target/mcp-loadtest.jar"

main_class() {
  case "$1" in
    jmcp-*) echo dev.jmcp.bench.JmcpServerMain ;;
    sdk-*) echo dev.jmcp.bench.SdkServerMain ;;
    bare) echo dev.jmcp.bench.BareServerMain ;;
    *) echo "unknown server $1" >&2; exit 2 ;;
  esac
}
server_mode() { case "$1" in *-stateless) echo stateless ;; *) echo session ;; esac; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)
JCMD="$(dirname "$(command -v "$JAVA")")/jcmd"
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
{
  echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "java:      $JAVA ($JAVA_VERSION)"
  echo "jvm flags: $JVM_FLAGS (servers and load generator)"
  echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "settings:  rounds=${ROUNDS:-1} conns=$CONNS warmup=$WARMUP duration=$DURATION rate_echo=$RATE_ECHO rate_work=$RATE_WORK port=$PORT"
  echo "jmcp:      $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?'))"
} | tee "$OUT/env.txt"

load() { # label tool rate warmup duration pid  -> appends the RESULT line
  local label=$1 tool=$2 rate=$3 warmup=$4 duration=$5 pid=$6
  local file="$OUT/${label//\//.}.r$round.txt"
  "$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.OpenLoad --url "http://127.0.0.1:$PORT/mcp" \
    --connections "$CONNS" --rate "$rate" --warmup "$warmup" --duration "$duration" --tool "$tool" \
    --label "$label" --server-pid "$pid" --clk-tck "$CLK_TCK" > "$file" 2>&1 || true
  grep -v '^RESULT' "$file" | head -5 | sed 's/^/    /' || true
  grep '^RESULT' "$file" >> "$RESULTS" || echo "    (no RESULT line; see $file)"
}

SERVER_PID=
cleanup() { if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

ROUNDS=${ROUNDS:-1}
for round in $(seq 1 "$ROUNDS"); do
for server in $SERVERS; do
  if port_busy "$PORT"; then echo "port $PORT is busy; set PORT" >&2; exit 1; fi
  echo
  echo "== round $round/$ROUNDS, $server: starting ($(main_class "$server") $(server_mode "$server")); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" $JVM_FLAGS -cp "$CP" "$(main_class "$server")" "$PORT" "$(server_mode "$server")" > "$OUT/$server.r$round.server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    grep -qs '^READY' "$OUT/$server.r$round.server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q '^READY' "$OUT/$server.r$round.server.log"; then
    echo "$server did not start in 30 s:" >&2; tail -20 "$OUT/$server.r$round.server.log" >&2; exit 1
  fi
  echo "   $(head -1 "$OUT/$server.r$round.server.log")"
  echo "   warm-up: closed echo then open work, $WARMUP total"
  "$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.OpenLoad --url "http://127.0.0.1:$PORT/mcp" --connections "$CONNS" \
    --rate 0 --warmup 0s --duration "$WARMUP" --tool echo --label warmup > "$OUT/$server.r$round.warmup.txt" 2>&1 || true
  "$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.OpenLoad --url "http://127.0.0.1:$PORT/mcp" --connections "$CONNS" \
    --rate "$RATE_WORK" --warmup 0s --duration 5s --tool work --label warmup-work >> "$OUT/$server.r$round.warmup.txt" 2>&1 || true
  load "$server/closed-echo" echo 0 3s "$DURATION" "$SERVER_PID"
  load "$server/open-echo" echo "$RATE_ECHO" 3s "$DURATION" "$SERVER_PID"
  load "$server/open-work" work "$RATE_WORK" 3s "$DURATION" "$SERVER_PID"
  if [[ -f "$LOADTEST_JAR" ]]; then
    cfg="$OUT/loadtest-echo.toml"
    cat > "$cfg" <<TOML
[settings]
model = "open"
rate = $RATE_ECHO
timeout = "10s"
session_mode = "persistent"
max_workers = $CONNS

[[scenario]]
type = "tools/call"
tool = "echo"
arguments = { message = "hello" }
TOML
    set +e
    "$JAVA" $JVM_FLAGS -jar "$LOADTEST_JAR" run --config "$cfg" --duration "$DURATION" --quiet --no-report \
      "http://127.0.0.1:$PORT/mcp" > "$OUT/$server.r$round.loadtest.txt" 2>&1
    rc=$?
    set -e
    echo "   mcp-loadtest (open echo, $RATE_ECHO/s): exit $rc; $(grep -iE 'p99|no MCP target' "$OUT/$server.r$round.loadtest.txt" | head -2 | tr '\n' ' ')"
  fi
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$SERVER_PID/status")
  # live heap after a full GC and loaded classes: what the server really keeps, apart from heap sizing policy
  live_kb=-; classes=-
  if [[ -x "$JCMD" ]]; then
    "$JCMD" "$SERVER_PID" GC.run > /dev/null 2>&1 || true
    live_kb=$("$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+' || echo -)
    classes=$("$JCMD" "$SERVER_PID" PerfCounter.print 2>/dev/null \
      | awk -F= '/^java.cls.loadedClasses=/ {l=$2} /^java.cls.unloadedClasses=/ {u=$2} END {if (l != "") print l - u; else print "-"}')
  fi
  echo "RSS label=$server hwm_kb=$hwm rss_kb=$rss threads=$threads live_heap_kb=$live_kb classes=$classes" \
    | tee -a "$RESULTS" | sed 's/^/   /'
  cleanup
  SERVER_PID=
done
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
"$ROOT/bench/table.sh" "$RESULTS" | tee "$OUT/table.md"
echo
echo "raw output: $OUT"
