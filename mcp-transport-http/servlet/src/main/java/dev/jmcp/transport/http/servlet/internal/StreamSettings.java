package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.transport.http.servlet.EventStore;

/**
 * What every server-side stream needs to know.
 *
 * @param codec encodes outbound messages
 * @param eventStore keeps events for resumption; null disables event ids and resumption
 * @param retryMillis the {@code retry} delay sent to clients
 * @param maxQueuedBytes the most bytes queued for one slow connection before it is closed
 * @param maxStandaloneBacklog messages kept for the standalone stream while no GET is connected
 */
public record StreamSettings(
        JsonRpcCodec codec, EventStore eventStore, long retryMillis, long maxQueuedBytes, int maxStandaloneBacklog) {

    /** The same settings without an event store (stateless exchanges). */
    public StreamSettings withoutStore() {
        return new StreamSettings(codec, null, retryMillis, maxQueuedBytes, maxStandaloneBacklog);
    }
}
