package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one stateless POST (every POST in stateless mode, and a 2026-07-28 POST without a session): at
 * most one {@link ResponseStream}, no standalone stream, no event store and no lookup tables. Messages related to
 * the POST's requests (and unrelated notifications while it is open) go to its stream; the exchange closes when
 * the stream finishes, and losing the connection cancels the requests it still awaited.
 */
public final class StatelessExchange implements Transport, RequestStreamControl {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessExchange.class);
    private static final String STREAM_ID = "1";

    private final StreamSettings settings;
    private final StreamJournal journal;
    private final SessionInbox inbox = SessionInbox.forExchange();
    private final Object lock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ResponseStream stream;

    /** An exchange encoding with {@code settings}; its events are journaled nowhere. */
    StatelessExchange(StreamSettings settings, StreamJournal storeless) {
        this.settings = settings;
        this.journal = storeless;
    }

    /** Runs {@code hook} once when the exchange closes (to leave the registry). */
    public void onClosed(Runnable hook) {
        inbox.onClosed(hook);
    }

    /** Whether the exchange was closed. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void start(TransportListener listener) {
        inbox.start(listener);
    }

    /** Takes the messages of the POST. When they include requests, {@code writer} carries their stream. */
    public void accept(List<JsonRpcMessage> messages, InboundContext context, AsyncWriter writer, StreamMode mode) {
        if (writer != null) {
            ResponseStream s = ResponseStream.forExchange(STREAM_ID, mode);
            synchronized (lock) {
                ResponseStream.watch(writer, s, lock, w -> onConnectionLost(s, w));
                s.writer = writer;
                for (JsonRpcMessage m : messages) {
                    if (m instanceof JsonRpcRequest r) {
                        s.awaiting.add(r.id());
                    }
                }
                stream = s;
            }
        }
        inbox.deliver(messages, context);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("HTTP session is closed"));
        }
        byte[] json;
        try {
            json = settings.codec().encode(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        RequestId answered = message.answeredId();
        RequestId related = context == null ? null : context.relatedRequestId();
        if (related == null) {
            related = answered;
        }
        boolean finished;
        ResponseStream.JsonAnswer answer;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (related == null || !s.awaiting.contains(related)) {
                if (answered != null) {
                    LOG.debug("dropping response to {}: its stream is gone", answered);
                    return CompletableFuture.completedFuture(null);
                }
                if (s.finished) {
                    return CompletableFuture.completedFuture(null);
                }
            }
            boolean isFinal = answered != null && s.awaiting.remove(answered) && s.awaiting.isEmpty();
            answer = s.takeJsonAnswer(json, message, isFinal);
            finished = answer != null || s.emit(json, message, isFinal, journal);
        }
        if (answer != null) {
            answer.send(); // written without the lock: the connection is this answer's alone
        }
        if (finished) {
            close();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Always false: a stateless exchange keeps no events, so a closed stream could not be resumed. */
    @Override
    public boolean closeRequestStream(RequestId requestId) {
        return false;
    }

    /**
     * Periodic upkeep: a keep-alive comment on an idle SSE connection, and a stream still undecided after {@code
     * intervalNanos} switches to SSE so that a disconnect becomes visible (and cancels).
     */
    public void keepAlive(long intervalNanos) {
        AsyncWriter ping = null;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s == null || s.writer == null || s.finished) {
                return;
            }
            if (!s.sse) {
                if (System.nanoTime() - s.createdNanos > intervalNanos) {
                    s.switchToSse(journal);
                }
            } else if (System.nanoTime() - s.writer.lastWriteNanos() > intervalNanos) {
                ping = s.writer;
            }
        }
        if (ping != null) {
            ping.write(SseFormat.comment("keep-alive"));
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        AsyncWriter writer = null;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s != null) {
                writer = s.writer;
                s.writer = null;
                s.finished = true;
                s.awaiting.clear();
            }
        }
        if (writer != null) {
            writer.complete();
        }
        inbox.closed();
    }

    private void onConnectionLost(ResponseStream s, AsyncWriter writer) {
        List<RequestId> withdrawn;
        synchronized (lock) {
            withdrawn = s.connectionLost(writer);
        }
        if (withdrawn == null) {
            return;
        }
        if (!withdrawn.isEmpty()) {
            inbox.cancelled(withdrawn, ResponseStream.CANCEL_REASON);
        }
        close();
    }
}
