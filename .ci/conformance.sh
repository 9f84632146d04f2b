#!/usr/bin/env bash
# Runs the official MCP conformance suites against jmcp (see docs/ci.md):
#   0.1.16          server --suite all            baseline .ci/conformance/baseline-0.1.16.yml
#   0.1.16          client, every scenario        (same file, `client:` list)
#   0.2.0-alpha.12  server --spec-version 2026-07-28   baseline .ci/conformance/baseline-0.2.0-alpha.12.yml
#   0.2.0-alpha.12  client --spec-version 2026-07-28   (same file, `client:` list)
#   scale-out (#18): both server suites again against two instances sharing Redis behind nginx round robin
#                   (.ci/scaleout.sh), baselines .ci/conformance/baseline-*-scaleout.yml
# Usage: .ci/conformance.sh [server|client|all] [0.1|0.2|all]
# Env: CONFORMANCE_CLIENT_TIMEOUT_MS (default 45000), CONFORMANCE_PARALLEL (2),
#      CONFORMANCE_BUDGET_S (time after which remaining client scenarios of a suite are skipped
#      and counted as failed, default 240), CONFORMANCE_SERVER_TIMEOUT_S (cap per server suite, 300),
#      CONFORMANCE_SCENARIOS (space separated: only run these client scenarios).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CI_ROOT"

WHAT=${1:-all}
WHICH=${2:-all}
CLIENT_TIMEOUT_MS=${CONFORMANCE_CLIENT_TIMEOUT_MS:-45000}
PARALLEL=${CONFORMANCE_PARALLEL:-2}
BUDGET_S=${CONFORMANCE_BUDGET_S:-240}
SERVER_SUITE_TIMEOUT_S=${CONFORMANCE_SERVER_TIMEOUT_S:-300}
OUT="$CI_CACHE/conformance"
SPEC_NEXT=2026-07-28

ci_setup_node
export PATH="$NODE22_BIN:$PATH"

# ensure_jar CMD: builds the examples jar once when CMD uses it and it is missing.
JAR_TRIED=""
ensure_jar() {
  if [[ "$1" == *"$JMCP_JAR"* ]] && [ ! -f "$JMCP_JAR" ] && [ -z "$JAR_TRIED" ]; then
    JAR_TRIED=1
    ci_note "${JMCP_JAR#"$CI_ROOT"/} missing: building it (./mvnw -B -ntp -q -DskipTests install)"
    timeout 900 ./mvnw -B -ntp -q -DskipTests install || ci_err "build failed; the suites below will fail"
  fi
}

status=0
SERVER_PID=""
cleanup() { ci_kill_tree "$SERVER_PID"; SERVER_PID=""; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# start_server LOG: starts the jmcp HTTP server on a free port, sets SERVER_URL; returns 1 on failure.
start_server() {
  local log=$1 port cmd
  port=$(ci_free_port)
  cmd=${JMCP_SERVER_HTTP_CMD//%PORT%/$port}
  ci_note "starting server: $cmd"
  # PORT is exported as well, for servers that read it (e.g. the TypeScript reference servers).
  PORT=$port ci_spawn "$log" bash -c "exec $cmd"
  SERVER_PID=$CI_SPAWNED_PID
  SERVER_URL="http://localhost:$port/mcp"
  if ! ci_wait_http "$SERVER_URL" 60 "$SERVER_PID"; then
    ci_err "server did not start; last log lines:"; tail -n 30 "$log" >&2 || true
    cleanup
    return 1
  fi
}

# run_server_suite LABEL CLI BASELINE EXTRA_ARGS...
run_server_suite() {
  local label=$1 cli=$2 baseline=$3; shift 3
  local dir="$OUT/$label" rc=0
  rm -rf "$dir"; mkdir -p "$dir/results"
  ci_header "conformance $label"
  ensure_jar "$JMCP_SERVER_HTTP_CMD"
  if ! start_server "$dir/server.log"; then
    echo "conformance $label: 0 passed, 1 failed (0 expected) [server did not start]" | tee "$dir/judgement.txt"
    status=1; return
  fi
  timeout "$SERVER_SUITE_TIMEOUT_S" node "$cli" server --url "$SERVER_URL" -o "$dir/results" \
    --expected-failures "$baseline" "$@" >"$dir/run.log" 2>&1 || rc=$?
  cleanup
  grep -E '^(✓|✗|Total)' "$dir/run.log" || tail -n 40 "$dir/run.log"
  [ "$rc" -eq 124 ] && ci_err "$label: the suite hit its ${SERVER_SUITE_TIMEOUT_S}s timeout"
  node "$CI_DIR/conformance-summary.mjs" --kind server --label "$label" --baseline "$baseline" \
    --dir "$dir/results" | tee "$dir/judgement.txt" || rc=1
  [ "$rc" -eq 0 ] || { status=1; ci_note "details: ${dir#"$CI_ROOT"/}/run.log"; }
}

# One client scenario (run by xargs). Args: CLI DIR SPEC_ARGS SCENARIO
run_client_scenario() {
  local cli=$1 dir=$2 spec_args=$3 scenario=$4 rc=0 why=""
  local safe=${scenario//\//__}
  if [ "$SECONDS" -ge "$CI_DEADLINE" ]; then
    printf '%s\t%s\t%s\n' "$scenario" 125 "skipped: client budget exhausted" >>"$dir/results.tsv"
    echo "  - $scenario: skipped (budget)"; return 0
  fi
  # shellcheck disable=SC2086
  timeout $((CLIENT_TIMEOUT_MS / 1000 + 60)) node "$cli" client --command "$JMCP_CONFORMANCE_CLIENT_CMD" \
    --scenario "$scenario" --timeout "$CLIENT_TIMEOUT_MS" -o "$dir/results" $spec_args \
    >"$dir/logs/$safe.log" 2>&1 </dev/null || rc=$?
  if [ "$rc" -ne 0 ]; then
    why=$(grep -oE 'Client timed out after [0-9]+ms|Client exited with code [0-9]+' "$dir/logs/$safe.log" | head -n 1 || true)
    [ "$rc" -eq 124 ] && why="runner timeout"
    [ -n "$why" ] || why="checks failed"
  fi
  printf '%s\t%s\t%s\n' "$scenario" "$rc" "$why" >>"$dir/results.tsv"
  if [ "$rc" -eq 0 ]; then echo "  ✓ $scenario"; else echo "  ✗ $scenario ($why)"; fi
}
export -f run_client_scenario
export CLIENT_TIMEOUT_MS JMCP_CONFORMANCE_CLIENT_CMD

# run_client_suite LABEL CLI BASELINE SPEC_ARGS
run_client_suite() {
  local label=$1 cli=$2 baseline=$3 spec_args=$4
  local dir="$OUT/$label" rc=0
  rm -rf "$dir"; mkdir -p "$dir/results" "$dir/logs"
  : >"$dir/results.tsv"
  ci_header "conformance $label"
  ensure_jar "$JMCP_CONFORMANCE_CLIENT_CMD"
  # shellcheck disable=SC2086
  node "$cli" list --client $spec_args | sed -n 's/^  - \([^ ]*\).*/\1/p' >"$dir/scenarios.txt"
  if [[ "$JMCP_CONFORMANCE_CLIENT_CMD" == *"$JMCP_JAR"* ]] && [ ! -f "$JMCP_JAR" ]; then
    echo "conformance $label: 0 passed, $(wc -l <"$dir/scenarios.txt") failed (0 expected) [${JMCP_JAR#"$CI_ROOT"/} missing]" | tee "$dir/judgement.txt"
    status=1; return
  fi
  if [ -n "${CONFORMANCE_SCENARIOS:-}" ]; then
    tr ' ' '\n' <<<"$CONFORMANCE_SCENARIOS" | grep -Fxf "$dir/scenarios.txt" >"$dir/selected.txt" || true
    mv "$dir/selected.txt" "$dir/scenarios.txt"
  fi
  ci_note "$(wc -l <"$dir/scenarios.txt") scenarios, parallelism $PARALLEL, --timeout $CLIENT_TIMEOUT_MS, budget ${BUDGET_S}s"
  export CI_DEADLINE=$((SECONDS + BUDGET_S))
  xargs -a "$dir/scenarios.txt" -P "$PARALLEL" -I{} \
    bash -c 'run_client_scenario "$@"' _ "$cli" "$dir" "$spec_args" {} || rc=1
  node "$CI_DIR/conformance-summary.mjs" --kind client --label "$label" --baseline "$baseline" \
    --results "$dir/results.tsv" --expect-scenarios "$dir/scenarios.txt" | tee "$dir/judgement.txt" || rc=1
  [ "$rc" -eq 0 ] || { status=1; ci_note "per-scenario logs: ${dir#"$CI_ROOT"/}/logs/"; }
}

B01="$CI_DIR/conformance/baseline-0.1.16.yml"
B02="$CI_DIR/conformance/baseline-0.2.0-alpha.12.yml"
B01S="$CI_DIR/conformance/baseline-0.1.16-scaleout.yml"
B02S="$CI_DIR/conformance/baseline-0.2.0-alpha.12-scaleout.yml"
if [[ "$WHICH" == all || "$WHICH" == 0.1 ]]; then
  [[ "$WHAT" == client ]] || run_server_suite "0.1.16-server" "$CONFORMANCE_0_1" "$B01" --suite all
  [[ "$WHAT" == server ]] || run_client_suite "0.1.16-client" "$CONFORMANCE_0_1" "$B01" ""
  [[ "$WHAT" == client ]] || JMCP_SERVER_HTTP_CMD=$JMCP_SERVER_SCALEOUT_CMD \
    run_server_suite "0.1.16-server-scaleout" "$CONFORMANCE_0_1" "$B01S" --suite all
fi
if [[ "$WHICH" == all || "$WHICH" == 0.2 ]]; then
  [[ "$WHAT" == client ]] || run_server_suite "0.2.0-alpha.12-server" "$CONFORMANCE_0_2" "$B02" --suite all --spec-version "$SPEC_NEXT"
  [[ "$WHAT" == server ]] || run_client_suite "0.2.0-alpha.12-client" "$CONFORMANCE_0_2" "$B02" "--spec-version $SPEC_NEXT"
  [[ "$WHAT" == client ]] || JMCP_SERVER_HTTP_CMD=$JMCP_SERVER_SCALEOUT_CMD \
    run_server_suite "0.2.0-alpha.12-server-scaleout" "$CONFORMANCE_0_2" "$B02S" --suite all --spec-version "$SPEC_NEXT"
fi
exit "$status"
