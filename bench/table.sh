#!/usr/bin/env bash
# Turns the RESULT/RSS lines written by bench/run.sh into Markdown tables (values and ratios vs jmcp).
# Usage: bench/table.sh results.txt
set -euo pipefail
awk '
function kv(line, arr,   n, i, parts, p) {
  delete arr
  n = split(line, parts, " ")
  for (i = 2; i <= n; i++) { p = index(parts[i], "="); arr[substr(parts[i], 1, p - 1)] = substr(parts[i], p + 1) }
}
function ms(us) { return (us == "" ? "-" : sprintf("%.2f", us / 1000)) }
function ratio(x, base, digits) { return (x == "" || base == "" || base + 0 == 0) ? "-" : sprintf("%." digits "f", x / base) }
/^RESULT/ {
  kv($0, a)
  split(a["label"], lp, "/"); s = lp[1]; run = lp[2]
  if (!(s in seen)) { seen[s] = 1; order[++ns] = s }
  for (k in a) v[s, run, k] = a[k]
}
/^RSS/ {
  kv($0, a); s = a["label"]
  if (!(s in seen)) { seen[s] = 1; order[++ns] = s }
  v[s, "rss", "hwm"] = a["hwm_kb"]; v[s, "rss", "threads"] = a["threads"]
  v[s, "rss", "live"] = a["live_heap_kb"]; v[s, "rss", "classes"] = a["classes"]
}
END {
  print "| server | closed echo req/s | closed p50 / p99 / p99.9 ms | open echo p50 / p99 / p99.9 ms | open work p50 / p99 / p99.9 ms | errors | server CPU us/req (closed echo) | peak RSS MB | live heap MB | classes | threads |"
  print "|---|---:|---|---|---|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    err = v[s, "closed-echo", "errors"] + v[s, "open-echo", "errors"] + v[s, "open-work", "errors"] \
        + v[s, "open-echo", "dropped"] + v[s, "open-work", "dropped"]
    printf "| %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %d | %s | %s | %s | %s | %s |\n", s,
      (v[s, "closed-echo", "tput"] == "" ? "-" : sprintf("%.0f", v[s, "closed-echo", "tput"])),
      ms(v[s, "closed-echo", "p50"]), ms(v[s, "closed-echo", "p99"]), ms(v[s, "closed-echo", "p999"]),
      ms(v[s, "open-echo", "p50"]), ms(v[s, "open-echo", "p99"]), ms(v[s, "open-echo", "p999"]),
      ms(v[s, "open-work", "p50"]), ms(v[s, "open-work", "p99"]), ms(v[s, "open-work", "p999"]),
      err, v[s, "closed-echo", "cpu_us_per_req"],
      (v[s, "rss", "hwm"] == "" ? "-" : sprintf("%.0f", v[s, "rss", "hwm"] / 1024)),
      (v[s, "rss", "live"] == "" || v[s, "rss", "live"] == "-" ? "-" : sprintf("%.1f", v[s, "rss", "live"] / 1024)),
      v[s, "rss", "classes"], v[s, "rss", "threads"]
  }
  print ""
  print "Ratios vs jmcp in the same mode (session servers and bare vs jmcp-session, stateless vs jmcp-stateless)."
  print "Throughput: > 1 means faster than jmcp. Latency, CPU and RSS: > 1 means worse than jmcp."
  print ""
  print "| server | vs | closed req/s | closed p50 / p99 / p99.9 | open echo p50 / p99 / p99.9 | open work p50 / p99 / p99.9 | CPU/req | peak RSS | live heap |"
  print "|---|---|---:|---|---|---|---:|---:|---:|"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s ~ /^jmcp-/) continue
    b = (s ~ /stateless$/) ? "jmcp-stateless" : "jmcp-session"
    if (!(b in seen)) continue
    printf "| %s | %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s | %s | %s |\n", s, b,
      ratio(v[s, "closed-echo", "tput"], v[b, "closed-echo", "tput"], 2),
      ratio(v[s, "closed-echo", "p50"], v[b, "closed-echo", "p50"], 2),
      ratio(v[s, "closed-echo", "p99"], v[b, "closed-echo", "p99"], 2),
      ratio(v[s, "closed-echo", "p999"], v[b, "closed-echo", "p999"], 2),
      ratio(v[s, "open-echo", "p50"], v[b, "open-echo", "p50"], 2),
      ratio(v[s, "open-echo", "p99"], v[b, "open-echo", "p99"], 2),
      ratio(v[s, "open-echo", "p999"], v[b, "open-echo", "p999"], 2),
      ratio(v[s, "open-work", "p50"], v[b, "open-work", "p50"], 2),
      ratio(v[s, "open-work", "p99"], v[b, "open-work", "p99"], 2),
      ratio(v[s, "open-work", "p999"], v[b, "open-work", "p999"], 2),
      ratio(v[s, "closed-echo", "cpu_us_per_req"], v[b, "closed-echo", "cpu_us_per_req"], 2),
      ratio(v[s, "rss", "hwm"], v[b, "rss", "hwm"], 2),
      ratio(v[s, "rss", "live"], v[b, "rss", "live"], 2)
  }
}' "$1"
