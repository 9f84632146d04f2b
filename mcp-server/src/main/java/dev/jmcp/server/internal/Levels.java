package dev.jmcp.server.internal;

import java.util.List;

/** The MCP log levels in increasing severity, and their comparison. */
public final class Levels {
    /** The levels, least severe first. */
    public static final List<String> ALL =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private Levels() {}

    /** Whether {@code level} is a known level name. */
    public static boolean isValid(String level) {
        return level != null && ALL.contains(level);
    }

    /** Whether a message at {@code level} passes a threshold ({@code null} threshold passes everything). */
    public static boolean passes(String level, String threshold) {
        return threshold == null || ALL.indexOf(level) >= ALL.indexOf(threshold);
    }
}
