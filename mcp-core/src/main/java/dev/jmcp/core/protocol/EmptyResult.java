package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A result without data ({@code ping}, {@code logging/setLevel}, subscribe, unsubscribe): {@code {}}.
 *
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param meta the {@code _meta} object, null when absent
 */
public record EmptyResult(ResultType resultType, @JsonProperty("_meta") JsonNode meta) {
    private static final EmptyResult EMPTY = new EmptyResult(null, null);

    /**
     * The empty result {@code {}}.
     *
     * @return the empty result {@code {}}
     */
    public static EmptyResult empty() {
        return EMPTY;
    }
}
