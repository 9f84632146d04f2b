package dev.jmcp.core.protocol.roots;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code roots/list}.
 *
 * @param roots the roots (empty when the wire omits it)
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param meta the {@code _meta} object, null when absent
 */
public record ListRootsResult(List<Root> roots, ResultType resultType, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param roots the roots (empty when the wire omits it)
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param meta the {@code _meta} object, null when absent
     */
    public ListRootsResult {
        roots = roots == null ? List.of() : List.copyOf(roots);
    }

    /**
     * A result with the given roots.
     *
     * @param roots the roots (empty when the wire omits it)
     * @return a result with the given roots
     */
    public static ListRootsResult of(List<Root> roots) {
        return new ListRootsResult(roots, null, null);
    }
}
