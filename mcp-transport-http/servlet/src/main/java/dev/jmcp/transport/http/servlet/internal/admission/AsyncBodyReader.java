package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.transport.http.servlet.internal.AsyncWriter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request body with non-blocking servlet I/O ({@link ReadListener}), so a peer that sends its body
 * slowly holds no container thread while it does. The body goes to a continuation on a container thread, still in
 * async mode; when the continuation did not hand the response to an async writer, the response is completed
 * after it. A body over the limit is cut short (the continuation gets null); one that does not arrive in full
 * within the timeout gets 408; a broken read ends the exchange.
 */
final class AsyncBodyReader implements ReadListener, AsyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncBodyReader.class);

    /** What runs once the body is read: it answers the request, or hands the response to an {@link AsyncWriter}. */
    @FunctionalInterface
    interface Continuation {
        /** @param body the body, or null when it was over the limit */
        void accept(byte[] body) throws IOException;
    }

    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletInputStream in;
    private final int max;
    private final Continuation then;
    private final AtomicBoolean done = new AtomicBoolean();
    /** The body so far: sized to the declared length, so a declared body is read in place with no copy. */
    private byte[] body;

    private int size;

    private AsyncBodyReader(
            AsyncContext async,
            HttpServletRequest request,
            HttpServletResponse response,
            ServletInputStream in,
            int max,
            int expected,
            Continuation then) {
        this.async = async;
        this.request = request;
        this.response = response;
        this.in = in;
        this.max = max;
        this.then = then;
        this.body = new byte[expected > 0 ? expected : 1024];
    }

    /** Starts reading {@code request}'s body (at most {@code max} bytes within {@code timeoutMillis}). */
    static void start(
            HttpServletRequest request, HttpServletResponse response, int max, long timeoutMillis, Continuation then)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > 0 && declared <= Math.min(max, BUFFERED_BODY_LIMIT)) {
            byte[] buffered = readBuffered(request.getInputStream(), (int) declared);
            if (buffered != null) {
                answerInPlace(buffered, then);
                return;
            }
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        AsyncBodyReader reader = new AsyncBodyReader(
                async,
                request,
                response,
                request.getInputStream(),
                max,
                declared > 0 && declared <= max ? (int) declared : 0,
                then);
        async.addListener(reader);
        if (declared > max) {
            reader.finish(null);
            return;
        }
        reader.in.setReadListener(reader);
    }

    /**
     * The largest declared body read in place when it is already buffered: one that arrived with the headers (the
     * common small JSON-RPC POST) needs neither async mode nor a read listener, and reading it cannot block.
     */
    static final int BUFFERED_BODY_LIMIT = 64 * 1024;

    /**
     * The whole body of {@code length} bytes when the container has all of it buffered already (so that reading it
     * cannot block), else null with nothing consumed.
     */
    private static byte[] readBuffered(ServletInputStream in, int length) throws IOException {
        if (in.available() < length) {
            return null;
        }
        byte[] body = new byte[length];
        int size = 0;
        while (size < length) {
            int n = in.read(body, size, length - size);
            if (n < 0) {
                throw new java.io.EOFException("the body ended after " + size + " of " + length + " bytes");
            }
            size += n;
        }
        return body;
    }

    /**
     * Runs {@code then} on the container thread that is still in {@code service}: the container ends the response
     * when it returns, unless an {@link AsyncWriter} took it over.
     */
    private static void answerInPlace(byte[] body, Continuation then) {
        try {
            then.accept(body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("answering a POST failed", e);
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done.get() && in.isReady()) {
            if (size == body.length) {
                // full (typically the declared length was read): probe for the end before growing
                int b = in.read();
                if (b < 0) {
                    return; // onAllDataRead follows
                }
                if (size + 1 > max) {
                    finish(null);
                    return;
                }
                body = Arrays.copyOf(body, (int) Math.min((long) max + 1, Math.max(1024L, size * 2L)));
                body[size++] = (byte) b;
                continue;
            }
            int n = in.read(body, size, body.length - size);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            size += n;
            if (size > max) {
                finish(null);
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        finish(size == body.length ? body : Arrays.copyOf(body, size));
    }

    @Override
    public void onError(Throwable t) {
        fail(408, "Request Timeout: the body did not arrive in time", t);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail(408, "Request Timeout: the body did not arrive in time", null);
    }

    @Override
    public void onError(AsyncEvent event) {
        fail(400, "Bad Request: the body could not be read", event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        done.set(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not used
    }

    private void finish(byte[] bytes) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        async.setTimeout(0);
        try {
            then.accept(bytes);
        } catch (IOException | RuntimeException e) {
            LOG.debug("answering a POST failed", e);
        } finally {
            if (!AsyncWriter.owns(request)) {
                completeQuietly();
            }
        }
    }

    private void fail(int status, String message, Throwable cause) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("POST body read failed ({}): {}", status, cause == null ? "timeout" : cause.toString());
        try {
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
                Rejection.of(status, null, ErrorCodes.INVALID_REQUEST, message).send(response);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("answering a failed body read failed", e);
        } finally {
            completeQuietly();
        }
    }

    private void completeQuietly() {
        try {
            async.complete();
        } catch (RuntimeException e) {
            // already completed, or the connection is gone
        }
    }
}
