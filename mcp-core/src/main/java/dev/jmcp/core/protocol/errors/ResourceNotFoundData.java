package dev.jmcp.core.protocol.errors;

import java.util.Objects;

/**
 * The {@code data} of a resource-not-found error ({@code -32002} up to 2025-11-25, {@code -32602} in 2026-07-28):
 * the URI that was asked for.
 *
 * @param uri the URI of the resource that does not exist
 */
public record ResourceNotFoundData(String uri) {
    /**
     * Creates the value; {@code uri} is required.
     *
     * @param uri the URI of the resource that does not exist
     */
    public ResourceNotFoundData {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Data for the given URI.
     *
     * @param uri the URI of the resource that does not exist
     * @return data for the given URI
     */
    public static ResourceNotFoundData of(String uri) {
        return new ResourceNotFoundData(uri);
    }
}
