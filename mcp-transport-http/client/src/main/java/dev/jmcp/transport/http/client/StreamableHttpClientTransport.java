package dev.jmcp.transport.http.client;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.client.internal.ClientChannel;
import dev.jmcp.transport.http.client.internal.ClientSettings;
import dev.jmcp.transport.http.client.internal.LegacySseClient;
import dev.jmcp.transport.http.client.internal.PostSender;
import dev.jmcp.transport.http.client.internal.SseStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of Streamable HTTP on {@code java.net.http.HttpClient}.
 *
 * <ul>
 *   <li>Every message is a POST with {@code Accept: application/json, text/event-stream}; the answer may be
 *       JSON or SSE (events with empty data are skipped).
 *   <li>The {@code Mcp-Session-Id} of the initialize answer is sent on every later request, with
 *       {@code MCP-Protocol-Version} once {@link #setProtocolVersion} was called.
 *   <li>After the first notification of an established session ({@code notifications/initialized}) the
 *       standalone GET stream is opened and kept open (405, 400 and 404 are tolerated). A stream that drops is resumed with {@code GET} and {@code Last-Event-ID} after
 *       the server's {@code retry} delay; a POST stream that ends before its response is resumed the same way.
 *   <li>A 404 to a request carrying a session id (or to the GET stream) means the session expired: the send fails
 *       with {@link McpSessionExpiredException} (the request future fails with it as the cause), the session id
 *       and version header are forgotten, and the client re-initializes by sending {@code initialize} again on
 *       this same transport. Until a new session id arrives, every other message fails at once with
 *       {@link McpSessionExpiredException} (without a session it would be refused, or mistaken for a first
 *       request to a legacy server).
 *   <li>A 4xx whose body is a JSON-RPC error is delivered to the listener as that error; other failures fail
 *       the send with {@link McpHttpException}.
 *   <li>An {@link HttpAuthorizer} adds its headers to every request; on 401/403 it is asked, and the request
 *       is retried once if it returns true.
 *   <li>If the server answers 400, 404 or 405 to the first request of a session (the {@code initialize}: no
 *       session id yet and no request accepted yet), the transport falls back to the legacy HTTP+SSE transport
 *       (GET for the {@code endpoint} event, then POSTs to it).
 *   <li>The {@link MessageEnvelope} of the {@link OutboundContext} is written as headers: {@code Mcp-Method},
 *       {@code Mcp-Name}, {@code Mcp-Param-<name>} (values copied in the header form the envelope holds)
 *       and {@code MCP-Protocol-Version}; the transport never reads the body for them. A message whose envelope
 *       declares a protocol version, or any message once a 2026-07-28 version was set, is sent without a session.
 *   <li>A message whose {@link OutboundContext#cancelledRequestId()} names an in-flight 2026-07-28 request of
 *       this transport cancels that request the 2026-07-28 way: its response stream is closed and the
 *       notification is not sent.
 *   <li>{@link #close()} sends DELETE for the session and closes every stream.
 *   <li>A request whose response stream ends before its answer and cannot be resumed is reported with
 *       {@link TransportListener#onRequestAborted}: a session fails it with {@link McpTransportException}.
 * </ul>
 */
public final class StreamableHttpClientTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpClientTransport.class);
    /** How often one message is re-sent after the authorizer obtained a new token (step-ups included). */
    private static final int MAX_AUTH_RETRIES = 3;

    private final ClientChannel channel;
    private final SseStreams streams;
    private final LegacySseClient legacy;
    private final PostSender posts;

    private StreamableHttpClientTransport(Builder b) {
        this.channel = new ClientChannel(new ClientSettings(
                b.endpoint,
                b.httpClient,
                b.connectTimeout,
                b.headers,
                b.authorizer,
                b.requestTimeout,
                b.openGetStream,
                b.legacyFallback,
                b.defaultRetry.toMillis(),
                b.maxReconnectAttempts,
                b.codecLimits,
                b.engine != null ? b.engine : b.httpClient != null ? HttpClientEngine.JDK : HttpClientEngine.BUILT_IN));
        this.streams = new SseStreams(channel);
        this.legacy = new LegacySseClient(channel);
        this.posts = new PostSender(channel, streams, legacy);
    }

    /**
     * A builder for a transport to the MCP endpoint {@code endpoint}.
     *
     * @param endpoint the MCP endpoint's URL
     * @return a builder for a transport to the MCP endpoint {@code endpoint}
     */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /**
     * A transport with default settings.
     *
     * @param endpoint the MCP endpoint's URL
     * @return a transport with default settings
     */
    public static StreamableHttpClientTransport create(URI endpoint) {
        return builder(endpoint).build();
    }

    /** The session id the server assigned, or null. */
    public String sessionId() {
        return channel.sessionId();
    }

    /**
     * {@code tcp}, {@code http} and the HTTP version of the latest response: {@code 1.1} with the built-in engine,
     * what {@code java.net.http.HttpClient} negotiated with the JDK engine ({@link NetworkProtocol#HTTP}, version
     * unknown, before its first response).
     *
     * @return the network protocol of the latest exchange
     */
    @Override
    public NetworkProtocol networkProtocol() {
        return channel.protocol();
    }

    /**
     * Whether the transport fell back to legacy HTTP+SSE.
     *
     * @return whether the transport fell back to legacy HTTP+SSE
     */
    public boolean isLegacy() {
        return legacy.isActive();
    }

    /** The endpoint URI: what a client remembers about this server (its era) is kept per endpoint. */
    @Override
    public String peerIdentity() {
        return channel.endpoint().toString();
    }

    @Override
    public void start(TransportListener listener) {
        channel.start(listener);
    }

    @Override
    public void setProtocolVersion(ProtocolVersion version) {
        channel.protocolVersion(version);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (channel.isClosed()) {
            return CompletableFuture.failedFuture(new McpTransportException("transport is closed"));
        }
        if (context.cancelledRequestId() != null) {
            posts.abortInline(context.cancelledRequestId());
        }
        if (context.cancelledRequestId() != null && posts.closeStreamOf(context.cancelledRequestId())) {
            return CompletableFuture.completedFuture(null);
        }
        if (legacy.isActive()) {
            return legacy.post(message);
        }
        String expired = channel.expiredSession();
        if (expired != null && !opensSession(message)) {
            return CompletableFuture.failedFuture(new McpSessionExpiredException(
                    expired, "the server no longer knows session " + expired + "; send initialize to start a new one"));
        }
        return posts.send(message, context.envelope(), MAX_AUTH_RETRIES);
    }

    /** Whether {@code message} starts a session (the one method name this transport looks at). */
    private static boolean opensSession(JsonRpcMessage message) {
        return message instanceof JsonRpcRequest r && McpMethods.INITIALIZE.equals(r.method());
    }

    /** Sends DELETE for the session (best effort), closes every stream and stops its threads. */
    @Override
    public void close() {
        if (!channel.markClosed()) {
            return;
        }
        String session = channel.sessionId();
        if (session != null && !legacy.isActive()) {
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(channel.endpoint())
                        .timeout(Duration.ofSeconds(2))
                        .DELETE();
                channel.addCommonHeaders(rb, session);
                channel.http().send(rb.build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                LOG.debug("DELETE of session failed: {}", e.toString());
            }
        }
        posts.abortAll();
        channel.closeStreams();
        channel.notifyClosed(null);
    }

    /** Builds a {@link StreamableHttpClientTransport}. */
    public static final class Builder {
        private final URI endpoint;
        private HttpClient httpClient;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpAuthorizer authorizer;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private boolean openGetStream = true;
        private boolean legacyFallback = true;
        private Duration defaultRetry = Duration.ofSeconds(1);
        private int maxReconnectAttempts = 5;
        private CodecLimits codecLimits = CodecLimits.DEFAULTS;
        private HttpClientEngine engine;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /**
         * The HTTP client to use (not closed by the transport); default a new one per transport, which follows no
         * redirects (a 3xx fails the send: a followed redirect would carry the authorization and custom headers to
         * another origin). Give a client of your own {@code Redirect.NEVER} too.
         *
         * @param client the HTTP client to use (not closed by the transport); default a new one per transport, which
         *     follows no redirects (a 3xx fails the send: a followed redirect would carry the authorization and custom
         *     headers to another origin)
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * A header sent with every request.
         *
         * @param name the header's name
         * @param value the header's value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Headers sent with every request.
         *
         * @param values headers sent with every request
         * @return this builder
         */
        public Builder headers(Map<String, String> values) {
            headers.putAll(values);
            return this;
        }

        /**
         * Supplies authorization headers and handles 401/403.
         *
         * @param authorizer supplies the authorization headers and handles 401/403 answers
         * @return this builder
         */
        public Builder authorizer(HttpAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /**
         * Connect timeout of the default client; default 10 s.
         *
         * @param timeout connect timeout of the default client; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long to wait for response headers; default 60 s.
         *
         * @param timeout how long to wait for response headers; default 60 s
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Whether to open the standalone GET stream after initialization; default true.
         *
         * @param open whether to open the standalone GET stream after initialization; default true
         * @return this builder
         */
        public Builder openGetStream(boolean open) {
            this.openGetStream = open;
            return this;
        }

        /**
         * Whether to fall back to legacy HTTP+SSE when initialize gets 400/404/405; default true.
         *
         * @param fallback whether to fall back to legacy HTTP+SSE when initialize gets 400/404/405; default true
         * @return this builder
         */
        public Builder legacyFallback(boolean fallback) {
            this.legacyFallback = fallback;
            return this;
        }

        /**
         * The reconnection delay until the server sends {@code retry}; default 1 s.
         *
         * @param delay the reconnection delay until the server sends {@code retry}; default 1 s
         * @return this builder
         */
        public Builder defaultRetry(Duration delay) {
            this.defaultRetry = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Consecutive reconnections without progress before a stream is given up; default 5.
         *
         * @param attempts consecutive reconnections without progress before a stream is given up; default 5
         * @return this builder
         */
        public Builder maxReconnectAttempts(int attempts) {
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /**
         * Limits on inbound messages.
         *
         * @param limits limits on inbound messages
         * @return this builder
         */
        public Builder codecLimits(CodecLimits limits) {
            this.codecLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The HTTP client POSTs go through: default {@link HttpClientEngine#BUILT_IN}, or {@link
         * HttpClientEngine#JDK} when an {@link #httpClient} was given. GET streams, DELETE and the legacy fallback
         * always use the JDK client.
         *
         * @param engine the HTTP client POSTs go through: default {@link HttpClientEngine#BUILT_IN}, or {@link
         *     HttpClientEngine#JDK} when an {@link #httpClient} was given
         * @return this builder
         */
        public Builder engine(HttpClientEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Builds the transport; {@link Transport#start} it (the session does).
         *
         * @return the built streamable HTTP client transport
         */
        public StreamableHttpClientTransport build() {
            return new StreamableHttpClientTransport(this);
        }
    }
}
