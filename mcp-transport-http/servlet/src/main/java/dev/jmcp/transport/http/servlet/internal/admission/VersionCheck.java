package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import java.util.Optional;

/**
 * The {@code MCP-Protocol-Version} header of a POST: an unknown version is refused with 400 unless the body's
 * {@code _meta} names a version too (then the server answers UnsupportedProtocolVersion with the versions it
 * supports), and a header that disagrees with {@code _meta} gets HeaderMismatch.
 */
public final class VersionCheck implements PostCheck {

    @Override
    public Optional<Rejection> check(DecodedPost post) {
        String header = post.headerVersion();
        if (header == null) {
            return Optional.empty();
        }
        String meta = post.metaVersion();
        if (meta == null && ProtocolVersion.parse(header.trim()).isEmpty()) {
            return Optional.of(unsupportedHeader(header));
        }
        if (meta != null && !meta.equals(header.trim())) {
            return Optional.of(Rejection.of(
                    400,
                    post.firstId(),
                    ErrorCodes.HEADER_MISMATCH,
                    "Header mismatch: " + McpHttpHeaders.PROTOCOL_VERSION + " " + header + " but _meta says " + meta));
        }
        return Optional.empty();
    }

    /** The refusal of a version header naming no known version. */
    public static Rejection unsupportedHeader(String header) {
        return Rejection.of(
                400,
                null,
                ErrorCodes.INVALID_REQUEST,
                "Bad Request: unsupported " + McpHttpHeaders.PROTOCOL_VERSION + " " + header + " (supported: "
                        + ProtocolVersion.allIds() + ")");
    }

    /** Whether {@code header} (may be null) names a version this SDK does not know. */
    public static boolean isUnknown(String header) {
        return header != null && ProtocolVersion.parse(header.trim()).isEmpty();
    }
}
