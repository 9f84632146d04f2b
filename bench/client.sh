#!/usr/bin/env bash
# Client CPU per tools/call (issue #19): dev.jmcp.bench.ClientCostBenchmark against one server process, on each JDK.
#
# For each JDK in $JDKS: start the server ($SERVER: bare = BareServerMain, the floor server, default; or
# jmcp-stateless / jmcp-session = JmcpServerMain) on 127.0.0.1:$PORT, run the benchmark (raw socket POST = the
# floor, JDK HttpClient.send, McpClient.callTool on each HttpClientEngine, interleaved round after round in one
# JVM), print its table, stop the server (by its pid).
#
# Settings (environment): JDKS (default: "/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64",
# those that exist), THREADS (16), WARMUP (5 s), MEASURE (10 s), ROUNDS (3), VARIANTS
# (raw,jdk,mcp-built_in,mcp-jdk; the first is the floor of the ratios), SERVER (bare), PORT (39281),
# JVM_FLAGS (-Xms512m -Xmx512m: a fixed heap, see compare.sh), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
THREADS=${THREADS:-16}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-10}
ROUNDS=${ROUNDS:-3}
VARIANTS=${VARIANTS:-raw,jdk,mcp-built_in,mcp-jdk}
SERVER=${SERVER:-bare}
PORT=${PORT:-39281}
JVM_FLAGS=${JVM_FLAGS:--Xms512m -Xmx512m}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -Pbench -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
fi
CP="$ROOT/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"
case "$SERVER" in
  bare) MAIN=dev.jmcp.bench.BareServerMain; MODE= ;;
  jmcp-stateless) MAIN=dev.jmcp.bench.JmcpServerMain; MODE=stateless ;;
  jmcp-session) MAIN=dev.jmcp.bench.JmcpServerMain; MODE=session ;;
  *) echo "unknown SERVER $SERVER" >&2; exit 2 ;;
esac

for JDK in $JDKS; do
  [[ -x "$JDK/bin/java" ]] || { echo "skipping $JDK (no java)"; continue; }
  JAVA="$JDK/bin/java"
  LOG=$(mktemp)
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS -cp "$CP" "$MAIN" "$PORT" $MODE >"$LOG" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do grep -q READY "$LOG" && break; sleep 0.1; done
  grep -q READY "$LOG" || { echo "server did not start:"; cat "$LOG"; kill $SERVER_PID; exit 1; }
  echo "== $("$JAVA" -version 2>&1 | head -1), server $SERVER, uptime: $(uptime)"
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.ClientCostBenchmark "http://127.0.0.1:$PORT/mcp" \
    "$THREADS" "$WARMUP" "$MEASURE" "$ROUNDS" "$VARIANTS"
  kill $SERVER_PID 2>/dev/null || true
  wait $SERVER_PID 2>/dev/null || true
  trap - EXIT
  rm -f "$LOG"
done
