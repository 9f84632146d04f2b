package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one stateless POST (every POST in stateless mode, and a 2026-07-28 POST without a session): at
 * most one {@link ResponseStream}, no standalone stream, no event store, no lookup tables and no inbox of its own
 * (it tells its listener directly: its messages arrive in one delivery, so nothing needs ordering).
 *
 * <p>Its stream is <em>held</em> while the POST's messages are delivered on the request thread: what the server
 * sends meanwhile is kept when it is the answer to the POST's one request, and starts the response at once
 * otherwise (a progress notification, a log: they stream as before). When that answer is all there is once the
 * delivery returns (the handler ran inline), {@link #delivered()} returns it and the request thread writes it as plain JSON with {@code
 * Content-Length}, with no async mode and no write listener. Otherwise the response's {@link AsyncWriter} starts
 * (from {@link #delivered()}, or from the keep-alive sweep when an inline handler runs longer than the keep-alive
 * interval, or by the first message that is not that answer), a kept answer goes out (as JSON or SSE, as
 * before), and later messages follow
 * directly. Messages related to the POST's requests (and unrelated notifications while it is open) go to its
 * stream; the exchange closes when the stream finishes, and losing the connection cancels the requests it still
 * awaited.
 */
public final class StatelessExchange implements Transport, RequestStreamControl {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessExchange.class);
    private static final String STREAM_ID = "1";
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** How long the request thread waits for another thread that is starting the writer (a servlet call: quick). */
    private static final long ATTACH_WAIT_MILLIS = 10_000;

    private final StreamSettings settings;
    private final StreamJournal journal;
    private final Object lock = new Object();
    private volatile TransportListener listener;
    private volatile Runnable onClosed;
    private volatile boolean closed;
    /** Guarded by {@link #lock}. */
    private ResponseStream stream;
    /** Whether the stream is held (no writer attached yet); guarded by {@link #lock}. */
    private boolean held;
    /**
     * What was sent while held, in order: the POST's one answer, or (while a writer is being started) anything; a
     * {@link Kept}, a {@code List<Kept>} or null; guarded by {@link #lock}.
     */
    private Object kept;
    /**
     * Starts the writer; taken (set to null) by the one thread that will start it, outside the lock; guarded by
     * {@link #lock}.
     */
    private WriterStart writerStart;
    /** A JSON answer taken under the lock, to send once it is released; guarded by {@link #lock}. */
    private ResponseStream.JsonAnswer toSend;

    /** An exchange encoding with {@code settings}; its events are journaled nowhere. */
    StatelessExchange(StreamSettings settings, StreamJournal storeless) {
        this.settings = settings;
        this.journal = storeless;
    }

    /**
     * Runs {@code hook} once when the exchange closes (to leave the registry).
     *
     * @param hook what to run
     */
    public void onClosed(Runnable hook) {
        this.onClosed = hook;
    }

    /**
     * Whether the exchange was closed.
     *
     * @return whether the exchange was closed
     */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void start(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    /** Starts the asynchronous writer of the POST's response (called at most once, under the exchange's lock). */
    @FunctionalInterface
    public interface WriterStart {
        /**
         * Starts the writer.
         *
         * @return the writer, which now owns the response
         * @throws IOException when the response cannot be written
         */
        AsyncWriter start() throws IOException;
    }

    /**
     * Takes the messages of a POST that carries requests: opens the held stream that will carry their answers,
     * then delivers them (a handler run inline answers before this returns). The caller then calls {@link
     * #delivered()} on the same thread.
     *
     * @param messages the POST's messages
     * @param context the POST's inbound context
     * @param mode how its stream may answer
     * @param writerStart starts the response's writer when the stream cannot be answered inline: from {@link
     *     #delivered()}, or from {@link #keepAlive} when a handler run inline takes longer than the keep-alive
     *     interval (so that a disconnect still becomes visible and cancels it)
     */
    public void accept(
            List<JsonRpcMessage> messages, InboundContext context, StreamMode mode, WriterStart writerStart) {
        ResponseStream s = ResponseStream.forExchange(STREAM_ID, mode);
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r) {
                s.awaiting.add(r.id());
            }
        }
        synchronized (lock) {
            stream = s;
            held = true;
            this.writerStart = writerStart;
        }
        deliver(messages, context);
    }

    /**
     * Takes the messages of a POST without requests (answered 202 by the caller, which then closes this).
     *
     * @param messages the POST's notifications and responses
     * @param context the POST's inbound context
     */
    public void acceptNotifications(List<JsonRpcMessage> messages, InboundContext context) {
        deliver(messages, context);
    }

    /**
     * Ends the hold once {@link #accept} returned. When all that was sent meanwhile is the final answer of the
     * POST's only request, and it may be answered as JSON: finishes the stream and the exchange and returns that
     * answer, for the caller to write on the request thread. Otherwise starts the writer (unless the keep-alive
     * sweep or a message already did), sends what was kept, and returns null.
     *
     * @return the answer to write on the request thread, or null when there is none to write there
     */
    public InlineAnswer delivered() {
        InlineAnswer inline;
        WriterStart start;
        synchronized (lock) {
            awaitAttachByAnotherThread();
            if (!held || closed) {
                return null; // attached already (by a message or the keep-alive sweep), or closed: nothing to write
            }
            inline = takeInline();
            start = inline == null ? claimWriterStart() : null;
        }
        if (inline != null) {
            close();
            return inline;
        }
        if (start != null) {
            attach(start);
        }
        return null;
    }

    /**
     * Waits (under the lock, at most {@link #ATTACH_WAIT_MILLIS}) while another thread (a message sent by a handler
     * elsewhere, or the keep-alive sweep) starts the writer: the request thread must not leave the servlet before
     * the response went asynchronous, or the container would complete it empty.
     */
    private void awaitAttachByAnotherThread() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ATTACH_WAIT_MILLIS);
        boolean interrupted = false;
        while (held && writerStart == null && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warn("the writer of a stateless POST was not started within {} ms", ATTACH_WAIT_MILLIS);
                break;
            }
            try {
                lock.wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The inline answer, when the held stream has exactly that and nobody is starting a writer; under the lock. */
    private InlineAnswer takeInline() {
        ResponseStream s = stream;
        if (s == null || !(kept instanceof Kept k) || !s.jsonAllowed || s.sse || closed || writerStart == null) {
            return null;
        }
        if (!isOnlyAnswer(s, k.message)) {
            return null;
        }
        s.awaiting.clear();
        s.json = true;
        s.finished = true;
        held = false;
        kept = null;
        writerStart = null;
        return new InlineAnswer(s.modern ? ResponseStream.httpStatus(k.message) : 200, k.json);
    }

    /**
     * Takes the writer's start for the calling thread, which must then call {@link #attach}; null when another
     * thread took it (that thread attaches, and what is sent meanwhile is kept); under the lock.
     */
    private WriterStart claimWriterStart() {
        WriterStart start = writerStart;
        writerStart = null;
        return start;
    }

    /**
     * Starts the writer outside the lock (no servlet call is made while holding it) and attaches it: what was kept
     * goes out in order and the hold ends. When the exchange closed meanwhile, the writer is completed at once.
     */
    private void attach(WriterStart start) {
        AsyncWriter writer;
        try {
            writer = start.start();
        } catch (IOException | RuntimeException e) {
            LOG.debug("starting the answer of a stateless POST failed", e);
            close();
            return;
        }
        boolean finished = false;
        boolean gone = false;
        ResponseStream.JsonAnswer answer = null;
        synchronized (lock) {
            ResponseStream s = stream;
            held = false;
            lock.notifyAll(); // a request thread in delivered() may be waiting for this attach
            Object all = kept;
            kept = null;
            if (s == null || s.finished || closed) {
                gone = true;
            } else {
                ResponseStream.watch(writer, s, lock, w -> onConnectionLost(s, w));
                s.writer = writer;
                if (all instanceof Kept k) {
                    finished = route(s, k.json, k.message, k.related);
                } else if (all != null) {
                    @SuppressWarnings("unchecked")
                    List<Kept> list = (List<Kept>) all;
                    for (Kept k : list) {
                        finished |= route(s, k.json, k.message, k.related);
                    }
                }
                answer = toSend;
                toSend = null;
            }
        }
        if (gone) {
            writer.complete(); // closed while the writer was being started: end the response
            return;
        }
        if (answer != null) {
            answer.send();
        }
        if (finished) {
            close();
        }
    }

    private void deliver(List<JsonRpcMessage> messages, InboundContext context) {
        TransportListener l = listener;
        if (l == null) {
            LOG.warn("a stateless exchange received a message before it was started");
            return;
        }
        // delivered on the request's own thread: the server may run the handler right here (HandlerExecution.AUTO)
        boolean marked = HandlerExecutors.beginRequestThread();
        try {
            for (JsonRpcMessage m : messages) {
                try {
                    l.onMessage(m, context);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on inbound message", e);
                }
            }
        } finally {
            if (marked) {
                HandlerExecutors.endRequestThread();
            }
        }
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed) {
            return CompletableFuture.failedFuture(new McpTransportException("HTTP session is closed"));
        }
        byte[] json;
        try {
            json = settings.codec().encode(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        RequestId related = context == null ? null : context.relatedRequestId();
        boolean finished = false;
        ResponseStream.JsonAnswer answer = null;
        WriterStart start = null;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s == null) {
                return DONE;
            }
            if (held) {
                Kept k = new Kept(json, message, related);
                if (writerStart != null && kept == null && isOnlyAnswer(s, message)) {
                    kept = k; // may go inline once the delivery returns
                    return DONE;
                }
                keep(k); // in order, for the thread that starts the writer
                // anything else (progress, a log) starts the response now, as SSE, as it did before the hold
                start = claimWriterStart();
            } else {
                finished = route(s, json, message, related);
                answer = toSend;
                toSend = null;
            }
        }
        if (start != null) {
            attach(start);
        }
        if (answer != null) {
            answer.send(); // written without the lock: the connection is this answer's alone
        }
        if (finished) {
            close();
        }
        return DONE;
    }

    /** Whether {@code message} answers the one request {@code s} awaits (so the POST may be answered inline). */
    private static boolean isOnlyAnswer(ResponseStream s, JsonRpcMessage message) {
        RequestId answered = message.answeredId();
        return answered != null && s.awaiting.size() == 1 && s.awaiting.contains(answered);
    }

    /** Appends {@code k} to what was kept while held; under the lock. */
    private void keep(Kept k) {
        Object all = kept;
        if (all == null) {
            kept = k;
            return;
        }
        List<Kept> list;
        if (all instanceof Kept first) {
            list = new ArrayList<>(4);
            list.add(first);
            kept = list;
        } else {
            @SuppressWarnings("unchecked")
            List<Kept> existing = (List<Kept>) all;
            list = existing;
        }
        list.add(k);
    }

    /**
     * Writes one message to the (attached) stream, under the lock: a final JSON answer is left in {@link #toSend}
     * for the caller to write once the lock is released.
     *
     * @return whether the stream finished
     */
    private boolean route(ResponseStream s, byte[] json, JsonRpcMessage message, RequestId relatedOrNull) {
        RequestId answered = message.answeredId();
        RequestId related = relatedOrNull == null ? answered : relatedOrNull;
        if (related == null || !s.awaiting.contains(related)) {
            if (answered != null) {
                LOG.debug("dropping response to {}: its stream is gone", answered);
                return false;
            }
            if (s.finished) {
                return false;
            }
        }
        boolean isFinal = answered != null && s.awaiting.remove(answered) && s.awaiting.isEmpty();
        ResponseStream.JsonAnswer answer = s.takeJsonAnswer(json, message, isFinal);
        if (answer != null) {
            toSend = answer;
            return true;
        }
        return s.emit(json, message, isFinal, journal);
    }

    /** Always false: a stateless exchange keeps no events, so a closed stream could not be resumed. */
    @Override
    public boolean closeRequestStream(RequestId requestId) {
        return false;
    }

    /**
     * Periodic upkeep: a keep-alive comment on an idle SSE connection, and a stream still undecided after {@code
     * intervalNanos} switches to SSE so that a disconnect becomes visible (and cancels); a stream still held then
     * (its handler runs inline on the request thread) gets its writer first.
     *
     * @param intervalNanos the keep-alive interval
     */
    public void keepAlive(long intervalNanos) {
        AsyncWriter ping = null;
        WriterStart start = null;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s == null || s.finished) {
                return;
            }
            if (held) {
                if (System.nanoTime() - s.createdNanos > intervalNanos) {
                    start = claimWriterStart(); // a handler run inline is still busy: make a disconnect visible
                }
            } else if (s.writer == null) {
                return;
            } else if (!s.sse) {
                if (System.nanoTime() - s.createdNanos > intervalNanos) {
                    s.switchToSse(journal);
                }
            } else if (System.nanoTime() - s.writer.lastWriteNanos() > intervalNanos) {
                ping = s.writer;
            }
        }
        if (start != null) {
            attach(start);
            synchronized (lock) {
                ResponseStream s = stream;
                if (s != null && !s.finished && s.writer != null && !s.sse) {
                    s.switchToSse(journal);
                }
            }
        }
        if (ping != null) {
            ping.write(SseFormat.comment("keep-alive"));
        }
    }

    @Override
    public void close() {
        AsyncWriter writer = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            ResponseStream s = stream;
            if (s != null) {
                writer = s.writer;
                s.writer = null;
                s.finished = true;
                s.awaiting.clear();
            }
            kept = null;
        }
        if (writer != null) {
            writer.complete();
        }
        Runnable hook = onClosed;
        if (hook != null) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.debug("close hook failed", e);
            }
        }
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    private void onConnectionLost(ResponseStream s, AsyncWriter writer) {
        List<RequestId> withdrawn;
        synchronized (lock) {
            withdrawn = s.connectionLost(writer);
        }
        if (withdrawn == null) {
            return;
        }
        TransportListener l = listener;
        if (l != null) {
            for (RequestId id : withdrawn) {
                try {
                    l.onRequestCancelled(id, ResponseStream.CANCEL_REASON);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on a cancelled request", e);
                }
            }
        }
        close();
    }

    /** A message sent while the stream was held. */
    private record Kept(byte[] json, JsonRpcMessage message, RequestId related) {}

    /**
     * The answer to a stateless POST given while its request was still being delivered: written by the request
     * thread as plain JSON.
     *
     * @param status the HTTP status (see {@link ResponseStream#httpStatus})
     * @param body the encoded JSON-RPC response
     */
    public record InlineAnswer(int status, byte[] body) {}
}
