#!/usr/bin/env bash
# Profiles one benchmark server with JFR (settings=profile) under the closed echo load and prints the hottest
# methods and the allocation by class. Usage: bench/profile.sh jmcp-session|jmcp-stateless|sdk-session|sdk-stateless|bare
# Environment as bench/run.sh (JAVA, JVM_FLAGS, PORT, CONNS, DURATION); needs a built benchmarks module.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
server=${1:?server name}
if [[ -n "${JAVA:-}" ]]; then :; elif [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
JFR="$(dirname "$(command -v "$JAVA")")/jfr"
JVM_FLAGS=${JVM_FLAGS:--Xms512m -Xmx512m}
PORT=${PORT:-39181}
CONNS=${CONNS:-16}
DURATION=${DURATION:-20s}
OUT=${OUT:-"$ROOT/bench/results/profile-$server"}
mkdir -p "$OUT"
CP=${BENCH_CP:-"$ROOT/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"}
case "$server" in
  jmcp-*) main=dev.jmcp.bench.JmcpServerMain ;; sdk-*) main=dev.jmcp.bench.SdkServerMain ;; bare) main=dev.jmcp.bench.BareServerMain ;;
  *) echo "unknown server $server" >&2; exit 2 ;;
esac
mode=session; [[ "$server" == *-stateless ]] && mode=stateless
"$JAVA" $JVM_FLAGS -cp "$CP" "$main" "$PORT" "$mode" > "$OUT/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q '^READY' "$OUT/server.log" && break; sleep 0.1; done
grep -q '^READY' "$OUT/server.log" || { echo "server did not start" >&2; exit 1; }
"$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.OpenLoad --url "http://127.0.0.1:$PORT/mcp" --connections "$CONNS" \
  --rate 0 --warmup 0s --duration 15s --tool echo --label warmup > /dev/null 2>&1
"$(dirname "$(command -v "$JAVA")")/jcmd" "$pid" JFR.start name=bench settings=profile filename="$OUT/server.jfr" > /dev/null
"$JAVA" $JVM_FLAGS -cp "$CP" dev.jmcp.bench.OpenLoad --url "http://127.0.0.1:$PORT/mcp" --connections "$CONNS" \
  --rate 0 --warmup 0s --duration "$DURATION" --tool echo --label "$server" --server-pid "$pid" | tail -6
"$(dirname "$(command -v "$JAVA")")/jcmd" "$pid" JFR.stop name=bench > /dev/null
"$JFR" view --width 200 hot-methods "$OUT/server.jfr" | head -40
"$JFR" view --width 200 allocation-by-class "$OUT/server.jfr" | head -30
echo "recording: $OUT/server.jfr"
