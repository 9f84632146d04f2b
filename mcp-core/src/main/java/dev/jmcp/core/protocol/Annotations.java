package dev.jmcp.core.protocol;

import java.util.List;

/**
 * Hints for clients about how to use or show an object.
 *
 * @param audience who the data is for, null when absent
 * @param priority importance from 0 (optional) to 1 (required), null when absent
 * @param lastModified ISO 8601 time of last modification, null when absent
 */
public record Annotations(List<Role> audience, Double priority, String lastModified) {
    /**
     * Creates annotations; all fields are optional.
     *
     * @param audience who the data is for, null when absent
     * @param priority importance from 0 (optional) to 1 (required), null when absent
     * @param lastModified ISO 8601 time of last modification, null when absent
     */
    public Annotations {
        audience = audience == null ? null : List.copyOf(audience);
    }
}
