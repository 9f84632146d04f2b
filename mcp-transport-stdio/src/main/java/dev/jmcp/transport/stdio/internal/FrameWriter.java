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
 * cannot exhaust memory or block a queued sender for long. The stream is closed when the writer stops.
 *
 * <p>In {@link Mode#INLINE_WHEN_IDLE} a sender that finds nothing queued and nothing being written writes its
 * frame itself, on its own thread: no hand-off to the writer thread, which is most of the latency of a small
 * answer. The writer thread still writes whatever is queued while a write is in progress, in batches with one
 * flush. Frames leave in the order they were accepted either way. The price: when the peer stops reading and
 * the pipe is full, an inline sender blocks in the write until the peer reads, exits, or the stream is closed.
 */
public final class FrameWriter {
    private static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);
    private static final int MAX_BATCH = 64;
    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);

    /** Who writes a frame. */
    public enum Mode {
        /** Always the writer thread: a sender never blocks on the stream. */
        QUEUED,
        /** The sender itself when nothing is queued or being written; else the writer thread. */
        INLINE_WHEN_IDLE
    }

    private final OutputStream out;
    private final String name;
    private final int maxQueuedFrames;
    private final long maxQueuedBytes;
    private final Duration writeTimeout;
    private final Mode mode;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private long queuedBytes;
    /** A thread (the writer thread or an inline sender) is writing to the stream; guarded by lock. */
    private boolean writing;
    /** Inline writes leave their bytes in the stream's buffer until {@link #uncork()}; guarded by lock. */
    private boolean corked;
    /** Bytes written but not flushed (while corked); guarded by lock. */
    private boolean dirty;

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
        this(out, name, maxQueuedFrames, maxQueuedBytes, writeTimeout, Mode.QUEUED);
    }

    /**
     * Creates a writer; call {@link #start()} to start its thread.
     *
     * @param out the stream written to, closed when the writer stops
     * @param name a name for the thread and for errors
     * @param maxQueuedFrames the most frames waiting to be written
     * @param maxQueuedBytes the most bytes waiting to be written (one frame is always accepted into an empty queue)
     * @param writeTimeout how long a sender waits for room in the queue
     * @param mode whether a sender may write its frame itself when the writer is idle
     */
    public FrameWriter(
            OutputStream out, String name, int maxQueuedFrames, long maxQueuedBytes, Duration writeTimeout, Mode mode) {
        this.mode = mode;
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
     * Queues one frame (without its newline: the writer appends it), or writes it at once on this thread (see
     * {@link Mode#INLINE_WHEN_IDLE}). Waits at most the write timeout for room. The future completes once the frame
     * was written and flushed, or fails with {@link McpTransportException}.
     */
    public CompletableFuture<Void> enqueue(byte[] frame) {
        long deadline = 0;
        boolean inline = false;
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                if (stopping) {
                    return CompletableFuture.failedFuture(new McpTransportException(name + " is closed"));
                }
                if (mode == Mode.INLINE_WHEN_IDLE && !writing && queue.isEmpty()) {
                    writing = true;
                    inline = true;
                    break;
                }
                if (queue.isEmpty()
                        || (queue.size() < maxQueuedFrames && queuedBytes + frame.length <= maxQueuedBytes)) {
                    break;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + writeTimeout.toNanos();
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
            if (!inline) {
                Entry entry = new Entry(frame);
                queue.add(entry);
                queuedBytes += frame.length;
                if (!writing) {
                    notEmpty.signal(); // else whoever writes hands over to the writer thread when done
                }
                return entry.future;
            }
        } finally {
            lock.unlock();
        }
        return writeInline(frame);
    }

    /**
     * Holds back the flush of inline writes until {@link #uncork()}: for a reader that has more input at hand, whose
     * answers then leave together. Only in {@link Mode#INLINE_WHEN_IDLE}; the writer thread flushes its batches.
     */
    public void cork() {
        if (mode == Mode.QUEUED) {
            return;
        }
        lock.lock();
        try {
            corked = true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@link #cork()}: flushes what inline writes left in the buffer (unless a write in progress will). */
    public void uncork() {
        if (mode == Mode.QUEUED) {
            return;
        }
        lock.lock();
        try {
            corked = false;
            if (!dirty || writing || failure != null) {
                return; // nothing to flush, or the write in progress flushes when it ends
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        writeInline(null);
    }

    /**
     * Writes one frame (or, for null, nothing: only the flush) on the sender's thread, which won the stream
     * (writing is set) with nothing queued; flushes unless corked. Deciding not to flush and giving up the stream
     * happen under one lock, so an {@link #uncork()} either finds the bytes dirty and flushes them or is seen here.
     */
    private CompletableFuture<Void> writeInline(byte[] frame) {
        McpTransportException error = null;
        boolean wrote = false;
        if (frame != null) {
            try {
                out.write(frame);
                out.write('\n');
                wrote = true;
            } catch (IOException | RuntimeException e) {
                error = new McpTransportException(name + ": write failed: " + e.getMessage(), e);
            }
        }
        List<Entry> failed = null;
        while (true) {
            lock.lock();
            try {
                if (wrote) {
                    dirty = true;
                    wrote = false;
                }
                if (error == null && dirty && !corked) {
                    dirty = false; // flushed below, still holding the stream
                } else {
                    writing = false;
                    if (error != null) {
                        if (failure == null) {
                            failure = error;
                        }
                        failed = new ArrayList<>(queue);
                        queue.clear();
                        queuedBytes = 0;
                        notFull.signalAll();
                    }
                    if (!queue.isEmpty() || stopping || failure != null) {
                        notEmpty.signal(); // the writer thread takes what was queued meanwhile, or ends
                    }
                    break;
                }
            } finally {
                lock.unlock();
            }
            try {
                out.flush();
            } catch (IOException | RuntimeException e) {
                error = new McpTransportException(name + ": write failed: " + e.getMessage(), e);
            }
        }
        if (error == null) {
            return WRITTEN;
        }
        LOG.debug("{}", error.getMessage());
        for (Entry e : failed) {
            e.future.completeExceptionally(error);
        }
        return CompletableFuture.failedFuture(error);
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
                    while (writing || (queue.isEmpty() && !stopping && failure == null)) {
                        notEmpty.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return; // stopping (after any inline write finished), or failed
                    }
                    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                        batch.add(queue.poll());
                    }
                    writing = true;
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
                    writing = false;
                    dirty = false; // the batch's flush took any bytes inline writes left while corked
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
            if (failure == null) {
                failure = error;
            }
            writing = false; // the writer thread's own write failed
            failed.addAll(queue);
            queue.clear();
            queuedBytes = 0;
            notFull.signalAll();
            notEmpty.signalAll(); // the writer thread ends
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
