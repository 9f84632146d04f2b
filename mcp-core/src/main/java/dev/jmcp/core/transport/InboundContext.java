package dev.jmcp.core.transport;

import java.util.Optional;

/**
 * What a transport knows about an inbound message beyond its JSON: the authenticated caller, read-only
 * transport metadata (peer address, headers) and the request fields the transport carried outside the body.
 *
 * @param auth the authenticated caller, or null
 * @param transport read-only facts about the connection; never null
 * @param envelope request fields mirrored outside the body; never null
 */
public record InboundContext(AuthInfo auth, TransportMetadata transport, MessageEnvelope envelope) {
    /** No caller, no metadata, nothing mirrored. */
    public static final InboundContext EMPTY = new InboundContext(null, TransportMetadata.NONE, MessageEnvelope.NONE);

    /**
     * Replaces nulls with the empty values.
     *
     * @param auth the authenticated caller, or null
     * @param transport read-only facts about the connection; never null
     * @param envelope request fields mirrored outside the body; never null
     */
    public InboundContext {
        transport = transport == null ? TransportMetadata.NONE : transport;
        envelope = envelope == null ? MessageEnvelope.NONE : envelope;
    }

    /**
     * The context of a transport that only knows its own name (stdio, in-memory).
     *
     * @param transport read-only facts about the connection; never null
     * @return the context of a transport that only knows its own name (stdio, in-memory)
     */
    public static InboundContext of(TransportMetadata transport) {
        return new InboundContext(null, transport, MessageEnvelope.NONE);
    }

    /**
     * The authenticated caller, if the transport authenticated one.
     *
     * @return the authenticated caller, if the transport authenticated one
     */
    public Optional<AuthInfo> authInfo() {
        return Optional.ofNullable(auth);
    }

    /**
     * This context with another caller.
     *
     * @param caller the authenticated caller, or null for none
     * @return a copy of this context with {@code caller} as the authenticated caller
     */
    public InboundContext withAuth(AuthInfo caller) {
        return new InboundContext(caller, transport, envelope);
    }
}
