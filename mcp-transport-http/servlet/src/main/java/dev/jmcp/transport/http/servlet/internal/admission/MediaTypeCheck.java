package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.transport.http.common.internal.MediaTypes;
import java.util.Optional;

/** The media types of a POST: what the client accepts and what it sends. */
public final class MediaTypeCheck {
    private MediaTypeCheck() {}

    /**
     * A Streamable HTTP POST must accept both JSON and SSE answers (406 otherwise) and send JSON (415 otherwise).
     */
    public static Optional<Rejection> streamable(String accept, String contentType) {
        if (!MediaTypes.accepts(accept, "application/json") || !MediaTypes.accepts(accept, "text/event-stream")) {
            return Optional.of(Rejection.of(
                    406,
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Not Acceptable: Accept must list application/json and text/event-stream"));
        }
        return jsonBody(contentType);
    }

    /** The body must be JSON (415 otherwise). */
    public static Optional<Rejection> jsonBody(String contentType) {
        if (!MediaTypes.isJson(contentType)) {
            return Optional.of(Rejection.of(
                    415, null, ErrorCodes.INVALID_REQUEST, "Unsupported Media Type: use application/json"));
        }
        return Optional.empty();
    }
}
