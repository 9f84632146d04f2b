package dev.jmcp.core.transport;

import dev.jmcp.core.jsonrpc.RequestId;

/**
 * What an outbound message belongs to. A response, and every notification or request a handler sends while it
 * serves a request, carries that request's id, so a transport with several streams (Streamable HTTP) sends it
 * on the stream of that request.
 *
 * @param relatedRequestId the inbound request this message relates to, or null
 */
public record OutboundContext(RequestId relatedRequestId) {
    /** Relates to no request: goes on the transport's general channel. */
    public static final OutboundContext NONE = new OutboundContext(null);

    /** Relates to the given inbound request. */
    public static OutboundContext relatedTo(RequestId id) {
        return id == null ? NONE : new OutboundContext(id);
    }
}
