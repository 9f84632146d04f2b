package dev.jmcp.opentelemetry.internal;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;

/** Builds the MCP duration histograms (seconds, the conventions' bucket boundaries). */
public final class Durations {
    private Durations() {}

    /** A histogram named {@code name} in seconds with the MCP bucket boundaries. */
    public static DoubleHistogram histogram(Meter meter, String name, String description) {
        return meter.histogramBuilder(name)
                .setUnit("s")
                .setDescription(description)
                .setExplicitBucketBoundariesAdvice(Semconv.DURATION_BUCKETS)
                .build();
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}). */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
