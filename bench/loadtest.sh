#!/usr/bin/env bash
# Is mcp-loadtest fast enough to break a fast server? (issue #20, "Fast enough")
#
#   bench/loadtest.sh                                  # wrk, then mcp-loadtest at each rate, ROUNDS times
#   RATES="4000 8000 12000" ROUNDS=2 DURATION=10s bench/loadtest.sh
#
# Every mcp-loadtest row is paired with a wrk row run just before it (the same seconds of machine load).
# One floor server (benchmarks' BareServerMain: a blocking Jetty servlet + Jackson, no MCP; it answers
# server/discover so a 2026-07-28 client can talk to it) runs for the whole script. Per round, side by side:
#   1. wrk -t$THREADS -c$CONNS for $DURATION with a raw stateless tools/call POST (bench/wrk/call.lua): the rate
#      the floor reaches when the load generator costs almost nothing;
#   2. for each rate in $RATES: `mcp-loadtest run` speaking full MCP (stateless 2026-07-28 tools/call "echo",
#      open model, $CONNS workers and sessions, $HTTP options), a $WARMUP stage (JIT, connections) then a
#      $DURATION stage that is measured: achieved throughput of that stage, its ratio to wrk's rate of the same
#      round, drops, p50/p99 from the intended start, the generator's own CPU (mean of the stage's intervals, % of
#      all processors) and its saturated intervals.
# The load average is printed per row. Ratios within one round are the result: the machine may be shared.
#
# Settings (environment): JAVA (java), RATES ("5000 10000 20000"), ROUNDS (2), DURATION (10s), WARMUP (5s),
# CONNS (64), THREADS (2), VARIANTS (generators compared side by side, separated by ';', each
# "label|jar|options|jvm flags|java" (flags default GEN_FLAGS, java default JAVA), default "built-in|mcp-loadtest/target/mcp-loadtest.jar|"; e.g. add
# ";jdk|mcp-loadtest/target/mcp-loadtest.jar|--http-client jdk"), GEN_FLAGS (-Xms512m -Xmx512m, the generator JVM),
# SERVER_FLAGS (-Xms512m -Xmx512m), SERVER_WARMUP (15s of wrk before the first round), PORT (29581), SKIP_BUILD=1, OUT
# (results dir).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-java}
RATES=${RATES:-"5000 10000 20000"}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
VARIANTS=${VARIANTS:-"built-in|$ROOT/mcp-loadtest/target/mcp-loadtest.jar|"}
GEN_FLAGS=${GEN_FLAGS:--Xms512m -Xmx512m}
SERVER_FLAGS=${SERVER_FLAGS:--Xms512m -Xmx512m}
PORT=${PORT:-29581}
SERVER_WARMUP=${SERVER_WARMUP:-15s}
OUT=${OUT:-"$ROOT/bench/results/loadtest-$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -Pbench -pl benchmarks,mcp-loadtest -am package -DskipTests -Dspotless.check.skip=true
fi
CP="$ROOT/benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"
URL="http://127.0.0.1:$PORT/mcp"
secs() { local d=$1; d=${d%s}; echo "$d"; }

"$JAVA" $SERVER_FLAGS -cp "$CP" dev.jmcp.bench.BareServerMain "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q READY "$OUT/server.log" 2>/dev/null && break; sleep 0.2; done
grep -q READY "$OUT/server.log" || { echo "server did not start"; cat "$OUT/server.log"; exit 1; }

run_wrk() { # duration -> rps
  BODY_KIND=stateless "${WRK:-wrk}" -t"$THREADS" -c"$CONNS" -d"$1" -s "$ROOT/bench/wrk/call.lua" "$URL" \
    | sed -n 's/^WRK .*rps=\([0-9.]*\).*/\1/p'
}

config() { # rate -> config file
  local f="$OUT/loadtest-$1.toml"
  cat > "$f" <<EOF
[settings]
model = "open"
session_mode = "stateless"
timeout = "5s"
max_workers = $CONNS
session_pool = $CONNS
max_queue_wait = "100ms"
interval = "1s"

[[scenario]]
name = "echo"
type = "tools/call"
tool = "echo"
arguments = { message = "hello" }

[[stage]]
name = "warmup"
duration = "$WARMUP"
target_rate = $1
ramp = false

[[stage]]
name = "measure"
duration = "$DURATION"
target_rate = $1
ramp = false
EOF
  echo "$f"
}

run_loadtest() { # rate round label jar options flags java -> one result line (key=value)
  local rate=$1 round=$2 dir="$OUT/r$2-$1-$3"
  mkdir -p "$dir"
  # shellcheck disable=SC2086
  "${7:-$JAVA}" ${6:-$GEN_FLAGS} -jar "$4" run -c "$(config "$rate")" --quiet --report-dir "$dir" $5 "$URL" \
    > "$dir/stdout.txt" 2>&1 || true
  python3 - "$dir" <<'EOF'
import glob, json, sys
files = sorted(glob.glob(sys.argv[1] + "/*.json"))
if not files:
    print("failed=1"); sys.exit()
r = json.load(open(files[-1]))
st = [s for s in r["stages"] if s["name"] == "measure"]
if not st:
    print("failed=1"); sys.exit()
s = st[0]
start, end = s["startSeconds"], s["startSeconds"] + s["durationSeconds"]
iv = [i for i in r["intervals"] if i["startSeconds"] >= start - 0.01 and i["startSeconds"] < end - 0.5]
cpu = [i["generatorCpuPercent"] for i in iv if i.get("generatorCpuPercent") is not None]
stats = s["stats"]
gen = sum(cpu) / max(1, len(cpu))
us = gen / 100 * r["generator"]["processors"] * 1e6 / max(1.0, stats["throughputRps"])
print("rps=%.0f drop=%.1f%% p50=%.2f p99=%.2f gen_cpu=%.0f%% gen_us_per_req=%.0f saturated=%d/%d errors=%d" % (
    stats["throughputRps"], 100 * stats.get("dropRate", 0.0), stats["latency"]["p50Ms"],
    stats["latency"]["p99Ms"], gen, us, r["generator"]["saturatedIntervals"],
    len(r["intervals"]), stats["errors"]))
EOF
}

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java:    $("$JAVA" -version 2>&1 | head -1)"
  echo "setup:   c$CONNS, wrk -t$THREADS, warm-up $WARMUP, measured $DURATION, rates $RATES"
  echo "variants: $VARIANTS"
} | tee "$OUT/results.txt"

# warm the floor server's JIT before the first pair (with 5 s, the first round's wrk rate was half the later ones')
run_wrk "$SERVER_WARMUP" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  for rate in $RATES; do
    IFS=';' read -r -a variants <<< "$VARIANTS"
    for v in "${variants[@]}"; do
      IFS='|' read -r label jar opts flags java <<< "$v"
      wrk_rps=$(run_wrk "$DURATION")
      line=$(run_loadtest "$rate" "$round" "$label" "$jar" "$opts" "$flags" "$java")
      rps=$(sed -n 's/^rps=\([0-9.]*\).*/\1/p' <<< "$line")
      ratio=$(python3 -c "print('%.2f' % (float('${rps:-0}') / float('$wrk_rps')))" 2>/dev/null || echo "?")
      printf 'round %s  %-10s %-6s %s  wrk=%.0f x_wrk=%s  load=%s\n' "$round" "$label" "$rate" "$line" "$wrk_rps" "$ratio" \
        "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.txt"
    done
  done
done
echo "results: $OUT/results.txt"
