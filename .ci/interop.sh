#!/usr/bin/env bash
# Interop between jmcp and the TypeScript SDK (see docs/ci.md):
#   TS client (SDK v1, v2)            -> jmcp everything server, stdio and Streamable HTTP
#   jmcp CLI client                   -> @modelcontextprotocol/server-everything (stdio)
#   jmcp CLI client                   -> interop/ts-server-http.mjs (SDK v1, Streamable HTTP)
#   jmcp CLI client (negotiated, 2025-11-25 pinned)
#                                     -> interop/ts-server-http-v2.mjs (SDK v2, Streamable HTTP)
#   TS client (SDK v1, v2)            -> two jmcp everything servers sharing Redis behind nginx round
#                                        robin (#18, .ci/scaleout.sh), Streamable HTTP
#   TS client (SDK v1, v2)            -> jmcp annotated examples (#15): the typed server over stdio
#                                        and Streamable HTTP, the files server over stdio
#   TS client (SDK v1, v2)            -> jmcp Spring Boot example (#16), Streamable HTTP in Boot's Tomcat
# Every run is bounded by `timeout 120`. Exit 1 if any run fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CI_ROOT"

ci_setup_node
export PATH="$NODE22_BIN:$PATH"
OUT="$CI_CACHE/interop"
rm -rf "$OUT"; mkdir -p "$OUT"
RUN_TIMEOUT=${INTEROP_TIMEOUT_S:-120}
SPEC_NEXT=2026-07-28
SPEC_LEGACY=2025-11-25
# The annotated example servers (issue #15); the files server's --root is appended per run.
JMCP_TYPED_STDIO_CMD=${JMCP_TYPED_STDIO_CMD:-java -jar $JMCP_JAR server typed --stdio}
JMCP_TYPED_HTTP_CMD=${JMCP_TYPED_HTTP_CMD:-java -jar $JMCP_JAR server typed --http %PORT%}
JMCP_FILES_STDIO_CMD=${JMCP_FILES_STDIO_CMD:-java -jar $JMCP_JAR server files --stdio --root}

if [[ "$JMCP_SERVER_HTTP_CMD $JMCP_SERVER_STDIO_CMD $JMCP_CLI_CMD $JMCP_TYPED_STDIO_CMD $JMCP_TYPED_HTTP_CMD $JMCP_FILES_STDIO_CMD" == *"$JMCP_JAR"* ]] && [ ! -f "$JMCP_JAR" ]; then
  ci_note "${JMCP_JAR#"$CI_ROOT"/} missing: building it (./mvnw -B -ntp -q -DskipTests install)"
  timeout 900 ./mvnw -B -ntp -q -DskipTests install || ci_err "build failed; the runs below will fail"
fi

PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do ci_kill_tree "$p"; done; PIDS=(); }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

runs_ok=0 runs_failed=0
# run NAME CMD...: one bounded interop run, output indented, log kept under .ci/.cache/interop/.
run() {
  local name=$1; shift
  local log="$OUT/${name//[^A-Za-z0-9._-]/_}.log" rc=0
  echo "--- $name"
  timeout "$RUN_TIMEOUT" "$@" </dev/null >"$log" 2>&1 || rc=$?
  sed 's/^/    /' "$log" | tail -n 40
  if [ "$rc" -eq 0 ]; then runs_ok=$((runs_ok + 1)); echo "    => ok"
  else
    runs_failed=$((runs_failed + 1))
    local note=""; [ "$rc" -ne 124 ] || note=", timed out after ${RUN_TIMEOUT}s"
    echo "    => FAILED (exit $rc$note)"
  fi
}

# start_http NAME CMD_WITH_%PORT%: starts an HTTP server on a free port, sets HTTP_URL.
start_http() {
  local name=$1 cmd=$2 port
  port=$(ci_free_port)
  cmd=${cmd//%PORT%/$port}
  PORT=$port ci_spawn "$OUT/$name.server.log" bash -c "exec $cmd"
  PIDS+=("$CI_SPAWNED_PID")
  HTTP_URL="http://localhost:$port/mcp"
  if ! ci_wait_http "$HTTP_URL" 60 "$CI_SPAWNED_PID"; then
    tail -n 20 "$OUT/$name.server.log" >&2 || true
    return 1
  fi
}

# shellcheck disable=SC2206
STDIO_ARGV=($JMCP_SERVER_STDIO_CMD)

echo "== TypeScript clients -> jmcp server (stdio: $JMCP_SERVER_STDIO_CMD)"
run "ts-v1 -> jmcp stdio" node interop/ts-client-stdio.mjs --sdk v1 -- "${STDIO_ARGV[@]}"
run "ts-v2 -> jmcp stdio" node interop/ts-client-stdio.mjs --sdk v2 -- "${STDIO_ARGV[@]}"
run "ts-v2@$SPEC_NEXT -> jmcp stdio" node interop/ts-client-stdio.mjs --sdk v2 --era "$SPEC_NEXT" -- "${STDIO_ARGV[@]}"

echo "== TypeScript clients -> jmcp server (Streamable HTTP: $JMCP_SERVER_HTTP_CMD)"
if start_http jmcp-http "$JMCP_SERVER_HTTP_CMD"; then
  run "ts-v1 -> jmcp http" node interop/ts-client-http.mjs --sdk v1 "$HTTP_URL"
  run "ts-v2 -> jmcp http" node interop/ts-client-http.mjs --sdk v2 "$HTTP_URL"
  run "ts-v2@$SPEC_NEXT -> jmcp http" node interop/ts-client-http.mjs --sdk v2 --era "$SPEC_NEXT" "$HTTP_URL"
else
  ci_err "jmcp HTTP server did not start"; runs_failed=$((runs_failed + 3))
fi
cleanup

echo "== TypeScript clients -> scale-out pair behind nginx round robin ($JMCP_SERVER_SCALEOUT_CMD)"
if start_http jmcp-scaleout "$JMCP_SERVER_SCALEOUT_CMD"; then
  run "ts-v1 -> jmcp scale-out http" node interop/ts-client-http.mjs --sdk v1 "$HTTP_URL"
  run "ts-v2 -> jmcp scale-out http" node interop/ts-client-http.mjs --sdk v2 "$HTTP_URL"
  run "ts-v2@$SPEC_NEXT -> jmcp scale-out http" node interop/ts-client-http.mjs --sdk v2 --era "$SPEC_NEXT" "$HTTP_URL"
else
  ci_err "jmcp scale-out pair did not start"; runs_failed=$((runs_failed + 3))
fi
cleanup

echo "== jmcp CLI client ($JMCP_CLI_CMD) -> TypeScript servers"
export JMCP_CLI_CMD
run "jmcp cli -> ts server-everything stdio" \
  bash interop/jmcp-cli-checks.sh --stdio "$CI_NPM/node_modules/.bin/mcp-server-everything stdio" everything
if start_http ts-server "node interop/ts-server-http.mjs %PORT%"; then
  run "jmcp cli -> ts-server-http" bash interop/jmcp-cli-checks.sh --http "$HTTP_URL" ts-server
else
  ci_err "interop/ts-server-http.mjs did not start"; runs_failed=$((runs_failed + 1))
fi
cleanup
# The SDK v2 server serves 2026-07-28 (stateless) and, for 2025-era clients, a stateless legacy
# fallback: the CLI's default negotiation must land on $SPEC_NEXT, the pinned run on $SPEC_LEGACY.
if start_http ts-server-v2 "node interop/ts-server-http-v2.mjs %PORT%"; then
  run "jmcp cli -> ts-server-http-v2 (negotiated)" \
    bash interop/jmcp-cli-checks.sh --expect-protocol "$SPEC_NEXT" --http "$HTTP_URL" ts-server
  run "jmcp cli@$SPEC_LEGACY -> ts-server-http-v2" \
    bash interop/jmcp-cli-checks.sh --protocol "$SPEC_LEGACY" --expect-protocol "$SPEC_LEGACY" --http "$HTTP_URL" ts-server
else
  ci_err "interop/ts-server-http-v2.mjs did not start"; runs_failed=$((runs_failed + 2))
fi
cleanup

echo "== TypeScript clients -> jmcp annotated examples (typed: $JMCP_TYPED_STDIO_CMD)"
# shellcheck disable=SC2206
TYPED_ARGV=($JMCP_TYPED_STDIO_CMD)
run "ts-v1 -> jmcp typed stdio" node interop/ts-client-stdio.mjs --sdk v1 --profile typed -- "${TYPED_ARGV[@]}"
run "ts-v2 -> jmcp typed stdio" node interop/ts-client-stdio.mjs --sdk v2 --profile typed -- "${TYPED_ARGV[@]}"
run "ts-v2@$SPEC_NEXT -> jmcp typed stdio" \
  node interop/ts-client-stdio.mjs --sdk v2 --era "$SPEC_NEXT" --profile typed -- "${TYPED_ARGV[@]}"
if start_http jmcp-typed-http "$JMCP_TYPED_HTTP_CMD"; then
  run "ts-v1 -> jmcp typed http" node interop/ts-client-http.mjs --sdk v1 --profile typed "$HTTP_URL"
  run "ts-v2 -> jmcp typed http" node interop/ts-client-http.mjs --sdk v2 --profile typed "$HTTP_URL"
  run "ts-v2@$SPEC_NEXT -> jmcp typed http" \
    node interop/ts-client-http.mjs --sdk v2 --era "$SPEC_NEXT" --profile typed "$HTTP_URL"
else
  ci_err "jmcp typed HTTP server did not start"; runs_failed=$((runs_failed + 3))
fi
cleanup

# Each files run gets a fresh copy of interop/fixtures/sandbox (the checks write into it).
# files_run NAME CLIENT_ARGS...: one stdio run of the files server.
files_run() {
  local name=$1 sandbox; shift
  sandbox="$OUT/sandbox-${name//[^A-Za-z0-9._-]/_}"
  rm -rf "$sandbox"; cp -R interop/fixtures/sandbox "$sandbox"
  # shellcheck disable=SC2206
  local argv=($JMCP_FILES_STDIO_CMD)
  run "$name" node interop/ts-client-stdio.mjs "$@" --profile files -- "${argv[@]}" "$sandbox"
}
echo "== TypeScript clients -> jmcp annotated examples (files: $JMCP_FILES_STDIO_CMD DIR)"
files_run "ts-v1 -> jmcp files stdio" --sdk v1
files_run "ts-v2 -> jmcp files stdio" --sdk v2
files_run "ts-v2@$SPEC_NEXT -> jmcp files stdio" --sdk v2 --era "$SPEC_NEXT"

# The Spring Boot example (issue #16): an executable Boot jar whose MCP server the starter builds from an
# annotated bean; both eras (the v1 client and v2's default use the 2025-11-25 handshake).
JMCP_BOOT_JAR=${JMCP_BOOT_JAR:-$CI_ROOT/examples/spring-boot/target/jmcp-spring-boot-example.jar}
JMCP_BOOT_HTTP_CMD=${JMCP_BOOT_HTTP_CMD:-java -jar $JMCP_BOOT_JAR --server.address=127.0.0.1 --server.port=%PORT%}
if [[ "$JMCP_BOOT_HTTP_CMD" == *"$JMCP_BOOT_JAR"* ]] && [ ! -f "$JMCP_BOOT_JAR" ]; then
  ci_note "${JMCP_BOOT_JAR#"$CI_ROOT"/} missing: building it (./mvnw -B -ntp -q -DskipTests install)"
  timeout 900 ./mvnw -B -ntp -q -DskipTests install || ci_err "build failed; the runs below will fail"
fi
echo "== TypeScript clients -> jmcp Spring Boot example ($JMCP_BOOT_HTTP_CMD)"
if start_http jmcp-boot-http "$JMCP_BOOT_HTTP_CMD"; then
  run "ts-v1 -> jmcp boot http" node interop/ts-client-http.mjs --sdk v1 --profile boot "$HTTP_URL"
  run "ts-v2 -> jmcp boot http" node interop/ts-client-http.mjs --sdk v2 --profile boot "$HTTP_URL"
  run "ts-v2@$SPEC_NEXT -> jmcp boot http" \
    node interop/ts-client-http.mjs --sdk v2 --era "$SPEC_NEXT" --profile boot "$HTTP_URL"
else
  ci_err "jmcp Spring Boot example did not start"; runs_failed=$((runs_failed + 3))
fi
cleanup

echo "interop: $runs_ok passed, $runs_failed failed" | tee "$OUT/summary.txt"
[ "$runs_failed" -eq 0 ]
