package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.transport.http.servlet.EventStore;

/**
 * What every server-side stream needs to know.
 *
 * @param codec encodes outbound messages
 * @param eventStore keeps events for resumption; null disables event ids and resumption
 * @param retryMillis the {@code retry} delay sent to clients
 * @param writeBudget the bytes queued for slow connections, per stream and for all streams together
 * @param maxStandaloneBacklog messages kept for the standalone stream while no GET is connected
 * @param maxStandaloneBacklogBytes bytes kept for the standalone stream while no GET is connected
 * @param primingDelayNanos how long a request stream may stay undecided (a plain JSON answer still possible)
 *     before it switches to SSE and sends a priming event, when events are kept
 */
public record StreamSettings(
        JsonRpcCodec codec,
        EventStore eventStore,
        long retryMillis,
        WriteBudget writeBudget,
        int maxStandaloneBacklog,
        long maxStandaloneBacklogBytes,
        long primingDelayNanos) {

    /** The settings of one servlet. */
    public static StreamSettings of(
            JsonRpcCodec codec,
            EventStore eventStore,
            long retryMillis,
            long maxQueuedBytesPerStream,
            int maxStandaloneBacklog,
            StreamLimits limits) {
        return new StreamSettings(
                codec,
                eventStore,
                retryMillis,
                new WriteBudget(maxQueuedBytesPerStream, limits.maxQueuedBytesTotal()),
                maxStandaloneBacklog,
                limits.maxStandaloneBacklogBytes(),
                limits.primingDelay().toNanos());
    }

    /** The same settings without an event store (stateless exchanges). */
    public StreamSettings withoutStore() {
        return new StreamSettings(
                codec,
                null,
                retryMillis,
                writeBudget,
                maxStandaloneBacklog,
                maxStandaloneBacklogBytes,
                primingDelayNanos);
    }
}
