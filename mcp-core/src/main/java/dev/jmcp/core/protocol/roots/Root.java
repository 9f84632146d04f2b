package dev.jmcp.core.protocol.roots;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A root the server may operate on.
 *
 * @param uri a {@code file://} URI
 * @param name a human-readable name for the root, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record Root(String uri, String name, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code uri} is required.
     *
     * @param uri a {@code file://} URI
     * @param name a human-readable name for the root, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public Root {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * A root with a URI and a name (may be null).
     *
     * @param uri a {@code file://} URI
     * @param name a human-readable name for the root, null when absent
     * @return a root with a URI and a name
     */
    public static Root of(String uri, String name) {
        return new Root(uri, name, null);
    }
}
