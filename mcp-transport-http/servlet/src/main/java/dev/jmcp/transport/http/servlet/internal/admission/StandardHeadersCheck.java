package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import java.util.Optional;

/**
 * The SEP-2243 standard headers ({@code Mcp-Method}, {@code Mcp-Name}) against a single message (400
 * HeaderMismatch), then, for a 2026-07-28 request, its envelope: without the required {@code _meta} it gets 400
 * Invalid params and never reaches the server. Batches are not checked.
 */
public final class StandardHeadersCheck implements PostCheck {

    @Override
    public Optional<Rejection> check(DecodedPost post) {
        if (post.batch()) {
            return Optional.empty();
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
}
