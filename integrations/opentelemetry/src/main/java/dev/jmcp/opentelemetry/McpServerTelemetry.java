package dev.jmcp.opentelemetry;

import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.opentelemetry.internal.Capture;
import dev.jmcp.opentelemetry.internal.Durations;
import dev.jmcp.opentelemetry.internal.MetaCarrier;
import dev.jmcp.opentelemetry.internal.Networks;
import dev.jmcp.opentelemetry.internal.Peer;
import dev.jmcp.opentelemetry.internal.Semconv;
import dev.jmcp.opentelemetry.internal.SessionIds;
import dev.jmcp.opentelemetry.internal.Targets;
import dev.jmcp.server.OutgoingRequest;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.server.ServerSession;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Traces and measures every request an {@code McpServer} serves, by the OpenTelemetry semantic conventions for MCP:
 * a {@link SpanKind#SERVER} span named {@code {mcp.method.name} {target}} whose parent is the W3C trace context in
 * the request's {@code params._meta} (else the current context), the {@code mcp.server.operation.duration} and
 * {@code mcp.server.session.duration} histograms, and a {@link SpanKind#CLIENT} span, child of the request's span,
 * for each request the server sends the client while serving (sampling, elicitation, roots), whose trace context
 * travels in that request's {@code _meta}. {@code network.transport}, {@code network.protocol.name} and {@code
 * network.protocol.version} are what the transport reports for each request.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *         .interceptor(McpServerTelemetry.create(openTelemetry))
 *         ...
 * }</pre>
 *
 * <p>The handler runs with the span current, so an {@code McpClient} with {@link McpClientTelemetry} that the
 * handler calls continues the trace. Register it first (outermost) so its span covers the other interceptors.
 * Immutable and thread-safe.
 */
public final class McpServerTelemetry implements ServerInterceptor {
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram operationDuration;
    private final DoubleHistogram sessionDuration;
    private final DoubleHistogram clientOperationDuration;
    private final Capture capture;

    private McpServerTelemetry(Builder builder) {
        OpenTelemetry otel = builder.openTelemetry;
        this.tracer = otel.getTracer(Semconv.SCOPE);
        this.propagator = otel.getPropagators().getTextMapPropagator();
        Meter meter = otel.getMeter(Semconv.SCOPE);
        this.operationDuration = Durations.histogram(
                meter, Semconv.SERVER_OPERATION_DURATION, "The duration of MCP requests the server served");
        this.sessionDuration = Durations.histogram(
                meter, Semconv.SERVER_SESSION_DURATION, "The duration of MCP sessions as seen by the server");
        this.clientOperationDuration = Durations.histogram(
                meter, Semconv.CLIENT_OPERATION_DURATION, "The duration of MCP requests the client sent");
        this.capture = new Capture(builder.captureArguments, builder.captureResults, builder.maxCapturedChars);
    }

    /**
     * Telemetry with the defaults: no tool payloads captured.
     *
     * @param openTelemetry the OpenTelemetry API instance to report to (the SDK is the application's choice)
     * @return telemetry with the defaults: no tool payloads captured
     */
    public static McpServerTelemetry create(OpenTelemetry openTelemetry) {
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

    @Override
    public ServerOutcome intercept(ServerCall call, Chain chain) {
        long start = System.nanoTime();
        String method = call.method();
        JsonNode params = call.params();
        Targets target = Targets.of(method, params);
        Context current = Context.current();
        Context parent = propagator.extract(current, call.meta(), MetaCarrier.INSTANCE);
        Optional<ServerSession> session = call.session();
        String version = call.protocolVersion().map(v -> v.id()).orElse(null);
        NetworkProtocol network = call.transport().network();

        SpanBuilder builder = tracer.spanBuilder(target.spanName())
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(
                        Semconv.JSONRPC_REQUEST_ID,
                        String.valueOf(call.requestId().value()));
        target.addTo(builder);
        SpanContext transportSpan = Span.fromContext(current).getSpanContext();
        if (transportSpan.isValid()
                && !transportSpan.equals(Span.fromContext(parent).getSpanContext())) {
            builder.addLink(transportSpan); // the transport's own span (e.g. HTTP), when the trace came in _meta
        }
        String sessionId = SessionIds.of(call);
        if (sessionId != null) {
            builder.setAttribute(Semconv.MCP_SESSION_ID, sessionId);
        }
        Networks.addTo(builder, network);
        Peer peer = Peer.parse(call.transport().remoteAddress());
        if (peer != null) {
            builder.setAttribute(Semconv.CLIENT_ADDRESS, peer.address());
            if (peer.port() >= 0) {
                builder.setAttribute(Semconv.CLIENT_PORT, peer.port());
            }
        }
        if (capture.arguments() && target.isToolCall()) {
            String args = capture.bounded(params.get("arguments"));
            if (args != null) {
                builder.setAttribute(Semconv.GEN_AI_TOOL_CALL_ARGUMENTS, args);
            }
        }
        Span span = builder.startSpan();

        ServerOutcome outcome;
        try (Scope ignored = parent.with(span).makeCurrent()) {
            outcome = chain.proceed();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(Semconv.ERROR_TYPE, e.getClass().getName());
            span.end();
            throw e;
        }
        if (version == null && method.equals("initialize")) {
            version = outcome.result()
                    .map(r -> r.get("protocolVersion"))
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .orElse(null);
        }
        String errorType = finish(span, target, outcome, version);
        AttributesBuilder metric = Attributes.builder();
        target.addTo(metric);
        putIfPresent(metric, version, network, errorType);
        outcome.error().ifPresent(e -> metric.put(Semconv.RPC_RESPONSE_STATUS_CODE, String.valueOf(e.code())));
        operationDuration.record(Durations.secondsSince(start), metric.build(), parent.with(span));

        if (method.equals("initialize") && outcome.kind() == ServerOutcome.Kind.RESULT && session.isPresent()) {
            timeSession(session.get(), version, network);
        }
        return outcome;
    }

    /**
     * A request the server sends the client while serving one (sampling, elicitation, roots): a {@link
     * SpanKind#CLIENT} span, child of the current context (the {@code SERVER} span of the request being served),
     * whose trace context goes in the request's {@code _meta}; its duration goes to {@code
     * mcp.client.operation.duration} (the server is the client of this request).
     *
     * @param request the request about to be sent
     * @param chain the rest of the chain
     * @return the client's answer, unchanged
     */
    @Override
    public CompletionStage<JsonNode> interceptOutgoing(OutgoingRequest request, OutgoingChain chain) {
        long start = System.nanoTime();
        String method = request.method();
        Context parent = Context.current();
        String version = request.protocolVersion().id();
        NetworkProtocol network = request.transport().network();
        SpanBuilder builder = tracer.spanBuilder(method)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(Semconv.MCP_METHOD_NAME, method)
                .setAttribute(
                        Semconv.JSONRPC_REQUEST_ID,
                        String.valueOf(request.requestId().value()))
                .setAttribute(Semconv.MCP_PROTOCOL_VERSION, version);
        String sessionId = SessionIds.of(request.session(), request.transport());
        if (sessionId != null) {
            builder.setAttribute(Semconv.MCP_SESSION_ID, sessionId);
        }
        Networks.addTo(builder, network);
        Span span = builder.startSpan();
        Context context = parent.with(span);
        Map<String, String> carrier = new LinkedHashMap<>(4);
        propagator.inject(context, carrier, (map, key, value) -> map.put(key, value));
        CompletionStage<JsonNode> answer;
        try (Scope ignored = context.makeCurrent()) {
            answer = chain.proceed(request.withMeta(carrier));
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(Semconv.ERROR_TYPE, e.getClass().getName());
            span.end();
            throw e;
        }
        return answer.whenComplete((result, failure) -> {
            AttributesBuilder metric = Attributes.builder().put(Semconv.MCP_METHOD_NAME, method);
            String errorType = null;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (cause instanceof McpRpcException rpc) {
                    errorType = String.valueOf(rpc.code());
                    span.setAttribute(Semconv.RPC_RESPONSE_STATUS_CODE, errorType);
                    metric.put(Semconv.RPC_RESPONSE_STATUS_CODE, errorType);
                } else if (cause instanceof CancellationException) {
                    errorType = "cancelled";
                } else {
                    errorType = cause.getClass().getName();
                    span.recordException(cause);
                }
                span.setAttribute(Semconv.ERROR_TYPE, errorType);
                span.setStatus(StatusCode.ERROR, cause.getMessage());
            }
            span.end();
            putIfPresent(metric, version, network, errorType);
            clientOperationDuration.record(Durations.secondsSince(start), metric.build(), context);
        });
    }

    private String finish(Span span, Targets target, ServerOutcome outcome, String version) {
        String errorType = null;
        if (version != null) {
            span.setAttribute(Semconv.MCP_PROTOCOL_VERSION, version);
        }
        switch (outcome.kind()) {
            case RESULT -> {
                JsonNode result = outcome.result().orElse(null);
                if (target.isToolCall() && result != null) {
                    JsonNode isError = result.get("isError");
                    if (isError != null && isError.asBoolean(false)) {
                        errorType = Semconv.TOOL_ERROR;
                        span.setStatus(StatusCode.ERROR);
                    }
                    if (capture.results()) {
                        String captured = capture.bounded(result);
                        span.setAttribute(Semconv.GEN_AI_TOOL_CALL_RESULT, captured);
                    }
                }
            }
            case ERROR -> {
                JsonRpcError error = outcome.error().orElseThrow();
                errorType = String.valueOf(error.code());
                span.setAttribute(Semconv.RPC_RESPONSE_STATUS_CODE, errorType);
                span.setStatus(StatusCode.ERROR, error.message());
                outcome.cause().ifPresent(span::recordException);
            }
            case CANCELLED -> errorType = "cancelled";
        }
        if (errorType != null) {
            span.setAttribute(Semconv.ERROR_TYPE, errorType);
        }
        span.end();
        return errorType;
    }

    private void timeSession(ServerSession session, String version, NetworkProtocol network) {
        long opened = System.nanoTime();
        AttributesBuilder attributes = Attributes.builder();
        putIfPresent(attributes, version, network, null);
        Attributes built = attributes.build();
        session.closeFuture()
                .whenComplete((ignored, failure) -> sessionDuration.record(Durations.secondsSince(opened), built));
    }

    private static void putIfPresent(
            AttributesBuilder attributes, String version, NetworkProtocol network, String error) {
        if (version != null) {
            attributes.put(Semconv.MCP_PROTOCOL_VERSION, version);
        }
        Networks.addTo(attributes, network);
        if (error != null) {
            attributes.put(Semconv.ERROR_TYPE, error);
        }
    }

    /** Builds {@link McpServerTelemetry}; tool payload capture is off by default. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureArguments;
        private boolean captureResults;
        private int maxCapturedChars = Capture.DEFAULT_MAX_CHARS;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
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
        public McpServerTelemetry build() {
            return new McpServerTelemetry(this);
        }
    }
}
