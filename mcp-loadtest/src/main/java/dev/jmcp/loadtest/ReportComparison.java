package dev.jmcp.loadtest;

import dev.jmcp.loadtest.internal.HistogramLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Compares a current report with a baseline, for CI: the headline figures side by side with their change, and
 * whether any moved past its regression limit. Latency percentiles come from the runs' histogram logs when both
 * reports have one next to them (exact, from the full distributions), else from the JSON summaries. Per operation,
 * tool, resource and prompt rows are shown for information; the limits apply to the run-wide figures.
 *
 * @param rows every compared figure
 * @param fromHistogramLogs whether the run-wide percentiles were computed from the histogram logs
 */
public record ReportComparison(List<Row> rows, boolean fromHistogramLogs) {
    /**
     * Regression limits; a figure past its limit fails the comparison.
     *
     * @param p50IncreasePercent the largest allowed p50 increase, percent (default 20)
     * @param p99IncreasePercent the largest allowed p99 increase, percent (default 20)
     * @param throughputDecreasePercent the largest allowed throughput decrease, percent (default 10)
     * @param errorRateIncreasePoints the largest allowed error-rate increase, percentage points (default 1)
     */
    public record Limits(
            double p50IncreasePercent,
            double p99IncreasePercent,
            double throughputDecreasePercent,
            double errorRateIncreasePoints) {
        /** The defaults: p50 +20%, p99 +20%, throughput -10%, error rate +1 point. */
        public static final Limits DEFAULTS = new Limits(20, 20, 10, 1);

        /** No limits: a side-by-side view only. */
        public static final Limits NONE = new Limits(
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * One compared figure.
     *
     * @param metric what it is, e.g. {@code p99 ms} or {@code tool echo p99 ms}
     * @param baseline the baseline's value
     * @param current the current value
     * @param change the change: percent for latencies and throughput, percentage points for rates
     * @param limit the limit applied, or {@code null} for an informational row
     * @param regressed whether the change is past the limit
     */
    public record Row(String metric, double baseline, double current, double change, String limit, boolean regressed) {}

    /**
     * Whether any figure regressed past its limit.
     *
     * @return whether any figure regressed past its limit
     */
    public boolean regressed() {
        return rows.stream().anyMatch(Row::regressed);
    }

    /**
     * Compares two JSON report files (their histogram logs are used when both exist).
     *
     * @param baselineFile the baseline file
     * @param currentFile the current file
     * @param limits the limits
     * @return the comparison of the two reports
     * @throws IOException if a file cannot be read or written
     */
    public static ReportComparison compare(Path baselineFile, Path currentFile, Limits limits) throws IOException {
        LoadTestReport base = ReportFiles.readJson(baselineFile);
        LoadTestReport cur = ReportFiles.readJson(currentFile);
        return compare(
                base,
                ReportFiles.histogramLogOf(baselineFile, base),
                cur,
                ReportFiles.histogramLogOf(currentFile, cur),
                limits);
    }

    /**
     * Compares two reports; their histogram logs ({@code null} if none) give exact run-wide percentiles when both
     * exist.
     *
     * @param base the base
     * @param baseLog the base log
     * @param cur the current
     * @param curLog the current log
     * @param limits the limits
     * @return the comparison of the two reports
     * @throws IOException if a file cannot be read or written
     */
    public static ReportComparison compare(
            LoadTestReport base, Path baseLog, LoadTestReport cur, Path curLog, Limits limits) throws IOException {
        Histogram baseServed = served(baseLog);
        Histogram curServed = served(curLog);
        boolean exact = baseServed != null && curServed != null;
        double bP50 = exact ? ms(baseServed, 50) : base.summary().latency().p50Ms();
        double cP50 = exact ? ms(curServed, 50) : cur.summary().latency().p50Ms();
        double bP99 = exact ? ms(baseServed, 99) : base.summary().latency().p99Ms();
        double cP99 = exact ? ms(curServed, 99) : cur.summary().latency().p99Ms();
        List<Row> rows = new ArrayList<>();
        rows.add(increase("p50 ms", bP50, cP50, limits.p50IncreasePercent()));
        rows.add(increase("p99 ms", bP99, cP99, limits.p99IncreasePercent()));
        double bT = base.summary().throughputRps();
        double cT = cur.summary().throughputRps();
        double tChange = percent(bT, cT);
        rows.add(new Row(
                "throughput req/s",
                bT,
                cT,
                tChange,
                limit("-", limits.throughputDecreasePercent(), "%"),
                -tChange > limits.throughputDecreasePercent()));
        double bE = base.summary().errorRate() * 100;
        double cE = cur.summary().errorRate() * 100;
        rows.add(new Row(
                "error rate %",
                bE,
                cE,
                cE - bE,
                limit("+", limits.errorRateIncreasePoints(), " pt"),
                cE - bE > limits.errorRateIncreasePoints()));
        if (base.summary().dropRate() != null && cur.summary().dropRate() != null) {
            double b = base.summary().dropRate() * 100;
            double c = cur.summary().dropRate() * 100;
            rows.add(new Row("drop rate %", b, c, c - b, null, false));
        }
        if (base.summary().effectiveLatency() != null && cur.summary().effectiveLatency() != null) {
            info(
                    rows,
                    "effective p99 ms",
                    base.summary().effectiveLatency().p99Ms(),
                    cur.summary().effectiveLatency().p99Ms());
        }
        keyed(rows, "op ", base.operations(), cur.operations());
        keyed(rows, "tool ", base.tools(), cur.tools());
        keyed(rows, "resource ", base.resources(), cur.resources());
        keyed(rows, "prompt ", base.prompts(), cur.prompts());
        return new ReportComparison(List.copyOf(rows), exact);
    }

    private static void keyed(
            List<Row> rows, String label, Map<String, LoadTestReport.Stats> b, Map<String, LoadTestReport.Stats> c) {
        if (b == null || c == null) {
            return;
        }
        b.forEach((k, bs) -> {
            LoadTestReport.Stats cs = c.get(k);
            if (cs != null) {
                info(
                        rows,
                        label + k + " p50 ms",
                        bs.latency().p50Ms(),
                        cs.latency().p50Ms());
                info(
                        rows,
                        label + k + " p99 ms",
                        bs.latency().p99Ms(),
                        cs.latency().p99Ms());
                info(rows, label + k + " req/s", bs.throughputRps(), cs.throughputRps());
            }
        });
    }

    private static void info(List<Row> rows, String metric, double b, double c) {
        rows.add(new Row(metric, b, c, percent(b, c), null, false));
    }

    private static Row increase(String metric, double b, double c, double limitPercent) {
        double change = percent(b, c);
        return new Row(metric, b, c, change, limit("+", limitPercent, "%"), change > limitPercent);
    }

    private static double percent(double b, double c) {
        if (b == 0) {
            return c == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (c - b) / b * 100;
    }

    private static Histogram served(Path log) throws IOException {
        if (log == null || !Files.isRegularFile(log)) {
            return null;
        }
        Histogram h = new Histogram(3);
        for (Map.Entry<String, Histogram> e : HistogramLog.read(log).entrySet()) {
            if (e.getKey().startsWith("ok.op:")) {
                h.add(e.getValue());
            }
        }
        return h;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String limit(String sign, double v, String unit) {
        return Double.isInfinite(v) ? null : sign + fmt(v) + unit;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String change(Row r) {
        if (Double.isInfinite(r.change())) {
            return "new";
        }
        boolean points = r.metric().endsWith("rate %");
        return String.format(Locale.ROOT, "%+.1f%s", r.change(), points ? " pt" : "%");
    }

    /**
     * A text table of the comparison.
     *
     * @return a text table of the comparison
     */
    public String text() {
        return text("baseline", "current");
    }

    /**
     * A text table of the comparison with its two columns named.
     *
     * @param baselineLabel the baseline label
     * @param currentLabel the current label
     * @return a text table of the comparison with its two columns named
     */
    public String text(String baselineLabel, String currentLabel) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT, "%-36s %14s %14s %10s %10s%n", "metric", baselineLabel, currentLabel, "change", "limit"));
        for (Row r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-36s %14.3f %14.3f %10s %10s%s%n",
                    r.metric(),
                    r.baseline(),
                    r.current(),
                    change(r),
                    r.limit() == null ? "" : r.limit(),
                    r.regressed() ? "  REGRESSED" : ""));
        }
        sb.append(
                fromHistogramLogs
                        ? "(run-wide percentiles from the histogram logs: exact)\n"
                        : "(run-wide percentiles from the JSON summaries; keep the .hlog files next to the reports for exact"
                                + " ones)\n");
        if (rows.stream().anyMatch(r -> r.limit() != null)) {
            sb.append(regressed() ? "RESULT: regression past the limits\n" : "RESULT: within the limits\n");
        }
        return sb.toString();
    }

    /**
     * A self-contained HTML page of the comparison.
     *
     * @return a self-contained HTML page of the comparison
     */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>jmcp-loadtest comparison</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.bad{background:#fdd;font-weight:bold}")
                .append("</style></head><body><h1>jmcp-loadtest comparison: ")
                .append(regressed() ? "regression" : "within the limits")
                .append("</h1><table><tr><th>metric</th><th>baseline</th><th>current</th><th>change</th>")
                .append("<th>limit</th></tr>");
        for (Row r : rows) {
            sb.append(r.regressed() ? "<tr class=\"bad\">" : "<tr>")
                    .append("<td>")
                    .append(escape(r.metric()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", r.baseline()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", r.current()))
                    .append("</td><td>")
                    .append(escape(change(r)))
                    .append("</td><td>")
                    .append(r.limit() == null ? "" : escape(r.limit()))
                    .append("</td></tr>");
        }
        sb.append("</table><p>")
                .append(
                        fromHistogramLogs
                                ? "Run-wide percentiles from the histogram logs (exact)."
                                : "Run-wide percentiles from the JSON summaries.")
                .append("</p></body></html>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
