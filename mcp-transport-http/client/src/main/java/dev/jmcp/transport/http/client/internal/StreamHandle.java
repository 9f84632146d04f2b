package dev.jmcp.transport.http.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/** The HTTP exchange carrying one request's answer (or the standalone stream), so it can be aborted. */
public final class StreamHandle {
    volatile CompletableFuture<?> call;
    volatile InputStream body;
    volatile boolean aborted;
    volatile boolean refused;

    /** Whether {@link #abort} was called. */
    public boolean aborted() {
        return aborted;
    }

    /** Cancels the HTTP call and closes its body stream; the reader then ends without reporting anything. */
    public void abort() {
        aborted = true;
        CompletableFuture<?> c = call;
        if (c != null) {
            c.cancel(true);
        }
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // ignored
            }
        }
    }
}
