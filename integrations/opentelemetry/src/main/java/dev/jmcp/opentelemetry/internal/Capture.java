package dev.jmcp.opentelemetry.internal;

import tools.jackson.databind.JsonNode;

/**
 * What tool payloads to record on spans (opt-in: the conventions' {@code gen_ai.tool.call.arguments} and {@code
 * gen_ai.tool.call.result}), and the most characters of each.
 *
 * @param arguments whether to record tool arguments
 * @param results whether to record tool results
 * @param maxChars the most characters recorded per value; longer JSON is cut and ends with {@code …}
 */
public record Capture(boolean arguments, boolean results, int maxChars) {
    /** The default bound of a captured value, in characters. */
    public static final int DEFAULT_MAX_CHARS = 4096;

    /** Nothing captured (the default). */
    public static final Capture NONE = new Capture(false, false, DEFAULT_MAX_CHARS);

    /** Checks the bound. */
    public Capture {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
    }

    /** {@code value} as compact JSON, at most {@link #maxChars()} characters; null for a missing value. */
    public String bounded(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        String json = value.toString();
        return json.length() <= maxChars ? json : json.substring(0, maxChars - 1) + "…";
    }
}
