package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.transport.http.servlet.auth.AuthOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an authorization challenge into the HTTP answer: its status, {@code WWW-Authenticate} and a reason. */
public final class Challenges {
    private static final Logger LOG = LoggerFactory.getLogger(Challenges.class);

    private Challenges() {}

    /** The refusal carrying challenge {@code c}, answering {@code id} (may be null). */
    public static Rejection rejection(AuthOutcome.Challenge c, RequestId id) {
        LOG.debug("refused an MCP request: {} {}", c.status(), c.error());
        String reason =
                switch (c.status()) {
                    case 401 -> "Unauthorized";
                    case 403 -> "Forbidden";
                    default -> "Bad Request";
                };
        String detail = c.error() == null
                ? ": a bearer token is required"
                : ": " + c.error() + (c.errorDescription() == null ? "" : " (" + c.errorDescription() + ")");
        return Rejection.of(c.status(), id, ErrorCodes.INVALID_REQUEST, reason + detail)
                .withHeader("WWW-Authenticate", c.wwwAuthenticate());
    }
}
