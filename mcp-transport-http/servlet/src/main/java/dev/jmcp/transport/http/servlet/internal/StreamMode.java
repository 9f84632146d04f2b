package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.transport.http.servlet.internal.admission.DecodedPost;

/**
 * How the response stream of one POST behaves.
 *
 * @param jsonAllowed whether the stream may answer with plain JSON (a single message, not a batch)
 * @param modern whether the POST is a 2026-07-28 one: losing the connection cancels its requests, and an error
 *     answered as plain JSON gets the HTTP status of its code
 */
public record StreamMode(boolean jsonAllowed, boolean modern) {
    /** A POST carrying only notifications and responses: it gets no stream. */
    public static final StreamMode NOTIFICATIONS_ONLY = new StreamMode(false, false);

    /** The stream of an admitted POST carrying requests. */
    public static StreamMode of(DecodedPost post) {
        return new StreamMode(!post.batch(), post.statelessEra());
    }
}
