package dev.jmcp.core.protocol.errors;

import java.util.List;
import java.util.Objects;

/**
 * The {@code data} of an unsupported-protocol-version error ({@code -32602} from {@code initialize},
 * {@code -32022} in 2026-07-28).
 *
 * @param supported the versions the server supports
 * @param requested the version the client asked for
 */
public record UnsupportedProtocolVersionData(List<String> supported, String requested) {
    /** Creates the value; {@code supported} is required. */
    public UnsupportedProtocolVersionData {
        supported = List.copyOf(Objects.requireNonNull(supported, "supported"));
    }

    /** Data for the given versions. */
    public static UnsupportedProtocolVersionData of(List<String> supported, String requested) {
        return new UnsupportedProtocolVersionData(supported, requested);
    }
}
