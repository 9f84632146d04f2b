package dev.jmcp.loadtest.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A handshake-era Streamable HTTP session spoken at the wire level, for what the client API hides: whether the
 * standalone GET stream is open, when the server ended it, its SSE event ids, and resuming it with {@code
 * Last-Event-ID}. One GET stream at a time.
 */
final class RawSseSession {
    /** What the GET stream saw. */
    interface Listener {
        /** The stream answered {@code status} (200: open) after {@code nanos} from sending the GET. */
        void opened(int status, long nanos);

        /** One SSE event: its id (or null) and data. */
        void event(String id, String data);

        /** The stream ended: by the server (or the network) unless this session cancelled it. */
        void ended(boolean byServer);
    }

    private final HttpClient http;
    private final URI uri;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final String sessionId;
    private final String version;
    private final AtomicLong ids = new AtomicLong(1);
    private volatile Flow.Subscription stream;
    private volatile boolean cancelling;

    private RawSseSession(
            HttpClient http, URI uri, Map<String, String> headers, Duration timeout, String sessionId, String version) {
        this.http = http;
        this.uri = uri;
        this.headers = headers;
        this.timeout = timeout;
        this.sessionId = sessionId;
        this.version = version;
    }

    /** Opens a session: {@code initialize}, then {@code notifications/initialized}. */
    static RawSseSession open(HttpClient http, URI uri, Map<String, String> headers, Duration timeout)
            throws IOException, InterruptedException {
        String v = ProtocolVersion.LATEST_HANDSHAKE.id();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + v
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"jmcp-loadtest\",\"version\":\"0.1.0\"}}}";
        HttpResponse<String> r =
                http.send(post(uri, headers, timeout, null, null, init), HttpResponse.BodyHandlers.ofString());
        String session = r.headers().firstValue("Mcp-Session-Id").orElse(null);
        if (r.statusCode() != 200 || session == null) {
            throw new IOException(
                    "initialize answered HTTP " + r.statusCode() + (session == null ? " without Mcp-Session-Id" : ""));
        }
        RawSseSession s = new RawSseSession(http, uri, headers, timeout, session, v);
        s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return s;
    }

    /** Sends a request and waits for its answer (JSON or SSE); returns the HTTP status. */
    int request(String method, String paramsJson) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":" + McpJson.write(method)
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
        return send(body);
    }

    private int send(String body) throws IOException, InterruptedException {
        return http.send(post(uri, headers, timeout, sessionId, version, body), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpRequest post(
            URI uri, Map<String, String> headers, Duration timeout, String session, String version, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        if (session != null) {
            b.header("Mcp-Session-Id", session);
            b.header("MCP-Protocol-Version", version);
        }
        return b.build();
    }

    /**
     * Opens the standalone GET stream (resuming after {@code lastEventId} when not null); events and its end go to
     * the listener. Returns at once.
     */
    CompletableFuture<?> openStream(String lastEventId, Listener listener) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", sessionId)
                .header("MCP-Protocol-Version", version)
                .GET();
        headers.forEach(b::header);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        cancelling = false;
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Listener outer = listener;
        listener = new Listener() {
            @Override
            public void opened(int status, long nanos) {
                outer.opened(status, nanos);
            }

            @Override
            public void event(String id, String data) {
                outer.event(id, data);
            }

            @Override
            public void ended(boolean byServer) {
                if (done.compareAndSet(false, true)) {
                    outer.ended(byServer);
                }
            }
        };
        Listener once = listener;
        HttpResponse.BodyHandler<Void> handler = info -> {
            once.opened(info.statusCode(), System.nanoTime() - t0);
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(once));
        };
        return http.sendAsync(b.build(), handler).whenComplete((r, e) -> {
            if (e != null) {
                once.ended(!cancelling);
            }
        });
    }

    /** Drops the GET stream (closes its connection), as a client whose network broke. */
    void dropStream() {
        cancelling = true;
        Flow.Subscription s = stream;
        stream = null;
        if (s != null) {
            s.cancel();
        }
    }

    /** Ends the session with {@code DELETE}; never throws. */
    void close() {
        dropStream();
        try {
            http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(timeout)
                            .header("Mcp-Session-Id", sessionId)
                            .header("MCP-Protocol-Version", version)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the session expires on the server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses SSE lines into events. */
    private final class Lines implements Flow.Subscriber<String> {
        private final Listener listener;
        private final StringBuilder data = new StringBuilder();
        private String id;

        Lines(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            stream = subscription;
            if (cancelling) {
                subscription.cancel();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    listener.event(id, data.toString());
                }
                data.setLength(0);
                id = null;
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            listener.ended(!cancelling);
        }

        @Override
        public void onComplete() {
            listener.ended(!cancelling);
        }
    }

    /** A listener that ignores events. */
    static Listener idle(Consumer<Integer> opened, Consumer<Boolean> ended) {
        return new Listener() {
            @Override
            public void opened(int status, long nanos) {
                opened.accept(status);
            }

            @Override
            public void event(String id, String data) {}

            @Override
            public void ended(boolean byServer) {
                ended.accept(byServer);
            }
        };
    }
}
