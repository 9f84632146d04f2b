package dev.jmcp.core.transport;

import dev.jmcp.core.jsonrpc.RequestId;

/**
 * What an outbound message belongs to and what a transport may carry beside it. A response, and every
 * notification or request a handler sends while it serves a request, carries that request's id, so a transport
 * with several streams (Streamable HTTP) sends it on the stream of that request. A client request may carry an
 * {@link MessageEnvelope} that a transport mirrors outside the body (HTTP headers), so the transport never
 * reads the body to build them.
 *
 * @param relatedRequestId the inbound request this message relates to, or null
 * @param envelope request fields to mirror outside the body; never null
 */
public record OutboundContext(RequestId relatedRequestId, MessageEnvelope envelope) {
    /** Relates to no request and mirrors nothing: goes on the transport's general channel. */
    public static final OutboundContext NONE = new OutboundContext(null, MessageEnvelope.NONE);

    /** Replaces a null envelope with {@link MessageEnvelope#NONE}. */
    public OutboundContext {
        envelope = envelope == null ? MessageEnvelope.NONE : envelope;
    }

    /** Relates to the given inbound request. */
    public static OutboundContext relatedTo(RequestId id) {
        return id == null ? NONE : new OutboundContext(id, MessageEnvelope.NONE);
    }

    /** A message that relates to no request and mirrors {@code envelope}. */
    public static OutboundContext mirroring(MessageEnvelope envelope) {
        return new OutboundContext(null, envelope);
    }
}
