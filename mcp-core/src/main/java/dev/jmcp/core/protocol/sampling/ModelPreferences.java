package dev.jmcp.core.protocol.sampling;

import java.util.List;

/**
 * The server's advisory model preferences; priorities range from 0 to 1.
 *
 * @param hints model hints in order of preference, null when absent
 * @param costPriority how much cost matters, null when absent
 * @param speedPriority how much latency matters, null when absent
 * @param intelligencePriority how much capability matters, null when absent
 */
public record ModelPreferences(
        List<ModelHint> hints, Double costPriority, Double speedPriority, Double intelligencePriority) {
    /** Creates preferences; all fields are optional. */
    public ModelPreferences {
        hints = hints == null ? null : List.copyOf(hints);
    }
}
