package dev.jmcp.core.protocol.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code completion/complete}.
 *
 * @param completion the completion values, with the total and whether more exist
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param meta the {@code _meta} object, null when absent
 */
public record CompleteResult(Completion completion, ResultType resultType, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code completion} is required.
     *
     * @param completion the completion values, with the total and whether more exist
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param meta the {@code _meta} object, null when absent
     */
    public CompleteResult {
        Objects.requireNonNull(completion, "completion");
    }

    /**
     * A result with the given values.
     *
     * @param values the completion values, at most 100
     * @return a result with the given values
     */
    public static CompleteResult of(List<String> values) {
        return new CompleteResult(Completion.of(values), null, null);
    }
}
