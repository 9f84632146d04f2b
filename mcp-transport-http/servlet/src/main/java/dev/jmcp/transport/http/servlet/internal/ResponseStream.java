package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One response stream of a session and its state machine: undecided, then either a plain JSON answer (its only
 * message is the final response) or SSE (anything else came first), then finished. The connection carrying it
 * ({@link #writer}) may come and go while the stream lives on. Not thread-safe: the owning transport's lock
 * guards every field and method.
 */
final class ResponseStream {
    final String id;
    /** The requests whose answers it carries: usually one (a stateless POST), a few in a batch. */
    final Set<RequestId> awaiting = new HashSet<>(4);

    final boolean jsonAllowed;
    final boolean cancelOnDisconnect;
    final boolean modern;
    final long createdNanos = System.nanoTime();
    boolean sse;
    boolean json;
    boolean finished;
    /** The id of the last event emitted (#18: published for a resumption on another instance), or null. */
    String lastEventId;

    AsyncWriter writer;

    private ResponseStream(String id, boolean jsonAllowed, boolean cancelOnDisconnect, boolean modern) {
        this.id = id;
        this.jsonAllowed = jsonAllowed;
        this.cancelOnDisconnect = cancelOnDisconnect;
        this.modern = modern;
    }

    /** Why requests are cancelled when the client drops their stream's connection. */
    static final String CANCEL_REASON = "the client closed the response stream";

    /** The stream of one POST to a session: a 2026-07-28 one cancels its requests when its connection drops. */
    static ResponseStream forSessionPost(String id, StreamMode mode) {
        return new ResponseStream(id, mode.jsonAllowed(), mode.modern(), mode.modern());
    }

    /** The stream of a stateless exchange: it always cancels its requests when its connection drops. */
    static ResponseStream forExchange(String id, StreamMode mode) {
        return new ResponseStream(id, mode.jsonAllowed(), true, mode.modern());
    }

    /** The standalone (GET) stream: always SSE. */
    static ResponseStream standalone(String id) {
        ResponseStream s = new ResponseStream(id, false, false, false);
        s.sse = true;
        return s;
    }

    /**
     * Writes one message. The final answer of a stream that is still undecided and may answer with JSON goes as
     * plain JSON; anything else switches the stream to SSE and becomes an event (kept in the journal).
     *
     * @param isFinal whether this message answers the last request the stream awaited
     * @param message the message, for the HTTP status of a 2026-07-28 JSON error
     * @return whether the stream finished
     */
    boolean emit(byte[] json, JsonRpcMessage message, boolean isFinal, StreamJournal journal) {
        JsonAnswer answer = takeJsonAnswer(json, message, isFinal);
        if (answer != null) {
            answer.send();
            return true;
        }
        if (!sse) {
            switchToSse(journal);
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String eventId = journal.append(id, text);
        lastEventId = eventId;
        if (writer != null) {
            writer.write(SseFormat.message(eventId, text));
        }
        if (isFinal) {
            finished = true;
            if (writer != null) {
                writer.complete();
            }
        }
        return isFinal;
    }

    /**
     * When {@code message} is the final answer of a stream that is still undecided and may answer with JSON:
     * decides the stream for JSON, finishes it and takes its connection (so that nothing else, a close included,
     * writes to it), and returns the answer to send once the owner's lock is released; else null and nothing
     * changes. Writing outside the lock keeps the socket write and the response completion out of the session's
     * critical section (issue #19: with one session on many connections, every answer waited for the lock while
     * another answer was written).
     */
    JsonAnswer takeJsonAnswer(byte[] json, JsonRpcMessage message, boolean isFinal) {
        if (sse || !isFinal || !jsonAllowed || writer == null) {
            return null;
        }
        this.json = true;
        finished = true;
        AsyncWriter w = writer;
        writer = null;
        return new JsonAnswer(w, modern ? httpStatus(message) : 200, json);
    }

    /** A plain JSON answer taken from a stream, to write without the owner's lock. */
    record JsonAnswer(AsyncWriter writer, int status, byte[] body) {
        /** Writes the answer with its {@code Content-Length} and ends the response. */
        void send() {
            writer.answer(status, "application/json", body);
        }
    }

    /**
     * Ends this stream without a further message (its last awaited request was cancelled by the client and gets
     * no answer): an undecided stream becomes an SSE stream that ends at once, an SSE stream simply ends.
     */
    void finishUnanswered(StreamJournal journal) {
        finished = true;
        if (writer == null) {
            return;
        }
        if (!sse) {
            switchToSse(journal);
        }
        writer.complete();
    }

    /**
     * The connection {@code lost} ended abruptly. When it still carried this unfinished stream, the stream is
     * detached from it and becomes SSE (unless it already answered as JSON); a stream that cancels on
     * disconnect also finishes, withdrawing the requests it awaited.
     *
     * @return the withdrawn requests (possibly none) when the stream finished, else null (it lives on, or the
     *     connection was no longer its own)
     */
    List<RequestId> connectionLost(AsyncWriter lost) {
        if (writer != lost) {
            return null;
        }
        writer = null;
        if (finished) {
            return null;
        }
        if (!sse && !json) {
            sse = true;
        }
        if (!cancelOnDisconnect) {
            return null;
        }
        List<RequestId> withdrawn = List.copyOf(awaiting);
        awaiting.clear();
        finished = true;
        return withdrawn;
    }

    /** Decides for SSE; with a connection, starts the SSE answer. */
    void switchToSse(StreamJournal journal) {
        sse = true;
        if (writer == null) {
            return;
        }
        writer.begin(200, "text/event-stream");
        writer.write(journal.opening(id));
    }

    /**
     * The HTTP status of a 2026-07-28 answer sent as plain JSON: 404 for Method not found (-32601), 400 for the
     * protocol's request errors (-32700, -32600, HeaderMismatch -32020, MissingRequiredClientCapability -32021,
     * UnsupportedProtocolVersion -32022), else 200. Invalid params (-32602) stays 200: the envelope check that
     * answers it with 400 runs before the server (see {@code StandardHeadersCheck}), and a handler's -32602 is
     * in-band.
     */
    static int httpStatus(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcErrorResponse e)) {
            return 200;
        }
        return switch (e.error().code()) {
            case ErrorCodes.METHOD_NOT_FOUND -> 404;
            case ErrorCodes.PARSE_ERROR,
                    ErrorCodes.INVALID_REQUEST,
                    ErrorCodes.HEADER_MISMATCH,
                    ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                    ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION -> 400;
            default -> 200;
        };
    }

    /**
     * Watches the connection {@code writer} carries for {@code stream}: an orderly end only detaches the writer
     * (inline, under {@code lock}); an abnormal end (the client went away) goes to {@code onLost} on a delivery
     * thread, because a writer may report its end from inside a write made under the owner's lock and the reaction
     * delivers cancellations to the session.
     */
    static void watch(AsyncWriter writer, ResponseStream stream, Object lock, Consumer<AsyncWriter> onLost) {
        writer.onClosed((w, clean) -> {
            if (clean) {
                synchronized (lock) {
                    if (stream.writer == w) {
                        stream.writer = null;
                    }
                }
            } else {
                HandlerExecutors.delivery().execute(() -> onLost.accept(w));
            }
        });
    }
}
