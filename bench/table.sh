#!/usr/bin/env bash
# Turns the RESULT/RSS lines written by bench/run.sh into Markdown tables (values and ratios vs jmcp). With several
# rounds, each metric is the median over the rounds and errors are summed.
# Usage: bench/table.sh results.txt
set -euo pipefail
awk '
function kv(line, arr,   n, i, parts, p) {
  delete arr
  n = split(line, parts, " ")
  for (i = 2; i <= n; i++) { p = index(parts[i], "="); arr[substr(parts[i], 1, p - 1)] = substr(parts[i], p + 1) }
}
function put(s, run, k, x,   n) { if (x == "" || x == "-") return; n = ++cnt[s, run, k]; val[s, run, k, n] = x + 0 }
function med(s, run, k,   n, i, j, t, a) {
  n = cnt[s, run, k]; if (n == 0) return ""
  for (i = 1; i <= n; i++) a[i] = val[s, run, k, i]
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function sum(s, run, k,   n, i, t) { n = cnt[s, run, k]; t = 0; for (i = 1; i <= n; i++) t += val[s, run, k, i]; return t }
function ms(us) { return (us == "" ? "-" : sprintf("%.2f", us / 1000)) }
function num(x, fmt) { return (x == "" ? "-" : sprintf(fmt, x)) }
function ratio(x, base) { return (x == "" || base == "" || base + 0 == 0) ? "-" : sprintf("%.2f", x / base) }
function seen_server(s) { if (!(s in seen)) { seen[s] = 1; order[++ns] = s } }
/^RESULT/ {
  kv($0, a)
  split(a["label"], lp, "/"); s = lp[1]; run = lp[2]; seen_server(s)
  for (k in a) put(s, run, k, a[k])
}
/^RSS/ {
  kv($0, a); s = a["label"]; seen_server(s)
  put(s, "rss", "hwm", a["hwm_kb"]); put(s, "rss", "threads", a["threads"])
  put(s, "rss", "live", a["live_heap_kb"]); put(s, "rss", "classes", a["classes"])
}
END {
  rounds = cnt[order[1], "closed-echo", "tput"]
  print "Rounds: " rounds (rounds > 1 ? " (medians; errors summed)" : "") "."
  print ""
  print "| server | closed echo req/s | closed p50 / p99 / p99.9 ms | open echo p50 / p99 / p99.9 ms | open work p50 / p99 / p99.9 ms | errors | server CPU us/req (closed echo) | peak RSS MB | live heap MB | classes | threads |"
  print "|---|---:|---|---|---|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    err = sum(s, "closed-echo", "errors") + sum(s, "open-echo", "errors") + sum(s, "open-work", "errors") \
        + sum(s, "open-echo", "dropped") + sum(s, "open-work", "dropped")
    hwm = med(s, "rss", "hwm"); live = med(s, "rss", "live")
    printf "| %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %d | %s | %s | %s | %s | %s |\n", s,
      num(med(s, "closed-echo", "tput"), "%.0f"),
      ms(med(s, "closed-echo", "p50")), ms(med(s, "closed-echo", "p99")), ms(med(s, "closed-echo", "p999")),
      ms(med(s, "open-echo", "p50")), ms(med(s, "open-echo", "p99")), ms(med(s, "open-echo", "p999")),
      ms(med(s, "open-work", "p50")), ms(med(s, "open-work", "p99")), ms(med(s, "open-work", "p999")),
      err, num(med(s, "closed-echo", "cpu_us_per_req"), "%.0f"),
      (hwm == "" ? "-" : sprintf("%.0f", hwm / 1024)), (live == "" ? "-" : sprintf("%.1f", live / 1024)),
      num(med(s, "rss", "classes"), "%.0f"), num(med(s, "rss", "threads"), "%.0f")
  }
  print ""
  print "Ratios vs jmcp in the same mode (session servers and bare vs jmcp-session, stateless vs jmcp-stateless)."
  print "Throughput: > 1 means faster than jmcp. Latency, CPU and memory: > 1 means worse than jmcp."
  print ""
  print "| server | vs | closed req/s | closed p50 / p99 / p99.9 | open echo p50 / p99 / p99.9 | open work p50 / p99 / p99.9 | CPU/req | peak RSS | live heap |"
  print "|---|---|---:|---|---|---|---:|---:|---:|"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s ~ /^jmcp-/) continue
    b = (s ~ /stateless$/) ? "jmcp-stateless" : "jmcp-session"
    if (!(b in seen)) continue
    printf "| %s | %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s | %s | %s |\n", s, b,
      ratio(med(s, "closed-echo", "tput"), med(b, "closed-echo", "tput")),
      ratio(med(s, "closed-echo", "p50"), med(b, "closed-echo", "p50")),
      ratio(med(s, "closed-echo", "p99"), med(b, "closed-echo", "p99")),
      ratio(med(s, "closed-echo", "p999"), med(b, "closed-echo", "p999")),
      ratio(med(s, "open-echo", "p50"), med(b, "open-echo", "p50")),
      ratio(med(s, "open-echo", "p99"), med(b, "open-echo", "p99")),
      ratio(med(s, "open-echo", "p999"), med(b, "open-echo", "p999")),
      ratio(med(s, "open-work", "p50"), med(b, "open-work", "p50")),
      ratio(med(s, "open-work", "p99"), med(b, "open-work", "p99")),
      ratio(med(s, "open-work", "p999"), med(b, "open-work", "p999")),
      ratio(med(s, "closed-echo", "cpu_us_per_req"), med(b, "closed-echo", "cpu_us_per_req")),
      ratio(med(s, "rss", "hwm"), med(b, "rss", "hwm")),
      ratio(med(s, "rss", "live"), med(b, "rss", "live"))
  }
}' "$1"
