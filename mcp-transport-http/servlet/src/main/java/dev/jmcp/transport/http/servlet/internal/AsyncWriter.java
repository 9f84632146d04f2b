package dev.jmcp.transport.http.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one async servlet response without ever blocking the caller: chunks go into a bounded queue drained
 * with non-blocking servlet I/O. When the queue would exceed its {@link WriteBudget} (the per-stream bound, or
 * the bound on all streams together) while this writer is the slow one (it already has bytes queued), the
 * response is aborted with a logged reason; the stream's events stay in the event store, so the client can resume.
 *
 * <p>{@code onClosed} is called exactly once, never under this writer's lock, with {@code true} for an orderly
 * {@link #complete()} and {@code false} for an error, a client disconnect, an overflow or {@link #abort()}.
 */
public final class AsyncWriter implements WriteListener, AsyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncWriter.class);

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final ServletOutputStream out;
    private final WriteBudget budget;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private volatile BiConsumer<AsyncWriter, Boolean> onClosed = (w, clean) -> {};
    private long queuedBytes;
    private boolean needsFlush;
    private boolean completing;
    private boolean closed;
    private boolean notified;
    private volatile long lastWriteNanos = System.nanoTime();

    private AsyncWriter(AsyncContext async, HttpServletResponse response, WriteBudget budget) throws IOException {
        this.async = async;
        this.response = response;
        this.out = response.getOutputStream();
        this.budget = budget;
    }

    /**
     * Puts the request in async mode (no timeout), or takes over the async mode its body was read in, and prepares
     * non-blocking writes bounded by {@code budget}. Call on a container thread.
     */
    public static AsyncWriter start(HttpServletRequest request, HttpServletResponse response, WriteBudget budget)
            throws IOException {
        AsyncContext async =
                request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync(request, response);
        async.setTimeout(0);
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        AsyncWriter writer = new AsyncWriter(async, response, budget);
        async.addListener(writer);
        writer.out.setWriteListener(writer);
        return writer;
    }

    /** The request attribute that marks a request whose response an {@link AsyncWriter} took over. */
    static final String ATTRIBUTE = AsyncWriter.class.getName();

    /** Whether an {@link AsyncWriter} took over the response of {@code request}. */
    public static boolean owns(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    /** Sets the callback run once when the response ends. */
    public void onClosed(BiConsumer<AsyncWriter, Boolean> callback) {
        this.onClosed = callback;
    }

    /** Sets status and content type if nothing was written yet. */
    public synchronized void begin(int status, String contentType) {
        if (closed || response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        if (contentType.startsWith("text/event-stream")) {
            response.setHeader("Cache-Control", "no-cache, no-transform");
            response.setHeader("X-Accel-Buffering", "no");
        }
    }

    /**
     * Answers with one complete body: status, content type, {@code Content-Length} (not chunked), the body, and
     * the end of the response.
     */
    public void answer(int status, String contentType, byte[] body) {
        synchronized (this) {
            if (!closed && !completing && !response.isCommitted()) {
                begin(status, contentType);
                response.setContentLength(body.length);
            }
        }
        write(body);
        complete();
    }

    /** Sets a response header if nothing was written yet. */
    public synchronized void header(String name, String value) {
        if (!closed && !response.isCommitted()) {
            response.setHeader(name, value);
        }
    }

    /** Queues a chunk; false when the response is closed or the chunk overflowed the queue (then it aborts). */
    public boolean write(byte[] chunk) {
        String overflow = null;
        long queuedHere;
        synchronized (this) {
            if (closed || completing) {
                return false;
            }
            queuedHere = queuedBytes;
            if (queue.isEmpty()) {
                budget.take(chunk.length); // not slow: the chunk goes out now or with the next write-possible
            } else if (queuedBytes + chunk.length > budget.perStream()) {
                overflow = "its own queue would exceed " + budget.perStream() + " bytes";
            } else if (!budget.tryTake(chunk.length)) {
                overflow = "the queues of all streams would exceed " + budget.total() + " bytes";
            }
            if (overflow == null) {
                queue.addLast(chunk);
                queuedBytes += chunk.length;
                drain();
            }
        }
        if (overflow != null) {
            LOG.info(
                    "closing a slow connection with {} bytes queued: {} (the client can resume from its last event)",
                    queuedHere,
                    overflow);
            abort();
            return false;
        }
        notifyIfClosed();
        return true;
    }

    /** Ends the response once everything queued is written. */
    public void complete() {
        synchronized (this) {
            if (closed || completing) {
                return;
            }
            completing = true;
            drain();
        }
        notifyIfClosed();
    }

    /** Ends the response now, dropping what is queued. */
    public void abort() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeLocked(false);
        }
        notifyIfClosed();
    }

    /** Whether the response is still open. */
    public synchronized boolean isOpen() {
        return !closed && !completing;
    }

    /** Nanos timestamp of the last chunk queued. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** Whether anything was written (headers committed). */
    public synchronized boolean isCommitted() {
        return response.isCommitted();
    }

    private boolean cleanClose;

    private void closeLocked(boolean clean) {
        closed = true;
        cleanClose = clean;
        queue.clear();
        budget.release(queuedBytes);
        queuedBytes = 0;
        try {
            async.complete();
        } catch (RuntimeException e) {
            // already completed or the connection is gone
        }
    }

    private void drain() {
        // caller holds the lock
        try {
            while (!closed && out.isReady()) {
                byte[] next = queue.pollFirst();
                if (next == null) {
                    if (needsFlush) {
                        needsFlush = false;
                        out.flush();
                        continue;
                    }
                    if (completing) {
                        closeLocked(true);
                    }
                    return;
                }
                queuedBytes -= next.length;
                budget.release(next.length);
                out.write(next);
                lastWriteNanos = System.nanoTime();
                needsFlush = true;
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                closeLocked(false);
            }
        }
    }

    private void notifyIfClosed() {
        boolean clean;
        synchronized (this) {
            if (!closed || notified) {
                return;
            }
            notified = true;
            clean = cleanClose;
        }
        onClosed.accept(this, clean);
    }

    @Override
    public void onWritePossible() {
        synchronized (this) {
            drain();
        }
        notifyIfClosed();
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            if (!closed) {
                closeLocked(false);
            }
        }
        notifyIfClosed();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (this) {
            if (!closed) {
                closeLocked(completing);
            }
        }
        notifyIfClosed();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not used
    }
}
