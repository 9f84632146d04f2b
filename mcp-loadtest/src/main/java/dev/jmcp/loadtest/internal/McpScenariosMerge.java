package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport.Latency;
import dev.jmcp.loadtest.McpScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Joins the {@code mcpScenarios} sections of N execution segments into the section of the whole run: counts are
 * sums, every latency comes from the segments' histograms ({@link McpScenarios#histograms()}) added together, never
 * from averaged percentiles; {@code pollsMean} comes from the polls-per-task histograms (weighted by tasks created
 * for segments without one), {@code pollsMax} and {@code heldSeconds}
 * are maxima. A part absent from a segment (e.g. {@code [subscribe]}, which runs in segment 1 only) adds nothing.
 */
public final class McpScenariosMerge {
    private McpScenariosMerge() {}

    /**
     * A merged section, or why there is none.
     *
     * @param section the merged section, {@code null} when no segment had one or one cannot be merged
     * @param problem why the sections could not be merged, or {@code null}
     */
    public record Result(McpScenarios section, String problem) {}

    /**
     * Merges the sections ({@code null} entries are segments without one).
     *
     * @param sections the segments' sections
     * @return the merged section, or the reason it cannot be merged (a segment written before schema 1.3 carries no
     *     histograms)
     */
    public static Result merge(List<McpScenarios> sections) {
        List<McpScenarios> parts = sections.stream().filter(Objects::nonNull).toList();
        if (parts.isEmpty()) {
            return new Result(null, null);
        }
        Map<String, Histogram> histograms = new TreeMap<>();
        try {
            add(parts, McpScenarios::progress, McpScenarios.FIRST_PROGRESS, p -> p.timeToFirstProgress(), histograms);
            add(parts, McpScenarios::progress, McpScenarios.PROGRESS_CALLS, p -> p.callLatency(), histograms);
            add(parts, McpScenarios::tasks, McpScenarios.TASK_COMPLETION, t -> t.timeToCompletion(), histograms);
            add(parts, McpScenarios::tasks, McpScenarios.TASK_POLLS, t -> Reports.emptyLatency(), histograms);
            add(parts, McpScenarios::subscriptions, McpScenarios.SUBSCRIPTION_LATENCY, s -> s.latency(), histograms);
            add(parts, McpScenarios::resumption, McpScenarios.RESUME_LATENCY, r -> r.resumeLatency(), histograms);
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
        Map<String, String> encoded = new TreeMap<>();
        histograms.forEach((k, h) -> EncodedHistograms.put(encoded, k, h));
        McpScenarios merged = new McpScenarios(
                progress(of(parts, McpScenarios::progress), histograms),
                tasks(of(parts, McpScenarios::tasks), histograms),
                subscriptions(of(parts, McpScenarios::subscriptions), histograms),
                idleStreams(of(parts, McpScenarios::idleStreams)),
                resumption(of(parts, McpScenarios::resumption), histograms),
                idleExpiry(of(parts, McpScenarios::idleExpiry)),
                encoded.isEmpty() ? null : encoded);
        return new Result(merged, null);
    }

    private static <P> List<P> of(List<McpScenarios> parts, Function<McpScenarios, P> part) {
        List<P> out = new ArrayList<>();
        for (McpScenarios m : parts) {
            P p = part.apply(m);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Adds every segment's histogram {@code key} of part {@code part}; fails if a non-empty latency has none. */
    private static <P> void add(
            List<McpScenarios> parts,
            Function<McpScenarios, P> part,
            String key,
            Function<P, Latency> latency,
            Map<String, Histogram> out) {
        for (McpScenarios m : parts) {
            P p = part.apply(m);
            if (p == null) {
                continue;
            }
            String text = m.histograms() == null ? null : m.histograms().get(key);
            if (text == null) {
                if (latency.apply(p).count() > 0) {
                    throw new IllegalArgumentException("a segment's mcpScenarios has no histogram " + key
                            + " (written before schema 1.3); its latencies cannot be merged");
                }
                continue;
            }
            out.computeIfAbsent(key, k -> new Histogram(3)).add(EncodedHistograms.decode(text));
        }
    }

    private static Latency latency(Map<String, Histogram> histograms, String key) {
        Latency l = Reports.latency(histograms.get(key));
        return l == null ? Reports.emptyLatency() : l;
    }

    private static McpScenarios.Progress progress(List<McpScenarios.Progress> ps, Map<String, Histogram> h) {
        if (ps.isEmpty()) {
            return null;
        }
        return new McpScenarios.Progress(
                ps.stream().mapToLong(McpScenarios.Progress::calls).sum(),
                ps.stream().mapToLong(McpScenarios.Progress::withProgress).sum(),
                latency(h, McpScenarios.FIRST_PROGRESS),
                latency(h, McpScenarios.PROGRESS_CALLS));
    }

    private static McpScenarios.Tasks tasks(List<McpScenarios.Tasks> ts, Map<String, Histogram> h) {
        if (ts.isEmpty()) {
            return null;
        }
        long created = ts.stream().mapToLong(McpScenarios.Tasks::created).sum();
        Histogram pollsPerTask = h.get(McpScenarios.TASK_POLLS);
        double polls = pollsPerTask != null && pollsPerTask.getTotalCount() == created
                ? pollsPerTask.getMean() * created // exact: poll counts below 2048 have buckets of width 1
                : ts.stream().mapToDouble(t -> t.pollsMean() * t.created()).sum();
        Map<String, Long> states = new TreeMap<>();
        ts.forEach(t -> t.states().forEach((k, v) -> states.merge(k, v, Long::sum)));
        return new McpScenarios.Tasks(
                ts.stream().mapToLong(McpScenarios.Tasks::calls).sum(),
                created,
                ts.stream().mapToLong(McpScenarios.Tasks::notCreated).sum(),
                latency(h, McpScenarios.TASK_COMPLETION),
                created == 0 ? 0 : Reports.round(polls / created),
                ts.stream().mapToLong(McpScenarios.Tasks::pollsMax).max().orElse(0),
                states);
    }

    private static McpScenarios.Subscriptions subscriptions(
            List<McpScenarios.Subscriptions> ss, Map<String, Histogram> h) {
        if (ss.isEmpty()) {
            return null;
        }
        return new McpScenarios.Subscriptions(
                ss.get(0).era(),
                ss.get(0).uri(),
                ss.stream().mapToInt(McpScenarios.Subscriptions::sessions).sum(),
                ss.stream().mapToInt(McpScenarios.Subscriptions::subscribed).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::triggers).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::triggerErrors).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::expected).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::received).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::missed).sum(),
                ss.stream().mapToLong(McpScenarios.Subscriptions::unexpected).sum(),
                latency(h, McpScenarios.SUBSCRIPTION_LATENCY));
    }

    private static McpScenarios.IdleStreams idleStreams(List<McpScenarios.IdleStreams> is) {
        if (is.isEmpty()) {
            return null;
        }
        return new McpScenarios.IdleStreams(
                is.get(0).kind(),
                is.stream().mapToInt(McpScenarios.IdleStreams::requested).sum(),
                is.stream().mapToInt(McpScenarios.IdleStreams::opened).sum(),
                is.stream().mapToInt(McpScenarios.IdleStreams::failedToOpen).sum(),
                is.stream().mapToInt(McpScenarios.IdleStreams::closedByServer).sum(),
                is.stream().mapToInt(McpScenarios.IdleStreams::openAtEnd).sum(),
                is.stream()
                        .mapToDouble(McpScenarios.IdleStreams::heldSeconds)
                        .max()
                        .orElse(0));
    }

    private static McpScenarios.Resumption resumption(List<McpScenarios.Resumption> rs, Map<String, Histogram> h) {
        if (rs.isEmpty()) {
            return null;
        }
        return new McpScenarios.Resumption(
                rs.stream().mapToInt(McpScenarios.Resumption::sessions).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::drops).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::resumed).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::resumeFailures).sum(),
                latency(h, McpScenarios.RESUME_LATENCY),
                rs.stream().mapToLong(McpScenarios.Resumption::triggers).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::events).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::lost).sum(),
                rs.stream().mapToLong(McpScenarios.Resumption::duplicated).sum());
    }

    private static McpScenarios.IdleExpiry idleExpiry(List<McpScenarios.IdleExpiry> es) {
        if (es.isEmpty()) {
            return null;
        }
        Map<String, Long> errors = new TreeMap<>();
        es.forEach(e -> e.errorsByClass().forEach((k, v) -> errors.merge(k, v, Long::sum)));
        return new McpScenarios.IdleExpiry(
                es.stream().mapToInt(McpScenarios.IdleExpiry::sessions).sum(),
                es.get(0).idleSeconds(),
                es.stream().mapToLong(McpScenarios.IdleExpiry::reuses).sum(),
                es.stream().mapToLong(McpScenarios.IdleExpiry::succeeded).sum(),
                es.stream().mapToLong(McpScenarios.IdleExpiry::expired).sum(),
                es.stream().mapToLong(McpScenarios.IdleExpiry::reinitialised).sum(),
                es.stream().mapToLong(McpScenarios.IdleExpiry::errors).sum(),
                errors);
    }
}
