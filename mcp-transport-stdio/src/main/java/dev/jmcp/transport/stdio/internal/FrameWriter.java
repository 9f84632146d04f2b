package dev.jmcp.transport.stdio.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.session.HandlerExecutors;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes newline-terminated frames to an output stream from one writer thread, through a queue bounded in
 * frames and bytes. A sender waits at most the write timeout for room in the queue, so a peer that never reads
 * cannot exhaust memory or block a sender for long. The stream is closed when the writer stops.
 */
public final class FrameWriter {
    private static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);
    private static final int MAX_BATCH = 64;

    private final OutputStream out;
    private final String name;
    private final int maxQueuedFrames;
    private final long maxQueuedBytes;
    private final Duration writeTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private long queuedBytes;
    private boolean stopping;
    private McpTransportException failure;

    /**
     * Creates a writer; call {@link #start()} to start its thread.
     *
     * @param out the stream written to, closed when the writer stops
     * @param name a name for the thread and for errors
     * @param maxQueuedFrames the most frames waiting to be written
     * @param maxQueuedBytes the most bytes waiting to be written (one frame is always accepted into an empty queue)
     * @param writeTimeout how long a sender waits for room in the queue
     */
    public FrameWriter(OutputStream out, String name, int maxQueuedFrames, long maxQueuedBytes, Duration writeTimeout) {
        this.out = out;
        this.name = name;
        this.maxQueuedFrames = maxQueuedFrames;
        this.maxQueuedBytes = maxQueuedBytes;
        this.writeTimeout = writeTimeout;
    }

    /** Starts the writer thread. */
    public void start() {
        HandlerExecutors.startThread(name, this::run);
    }

    /**
     * Queues one frame (without its newline: the writer appends it). Waits at most the write timeout for room. The future
     * completes once the frame was written and flushed, or fails with {@link McpTransportException}.
     */
    public CompletableFuture<Void> enqueue(byte[] frame) {
        Entry entry = new Entry(frame);
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                if (stopping) {
                    return CompletableFuture.failedFuture(new McpTransportException(name + " is closed"));
                }
                if (queue.isEmpty()
                        || (queue.size() < maxQueuedFrames && queuedBytes + frame.length <= maxQueuedBytes)) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return CompletableFuture.failedFuture(new McpTransportException(name + ": write queue full ("
                            + queue.size() + " messages, " + queuedBytes + " bytes) for "
                            + writeTimeout.toMillis() + " ms; the peer is not reading"));
                }
                try {
                    notFull.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(
                            new McpTransportException(name + ": interrupted while waiting to write", e));
                }
            }
            queue.add(entry);
            queuedBytes += frame.length;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return entry.future;
    }

    /**
     * Encodes {@code message} with {@code codec} and queues it as in {@link #enqueue(byte[])}; a message that
     * cannot be encoded fails the returned future.
     */
    public CompletableFuture<Void> enqueue(JsonRpcCodec codec, JsonRpcMessage message) {
        byte[] frame;
        try {
            frame = codec.encode(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return enqueue(frame);
    }

    /**
     * Stops accepting frames. With {@code drain} the frames already queued are still written; without, they
     * fail. The writer thread then closes the stream.
     */
    public void stop(boolean drain) {
        List<Entry> dropped = new ArrayList<>();
        lock.lock();
        try {
            stopping = true;
            if (!drain) {
                dropped.addAll(queue);
                queue.clear();
                queuedBytes = 0;
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        McpTransportException closed = new McpTransportException(name + " is closed");
        for (Entry e : dropped) {
            e.future.completeExceptionally(closed);
        }
    }

    /** Completes when the writer thread has stopped and closed the stream. */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** Waits at most {@code timeout} for the writer to stop; returns whether it did. */
    public boolean awaitTerminated(Duration timeout) {
        try {
            terminated.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return terminated.isDone();
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                lock.lock();
                try {
                    while (queue.isEmpty() && !stopping) {
                        notEmpty.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                        batch.add(queue.poll());
                    }
                } finally {
                    lock.unlock();
                }
                long written = 0;
                try {
                    for (Entry e : batch) {
                        out.write(e.frame);
                        out.write('\n');
                        written += e.frame.length;
                    }
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    fail(batch, new McpTransportException(name + ": write failed: " + e.getMessage(), e));
                    return;
                }
                lock.lock();
                try {
                    queuedBytes -= written;
                    notFull.signalAll();
                } finally {
                    lock.unlock();
                }
                for (Entry e : batch) {
                    e.future.complete(null);
                }
                batch.clear();
            }
        } finally {
            try {
                out.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: closing the stream failed", name, e);
            }
            terminated.complete(null);
        }
    }

    private void fail(List<Entry> batch, McpTransportException error) {
        List<Entry> failed = new ArrayList<>(batch);
        lock.lock();
        try {
            failure = error;
            failed.addAll(queue);
            queue.clear();
            queuedBytes = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.debug("{}", error.getMessage());
        for (Entry e : failed) {
            e.future.completeExceptionally(error);
        }
    }

    private static final class Entry {
        final byte[] frame;
        final CompletableFuture<Void> future = new CompletableFuture<>();

        Entry(byte[] frame) {
            this.frame = frame;
        }
    }
}
