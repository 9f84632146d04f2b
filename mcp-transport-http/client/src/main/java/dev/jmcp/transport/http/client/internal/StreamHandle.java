package dev.jmcp.transport.http.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/** The HTTP exchange carrying one request's answer (or the standalone stream), so it can be aborted. */
public final class StreamHandle {
    volatile CompletableFuture<?> call;
    volatile InputStream body;
    volatile boolean aborted;
    volatile boolean refused;
    /** The worker blocked in a JDK {@code send} for this exchange, interrupted by {@link #abort}. */
    private Thread waiting;
    /** The connection the built-in engine waits on for this exchange, closed by {@link #abort}. */
    private Closeable connection;

    /** Whether {@link #abort} was called. */
    public boolean aborted() {
        return aborted;
    }

    /** Cancels the HTTP call and closes its body stream; the reader then ends without reporting anything. */
    public void abort() {
        aborted = true;
        synchronized (this) {
            if (waiting != null) {
                waiting.interrupt();
            }
            closeQuietly(connection);
        }
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

    /** Registers the thread waiting in a blocking send (null: it returned, and its interrupt is cleared). */
    synchronized void interruptOnAbort(Thread thread) {
        if (thread == null && waiting != null) {
            waiting = null;
            if (aborted) {
                Thread.interrupted(); // an abort that raced the return must not hit the worker's next task
            }
            return;
        }
        waiting = thread;
        if (aborted && thread != null) {
            thread.interrupt();
        }
    }

    /** Registers the connection being waited on (null once the headers arrived). */
    synchronized void closeOnAbort(Closeable c) {
        connection = c;
        if (aborted) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // ignored
            }
        }
    }
}
