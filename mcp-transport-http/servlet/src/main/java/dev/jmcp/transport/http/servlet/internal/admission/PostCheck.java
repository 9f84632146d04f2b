package dev.jmcp.transport.http.servlet.internal.admission;

import java.util.Optional;

/** One admission check of a decoded POST. */
@FunctionalInterface
public interface PostCheck {
    /** The refusal when {@code post} must not reach a session, else empty. */
    Optional<Rejection> check(DecodedPost post);
}
