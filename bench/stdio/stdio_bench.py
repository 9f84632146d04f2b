#!/usr/bin/env python3
"""Side-by-side stdio benchmark (issue #19): start-up to the `initialize` answer, and round trips.

Every server is a command line that serves MCP (newline-delimited JSON-RPC) on its stdin/stdout. The servers
of one run are measured interleaved, round after round, so the load of a shared machine hits them alike; the
report gives medians and ratios to the first server (the floor), measured in the same run.

  startup:   launch, write `initialize`, read the first answer line. Reports the server process's CPU time
             (user + system of all its threads, from /proc/<pid>/stat) up to that answer, and the wall time.
  roundtrip: launch, initialize, warm up, then N sequential `ping`s (one in flight), then M pings with W in flight
             on the same connection. Reports µs per sequential round trip (wall, as seen by this driver, whose
             own cost is included for every server alike), the server's CPU per round trip, and round trips/s
             with W in flight.

Usage: stdio_bench.py startup|roundtrip --server NAME=COMMAND [--server ...] [options]
(COMMAND is split with shlex; bench/stdio.sh builds the usual set.)
"""
import argparse
import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
INITIALIZE = (
    b'{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",'
    b'"capabilities":{},"clientInfo":{"name":"stdio-bench","version":"1"}}}\n'
)
INITIALIZED = b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n'


def cpu_ms(pid):
    """User + system CPU of process pid (all threads, exited ones included), in ms."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    # fields[0] is the state (field 3); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) * 1000.0 / CLK_TCK


class Peer:
    """A launched server with a raw, line-buffered view of its stdout."""

    def __init__(self, argv):
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0
        )
        self.win = self.proc.stdin.fileno()
        self.rout = self.proc.stdout.fileno()
        self.buf = b""

    def write(self, data):
        view = memoryview(data)
        while view:
            n = os.write(self.win, view)
            view = view[n:]

    def read_line(self):
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line, self.buf = self.buf[:i], self.buf[i + 1 :]
                return line
            chunk = os.read(self.rout, 65536)
            if not chunk:
                raise EOFError("server closed its stdout")
            self.buf += chunk

    def read_lines(self):
        """Reads at least one chunk; returns how many complete lines it held (their content is dropped)."""
        chunk = os.read(self.rout, 1 << 20)
        if not chunk:
            raise EOFError("server closed its stdout")
        data = self.buf + chunk
        n = data.count(b"\n")
        self.buf = data[data.rfind(b"\n") + 1 :] if n else data
        return n

    def cpu_ms(self):
        return cpu_ms(self.proc.pid)

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()


def initialize(peer):
    peer.write(INITIALIZE)
    line = peer.read_line()
    answer = json.loads(line)
    if answer.get("id") != 0 or "result" not in answer:
        raise RuntimeError(f"unexpected answer to initialize: {line[:200]!r}")
    return answer


def startup_once(argv):
    peer = Peer(argv)
    try:
        initialize(peer)
        wall = (time.perf_counter() - peer.t0) * 1000.0
        cpu = peer.cpu_ms()
        return cpu, wall
    finally:
        peer.close()


def ping(i):
    return b'{"jsonrpc":"2.0","id":%d,"method":"ping"}\n' % i


def sequential(peer, first_id, n):
    t = time.perf_counter()
    c = peer.cpu_ms()
    for i in range(first_id, first_id + n):
        peer.write(ping(i))
        peer.read_line()
    return (time.perf_counter() - t) * 1e6 / n, (peer.cpu_ms() - c) * 1000.0 / n


def concurrent(peer, first_id, n, window):
    lines = [ping(i) for i in range(first_id, first_id + n)]
    t = time.perf_counter()
    c = peer.cpu_ms()
    sent = min(window, n)
    peer.write(b"".join(lines[:sent]))
    done = 0
    while done < n:
        k = peer.read_lines()
        done += k
        if sent < n and k:
            more = min(k, n - sent)
            peer.write(b"".join(lines[sent : sent + more]))
            sent += more
    elapsed = time.perf_counter() - t
    return n / elapsed, (peer.cpu_ms() - c) * 1000.0 / n


def roundtrip_once(argv, args):
    peer = Peer(argv)
    try:
        initialize(peer)
        peer.write(INITIALIZED)
        next_id = 1
        deadline = time.perf_counter() + args.warmup
        while time.perf_counter() < deadline:  # warm-up: both shapes, so both paths are compiled
            sequential(peer, next_id, 2000)
            next_id += 2000
            concurrent(peer, next_id, 20000, args.window)
            next_id += 20000
        seq_us, seq_cpu = sequential(peer, next_id, args.sequential)
        next_id += args.sequential
        rate, conc_cpu = concurrent(peer, next_id, args.concurrent, args.window)
        return seq_us, seq_cpu, rate, conc_cpu
    finally:
        peer.close()


def parse_servers(specs):
    servers = []
    for spec in specs:
        name, _, cmd = spec.partition("=")
        servers.append((name, shlex.split(cmd)))
    return servers


def table(headers, rows):
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["startup", "roundtrip"])
    p.add_argument("--server", action="append", required=True, help="NAME=COMMAND; the first is the floor")
    p.add_argument("--rounds", type=int, default=10, help="launches per server (startup) or rounds (roundtrip)")
    p.add_argument("--warmup", type=float, default=3.0, help="roundtrip: seconds of warm-up per launch")
    p.add_argument("--sequential", type=int, default=20000, help="roundtrip: sequential pings measured")
    p.add_argument("--concurrent", type=int, default=200000, help="roundtrip: pings measured with --window in flight")
    p.add_argument("--window", type=int, default=256, help="roundtrip: requests in flight")
    p.add_argument("--reference", help="startup: NAME of a second server to give wall-time ratios to (a column)")
    args = p.parse_args()
    servers = parse_servers(args.server)
    results = {name: [] for name, _ in servers}
    for r in range(args.rounds):
        for name, argv in servers:
            if args.mode == "startup":
                results[name].append(startup_once(argv))
            else:
                results[name].append(roundtrip_once(argv, args))
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    floor = servers[0][0]
    med = {name: [statistics.median(col) for col in zip(*rs)] for name, rs in results.items()}
    if args.mode == "startup":
        reference = args.reference if args.reference in med else None
        rows = []
        for name, _ in servers:
            cpu, wall = med[name]
            row = [name, f"{cpu:,.0f}", f"{cpu / med[floor][0]:.1f}", f"{wall:,.0f}", f"{wall / med[floor][1]:.1f}"]
            if reference:
                row.append(f"{wall / med[reference][1]:.2f}")
            rows.append(row)
        headers = ["server", "CPU ms", "CPU ratio", "wall ms", "wall ratio"]
        if reference:
            headers.append(f"wall × {reference.split(' ')[0]}")
        print(f"startup to the initialize answer, median of {args.rounds} launches each, interleaved")
        print(table(headers, rows))
    else:
        rows = []
        for name, _ in servers:
            seq_us, seq_cpu, rate, conc_cpu = med[name]
            rows.append(
                [
                    name,
                    f"{seq_us:.1f}",
                    f"{seq_us / med[floor][0]:.2f}",
                    f"{seq_cpu:.1f}",
                    f"{rate:,.0f}",
                    f"{rate / med[floor][2]:.2f}",
                    f"{conc_cpu:.1f}",
                ]
            )
        print(
            f"round trips: {args.sequential} sequential pings, then {args.concurrent} with {args.window} in flight;"
            f" median of {args.rounds} launches each, interleaved"
        )
        print(
            table(
                [
                    "server",
                    "µs/seq. round trip",
                    "ratio",
                    "server CPU µs/seq.",
                    f"round trips/s ({args.window} in flight)",
                    "ratio",
                    "server CPU µs/conc.",
                ],
                rows,
            )
        )


if __name__ == "__main__":
    main()
