package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.Segment;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run does besides measuring: where it streams its histogram log, which execution segment it runs and who
 * else hears of each interval (exporters such as the Prometheus endpoint).
 *
 * @param histogramLog the {@code .hlog} file to write, or {@code null} for none
 * @param segment the execution segment ({@link Segment#WHOLE} by default)
 * @param listeners extra interval listeners
 */
public record EngineOptions(Path histogramLog, Segment segment, List<Engine.Listener> listeners) {
    /** No histogram log, the whole run, no extra listener. */
    public static final EngineOptions NONE = new EngineOptions(null, Segment.WHOLE, List.of());

    /** Null-safe defaults. */
    public EngineOptions {
        segment = segment == null ? Segment.WHOLE : segment;
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
    }
}
