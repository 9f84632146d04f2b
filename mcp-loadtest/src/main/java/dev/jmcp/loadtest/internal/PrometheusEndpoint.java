package dev.jmcp.loadtest.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.Latency;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A live Prometheus text endpoint ({@code GET /metrics}, exposition format 0.0.4) of the newest interval and the
 * run's totals so far, served by the JDK's {@code com.sun.net.httpserver} on one daemon thread. The page is rebuilt
 * once per interval (on the collector thread); a scrape only copies the newest page, so scraping never touches the
 * recorders. Closed with the run.
 */
public final class PrometheusEndpoint implements Engine.Listener, AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile byte[] page = "# no interval yet\n".getBytes(StandardCharsets.UTF_8);

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code address} (port 0: a free one). */
    public static PrometheusEndpoint start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jmcp-loadtest-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        PrometheusEndpoint endpoint = new PrometheusEndpoint(server, executor);
        server.createContext("/metrics", endpoint::serve);
        server.start();
        return endpoint;
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = page;
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void onInterval(
            IntervalPoint p, IntervalData runSoFar, double elapsedSeconds, double plannedSeconds, String stageName) {
        StringBuilder sb = new StringBuilder(2048);
        gauge(sb, "jmcp_loadtest_elapsed_seconds", "Seconds since the run started", elapsedSeconds);
        gauge(
                sb,
                "jmcp_loadtest_offered_load",
                "Newest interval: arrivals/s (open) or active VUs (closed)",
                p.offeredLoad());
        gauge(sb, "jmcp_loadtest_interval_throughput_rps", "Newest interval: completed requests/s", p.throughputRps());
        gauge(sb, "jmcp_loadtest_interval_requests", "Newest interval: completed requests", p.requests());
        gauge(sb, "jmcp_loadtest_interval_errors", "Newest interval: failed requests", p.errors());
        gauge(sb, "jmcp_loadtest_interval_error_rate", "Newest interval: errors/requests", p.errorRate());
        gauge(sb, "jmcp_loadtest_interval_dropped_arrivals", "Newest interval: dropped arrivals", p.droppedArrivals());
        gauge(sb, "jmcp_loadtest_interval_lag_p99_ms", "Newest interval: dispatch lag p99", p.lagP99Ms());
        if (p.generatorCpuPercent() != null) {
            gauge(
                    sb,
                    "jmcp_loadtest_generator_cpu_percent",
                    "Newest interval: generator CPU, % of all processors",
                    p.generatorCpuPercent());
        }
        quantiles(
                sb,
                "jmcp_loadtest_interval_latency_ms",
                "Newest interval: latency of successful requests",
                p.latency());
        if (p.effectiveLatency() != null) {
            quantiles(
                    sb,
                    "jmcp_loadtest_interval_effective_latency_ms",
                    "Newest interval: requests and dropped arrivals (>= timeout)",
                    p.effectiveLatency());
        }
        counter(sb, "jmcp_loadtest_requests_total", "Completed requests so far", runSoFar.requests());
        counter(sb, "jmcp_loadtest_errors_total", "Failed requests so far", runSoFar.errors());
        counter(sb, "jmcp_loadtest_dropped_arrivals_total", "Dropped arrivals so far", runSoFar.dropped());
        sb.append("# HELP jmcp_loadtest_errors_by_class_total Failed requests so far by class\n")
                .append("# TYPE jmcp_loadtest_errors_by_class_total counter\n");
        for (Map.Entry<String, Long> e : runSoFar.errorsByClass().entrySet()) {
            sb.append("jmcp_loadtest_errors_by_class_total{class=\"")
                    .append(label(e.getKey()))
                    .append("\"} ")
                    .append(e.getValue())
                    .append('\n');
        }
        sb.append("# HELP jmcp_loadtest_stage_info The running stage\n# TYPE jmcp_loadtest_stage_info gauge\n")
                .append("jmcp_loadtest_stage_info{stage=\"")
                .append(label(stageName))
                .append("\"} 1\n");
        page = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void onBreakingPoint(BreakingPoint bp) {
        // the report carries it; the live page shows the raw signals
    }

    private static void gauge(StringBuilder sb, String name, String help, double v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(num(v)).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, double v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" counter\n");
        sb.append(name).append(' ').append(num(v)).append('\n');
    }

    private static void quantiles(StringBuilder sb, String name, String help, Latency l) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" summary\n");
        if (l == null) {
            sb.append(name).append("_count 0\n");
            return;
        }
        double[][] q = {
            {0.5, l.p50Ms()},
            {0.9, l.p90Ms()},
            {0.95, l.p95Ms()},
            {0.99, l.p99Ms()},
            {0.999, l.p999Ms()},
            {1, l.maxMs()}
        };
        for (double[] x : q) {
            sb.append(name)
                    .append("{quantile=\"")
                    .append(num(x[0]))
                    .append("\"} ")
                    .append(num(x[1]))
                    .append('\n');
        }
        sb.append(name).append("_count ").append(l.count()).append('\n');
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v)
                .round(new java.math.MathContext(9))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String label(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
