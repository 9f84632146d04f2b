#!/usr/bin/env bash
# The issue #19 server comparison in one command: wrk against the bare Jetty floor, the official Java SDK (2.1.0)
# and jmcp, stateless and session mode, on each JDK; then the sessions-memory row, the JFR thread-start check and
# the client rows; then the load tester against the floor and stdio start-up and round trips (JDK 17).
#
#   bench/compare.sh                     # everything (about 40 min on a quiet 2-core machine)
#   JDKS=17 CONNS=64 DURATION=5s WARMUP=5s SESSIONS=0 bench/compare.sh    # a quick look
#
# Method. For one JDK, every server runs at once (own JVM, own port, same flags, idle while not measured) and the
# measurements interleave: for each round, for each connection count, each server in turn gets `wrk -t$THREADS`
# for $DURATION. So a change in machine load hits all servers alike, and the ratios (to the floor and to the
# official SDK, same JDK and connection count) are the result; absolute numbers are only a guide on a shared
# machine. Every request has a unique JSON-RPC id (bench/wrk/call.lua). Stateless rows send a 2026-07-28
# tools/call (params._meta with protocol version, client capabilities and client info; MCP-Protocol-Version,
# Mcp-Method and Mcp-Name headers); session rows initialize once and send handshake-era tools/call with the
# session id on every connection (one session, all connections). Server CPU per request is the server process's
# user+system CPU time (/proc/<pid>/stat) over the measured requests. The load average is recorded per row.
#
# Rows: bare (the floor: plain blocking servlet + Jackson, no MCP), jmcp-stateless (McpHttpServer, stateless,
# default handler execution: inline on JDK 21+ virtual request threads, handed off on JDK 17),
# jmcp-stateless-inline (HandlerExecution.INLINE, the JDK 17 opt-in), sdk-stateless (official SDK,
# immediateExecution(true)), jmcp-session, sdk-session, and (not in the default SERVERS) jmcp-session-per-conn and
# sdk-session-per-conn: the same session servers, but wrk runs one thread per connection (-t = -c) and each
# connection initializes its own session first, so the server holds one session per connection.
#
# Threads: every measured row of a jmcp server also records how many threads its JVM started meanwhile (the
# java.threads.started counter, read with jcmd before and after the row); the report sums them over the rounds, per
# 1,000 calls (0 in steady state). Then, for each jmcp server, $THREAD_CHECK of c64 load (pools that shrank while
# other servers were measured grow back), then a JFR recording (jdk.ThreadStart) during another $THREAD_CHECK, whose
# thread names go to the results directory (on JDK 17, starting JFR slows the server for many seconds, so this
# window covers few calls).
#
# Sessions memory ($SESSIONS > 0): a fresh jmcp session server; dev.jmcp.bench.SessionsDriver opens $SESSIONS
# handshake-era sessions, each with an open GET stream; then RSS, threads and heap used after a full GC
# (jcmd GC.run + GC.heap_info), minus the same before, per session; the class histogram goes to the results.
#
# Client rows: if bench/client.sh exists (the client side of #19), it runs after the server rows with
# JAVA=<java> OUT=<dir>; the table it prints goes to $OUT/client-<jdk>.md and is appended to the report.
#
# Load tester rows (LOADTEST_ROWS, 1; 0 skips): bench/loadtest.sh on JDK 17, mcp-loadtest speaking full MCP against
# the floor server at a rate above what it can reach (LOADTEST_RATES, 40000; LOADTEST_ROUNDS, 3; LOADTEST_WARMUP, 30s
# of warm-up stage per generator JVM), each row paired with a wrk run of the same seconds (the x_wrk ratio).
# stdio rows (STDIO_ROWS, 1; 0 skips): bench/stdio.sh on JDK 17, start-up to the initialize answer (plain launch and
# the documented AppCDS + C1 recipe) and round trips, beside a trivial JVM program and, when its node_modules are
# found, the TypeScript reference server. Both tables are appended to the report.
#
# Before/after: BASE_CP=<benchmarks jar and lib/* of another build> adds the rows base-jmcp-stateless and
# base-jmcp-session (that build's JmcpServerMain) when SERVERS names them, e.g. a build of the commit before #19:
#   git archive <commit> | tar -x -C /tmp/base && (cd /tmp/base && ./mvnw -q -Pbench -pl benchmarks -am package -DskipTests)
#   BASE_CP="/tmp/base/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:/tmp/base/benchmarks/target/lib/*" \
#     SERVERS="bare base-jmcp-stateless jmcp-stateless sdk-stateless base-jmcp-session jmcp-session sdk-session" bench/compare.sh
#
# Settings (environment): JDKS ("17 25"; java per JDK from JAVA_17 / JAVA_25), SERVERS, CONNS ("16 64"),
# CLIENT_ROWS (1; 0 skips bench/client.sh), LOADTEST_ROWS (1), STDIO_ROWS (1), THREADS (2), WARMUP (10s per server and connection count before the first round), DURATION (15s), ROUNDS (1;
# medians over rounds), SESSIONS (10000; 0 skips), THREAD_CHECK (5s; 0 skips), JVM_FLAGS (-Xms512m -Xmx512m for the
# throughput servers: a fixed heap, because G1 shrinks a default heap to a few times the live set at the first
# concurrent cycle, and whether that cycle falls inside the run is chance (a jmcp server crossed its metaspace threshold
# about 70 s in and then ran with a 74 MB heap and 8 young collections a second, the floor never did); the sessions
# server gets -Xmx1g), PORT_BASE (29400, below the ephemeral port range), SKIP_BUILD=1, OUT (results dir).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

JAVA_17=${JAVA_17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JAVA_25=${JAVA_25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JDKS=${JDKS:-"17 25"}
SERVERS=${SERVERS:-"bare jmcp-stateless jmcp-stateless-inline sdk-stateless jmcp-session sdk-session"}
CONNS=${CONNS:-"16 64"}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-1}
SESSIONS=${SESSIONS:-10000}
THREAD_CHECK=${THREAD_CHECK:-5s}
JVM_FLAGS=${JVM_FLAGS:--Xms512m -Xmx512m}
PORT_BASE=${PORT_BASE:-29400}
BASE_CP=${BASE_CP:-}
OUT=${OUT:-"$ROOT/bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ)"}
WRK=${WRK:-wrk}
if ! command -v "$WRK" >/dev/null; then
  echo "wrk not found (Debian: apt-get install wrk; or set WRK=/path/to/wrk): without it every row would be empty" >&2
  exit 2
fi
LUA="$ROOT/bench/wrk/call.lua"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building: ./mvnw -q -B -Pbench -pl benchmarks,mcp-loadtest,examples -am package -DskipTests"
  ./mvnw -q -B -Pbench -pl benchmarks,mcp-loadtest,examples -am package -DskipTests -Dspotless.check.skip=true
fi
CP="$ROOT/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
loadavg() { cut -d' ' -f1 /proc/loadavg; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

{
  echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "settings:  servers='$SERVERS' conns='$CONNS' wrk -t$THREADS warmup=$WARMUP duration=$DURATION rounds=$ROUNDS sessions=$SESSIONS jvm='$JVM_FLAGS'"
  echo "jmcp:      $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?'))"
} | tee "$OUT/env.txt"

declare -A PID PORT SESSION
STARTED=()
stop_all() {
  for p in "${STARTED[@]}"; do
    if kill -0 "$p" 2>/dev/null; then kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi
  done
  STARTED=()
}
trap stop_all EXIT

start_server() { # jdk java server port flags -> PID[server]
  local jdk=$1 java=$2 server=$3 port=$4 flags=$5 main args cp=$CP
  case "$server" in
    base-jmcp-stateless) main=JmcpServerMain; args="$port stateless"; cp=$BASE_CP ;;
    base-jmcp-session) main=JmcpServerMain; args="$port session"; cp=$BASE_CP ;;
    base-jmcp-stateless-inline) main=JmcpServerMain; args="$port stateless INLINE"; cp=$BASE_CP ;;
    bare) main=BareServerMain; args="$port" ;;
    jmcp-stateless) main=JmcpServerMain; args="$port stateless" ;;
    jmcp-stateless-inline) main=JmcpServerMain; args="$port stateless INLINE" ;;
    jmcp-session | jmcp-session-per-conn) main=JmcpServerMain; args="$port session" ;;
    sdk-stateless) main=SdkServerMain; args="$port stateless" ;;
    sdk-session | sdk-session-per-conn) main=SdkServerMain; args="$port session" ;;
    *) echo "unknown server $server" >&2; exit 2 ;;
  esac
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is busy; set PORT_BASE" >&2; exit 1; fi
  # shellcheck disable=SC2086
  "$java" $flags -cp "$cp" "dev.jmcp.bench.$main" $args > "$OUT/$jdk.$server.log" 2>&1 &
  PID[$server]=$!
  PORT[$server]=$port
  STARTED+=("$!")
}

wait_ready() { # server
  local log="$OUT/$2.$1.log"
  for _ in $(seq 1 600); do
    grep -qs '^READY' "$log" && return 0
    kill -0 "${PID[$1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$1 did not start in 60 s:" >&2; tail -20 "$log" >&2; exit 1
}

mcp_post() { # port session body -> headers+body on stdout
  curl -s -i -m 10 -X POST "http://127.0.0.1:$1/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-06-18' \
    ${2:+-H "Mcp-Session-Id: $2"} -d "$3"
}

open_session() { # server -> SESSION[server]
  local port=${PORT[$1]} head sid
  head=$(mcp_post "$port" "" '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"wrk","version":"1.0.0"}}}')
  sid=$(printf '%s' "$head" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id" {print $2; exit}')
  if [[ -z "$sid" ]]; then echo "$1: initialize gave no session id" >&2; printf '%s\n' "$head" | head -5 >&2; exit 1; fi
  mcp_post "$port" "$sid" '{"jsonrpc":"2.0","method":"notifications/initialized"}' > /dev/null
  SESSION[$1]=$sid
}

run_wrk() { # server conns duration -> prints the WRK line
  local server=$1 conns=$2 duration=$3 kind=stateless threads=$THREADS
  [[ "$server" == *-session ]] && kind=session
  if [[ "$server" == *-session-per-conn ]]; then kind=session-per-connection; threads=$conns; fi
  BODY_KIND=$kind SESSION_ID="${SESSION[$server]:-}" "$WRK" -t"$threads" -c"$conns" -d"$duration" --timeout 10s \
    -s "$LUA" "http://127.0.0.1:${PORT[$server]}/mcp" 2>&1 | grep '^WRK' || echo "WRK requests=0 duration_us=1 rps=0 p50_us=0 p99_us=0 errors=1"
}

# threads the JVM of $1 has started since it began (its java.threads.started counter: reading it costs the server
# nothing, unlike a JFR recording, whose start slows a JDK 17 server for many seconds)
threads_started() {
  "$(dirname "$JAVA")/jcmd" "$1" PerfCounter.print 2>/dev/null | awk -F= '$1 == "java.threads.started" {print $2}'
}

measure() { # jdk server conns round
  local jdk=$1 server=$2 conns=$3 round=$4 pid=${PID[$2]} before after line load threads0="" threads1=""
  load=$(loadavg)
  [[ "$server" == jmcp-* ]] && threads0=$(threads_started "$pid")
  before=$(cpu_ticks "$pid")
  line=$(run_wrk "$server" "$conns" "$DURATION")
  after=$(cpu_ticks "$pid")
  [[ "$server" == jmcp-* ]] && threads1=$(threads_started "$pid")
  local requests; requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  local us; us=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "-" }')
  local started=""
  [[ -n "$threads0" && -n "$threads1" ]] && started=" threads_started=$((threads1 - threads0))"
  echo "ROW jdk=$jdk server=$server conns=$conns round=$round ${line#WRK } cpu_us_per_req=$us load=$load$started" | tee -a "$RESULTS"
}

thread_check() { # jdk server
  local jdk=$1 server=$2 pid=${PID[$2]} jfr="$OUT/$1.$2.threads.jfr" jcmd jfrtool line requests started
  jcmd="$(dirname "$JAVA")/jcmd"; jfrtool="$(dirname "$JAVA")/jfr"
  # steady state first: pools that shrank while the other servers were measured grow back before recording
  run_wrk "$server" 64 "$THREAD_CHECK" > /dev/null
  "$jcmd" "$pid" JFR.start name=threads settings=default filename="$jfr" > /dev/null
  line=$(run_wrk "$server" 64 "$THREAD_CHECK")
  "$jcmd" "$pid" JFR.stop name=threads > /dev/null
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  started=$("$jfrtool" summary "$jfr" | awk '$1 == "jdk.ThreadStart" {print $2}')
  started=${started:-0}
  "$jfrtool" print --events jdk.ThreadStart "$jfr" | grep -E '^\s+thread = ' | sort | uniq -c > "$OUT/$1.$2.threads.txt" || true
  echo "THREADS jdk=$jdk server=$server requests=$requests started=$started per_1000=$(awk -v s="$started" -v n="$requests" 'BEGIN { if (n > 0) printf "%.2f", s * 1000 / n; else print "-" }')" \
    | tee -a "$RESULTS"
}

sessions_row() { # jdk
  local jdk=$1 server=jmcp-session port=$((PORT_BASE + 50)) jcmd pid before_kb after_kb rss0 rss1 threads driver opened
  jcmd="$(dirname "$JAVA")/jcmd"
  start_server "$jdk" "$JAVA" "$server" "$port" "-Xmx1g"
  wait_ready "$server" "$jdk"
  pid=${PID[$server]}
  # a few calls so that the request path is loaded before the baseline
  open_session "$server"
  run_wrk "$server" 4 2s > /dev/null
  "$jcmd" "$pid" GC.run > /dev/null
  before_kb=$("$jcmd" "$pid" GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+')
  rss0=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  mkfifo "$OUT/driver.in"
  "$JAVA" -Xmx512m -cp "$CP" dev.jmcp.bench.SessionsDriver "http://127.0.0.1:$port/mcp" "$SESSIONS" 4 "${SESSIONS_CLIENT:-sockets}" \
    < "$OUT/driver.in" > "$OUT/$jdk.sessions-driver.log" 2>&1 &
  driver=$!
  exec 7> "$OUT/driver.in"
  for _ in $(seq 1 1200); do grep -qs '^OPENED' "$OUT/$jdk.sessions-driver.log" && break; kill -0 "$driver" 2>/dev/null || break; sleep 0.5; done
  opened=$(grep -m1 '^OPENED' "$OUT/$jdk.sessions-driver.log" || echo "OPENED 0")
  sleep 2
  "$jcmd" "$pid" GC.run > /dev/null
  after_kb=$("$jcmd" "$pid" GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+')
  rss1=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status")
  "$jcmd" "$pid" GC.class_histogram | head -25 > "$OUT/$jdk.sessions-histogram.txt"
  exec 7>&-
  wait "$driver" 2>/dev/null || true
  rm -f "$OUT/driver.in"
  local n; n=$(awk '{print $2}' <<< "$opened")
  echo "SESSIONS jdk=$jdk opened=$n rss_before_kb=$rss0 rss_kb=$rss1 heap_before_kb=$before_kb heap_kb=$after_kb threads=$threads heap_per_session_b=$(awk -v a="$after_kb" -v b="$before_kb" -v n="$n" 'BEGIN { if (n > 0) printf "%d", (a - b) * 1024 / n; else print "-" }') load=$(loadavg) ($opened)" \
    | tee -a "$RESULTS"
  stop_all
}

for jdk in $JDKS; do
  var="JAVA_$jdk"; JAVA=${!var}
  echo; echo "== JDK $jdk: $("$JAVA" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
  PID=(); PORT=(); SESSION=()
  i=0
  for server in $SERVERS; do start_server "$jdk" "$JAVA" "$server" $((PORT_BASE + i)) "$JVM_FLAGS"; i=$((i + 1)); done
  for server in $SERVERS; do wait_ready "$server" "$jdk"; done
  for server in $SERVERS; do [[ "$server" == *-session ]] && open_session "$server"; done
  for server in $SERVERS; do
    echo "   warm-up $server ($WARMUP per connection count)"
    for c in $CONNS; do run_wrk "$server" "$c" "$WARMUP" > /dev/null; done
  done
  for round in $(seq 1 "$ROUNDS"); do
    for c in $CONNS; do
      for server in $SERVERS; do measure "$jdk" "$server" "$c" "$round"; done
    done
  done
  if [[ "$THREAD_CHECK" != 0 ]]; then
    for server in $SERVERS; do [[ "$server" == jmcp-* ]] && thread_check "$jdk" "$server"; done
  fi
  stop_all
  if [[ "$SESSIONS" != 0 ]]; then sessions_row "$jdk"; fi
  if [[ -x "$ROOT/bench/client.sh" && "${CLIENT_ROWS:-1}" != 0 ]]; then
    echo "   client rows: bench/client.sh (JDK $jdk)"
    # client.sh has settings of the same names (WARMUP, ROUNDS, THREADS) in other units: it gets its own defaults
    env -u WARMUP -u ROUNDS -u THREADS -u PORT JDKS="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" JAVA="$JAVA" \
      JDK="$jdk" OUT="$OUT" "$ROOT/bench/client.sh" > "$OUT/$jdk.client.log" 2>&1 || echo "   bench/client.sh failed (see $OUT/$jdk.client.log)"
    # its table (the markdown lines of its log) goes to the report
    grep '^|' "$OUT/$jdk.client.log" > "$OUT/client-$jdk.md" || rm -f "$OUT/client-$jdk.md"
  fi
done

# the scripts below have settings of the same names (WARMUP, ROUNDS, DURATION, ...) in other units: they get their
# own defaults
SHARED_SETTINGS=(-u WARMUP -u ROUNDS -u THREADS -u PORT -u DURATION -u CONNS -u SERVERS -u OUT)
if [[ "${LOADTEST_ROWS:-1}" != 0 ]]; then
  echo "== load tester: bench/loadtest.sh (JDK 17)"
  # asked for more than it can do: the achieved rate is the generator's maximum (the x_wrk of issue #19)
  # each round starts a new generator JVM: its warm-up stage (LOADTEST_WARMUP, 30s) lets its JIT settle before the
  # measured stage, as the server's JIT settled in the rows above (on 2 cores, JDK 17's C2 still took 23% of the
  # generator's CPU 20-28 s into a run: a 15 s warm-up measured the compiler as much as the generator)
  env "${SHARED_SETTINGS[@]}" RATES="${LOADTEST_RATES:-40000}" ROUNDS="${LOADTEST_ROUNDS:-3}" \
    WARMUP="${LOADTEST_WARMUP:-30s}" JAVA="$JAVA_17" WRK="$WRK" \
    SKIP_BUILD=1 OUT="$OUT/loadtest" "$ROOT/bench/loadtest.sh" \
    > "$OUT/loadtest.log" 2>&1 || echo "   bench/loadtest.sh failed (see $OUT/loadtest.log)"
fi
if [[ "${STDIO_ROWS:-1}" != 0 ]]; then
  echo "== stdio: bench/stdio.sh startup and roundtrip (JDK 17)"
  for mode in startup roundtrip; do
    configs="default cds-c1"
    [[ $mode == roundtrip ]] && configs=default
    env "${SHARED_SETTINGS[@]}" JAVA="$JAVA_17" CONFIGS="$configs" SKIP_BUILD=1 "$ROOT/bench/stdio.sh" "$mode" \
      > "$OUT/stdio-$mode.md" 2> "$OUT/stdio-$mode.log" || echo "   bench/stdio.sh $mode failed (see $OUT/stdio-$mode.log)"
  done
fi

echo; echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
python3 "$ROOT/bench/compare_table.py" "$OUT" | tee "$OUT/table.md"
echo; echo "raw output: $OUT"
