package dev.jmcp.core.protocol.completion;

import java.util.List;

/**
 * Completion values.
 *
 * @param values at most 100 values (empty when the wire omits it)
 * @param total total number of matches, null when absent
 * @param hasMore whether more values exist, null when absent
 */
public record Completion(List<String> values, Integer total, Boolean hasMore) {
    /**
     * Creates the value.
     *
     * @param values at most 100 values (empty when the wire omits it)
     * @param total total number of matches, null when absent
     * @param hasMore whether more values exist, null when absent
     */
    public Completion {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The given values, with no total and no more.
     *
     * @param values at most 100 values (empty when the wire omits it)
     * @return the given values, with no total and no more
     */
    public static Completion of(List<String> values) {
        return new Completion(values, null, null);
    }
}
