package dev.jmcp.core.protocol.errors;

import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import java.util.Objects;

/**
 * The {@code data} of a -32021 "missing required client capability" error (2026-07-28).
 *
 * @param requiredCapabilities the capabilities the server needs for this request
 */
public record MissingClientCapabilityData(ClientCapabilities requiredCapabilities) {
    /**
     * Creates the value; {@code requiredCapabilities} is required.
     *
     * @param requiredCapabilities the capabilities the server needs for this request
     */
    public MissingClientCapabilityData {
        Objects.requireNonNull(requiredCapabilities, "requiredCapabilities");
    }

    /**
     * Data for the given capabilities.
     *
     * @param requiredCapabilities the capabilities the server needs for this request
     * @return data for the given capabilities
     */
    public static MissingClientCapabilityData of(ClientCapabilities requiredCapabilities) {
        return new MissingClientCapabilityData(requiredCapabilities);
    }
}
