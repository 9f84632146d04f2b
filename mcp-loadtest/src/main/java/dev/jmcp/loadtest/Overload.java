package dev.jmcp.loadtest;

/** What the open model does with an arrival when no worker is free. */
public enum Overload {
    /**
     * Wait at most {@code max_queue_wait}, then drop the arrival: it is counted in {@code drop_rate} and in the
     * effective latency as at least the step timeout (the default).
     */
    DROP,
    /**
     * Never drop (wrk2-style): the arrival waits for a worker as long as it takes and its latency keeps counting
     * from its intended start, so an overloaded server shows as ever-growing latency.
     */
    QUEUE
}
