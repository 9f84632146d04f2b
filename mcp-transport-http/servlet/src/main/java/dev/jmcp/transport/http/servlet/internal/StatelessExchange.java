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
 * sends meanwhile is kept in order. When the only thing sent by then is the answer to the POST's one request (the
 * handler ran inline), {@link #answeredInline()} returns it and the request thread writes it as plain JSON with
 * {@code Content-Length}, with no async mode and no write listener. Otherwise the endpoint {@link #attach attaches}
 * an {@link AsyncWriter}, the kept messages go out in order (as JSON or SSE, as before), and later ones follow
 * directly. Messages related to the POST's requests (and unrelated notifications while it is open) go to its
 * stream; the exchange closes when the stream finishes, and losing the connection cancels the requests it still
 * awaited.
 */
public final class StatelessExchange implements Transport, RequestStreamControl {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessExchange.class);
    private static final String STREAM_ID = "1";
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StreamSettings settings;
    private final StreamJournal journal;
    private final Object lock = new Object();
    private volatile TransportListener listener;
    private volatile Runnable onClosed;
    private volatile boolean closed;
    /** Guarded by {@link #lock}. */
    private ResponseStream stream;
    /** Whether the stream is held (messages are kept, not written); guarded by {@link #lock}. */
    private boolean held;
    /** The messages sent while the stream was held, in order (created on the second one); guarded by lock. */
    private Object kept;
    /** A JSON answer taken under the lock, to send once it is released; guarded by {@link #lock}. */
    private ResponseStream.JsonAnswer toSend;

    /** An exchange encoding with {@code settings}; its events are journaled nowhere. */
    StatelessExchange(StreamSettings settings, StreamJournal storeless) {
        this.settings = settings;
        this.journal = storeless;
    }

    /** Runs {@code hook} once when the exchange closes (to leave the registry). */
    public void onClosed(Runnable hook) {
        this.onClosed = hook;
    }

    /** Whether the exchange was closed. */
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

    /**
     * Takes the messages of a POST that carries requests: opens the held stream that will carry their answers,
     * then delivers them (a handler run inline answers before this returns). The caller then takes the inline
     * answer or attaches a writer.
     */
    public void accept(List<JsonRpcMessage> messages, InboundContext context, StreamMode mode) {
        ResponseStream s = ResponseStream.forExchange(STREAM_ID, mode);
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r) {
                s.awaiting.add(r.id());
            }
        }
        synchronized (lock) {
            stream = s;
            held = true;
        }
        deliver(messages, context);
    }

    /** Takes the messages of a POST without requests (answered 202 by the caller, which then closes this). */
    public void acceptNotifications(List<JsonRpcMessage> messages, InboundContext context) {
        deliver(messages, context);
    }

    /**
     * When the stream is held and all that was sent is the final answer of its only request, and it may be
     * answered as JSON: finishes the stream and the exchange and returns that answer (to write on the request
     * thread); else null and the stream stays held for {@link #attach}.
     */
    public InlineAnswer answeredInline() {
        InlineAnswer answer = null;
        synchronized (lock) {
            ResponseStream s = stream;
            if (!held || s == null || !(kept instanceof Kept k) || !s.jsonAllowed || s.sse) {
                return null;
            }
            RequestId answered = k.message.answeredId();
            if (answered == null || s.awaiting.size() != 1 || !s.awaiting.contains(answered)) {
                return null;
            }
            s.awaiting.clear();
            s.json = true;
            s.finished = true;
            held = false;
            kept = null;
            answer = new InlineAnswer(
                    s.modern ? ResponseStream.httpStatus(k.message) : 200, k.json);
        }
        close();
        return answer;
    }

    /**
     * Carries the stream on {@code writer} from now on: what was kept while it was held goes out first, in order.
     * When the exchange closed meanwhile, the writer is completed.
     */
    public void attach(AsyncWriter writer) {
        boolean gone = false;
        boolean finished = false;
        ResponseStream.JsonAnswer answer = null;
        synchronized (lock) {
            ResponseStream s = stream;
            held = false;
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
            writer.complete(); // closed while held: end the response rather than leave it open
            close();
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
        for (JsonRpcMessage m : messages) {
            try {
                l.onMessage(m, context);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on inbound message", e);
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
        boolean finished;
        ResponseStream.JsonAnswer answer;
        synchronized (lock) {
            ResponseStream s = stream;
            if (s == null) {
                return DONE;
            }
            if (held) {
                keep(new Kept(json, message, related));
                return DONE;
            }
            finished = route(s, json, message, related);
            answer = toSend;
            toSend = null;
        }
        if (answer != null) {
            answer.send(); // written without the lock: the connection is this answer's alone
        }
        if (finished) {
            close();
        }
        return DONE;
    }

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
        AsyncWriter writer = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
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
