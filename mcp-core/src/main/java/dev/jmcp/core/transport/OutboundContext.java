package dev.jmcp.core.transport;

import dev.jmcp.core.jsonrpc.RequestId;

/**
 * What an outbound message belongs to and what a transport may carry beside it, so a transport never reads the
 * body to decide how to frame it:
 *
 * <ul>
 *   <li>a response, and every notification or request a handler sends while it serves a request, carries that
 *       request's id, so a transport with several streams (Streamable HTTP) sends it on that request's stream;
 *   <li>a client request may carry a {@link MessageEnvelope} that the transport mirrors outside the body (HTTP
 *       headers);
 *   <li>a cancellation names the outbound request it cancels, so a transport that cancels by other means (a
 *       2026-07-28 Streamable HTTP client closes the request's stream) can do so instead of sending it.
 * </ul>
 *
 * @param relatedRequestId the inbound request this message relates to, or null
 * @param envelope request fields to mirror outside the body; never null
 * @param cancelledRequestId the outbound request this message ({@code notifications/cancelled}) cancels, or null
 */
public record OutboundContext(RequestId relatedRequestId, MessageEnvelope envelope, RequestId cancelledRequestId) {
    /** Relates to no request and mirrors nothing: goes on the transport's general channel. */
    public static final OutboundContext NONE = new OutboundContext(null, MessageEnvelope.NONE, null);

    /**
     * Replaces a null envelope with {@link MessageEnvelope#NONE}.
     *
     * @param relatedRequestId the inbound request this message relates to, or null
     * @param envelope request fields to mirror outside the body; never null
     * @param cancelledRequestId the outbound request this message ({@code notifications/cancelled}) cancels, or null
     */
    public OutboundContext {
        envelope = envelope == null ? MessageEnvelope.NONE : envelope;
    }

    /**
     * Relates to the given inbound request.
     *
     * @param id the id of the inbound request, or null for none
     * @return the context, {@link #NONE} when {@code id} is null
     */
    public static OutboundContext relatedTo(RequestId id) {
        return id == null ? NONE : new OutboundContext(id, MessageEnvelope.NONE, null);
    }

    /**
     * A request that relates to {@code relatedRequestId} (may be null) and mirrors {@code envelope}.
     *
     * @param relatedRequestId the inbound request this message relates to, or null
     * @param envelope request fields to mirror outside the body; never null
     * @return a request that relates to {@code relatedRequestId} and mirrors {@code envelope}
     */
    public static OutboundContext request(RequestId relatedRequestId, MessageEnvelope envelope) {
        return relatedRequestId == null && envelope == MessageEnvelope.NONE
                ? NONE
                : new OutboundContext(relatedRequestId, envelope, null);
    }

    /**
     * The cancellation of the outbound request {@code id}.
     *
     * @param id the id of the outbound request being cancelled
     * @return the context of a {@code notifications/cancelled} for that request
     */
    public static OutboundContext cancelling(RequestId id) {
        return new OutboundContext(null, MessageEnvelope.NONE, id);
    }
}
