#!/usr/bin/env python3
"""Turns the ROW/THREADS/SESSIONS lines of bench/compare.sh (results.txt) into one Markdown report.

Throughput and CPU per request are medians over rounds; ratios compare with the floor (bare) and with the
official SDK in the same mode (sdk-stateless for stateless rows, sdk-session for session rows,
sdk-session-per-conn for one-session-per-connection rows), same JDK and
connection count. Usage: compare_table.py <results dir>
"""
import glob
import os
import re
import statistics
import sys


def fields(line):
    out = {}
    for part in line.split()[1:]:
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def main(out_dir):
    rows, threads, sessions = {}, [], []
    order_servers, order_jdks, order_conns = [], [], []
    with open(os.path.join(out_dir, "results.txt")) as f:
        for line in f:
            if line.startswith("ROW "):
                r = fields(line)
                key = (r["jdk"], r["server"], r["conns"])
                rows.setdefault(key, []).append(r)
                for value, seen in ((r["server"], order_servers), (r["jdk"], order_jdks), (r["conns"], order_conns)):
                    if value not in seen:
                        seen.append(value)
            elif line.startswith("THREADS "):
                threads.append(fields(line))
            elif line.startswith("SESSIONS "):
                sessions.append(fields(line))

    def med(key, name):
        vals = [num(r.get(name)) for r in rows.get(key, [])]
        vals = [v for v in vals if v is not None]
        return statistics.median(vals) if vals else None

    def fmt(v, pattern="{:,.0f}"):
        return "-" if v is None else pattern.format(v)

    def ratio(a, b, pattern="{:.2f}"):
        return "-" if a is None or not b else pattern.format(a / b)

    print("### Throughput and server CPU per request (wrk, unique ids, tools/call echo)")
    print()
    header = ["JDK", "server"]
    for c in order_conns:
        header += [f"c{c} req/s", f"c{c} × floor"]
    top = order_conns[-1] if order_conns else None
    header += [f"c{top} µs/req", f"c{top} CPU × floor", f"c{top} req/s × SDK", f"c{top} CPU × SDK", "errors", "load"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for jdk in order_jdks:
        for server in order_servers:
            if not any(k[0] == jdk and k[1] == server for k in rows):
                continue
            if server.endswith("session-per-conn"):
                sdk = "sdk-session-per-conn"
            elif server.endswith("session"):
                sdk = "sdk-session"
            else:
                sdk = "sdk-stateless"
            cells = [jdk, server]
            for c in order_conns:
                rps = med((jdk, server, c), "rps")
                cells += [fmt(rps), ratio(rps, med((jdk, "bare", c), "rps"))]
            rps = med((jdk, server, top), "rps")
            cpu = med((jdk, server, top), "cpu_us_per_req")
            cells += [
                fmt(cpu, "{:.1f}"),
                ratio(cpu, med((jdk, "bare", top), "cpu_us_per_req")),
                "-" if server.startswith("sdk") or server == "bare" else ratio(rps, med((jdk, sdk, top), "rps")),
                "-" if server.startswith("sdk") or server == "bare" else ratio(cpu, med((jdk, sdk, top), "cpu_us_per_req")),
                str(int(sum(num(r.get("errors")) or 0 for k, rs in rows.items() if k[:2] == (jdk, server) for r in rs))),
                "/".join(sorted({r.get("load", "?") for k, rs in rows.items() if k[:2] == (jdk, server) for r in rs})),
            ]
            print("| " + " | ".join(cells) + " |")
    print()
    counted = [(k, rs) for k, rs in rows.items() if any("threads_started" in r for r in rs)]
    if counted:
        print("### Threads started during the measured rows (the JVM's java.threads.started counter, every round)")
        print()
        print("| JDK | server | connections | calls | threads started | per 1,000 calls |")
        print("|---|---|---|---|---|---|")
        for (jdk, server, conns), rs in counted:
            calls = sum(num(r.get("requests")) or 0 for r in rs if "threads_started" in r)
            started = sum(num(r.get("threads_started")) or 0 for r in rs if "threads_started" in r)
            per = f"{started * 1000 / calls:.2f}" if calls else "-"
            print(f"| {jdk} | {server} | {conns} | {calls:,.0f} | {started:.0f} | {per} |")
        print()
    if threads:
        print("### Threads started per 1,000 calls (JFR jdk.ThreadStart, c64, after warm-up)")
        print()
        print("| JDK | server | calls | threads started | per 1,000 calls |")
        print("|---|---|---|---|---|")
        for t in threads:
            print(f"| {t['jdk']} | {t['server']} | {t['requests']} | {t['started']} | {t['per_1000']} |")
        print()
    if sessions:
        print("### Idle sessions with an open GET stream (jmcp-session, -Xmx1g)")
        print()
        print("| JDK | sessions | RSS before → after | heap after GC before → after | heap per session | threads | load |")
        print("|---|---|---|---|---|---|---|")
        for s in sessions:
            mib = lambda kb: f"{int(kb) / 1024:,.0f} MiB" if kb and kb.isdigit() else "-"
            per = s.get("heap_per_session_b")
            per = f"{int(per) / 1024:.1f} KB" if per and per.lstrip("-").isdigit() else "-"
            print(
                f"| {s['jdk']} | {s['opened']} | {mib(s['rss_before_kb'])} → {mib(s['rss_kb'])} | "
                f"{mib(s['heap_before_kb'])} → {mib(s['heap_kb'])} | {per} | {s['threads']} | {s['load']} |"
            )
        print()
    clients = sorted(glob.glob(os.path.join(out_dir, "client-*.md")))
    if clients:
        print("### Client rows (bench/client.sh)")
        print()
        for c in clients:
            with open(c) as f:
                print(f.read().rstrip())
            print()
    loadtest_table(os.path.join(out_dir, "loadtest", "results.txt"))
    for mode, title in (("startup", "stdio start-up"), ("roundtrip", "stdio round trips")):
        path = os.path.join(out_dir, f"stdio-{mode}.md")
        if os.path.exists(path) and os.path.getsize(path) > 0:
            print(f"### {title} (bench/stdio.sh {mode}, JDK 17)")
            print()
            with open(path) as f:
                print(f.read().rstrip())
            print()


def loadtest_table(path):
    """The load tester rows of bench/loadtest.sh: each rate beside the wrk run of the same seconds."""
    if not os.path.exists(path):
        return
    rows = []
    with open(path) as f:
        for line in f:
            m = re.match(r"round (\d+)\s+(\S+)\s+(\d+)\s+(.*)", line)
            if m:
                r = dict(kv.split("=", 1) for kv in m.group(4).split() if "=" in kv)
                rows.append((m.group(1), m.group(2), m.group(3), r))
    if not rows:
        return
    print("### Load tester (bench/loadtest.sh, JDK 17): mcp-loadtest, full MCP, against the floor server")
    print()
    print("| round | generator | target req/s | achieved req/s | wrk req/s (same round) | x wrk | drops | p50 ms | p99 ms "
          "| generator CPU | generator µs/req | saturated intervals | errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for rnd, label, rate, r in rows:
        print(
            f"| {rnd} | {label} | {int(rate):,} | {num_or(r.get('rps'))} | {num_or(r.get('wrk'))} | {r.get('x_wrk', '-')} "
            f"| {r.get('drop', '-')} | {r.get('p50', '-')} | {r.get('p99', '-')} | {r.get('gen_cpu', '-')} "
            f"| {r.get('gen_us_per_req', '-')} "
            f"| {r.get('saturated', '-')} | {r.get('errors', '-')} |"
        )
    print()


def num_or(v):
    n = num(v)
    return "-" if n is None else f"{n:,.0f}"


if __name__ == "__main__":
    main(sys.argv[1])
