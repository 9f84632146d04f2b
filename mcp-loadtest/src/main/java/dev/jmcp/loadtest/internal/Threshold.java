package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.Stats;
import dev.jmcp.loadtest.LoadTestReport.ThresholdResult;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail expression over the final report: {@code [tool:NAME:|op:METHOD:]metric OP value[unit]}.
 *
 * <p>Metrics: latency percentiles {@code p50 p90 p95 p99 p999 max mean} (unit {@code us}, {@code ms} (default) or
 * {@code s}; successful requests, counted from the intended start), the same with an {@code effective_} prefix
 * ({@code effective_p99}: run-wide, every request and every dropped arrival counted as at least the step timeout);
 * {@code error_rate} (a fraction or a
 * percentage: {@code 0.01}, {@code 1%}); {@code rps} (completed requests per second); {@code requests};
 * {@code errors}; {@code dropped} and {@code drop_rate} (run-wide only). Operators: {@code < <= > >=}.
 */
public record Threshold(
        String expression, String scopeKind, String scopeName, String metric, String operator, double value) {
    private static final Pattern PATTERN = Pattern.compile(
            "^(?:(tool|op):(.+):)?((?:effective_)?(?:p50|p90|p95|p99|p999|max|mean)|error_rate|rps|requests|errors"
                    + "|dropped|drop_rate)"
                    + "\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|%)?$");

    /** Parses an expression. */
    public static Threshold parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a threshold: '" + expression
                    + "' (examples: p99<50ms, error_rate<1%, rps>100, tool:echo:p95<=20ms)");
        }
        String metric = m.group(3);
        double value = Double.parseDouble(m.group(5));
        String unit = m.group(6);
        boolean latency = metric.startsWith("p")
                || metric.startsWith("effective_")
                || metric.equals("max")
                || metric.equals("mean");
        if (latency) {
            if ("%".equals(unit)) {
                throw new IllegalArgumentException("latency threshold needs a time unit: " + expression);
            }
            value = switch (unit == null ? "ms" : unit) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        } else if (metric.endsWith("_rate")) {
            if ("%".equals(unit)) {
                value = value / 100;
            } else if (unit != null) {
                throw new IllegalArgumentException("rate threshold takes a fraction or a percentage: " + expression);
            }
        } else if (unit != null) {
            throw new IllegalArgumentException(metric + " takes a plain number: " + expression);
        }
        if (m.group(1) != null
                && (metric.equals("dropped") || metric.equals("drop_rate") || metric.startsWith("effective_"))) {
            throw new IllegalArgumentException(metric + " is run-wide only: " + expression);
        }
        return new Threshold(text, m.group(1), m.group(2), metric, m.group(4), value);
    }

    /** Evaluates against a report; a scope with no requests fails (the measured value is NaN). */
    public ThresholdResult evaluate(LoadTestReport report) {
        double actual = actual(report);
        boolean passed = !Double.isNaN(actual)
                && switch (operator) {
                    case "<" -> actual < value;
                    case "<=" -> actual <= value;
                    case ">" -> actual > value;
                    default -> actual >= value;
                };
        return new ThresholdResult(expression, Double.isNaN(actual) ? -1 : actual, passed);
    }

    private double actual(LoadTestReport report) {
        if (metric.equals("dropped")) {
            return report.generator().droppedArrivals();
        }
        if (metric.equals("drop_rate")) {
            return report.generator().dropRate();
        }
        Stats stats = scopeKind == null
                ? report.summary()
                : ("tool".equals(scopeKind) ? report.tools() : report.operations()).get(scopeName);
        if (stats == null || (stats.requests() == 0 && !metric.startsWith("effective_"))) {
            return Double.NaN;
        }
        return switch (metric) {
            case "error_rate" -> stats.errorRate();
            case "rps" -> stats.throughputRps();
            case "requests" -> stats.requests();
            case "errors" -> stats.errors();
            default -> latency(stats);
        };
    }

    private double latency(Stats stats) {
        boolean effective = metric.startsWith("effective_");
        LoadTestReport.Latency l = effective ? stats.effectiveLatency() : stats.latency();
        if (l == null || l.count() == 0) {
            return Double.NaN;
        }
        return switch (effective ? metric.substring("effective_".length()) : metric) {
            case "p50" -> l.p50Ms();
            case "p90" -> l.p90Ms();
            case "p95" -> l.p95Ms();
            case "p99" -> l.p99Ms();
            case "p999" -> l.p999Ms();
            case "max" -> l.maxMs();
            default -> l.meanMs();
        };
    }

    @Override
    public String toString() {
        return expression.toLowerCase(Locale.ROOT);
    }
}
