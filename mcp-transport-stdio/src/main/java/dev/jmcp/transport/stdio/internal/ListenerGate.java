package dev.jmcp.transport.stdio.internal;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.transport.TransportListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The listener side of a stdio transport: delivers inbound lines to the transport listener and closes it
 * exactly once. Delivery and closing hold the same lock, so no message reaches a listener after it was closed.
 */
public final class ListenerGate {
    private final Logger log;
    private final Supplier<String> name;
    private static final Duration FINISH_WAIT = Duration.ofSeconds(2);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean finished; // written under lock
    private volatile TransportListener listener;

    /**
     * Creates a gate with no listener yet.
     *
     * @param log the transport's logger, for listener failures
     * @param name the transport's name in log messages (read each time it is logged)
     */
    public ListenerGate(Logger log, Supplier<String> name) {
        this.log = log;
        this.name = name;
    }

    /** Sets the listener that lines are delivered to; called once, before the first line is read. */
    public void open(TransportListener listener) {
        this.listener = listener;
    }

    /**
     * Reads lines from {@code reader} and delivers each to the listener until end of input or until the
     * listener was closed. A listener failure is logged and the next line is read.
     *
     * @param onLine runs for every line read, before it is delivered
     * @return true at end of input, false if reading stopped because the listener was closed
     * @throws IOException if reading fails
     */
    public boolean deliverAll(LineReader reader, JsonRpcCodec codec, Runnable onLine) throws IOException {
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            onLine.run();
            lock.lock();
            try {
                if (finished) {
                    return false;
                }
                Inbound.deliver(line, codec, listener);
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on an inbound message", name.get(), e);
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Tells the listener the input ended and waits, at most {@code timeout}, until it has answered every request
     * it received ({@link TransportListener#onEndOfInput()}). Returns whether it did in time.
     */
    public boolean awaitAnswersAfterEndOfInput(Duration timeout) {
        TransportListener l = listener;
        if (l == null || timeout.isZero() || isFinished()) {
            return true;
        }
        try {
            l.onEndOfInput().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            log.debug("{}: requests still unanswered {} ms after end of input", name.get(), timeout.toMillis());
            return false;
        } catch (ExecutionException | RuntimeException e) {
            log.debug("{}: waiting for answers after end of input failed", name.get(), e);
            return false;
        }
    }

    /** Whether the listener was closed (or will never be opened: see {@link #markFinished()}). */
    public boolean isFinished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the gate finished without telling the listener: for a transport that failed to start. */
    public void markFinished() {
        lock.lock();
        try {
            finished = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first time only: stops {@code writer} (if not null) without draining and closes the listener with
     * {@code cause} (null for a normal close). A listener failure is logged.
     */
    public void finish(Throwable cause, FrameWriter writer) {
        // a delivery holds the lock; one stuck writing an inline answer to a client that stopped reading must not
        // hold up closing for ever: after FINISH_WAIT the listener is closed without the lock
        boolean locked = tryLock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            if (writer != null) {
                writer.stop(false);
            }
            TransportListener l = listener;
            if (l != null) {
                try {
                    l.onClose(cause);
                } catch (RuntimeException e) {
                    log.warn("{}: listener failed on close", name.get(), e);
                }
            }
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private boolean tryLock() {
        try {
            if (lock.tryLock(FINISH_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            log.debug("{}: a delivery is still running; closing the listener without waiting for it", name.get());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
