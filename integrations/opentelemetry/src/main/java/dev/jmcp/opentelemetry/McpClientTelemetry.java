package dev.jmcp.opentelemetry;

import dev.jmcp.client.CallOutcome;
import dev.jmcp.client.ClientCall;
import dev.jmcp.client.ClientInterceptor;
import dev.jmcp.client.ElicitationHandler;
import dev.jmcp.client.SamplingHandler;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.opentelemetry.internal.Capture;
import dev.jmcp.opentelemetry.internal.Durations;
import dev.jmcp.opentelemetry.internal.MetaCarrier;
import dev.jmcp.opentelemetry.internal.Networks;
import dev.jmcp.opentelemetry.internal.Semconv;
import dev.jmcp.opentelemetry.internal.Targets;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Traces and measures every request an {@code McpClient} sends, by the OpenTelemetry semantic conventions for MCP:
 * a {@link SpanKind#CLIENT} span named {@code {mcp.method.name} {target}}, child of the current context, whose W3C
 * trace context ({@code traceparent}, {@code tracestate}, {@code baggage}) travels in the request's {@code
 * params._meta}, and the {@code mcp.client.operation.duration} histogram; the client's own {@code server/discover}
 * and {@code initialize} are traced too, each 2026-07-28 {@code subscriptions/listen} stream is a span from its
 * opening to its end, every round of a 2026-07-28 {@code input_required} exchange is a child of the context the call
 * was made in, and each handshake-era session is timed in {@code mcp.client.session.duration}. The request id, the
 * session id and the {@code network.*} attributes come from the call ({@code ClientCall}) and its transport.
 * {@link #tracedSampling} and {@link #tracedElicitation} continue the server's trace in the handlers that serve its
 * requests.
 *
 * <pre>{@code
 * McpClient client = McpClient.builder()
 *         .transport(StreamableHttpClientTransport.create(uri))
 *         .interceptor(McpClientTelemetry.builder(openTelemetry).server(uri).build())
 *         .build();
 * }</pre>
 *
 * <p>Register it last (innermost) so the {@code _meta} it adds is what is sent. Immutable and thread-safe.
 */
public final class McpClientTelemetry implements ClientInterceptor {
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram operationDuration;
    private final DoubleHistogram sessionDuration;
    private final Supplier<String> sessionId;
    /** The key under which a call's first round keeps its parent context for later rounds. */
    private final Object parentKey = new Object();
    /** The handshake-era session open on each connection (keyed by its close stage), for the session duration. */
    private final Map<Object, OpenSession> sessions = new ConcurrentHashMap<>();

    private final Capture capture;
    /** What {@code server(uri)} or {@code stdio()} configured, for transports that do not report their network. */
    private final NetworkProtocol configuredNetwork;

    private final String serverAddress;
    private final long serverPort;

    private McpClientTelemetry(Builder builder) {
        OpenTelemetry otel = builder.openTelemetry;
        this.tracer = otel.getTracer(Semconv.SCOPE);
        this.propagator = otel.getPropagators().getTextMapPropagator();
        Meter meter = otel.getMeter(Semconv.SCOPE);
        this.operationDuration = Durations.histogram(
                meter, Semconv.CLIENT_OPERATION_DURATION, "The duration of MCP requests the client sent");
        this.sessionDuration = Durations.histogram(
                meter, Semconv.CLIENT_SESSION_DURATION, "The duration of MCP sessions as seen by the client");
        this.sessionId = builder.sessionId;
        this.capture = new Capture(builder.captureArguments, builder.captureResults, builder.maxCapturedChars);
        this.configuredNetwork = builder.network;
        this.serverAddress = builder.serverAddress;
        this.serverPort = builder.serverPort;
    }

    /**
     * Telemetry with the defaults: no server address, no tool payloads captured.
     *
     * @param openTelemetry the OpenTelemetry API instance to report to (the SDK is the application's choice)
     * @return telemetry with the defaults: no server address, no tool payloads captured
     */
    public static McpClientTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * A builder for telemetry reporting to {@code openTelemetry}.
     *
     * @param openTelemetry the OpenTelemetry API instance to report to (the SDK is the application's choice)
     * @return a builder for telemetry reporting to {@code openTelemetry}
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** True: the client's {@code initialize} and {@code server/discover} get spans too. */
    @Override
    public boolean interceptsConnectionRequests() {
        return true;
    }

    @Override
    public CompletionStage<CallOutcome> intercept(Chain chain) {
        long start = System.nanoTime();
        ClientCall call = chain.call();
        JsonNode params = call.params();
        Targets target = Targets.of(call.method(), params);
        String version = call.protocolVersion().id();
        Context parent = parentOf(call);

        SpanBuilder builder = tracer.spanBuilder(target.spanName())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(Semconv.MCP_PROTOCOL_VERSION, version);
        target.addTo(builder);
        if (call.requestId() != null) {
            builder.setAttribute(
                    Semconv.JSONRPC_REQUEST_ID, String.valueOf(call.requestId().value()));
        }
        Networks.addTo(builder, networkOf(call)); // the version is set again from the response, below
        if (serverAddress != null) {
            builder.setAttribute(Semconv.SERVER_ADDRESS, serverAddress);
            if (serverPort >= 0) {
                builder.setAttribute(Semconv.SERVER_PORT, serverPort);
            }
        }
        String session = sessionIdOf(call);
        if (session != null) {
            builder.setAttribute(Semconv.MCP_SESSION_ID, session);
        }
        if (capture.arguments() && target.isToolCall()) {
            String args = capture.bounded(params.get("arguments"));
            if (args != null) {
                builder.setAttribute(Semconv.GEN_AI_TOOL_CALL_ARGUMENTS, args);
            }
        }
        Span span = builder.startSpan();
        Context context = parent.with(span);
        Map<String, String> carrier = new LinkedHashMap<>(4);
        propagator.inject(context, carrier, (map, key, value) -> map.put(key, value));
        ClientCall traced = call;
        for (Map.Entry<String, String> e : carrier.entrySet()) {
            traced = traced.withMeta(e.getKey(), e.getValue());
        }
        CompletionStage<CallOutcome> stage;
        try (Scope ignored = context.makeCurrent()) {
            stage = chain.proceed(traced);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(Semconv.ERROR_TYPE, e.getClass().getName());
            span.end();
            throw e;
        }
        return stage.thenApply(outcome -> {
            String negotiated = version;
            NetworkProtocol network = networkOf(call); // after the response: the version it came over
            Networks.addTo(span, network);
            if (call.method().equals(McpMethods.INITIALIZE) && outcome.succeeded()) {
                negotiated = negotiatedVersion(outcome.result(), version);
                span.setAttribute(Semconv.MCP_PROTOCOL_VERSION, negotiated);
                String id = session != null ? null : sessionIdOf(call);
                if (id != null) {
                    span.setAttribute(Semconv.MCP_SESSION_ID, id);
                }
                sessionStarted(call.connectionClosed(), negotiated, network);
            }
            String errorType = finish(span, target, outcome);
            AttributesBuilder metric = Attributes.builder().put(Semconv.MCP_PROTOCOL_VERSION, negotiated);
            target.addTo(metric);
            putConnection(metric, network);
            if (errorType != null) {
                metric.put(Semconv.ERROR_TYPE, errorType);
            }
            if (outcome.error() instanceof McpRpcException rpc) {
                metric.put(Semconv.RPC_RESPONSE_STATUS_CODE, String.valueOf(rpc.code()));
            }
            operationDuration.record(Durations.secondsSince(start), metric.build(), context);
            return outcome;
        });
    }

    /**
     * The parent of a call's span: the current context for its first round, kept in the call's attributes for the
     * later rounds of a 2026-07-28 {@code input_required} exchange (they run on the handler executor), so every
     * round is a child of what the caller had current.
     */
    private Context parentOf(ClientCall call) {
        if (!call.isStateless()) {
            return Context.current(); // no rounds in the handshake era; a recovery retry keeps its thread's context
        }
        if (call.round() == 0) {
            Context current = Context.current();
            call.attributes().putIfAbsent(parentKey, current);
            return (Context) call.attributes().get(parentKey);
        }
        Object kept = call.attributes().get(parentKey);
        return kept instanceof Context context ? context : Context.current();
    }

    /** What the call's transport reports, else what the builder configured. */
    private NetworkProtocol networkOf(ClientCall call) {
        NetworkProtocol reported = call.networkProtocol();
        return Networks.isUnknown(reported) ? configuredNetwork : reported;
    }

    /** The configured session id source's answer, else the session id of the call's transport (the current one). */
    private String sessionIdOf(ClientCall call) {
        return sessionId != null ? sessionId.get() : call.sessionId().orElse(null);
    }

    private static String negotiatedVersion(JsonNode result, String requested) {
        JsonNode v = result == null ? null : result.get("protocolVersion");
        return v != null && v.isString() ? v.asString() : requested;
    }

    /**
     * A handshake-era session began on the connection that {@code closed} identifies: times it until the connection
     * closes or a new {@code initialize} replaces it (after the server forgot the old one).
     */
    private void sessionStarted(CompletionStage<Void> closed, String version, NetworkProtocol network) {
        AttributesBuilder attributes = Attributes.builder().put(Semconv.MCP_PROTOCOL_VERSION, version);
        putConnection(attributes, network);
        OpenSession fresh = new OpenSession(System.nanoTime(), attributes.build());
        OpenSession replaced = sessions.put(closed, fresh);
        if (replaced != null) {
            replaced.end(sessionDuration);
        } else {
            closed.whenComplete((ignored, failure) -> {
                OpenSession last = sessions.remove(closed);
                if (last != null) {
                    last.end(sessionDuration);
                }
            });
        }
    }

    /** The connection's attributes a metric carries: transport, protocol and server address, when known. */
    private void putConnection(AttributesBuilder attributes, NetworkProtocol network) {
        Networks.addTo(attributes, network);
        if (serverAddress != null) {
            attributes.put(Semconv.SERVER_ADDRESS, serverAddress);
            if (serverPort >= 0) {
                attributes.put(Semconv.SERVER_PORT, serverPort);
            }
        }
    }

    /** A handshake-era session the client opened, until it ends. */
    private record OpenSession(long startNanos, Attributes attributes) {
        void end(DoubleHistogram histogram) {
            histogram.record(Durations.secondsSince(startNanos), attributes);
        }
    }

    /**
     * {@code handler} traced: each {@code sampling/createMessage} request the server sends is a {@link
     * SpanKind#SERVER} span, child of the trace context in the request's {@code _meta} (the server's tool call), and
     * current while {@code handler} runs. Register the result with {@code McpClientBuilder.sampling}.
     *
     * @param handler answers {@code sampling/createMessage}
     * @return {@code handler} traced: each {@code sampling/createMessage} request the server sends is a {@link
     *     SpanKind#SERVER} span, child of the trace context in the request's {@code _meta} (the server's tool call),
     *     and current while {@code handler} runs
     */
    public SamplingHandler tracedSampling(SamplingHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> serveInbound("sampling/createMessage", request.meta(), () -> handler.createMessage(request));
    }

    /**
     * {@code handler} traced: each {@code elicitation/create} request the server sends is a {@link SpanKind#SERVER}
     * span, child of the trace context in the request's {@code _meta}, and current while {@code handler} runs.
     * Register the result with {@code McpClientBuilder.elicitation}.
     *
     * @param handler answers {@code elicitation/create}
     * @return {@code handler} traced: each {@code elicitation/create} request the server sends is a {@link
     *     SpanKind#SERVER} span, child of the trace context in the request's {@code _meta}, and current while {@code
     *     handler} runs
     */
    public ElicitationHandler tracedElicitation(ElicitationHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> serveInbound("elicitation/create", request.meta(), () -> handler.elicit(request));
    }

    private <T> T serveInbound(String method, JsonNode meta, Callable<T> handler) throws Exception {
        Context parent = propagator.extract(Context.current(), meta, MetaCarrier.INSTANCE);
        SpanBuilder builder = tracer.spanBuilder(method)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(Semconv.MCP_METHOD_NAME, method);
        Networks.addTo(builder, configuredNetwork);
        Span span = builder.startSpan();
        try (Scope ignored = parent.with(span).makeCurrent()) {
            return handler.call();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(
                    Semconv.ERROR_TYPE,
                    e instanceof McpRpcException rpc
                            ? String.valueOf(rpc.code())
                            : e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    private String finish(Span span, Targets target, CallOutcome outcome) {
        String errorType = null;
        if (outcome.succeeded()) {
            JsonNode result = outcome.result();
            if (target.isToolCall() && result != null) {
                JsonNode isError = result.get("isError");
                if (isError != null && isError.asBoolean(false)) {
                    errorType = Semconv.TOOL_ERROR;
                    span.setStatus(StatusCode.ERROR);
                }
                if (capture.results()) {
                    span.setAttribute(Semconv.GEN_AI_TOOL_CALL_RESULT, capture.bounded(result));
                }
            }
        } else if (!closedListen(target, outcome.error())) { // a listen the client closed ended normally
            McpException error = outcome.error();
            if (error instanceof McpRpcException rpc) {
                errorType = String.valueOf(rpc.code());
                span.setAttribute(Semconv.RPC_RESPONSE_STATUS_CODE, errorType);
            } else {
                errorType = error.getClass().getName();
            }
            span.setStatus(StatusCode.ERROR, error.getMessage());
            span.recordException(error);
        }
        if (errorType != null) {
            span.setAttribute(Semconv.ERROR_TYPE, errorType);
        }
        span.end();
        return errorType;
    }

    /** Whether {@code error} ends a {@code subscriptions/listen} stream the client closed (its normal end). */
    private static boolean closedListen(Targets target, McpException error) {
        return McpMethods.SUBSCRIPTIONS_LISTEN.equals(target.method()) && error instanceof McpCancelledException;
    }

    /** Builds {@link McpClientTelemetry}; tool payload capture is off by default. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureArguments;
        private boolean captureResults;
        private int maxCapturedChars = Capture.DEFAULT_MAX_CHARS;
        private NetworkProtocol network = NetworkProtocol.UNKNOWN;
        private String serverAddress;
        private long serverPort = -1;
        private Supplier<String> sessionId;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * The Streamable HTTP endpoint the client talks to: sets {@code server.address} and {@code server.port}.
         * The {@code network.*} attributes come from the transport (the HTTP version of its responses); this sets
         * {@code network.transport=tcp} and {@code network.protocol.name=http} only for a transport that reports
         * nothing.
         *
         * @param endpoint the MCP endpoint URI
         * @return this builder
         */
        public Builder server(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            this.network = NetworkProtocol.HTTP;
            this.serverAddress = endpoint.getHost();
            int port = endpoint.getPort();
            if (port < 0) {
                port = "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
            }
            this.serverPort = port;
            return this;
        }

        /**
         * The client talks to a subprocess over stdio: {@code network.transport=pipe} for a transport that does not
         * report it (jmcp's stdio transport does).
         *
         * @return this builder
         */
        public Builder stdio() {
            this.network = NetworkProtocol.PIPE;
            this.serverAddress = null;
            this.serverPort = -1;
            return this;
        }

        /**
         * Where the handshake-era session id comes from, for {@code mcp.session.id} on client spans, instead of the
         * default: the session id the call's own transport reports ({@code ClientCall.sessionId()}, HTTP's {@code
         * Mcp-Session-Id}, which follows reconnects and recoveries). Rarely needed. A null answer (no session: stdio,
         * 2026-07-28) adds nothing.
         *
         * @param source supplies the current session id, or null
         * @return this builder
         */
        public Builder sessionId(Supplier<String> source) {
            this.sessionId = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Records each tool call's arguments as {@code gen_ai.tool.call.arguments} (opt-in: may hold user data).
         *
         * @return this builder
         */
        public Builder captureToolArguments() {
            this.captureArguments = true;
            return this;
        }

        /**
         * Records each tool call's result as {@code gen_ai.tool.call.result} (opt-in: may hold user data).
         *
         * @return this builder
         */
        public Builder captureToolResults() {
            this.captureResults = true;
            return this;
        }

        /**
         * The most characters recorded per captured value (default 4096); longer JSON is cut.
         *
         * @param maxChars the most characters recorded per captured value (default 4096); longer JSON is cut
         * @return this builder
         */
        public Builder maxCapturedChars(int maxChars) {
            if (maxChars < 1) {
                throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
            }
            this.maxCapturedChars = maxChars;
            return this;
        }

        /**
         * The telemetry interceptor.
         *
         * @return the telemetry interceptor
         */
        public McpClientTelemetry build() {
            return new McpClientTelemetry(this);
        }
    }
}
