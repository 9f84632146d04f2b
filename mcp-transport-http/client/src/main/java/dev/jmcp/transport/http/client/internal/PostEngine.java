package dev.jmcp.transport.http.client.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Sends one POST and blocks until the response headers arrived (on a worker thread of the transport). {@code
 * handle} learns how to abort the exchange while it waits.
 */
public interface PostEngine {
    /** POSTs {@code body} with {@code headers} to {@code endpoint}, waiting at most {@code timeout} for the headers. */
    PostResponse post(URI endpoint, HeaderList headers, byte[] body, Duration timeout, StreamHandle handle)
            throws IOException, InterruptedException;

    /** Releases the engine's connections. */
    void close();
}
