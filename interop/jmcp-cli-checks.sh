#!/usr/bin/env bash
# The jmcp CLI client against a TypeScript server. This file is the ONLY place that knows the
# jmcp CLI's command line, so adjust it here when the CLI settles.
#
#   interop/jmcp-cli-checks.sh [--protocol V] [--expect-protocol V] --stdio "<server command>" everything
#   interop/jmcp-cli-checks.sh [--protocol V] [--expect-protocol V] --http http://localhost:PORT/mcp ts-server
#
# The profile (everything = @modelcontextprotocol/server-everything, ts-server =
# interop/ts-server-http.mjs and interop/ts-server-http-v2.mjs) picks the tool names.
# --protocol V pins the handshake to revision V (the CLI's --protocol; default: the CLI
# negotiates). --expect-protocol V adds an `info --json` check that the connection ended up on
# revision V (so a silent fallback to another era fails the run). Prints one line per check and
# `N passed, M failed`; exits 0 only if every check passed.
# Env: JMCP_CLI_CMD (default: java -jar examples/target/jmcp-examples.jar client),
#      JMCP_CLI_TIMEOUT_S (per command, default 60).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JMCP_CLI_CMD=${JMCP_CLI_CMD:-java -jar $root/examples/target/jmcp-examples.jar client}
TIMEOUT_S=${JMCP_CLI_TIMEOUT_S:-60}

usage() { echo "usage: $0 [--protocol V] [--expect-protocol V] --stdio CMD|--http URL everything|ts-server" >&2; exit 2; }
pin="" expect_protocol=""
while [ $# -gt 3 ]; do
  case "$1" in
    --protocol) pin=$2; shift 2 ;;
    --expect-protocol) expect_protocol=$2; shift 2 ;;
    *) usage ;;
  esac
done
[ $# -eq 3 ] || usage
transport=$1 target=$2 profile=$3
cli_opts=(); [ -z "$pin" ] || cli_opts=("--protocol=$pin")

case "$profile" in
  everything) sum_tool=get-sum; sum_text='is 5'; error_tool=""; prompt=simple-prompt; prompt_args='{}' ;;
  ts-server) sum_tool=add; sum_text='5'; error_tool=fail; prompt=greet; prompt_args='{"name":"jmcp"}' ;;
  *) echo "unknown profile $profile" >&2; exit 2 ;;
esac

# jmcp SUBCOMMAND...: runs the jmcp CLI client against the target; output on stdout.
jmcp() {
  # shellcheck disable=SC2086
  timeout "$TIMEOUT_S" $JMCP_CLI_CMD "${cli_opts[@]}" "$transport" "$target" "$@" </dev/null
}

passed=0 failed=0
# check NAME EXPECTED_EXIT(0|nonzero|any) GREP_PATTERN -- SUBCOMMAND...
check() {
  local name=$1 want_exit=$2 pattern=$3; shift 4
  local out rc=0
  out=$(jmcp "$@" 2>&1) || rc=$?
  local ok=1
  case "$want_exit" in
    0) [ "$rc" -eq 0 ] || ok=0 ;;
    nonzero) { [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]; } || ok=0 ;;
  esac
  if [ "$ok" -eq 1 ] && ! grep -qE -- "$pattern" <<<"$out"; then ok=0; fi
  if [ "$ok" -eq 1 ]; then
    passed=$((passed + 1)); echo "  ok   $name"
  else
    local note=""; [ "$rc" -eq 124 ] && note=", timed out after ${TIMEOUT_S}s"
    failed=$((failed + 1)); echo "  FAIL $name (exit $rc$note; want /$pattern/)"
    sed 's/^/         | /' <<<"$out" | tail -n 15
  fi
}

echo "jmcp CLI ${cli_opts[*]:+${cli_opts[*]} }$transport $target ($profile)"
if [ -n "$expect_protocol" ]; then
  check "info: protocol $expect_protocol" 0 "\"protocolVersion\" *: *\"$expect_protocol\"" -- info --json
fi
check "tools list" 0 '"echo"' -- tools list --json
check "tools call echo" 0 'Echo: interop' -- tools call echo --args '{"message":"interop"}' --json
check "tools call $sum_tool" 0 "$sum_text" -- tools call "$sum_tool" --args '{"a":2,"b":3}' --json
if [ -n "$error_tool" ]; then
  # An isError result: the CLI prints it and exits non-zero.
  check "tools call $error_tool is an error" any 'always fails' -- tools call "$error_tool" --json
fi
check "resources list" 0 '"uri"' -- resources list --json
check "prompts get $prompt" 0 '"messages"' -- prompts get "$prompt" --args "$prompt_args" --json
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
