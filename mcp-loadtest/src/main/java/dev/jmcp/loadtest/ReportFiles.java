package dev.jmcp.loadtest;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.internal.HtmlReport;
import dev.jmcp.loadtest.internal.JUnitXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes reports: JSON (schema {@link #SCHEMA_RESOURCE}), self-contained HTML, JUnit XML, and a text summary. */
public final class ReportFiles {
    /** The class-path resource of the JSON report's JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/dev/jmcp/loadtest/report.schema.json";

    private ReportFiles() {}

    /**
     * The report as pretty-printed JSON.
     *
     * @param report the report
     * @return the report as pretty-printed JSON
     */
    public static String toJson(LoadTestReport report) {
        return McpJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /**
     * Reads a JSON report (schema 1.x; fields this version does not know are ignored, so newer minor versions
     * read too).
     *
     * @param file the file
     * @return the load test report
     * @throws IOException if a file cannot be read or written
     */
    public static LoadTestReport readJson(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoadTestReport r;
        try {
            r = McpJson.mapper().readValue(text, LoadTestReport.class);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a jmcp-loadtest report: " + e.getMessage(), e);
        }
        if (r.schemaVersion() == null || !r.schemaVersion().startsWith("1.")) {
            throw new IOException(file + ": unsupported report schema version " + r.schemaVersion());
        }
        return r;
    }

    /**
     * The histogram log a report names, resolved next to the report file, or {@code null} if it names none.
     *
     * @param reportFile the report file
     * @param report the report
     * @return the histogram log a report names, resolved next to the report file, or {@code null} if it names none
     */
    public static Path histogramLogOf(Path reportFile, LoadTestReport report) {
        if (report.histogramLog() == null) {
            return null;
        }
        Path dir = reportFile.toAbsolutePath().getParent();
        return dir == null ? Path.of(report.histogramLog()) : dir.resolve(report.histogramLog());
    }

    /**
     * The report's JSON Schema text.
     *
     * @return the report's JSON Schema text
     */
    public static String schema() {
        try (InputStream in = ReportFiles.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The self-contained HTML report (inline data, script and styles; no network access).
     *
     * @param report the report
     * @return the self-contained HTML report (inline data, script and styles; no network access)
     */
    public static String toHtml(LoadTestReport report) {
        return HtmlReport.render(report, toJson(report));
    }

    /**
     * JUnit XML with one test case per threshold.
     *
     * @param report the report
     * @return JUnit XML with one test case per threshold
     */
    public static String toJUnitXml(LoadTestReport report) {
        return JUnitXml.render(report);
    }

    /**
     * Writes JSON to a file (parents created).
     *
     * @param report the report
     * @param file the file
     * @throws IOException if a file cannot be read or written
     */
    public static void writeJson(LoadTestReport report, Path file) throws IOException {
        write(file, toJson(report));
    }

    /**
     * Writes HTML to a file (parents created).
     *
     * @param report the report
     * @param file the file
     * @throws IOException if a file cannot be read or written
     */
    public static void writeHtml(LoadTestReport report, Path file) throws IOException {
        write(file, toHtml(report));
    }

    /**
     * Writes JUnit XML to a file (parents created).
     *
     * @param report the report
     * @param file the file
     * @throws IOException if a file cannot be read or written
     */
    public static void writeJUnitXml(LoadTestReport report, Path file) throws IOException {
        write(file, toJUnitXml(report));
    }

    /**
     * A terminal summary of the whole run.
     *
     * @param r the r
     * @return a terminal summary of the whole run
     */
    public static String summary(LoadTestReport r) {
        StringBuilder sb = new StringBuilder();
        LoadTestReport.Stats s = r.summary();
        LoadTestReport.Latency l = s.latency();
        sb.append(String.format(
                Locale.ROOT,
                "%n=== jmcp-loadtest: %s (%s model, %s sessions) ===%n",
                r.target(),
                r.model(),
                r.sessionMode()));
        sb.append(String.format(Locale.ROOT, "duration %.1fs  stop: %s%n", r.durationSeconds(), r.stopReason()));
        sb.append(String.format(
                Locale.ROOT,
                "requests %d  ok %d  errors %d (%.2f%%)  throughput %.1f req/s%n",
                s.requests(),
                s.successes(),
                s.errors(),
                s.errorRate() * 100,
                s.throughputRps()));
        boolean serviceTime = LoadTestReport.SERVICE_TIME.equals(r.latencyBasis());
        sb.append(String.format(
                Locale.ROOT,
                "%s: min %.3f  p50 %.3f  p90 %.3f  p95 %.3f  p99 %.3f  p99.9 %.3f  max %.3f ms%n",
                serviceTime
                        ? "service time (closed model, from actual start, ok)"
                        : "latency (from intended start, served ok)",
                l.minMs(),
                l.p50Ms(),
                l.p90Ms(),
                l.p95Ms(),
                l.p99Ms(),
                l.p999Ms(),
                l.maxMs()));
        LoadTestReport.Latency e = s.effectiveLatency();
        if (e != null && r.generator().scheduledArrivals() > 0) { // open model: arrivals can be dropped
            sb.append(String.format(
                    Locale.ROOT,
                    "effective latency (all requests + %d dropped arrivals counted as >= timeout): p50 %.3f  p90 %.3f"
                            + "  p99 %.3f  max %.3f ms  drop rate %.2f%%%n",
                    s.droppedArrivals() == null ? 0 : s.droppedArrivals(),
                    e.p50Ms(),
                    e.p90Ms(),
                    e.p99Ms(),
                    e.maxMs(),
                    s.dropRate() == null ? 0 : s.dropRate() * 100));
        }
        LoadTestReport.Generator g = r.generator();
        sb.append(String.format(
                Locale.ROOT,
                "service time p99 %.3f ms  |  iterations %d  scheduled %d  dropped %d (%.2f%%)  lag p99 %.3f ms  sessions %d (%d failed)%n",
                g.serviceTime().p99Ms(),
                g.iterations(),
                g.scheduledArrivals(),
                g.droppedArrivals(),
                g.dropRate() * 100,
                g.lag().p99Ms(),
                g.sessionsOpened(),
                g.sessionOpenFailures()));
        if (g.cpuPercent() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "generator CPU %.1f%% of %d processors, saturated in %d intervals%n",
                    g.cpuPercent(),
                    g.processors(),
                    g.saturatedIntervals() == null ? 0 : g.saturatedIntervals()));
        }
        if (!s.errorsByClass().isEmpty()) {
            sb.append("errors by class: ").append(s.errorsByClass()).append('\n');
        }
        if (r.errorSamples() != null) {
            r.errorSamples().forEach((cls, messages) -> {
                if (!messages.isEmpty()) {
                    sb.append("  e.g. ")
                            .append(cls)
                            .append(": ")
                            .append(messages.get(0))
                            .append('\n');
                }
            });
        }
        r.operations()
                .forEach((k, v) -> sb.append(String.format(
                        Locale.ROOT,
                        "  %-20s %8d req  %6.2f%% err  p50 %.3f  p99 %.3f ms%n",
                        k,
                        v.requests(),
                        v.errorRate() * 100,
                        v.latency().p50Ms(),
                        v.latency().p99Ms())));
        r.tools()
                .forEach((k, v) -> sb.append(String.format(
                        Locale.ROOT,
                        "  tool %-15s %8d req  %6.2f%% err  p50 %.3f  p99 %.3f ms%n",
                        k,
                        v.requests(),
                        v.errorRate() * 100,
                        v.latency().p50Ms(),
                        v.latency().p99Ms())));
        if (r.breakingPoint() != null) {
            sb.append("breaking point: ")
                    .append(r.breakingPoint().reason())
                    .append(" at ")
                    .append(String.format(
                            Locale.ROOT, "%.1fs", r.breakingPoint().atSeconds()))
                    .append(": ")
                    .append(r.breakingPoint().detail());
            if (r.breakingPoint().lastHealthyLoad() != null) {
                sb.append(String.format(
                        Locale.ROOT,
                        "; last healthy load %.1f %s at %.1fs",
                        r.breakingPoint().lastHealthyLoad(),
                        r.offeredLoadUnit(),
                        r.breakingPoint().lastHealthySeconds()));
            }
            if (r.breakingPoint().throughputAtKneeRps() != null) {
                sb.append(String.format(
                        Locale.ROOT,
                        ", throughput at the knee %.1f req/s",
                        r.breakingPoint().throughputAtKneeRps()));
            }
            sb.append('\n');
        }
        if (r.ceiling() != null) {
            sb.append("ceiling: highest sustainable rate ")
                    .append(r.ceiling().highestSustainableRate())
                    .append("/s")
                    .append(
                            r.ceiling().reason() == null
                                    ? ""
                                    : "; broke " + r.ceiling().reason())
                    .append('\n');
        }
        if (r.resources() != null) {
            r.resources()
                    .forEach((k, v) -> sb.append(String.format(
                            Locale.ROOT,
                            "  resource %-11s %8d req  %6.2f%% err  p50 %.3f  p99 %.3f ms%n",
                            k,
                            v.requests(),
                            v.errorRate() * 100,
                            v.latency().p50Ms(),
                            v.latency().p99Ms())));
        }
        if (r.mcpScenarios() != null) {
            sb.append(McpScenariosSummary.of(r.mcpScenarios()));
        }
        if (r.prompts() != null) {
            r.prompts()
                    .forEach((k, v) -> sb.append(String.format(
                            Locale.ROOT,
                            "  prompt %-13s %8d req  %6.2f%% err  p50 %.3f  p99 %.3f ms%n",
                            k,
                            v.requests(),
                            v.errorRate() * 100,
                            v.latency().p50Ms(),
                            v.latency().p99Ms())));
        }
        if (r.warnings() != null) {
            for (String w : r.warnings()) {
                sb.append("WARNING: ").append(w).append('\n');
            }
        }
        for (LoadTestReport.ThresholdResult t : r.thresholds()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "threshold %-30s %s (actual %.4f)%n",
                    t.expression(),
                    t.passed() ? "PASS" : "FAIL",
                    t.actual()));
        }
        return sb.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
