package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Params of a paginated list request ({@code tools/list}, {@code resources/list},
 * {@code resources/templates/list}, {@code prompts/list}, {@code tasks/list}).
 *
 * @param cursor the opaque cursor from the previous page's {@code nextCursor}, null for the first page
 * @param meta the {@code _meta} object, null when absent
 */
public record PaginatedRequest(String cursor, @JsonProperty("_meta") JsonNode meta) {
    /**
     * The first page, with no {@code _meta}.
     *
     * @return the first page, with no {@code _meta}
     */
    public static PaginatedRequest firstPage() {
        return new PaginatedRequest(null, null);
    }

    /**
     * The page after {@code cursor}.
     *
     * @param cursor the opaque cursor from the previous page's {@code nextCursor}, null for the first page
     * @return the page after {@code cursor}
     */
    public static PaginatedRequest after(String cursor) {
        return new PaginatedRequest(cursor, null);
    }
}
