package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import java.util.Optional;

/**
 * The SEP-2243 standard headers ({@code Mcp-Method}, {@code Mcp-Name}) against a single message (400
 * HeaderMismatch), then, for a 2026-07-28 request, its envelope: without the required {@code _meta} it gets 400
 * Invalid params and never reaches the server. A 2026-07-28 batch is refused (400 Invalid Request: batches were
 * removed in 2025-06-18, and a gateway that authorizes on the headers must not be shown one message and sent
 * several); in a handshake-era batch every element must agree with the headers that are present.
 */
public final class StandardHeadersCheck implements PostCheck {

    @Override
    public Optional<Rejection> check(DecodedPost post) {
        if (post.batch()) {
            return checkBatch(post);
        }
        boolean modern = post.statelessEra();
        String mismatch = StandardHeaders.mismatch(post.headers(), post.first(), modern);
        if (mismatch != null) {
            return Optional.of(
                    Rejection.of(400, post.firstId(), ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + mismatch));
        }
        String envelope = modern ? StandardHeaders.envelopeProblem(post.first()) : null;
        if (envelope != null) {
            return Optional.of(
                    Rejection.of(400, post.firstId(), ErrorCodes.INVALID_PARAMS, "Invalid params: " + envelope));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkBatch(DecodedPost post) {
        if (post.statelessEra()) {
            return Optional.of(Rejection.of(
                    400,
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Bad Request: batches are not allowed in protocol 2026-07-28"));
        }
        for (var message : post.messages()) {
            String mismatch = StandardHeaders.mismatch(post.headers(), message, false);
            if (mismatch != null) {
                return Optional.of(Rejection.of(400, null, ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + mismatch));
            }
        }
        return Optional.empty();
    }
}
