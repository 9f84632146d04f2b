#!/usr/bin/env bash
# Scale-out pair for the CI runs (issue #18, docs/scale-out.md): one redis-server, two jmcp instances
# sharing it, and nginx round-robin in front of them (no stickiness) on PORT. Stays in the foreground
# until TERM/INT; everything it starts is in its process group and is stopped with it.
# Usage: .ci/scaleout.sh PORT -- SERVER_CMD...   (SERVER_CMD gets `--http P --redis URI` appended)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=$1; shift
[ "${1:-}" = "--" ] && shift
SERVER_CMD=("$@")
DIR=$(mktemp -d "${TMPDIR:-/tmp}/jmcp-scaleout.XXXXXX")
CHILDREN=()
stop() {
  local p
  for p in "${CHILDREN[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${CHILDREN[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 143' TERM INT


command -v redis-server >/dev/null || { ci_err "redis-server missing (ci_setup_scaleout installs it)"; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { ci_err "nginx missing (ci_setup_scaleout installs it)"; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

RPORT=$(ci_free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  --maxmemory 256mb --maxmemory-policy noeviction >"$DIR/redis.log" 2>&1 &
CHILDREN+=($!)
for _ in $(seq 1 100); do
  [ "$(redis-cli -p "$RPORT" ping 2>/dev/null || true)" = PONG ] && break
  sleep 0.1
done
[ "$(redis-cli -p "$RPORT" ping 2>/dev/null || true)" = PONG ] || { ci_err "redis-server did not answer PING"; cat "$DIR/redis.log" >&2; exit 1; }
echo "[scaleout] redis-server on 127.0.0.1:$RPORT"

# The instances share the 2026-07-28 requestState key (configuration, not Redis): any of them serves a retry.
JMCP_REQUEST_STATE_KEY=${JMCP_REQUEST_STATE_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}
export JMCP_REQUEST_STATE_KEY
UPSTREAMS=()
for i in 1 2; do
  p=$(ci_free_port)
  "${SERVER_CMD[@]}" --http "$p" --redis "redis://127.0.0.1:$RPORT" >"$DIR/instance$i.log" 2>&1 &
  CHILDREN+=($!)
  UPSTREAMS+=("$p")
done
for i in 1 2; do
  p=${UPSTREAMS[$((i - 1))]}
  if ! ci_wait_http "http://127.0.0.1:$p/mcp" 60 "${CHILDREN[$i]}"; then
    ci_err "instance $i did not start"; tail -n 30 "$DIR/instance$i.log" >&2; exit 1
  fi
  echo "[scaleout] instance $i on 127.0.0.1:$p"
done

# Warm-up: a suite's timing-sensitive checks (600 ms windows) land on either instance, so neither may be a
# cold JVM. A few stateless 2026-07-28 calls per instance, directly (not through nginx).
META='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{"elicitation":{}}}'
warm() { # warm PORT METHOD NAME PARAMS
  curl -s -o /dev/null --max-time 5 -X POST "http://127.0.0.1:$1/mcp" -H 'content-type: application/json' \
    -H 'accept: application/json, text/event-stream' -H 'mcp-protocol-version: 2026-07-28' \
    -H "mcp-method: $2" ${3:+-H "mcp-name: $3"} -d '{"jsonrpc":"2.0","id":1,"method":"'"$2"'","params":'"$4"'}' || true
}
for p in "${UPSTREAMS[@]}"; do
  for _ in 1 2 3 4 5 6 7 8; do
    warm "$p" server/discover "" "{$META}"
    warm "$p" tools/call test_streaming_elicitation '{"name":"test_streaming_elicitation","arguments":{},'"$META"'}'
  done
done

mkdir -p "$DIR/tmp"
cat >"$DIR/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  upstream jmcp {
    server 127.0.0.1:${UPSTREAMS[0]} max_fails=0;
    server 127.0.0.1:${UPSTREAMS[1]} max_fails=0;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PORT;
    location / {
      proxy_pass http://jmcp;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
CONF
"$NGINX" -c "$DIR/nginx.conf" -p "$DIR" >"$DIR/nginx.log" 2>&1 &
CHILDREN+=($!)
echo "[scaleout] nginx round robin on 127.0.0.1:$PORT"
wait -n "${CHILDREN[@]}" || true
ci_err "a scale-out process exited early"
tail -n 20 "$DIR"/*.log >&2 || true
exit 1
