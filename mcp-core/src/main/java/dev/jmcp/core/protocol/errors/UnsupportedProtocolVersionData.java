package dev.jmcp.core.protocol.errors;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code data} of an unsupported-protocol-version error ({@code -32602} from {@code initialize},
 * {@code -32022} in 2026-07-28).
 *
 * @param supported the versions the server supports
 * @param requested the version the client asked for, echoed as sent (a string per the schema, but a client may
 *     send a number or {@code null}); null when absent
 */
public record UnsupportedProtocolVersionData(List<String> supported, JsonNode requested) {
    /**
     * Creates the value; {@code supported} is required.
     *
     * @param supported the versions the server supports
     * @param requested the version the client asked for, echoed as sent (a string per the schema, but a client may send
     *     a number or {@code null}); null when absent
     */
    public UnsupportedProtocolVersionData {
        supported = List.copyOf(Objects.requireNonNull(supported, "supported"));
    }

    /**
     * Data for the given versions; a null {@code requested} leaves the member out.
     *
     * @param supported the versions the server supports
     * @param requested the version the client asked for, or null to leave the member out
     * @return the error data
     */
    public static UnsupportedProtocolVersionData of(List<String> supported, String requested) {
        return new UnsupportedProtocolVersionData(
                supported, requested == null ? null : JsonNodeFactory.instance.stringNode(requested));
    }

    /**
     * Data that echoes {@code requested} exactly as the client sent it (any JSON value).
     *
     * @param supported the versions the server supports
     * @param requested the version the client asked for, echoed as sent (a string per the schema, but a client may send
     *     a number or {@code null}); null when absent
     * @return data that echoes {@code requested} exactly as the client sent it (any JSON value)
     */
    public static UnsupportedProtocolVersionData echoing(List<String> supported, JsonNode requested) {
        return new UnsupportedProtocolVersionData(supported, requested);
    }
}
