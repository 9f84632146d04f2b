package dev.jmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small self-contained load generator for MCP over Streamable HTTP, independent of every jmcp module.
 *
 * <p>Each of {@code --connections} workers keeps one session (initialize, notifications/initialized, then repeated
 * tools/call) and sends one request at a time. In the <b>open</b> model ({@code --rate R}, requests per second
 * in total) worker {@code c} has the intended start times {@code T0 + (c + k·N) / R}; latency is measured from the
 * intended start, so a slow server's queueing shows up (no coordinated omission), and service time (from the
 * actual send) is reported apart. In the <b>closed</b> model ({@code --rate 0}) every worker sends back to back
 * and latency equals service time. Samples whose start falls in the warm-up are dropped. Latency is recorded in
 * microseconds in HdrHistogram (3 significant digits). Errors are counted by kind and never enter the latency
 * histogram; a tool result whose text is not the expected echo counts as a {@code tool} error.
 *
 * <p>Usage: {@code OpenLoad --url http://127.0.0.1:18080/mcp [--connections 16] [--rate 1000] [--warmup 5s]
 * [--duration 15s] [--tool echo] [--label name] [--protocol 2025-06-18] [--timeout 10s] [--server-pid PID]}; with
 * a server pid (Linux) it also reports the server's CPU time per successful request in the measured window. The last line printed
 * is a machine-readable {@code RESULT key=value ...} line.
 */
public final class OpenLoad {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final URI url;
    private final int connections;
    private final double rate;
    private final long warmupNanos;
    private final long durationNanos;
    private final String tool;
    private final String label;
    private final String protocol;
    private final Duration timeout;
    private final HttpClient client;
    private final long serverPid;
    private final double clockTicksPerSecond;

    private OpenLoad(Map<String, String> o) {
        this.url = URI.create(require(o, "url"));
        this.connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        this.rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        this.warmupNanos = parseDuration(o.getOrDefault("warmup", "5s")).toNanos();
        this.durationNanos = parseDuration(o.getOrDefault("duration", "15s")).toNanos();
        this.tool = o.getOrDefault("tool", "echo");
        this.label = o.getOrDefault("label", url.toString());
        this.protocol = o.getOrDefault("protocol", "2025-06-18");
        this.timeout = parseDuration(o.getOrDefault("timeout", "10s"));
        this.serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        this.clockTicksPerSecond = Double.parseDouble(o.getOrDefault("clk-tck", "100"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Runs one load test and prints the summary. Exit code 0, or 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: OpenLoad --url URL [--connections N] [--rate R|0] [--warmup 5s]"
                        + " [--duration 15s] [--tool echo|work] [--label L] [--protocol V] [--timeout 10s]"
                        + " [--server-pid PID] [--clk-tck 100]");
                System.exit(2);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        new OpenLoad(o).run();
    }

    private void run() throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(new Worker(c));
        }
        // Handshakes first, so every session exists before the clock starts.
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            threads.add(startThread("load-" + w.index, w::handshakeQuietly));
        }
        join(threads, 30_000);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureStart = t0 + warmupNanos;
        long end = measureStart + durationNanos;
        threads.clear();
        for (Worker w : workers) {
            threads.add(startThread("load-" + w.index, () -> w.loop(t0, measureStart, end)));
        }
        long[] cpuTicks = {-1, -1};
        Thread cpuProbe = serverPid <= 0
                ? null
                : startThread("cpu-probe", () -> {
                    sleepUntil(measureStart);
                    cpuTicks[0] = cpuTicks(serverPid);
                    sleepUntil(end);
                    cpuTicks[1] = cpuTicks(serverPid);
                });
        join(threads, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + timeout.toMillis() + 15_000);
        if (cpuProbe != null) {
            join(List.of(cpuProbe), 5_000);
        }

        Histogram latency = new Histogram(MAX_MICROS, 3);
        Histogram service = new Histogram(MAX_MICROS, 3);
        Map<String, Long> errors = new LinkedHashMap<>();
        for (String k : List.of("http", "rpc", "tool", "timeout", "io", "handshake")) {
            errors.put(k, 0L);
        }
        long ok = 0;
        long dropped = 0;
        long lastDone = measureStart;
        for (Worker w : workers) {
            latency.add(w.latency);
            service.add(w.service);
            ok += w.ok;
            dropped += w.dropped;
            lastDone = Math.max(lastDone, w.lastDone);
            w.errors.forEach((k, v) -> errors.merge(k, v.get(), Long::sum));
        }
        double seconds = durationNanos / 1e9;
        // server CPU (user + system) per successful request during the measured window, in microseconds
        double cpuPerRequest = cpuTicks[0] >= 0 && cpuTicks[1] >= 0 && ok > 0
                ? (cpuTicks[1] - cpuTicks[0]) * (1e6 / clockTicksPerSecond) / ok
                : -1;
        double throughput = ok / seconds;
        double overrun = Math.max(0, (lastDone - end) / 1e9);
        long errorTotal = errors.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%s: %s model, %d connections%s, tool %s, %.0f s measured after %.0f s warm-up%n",
                label,
                rate > 0 ? "open" : "closed",
                connections,
                rate > 0 ? String.format(Locale.ROOT, ", %.0f req/s offered", rate) : "",
                tool,
                seconds,
                warmupNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  ok %d (%.1f req/s), errors %d %s, dropped %d, finished %.2f s after the window,"
                        + " server CPU %.0f us/request%n",
                ok,
                throughput,
                errorTotal,
                errors,
                dropped,
                overrun,
                cpuPerRequest);
        System.out.printf(
                Locale.ROOT,
                "  latency from intended start (us): p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(90),
                latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9),
                latency.getMaxValue());
        System.out.printf(
                Locale.ROOT,
                "  service time (us):                p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
                service.getValueAtPercentile(50),
                service.getValueAtPercentile(90),
                service.getValueAtPercentile(99),
                service.getValueAtPercentile(99.9),
                service.getMaxValue());
        StringBuilder line = new StringBuilder("RESULT");
        line.append(" label=").append(label.replace(' ', '_'));
        line.append(" model=").append(rate > 0 ? "open" : "closed");
        line.append(" rate=").append((long) rate);
        line.append(" conns=").append(connections);
        line.append(" tool=").append(tool);
        line.append(String.format(Locale.ROOT, " tput=%.1f", throughput));
        line.append(" ok=").append(ok);
        line.append(" errors=").append(errorTotal);
        errors.forEach((k, v) -> line.append(" err_").append(k).append('=').append(v));
        line.append(" dropped=").append(dropped);
        line.append(String.format(Locale.ROOT, " cpu_us_per_req=%.0f", cpuPerRequest));
        line.append(" p50=").append(latency.getValueAtPercentile(50));
        line.append(" p90=").append(latency.getValueAtPercentile(90));
        line.append(" p99=").append(latency.getValueAtPercentile(99));
        line.append(" p999=").append(latency.getValueAtPercentile(99.9));
        line.append(" max=").append(latency.getMaxValue());
        line.append(" s_p50=").append(service.getValueAtPercentile(50));
        line.append(" s_p99=").append(service.getValueAtPercentile(99));
        line.append(" s_p999=").append(service.getValueAtPercentile(99.9));
        System.out.println(line);
    }

    private static void sleepUntil(long nanoTime) {
        long now;
        while ((now = System.nanoTime()) < nanoTime) {
            LockSupport.parkNanos(nanoTime - now);
        }
    }

    /** utime + stime of a Linux process in clock ticks, or -1. */
    private static long cpuTicks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Thread startThread(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(List<Thread> threads, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                System.err.println("warning: " + t.getName() + " did not finish in time");
            }
        }
    }

    /** One connection's session and its own histograms (no sharing, no locks). */
    private final class Worker {
        final int index;
        final Histogram latency = new Histogram(MAX_MICROS, 3);
        final Histogram service = new Histogram(MAX_MICROS, 3);
        final Map<String, AtomicLong> errors = new LinkedHashMap<>();
        long ok;
        long dropped;
        long lastDone;
        String sessionId;
        long nextId = 1;

        Worker(int index) {
            this.index = index;
        }

        void handshakeQuietly() {
            try {
                handshake();
            } catch (Exception e) {
                count("handshake");
                sessionId = null;
                System.err.println("handshake failed on connection " + index + ": " + e);
            }
        }

        void handshake() throws IOException, InterruptedException {
            sessionId = null;
            String init = "{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++)
                    + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + protocol
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"OpenLoad\",\"version\":\"1\"}}}";
            HttpResponse<String> r = post(init, false);
            if (r.statusCode() != 200) {
                throw new IOException("initialize: HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode msg = responseMessage(r);
            if (msg == null || msg.has("error")) {
                throw new IOException("initialize failed: " + r.body());
            }
            sessionId = r.headers().firstValue("Mcp-Session-Id").orElse(null);
            HttpResponse<String> n = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", true);
            if (n.statusCode() != 202 && n.statusCode() != 200) {
                throw new IOException("notifications/initialized: HTTP " + n.statusCode() + " " + n.body());
            }
        }

        void loop(long t0, long measureStart, long end) {
            double intervalNanos = rate > 0 ? connections * 1e9 / rate : 0;
            long hardStop = end + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
            long k = 0;
            while (true) {
                long intended;
                long now = System.nanoTime();
                if (rate > 0) {
                    intended = t0 + (long) ((index + (double) k * connections) * (1e9 / rate));
                    k++;
                    if (intended >= end) {
                        return;
                    }
                    if (now > hardStop) {
                        // far behind schedule: count what is left as dropped, do not send it
                        long left = (long) ((end - intended) / intervalNanos) + 1;
                        if (intended >= measureStart) {
                            dropped += left;
                        }
                        return;
                    }
                    while ((now = System.nanoTime()) < intended) {
                        LockSupport.parkNanos(intended - now);
                    }
                } else {
                    intended = now;
                    if (intended >= end) {
                        return;
                    }
                }
                boolean measured = intended >= measureStart;
                long sent = System.nanoTime();
                String kind = callOnce();
                long done = System.nanoTime();
                if (!measured) {
                    continue;
                }
                lastDone = Math.max(lastDone, done);
                if (kind == null) {
                    ok++;
                    latency.recordValue(Math.min(MAX_MICROS, (done - intended) / 1000));
                    service.recordValue(Math.min(MAX_MICROS, (done - sent) / 1000));
                } else {
                    count(kind);
                }
            }
        }

        /** One tools/call; null when it succeeded, else the error kind. Re-initializes after transport errors. */
        String callOnce() {
            long id = nextId++;
            String message = "m" + index + "-" + id;
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":{\"message\":\"" + message + "\"}}}";
            try {
                HttpResponse<String> r = post(body, true);
                if (r.statusCode() != 200) {
                    firstError("http", new IOException("HTTP " + r.statusCode() + ": " + r.body()));
                    if (r.statusCode() == 404 || r.statusCode() == 400) {
                        rehandshake();
                    }
                    return "http";
                }
                JsonNode msg = responseMessage(r);
                if (msg == null) {
                    return "rpc";
                }
                if (msg.has("error") || msg.path("id").asLong(-1) != id) {
                    firstError("rpc", new IOException(msg.toString()));
                    return "rpc";
                }
                JsonNode result = msg.path("result");
                String text = result.path("content").path(0).path("text").asString("");
                if (result.path("isError").asBoolean(false) || !text.equals(tool + ": " + message)) {
                    return "tool";
                }
                return null;
            } catch (HttpTimeoutException e) {
                firstError("timeout", e);
                rehandshake();
                return "timeout";
            } catch (IOException e) {
                firstError("io", e);
                rehandshake();
                return "io";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "io";
            }
        }

        void rehandshake() {
            try {
                handshake();
            } catch (Exception e) {
                count("handshake");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }

        HttpResponse<String> post(String json, boolean afterInit) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (afterInit) {
                b.header("MCP-Protocol-Version", protocol);
            }
            if (sessionId != null) {
                b.header("Mcp-Session-Id", sessionId);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Prints the first error of each kind on each connection to stderr, so a run's errors can be told apart. */
        void firstError(String kind, Exception e) {
            if (!errors.containsKey(kind)) {
                System.err.println("connection " + index + ": first " + kind + " error: " + e);
            }
        }

        void count(String kind) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** The JSON-RPC response in a JSON body or in the first SSE event whose data is a response. */
    static JsonNode responseMessage(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        String body = r.body();
        if (!type.startsWith("text/event-stream")) {
            return body.isEmpty() ? null : JSON.readTree(body);
        }
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            } else if (line.isEmpty()) {
                if (data.length() > 0) {
                    JsonNode msg = JSON.readTree(data.toString());
                    if (msg.has("result") || msg.has("error")) {
                        return msg;
                    }
                }
                data.setLength(0);
            }
        }
        if (data.length() > 0) {
            JsonNode msg = JSON.readTree(data.toString());
            if (msg.has("result") || msg.has("error")) {
                return msg;
            }
        }
        return null;
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
    }

    private static String require(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
