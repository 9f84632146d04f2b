package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerOutcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server interceptor on its own: links to a transport span, error and cancellation outcomes. */
class McpServerTelemetryTest {
    private final Telemetry otel = new Telemetry();
    private final McpServerTelemetry telemetry = McpServerTelemetry.create(otel.sdk);

    @AfterEach
    void close() {
        otel.close();
    }

    /** A {@code resources/read} call with {@code meta}. */
    private static ServerCall call(JsonNode meta) {
        return new ServerCall() {
            @Override
            public String method() {
                return "resources/read";
            }

            @Override
            public RequestId requestId() {
                return new RequestId.StringId("r-1");
            }

            @Override
            public JsonNode params() {
                return McpJson.parse("{\"uri\":\"file:///notes.txt\"}");
            }

            @Override
            public Optional<Object> typedParams() {
                return Optional.empty();
            }

            @Override
            public <T> Optional<T> paramsAs(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public JsonNode meta() {
                return meta;
            }

            @Override
            public RequestMeta requestMeta() {
                return RequestMeta.from(null);
            }

            @Override
            public Optional<ProtocolVersion> protocolVersion() {
                return Optional.of(ProtocolVersion.V2025_06_18);
            }

            @Override
            public Era era() {
                return Era.STATELESS_MODE;
            }

            @Override
            public Optional<AuthInfo> authInfo() {
                return Optional.empty();
            }

            @Override
            public TransportMetadata transport() {
                return new TransportMetadata("http", "[::1]:40000", java.util.Map.of());
            }
        };
    }

    @Test
    void theTransportsSpanIsLinkedWhenTheTraceComesInMeta() {
        JsonNode meta = McpJson.parse("{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}");
        Span http = otel.sdk.getTracer("test").spanBuilder("POST /mcp").startSpan();
        try (Scope ignored = http.makeCurrent()) {
            telemetry.intercept(call(meta), () -> ServerOutcome.result(McpJson.object()));
        } finally {
            http.end();
        }
        SpanData span = otel.span("resources/read", SpanKind.SERVER).orElseThrow();
        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getLinks()).singleElement().satisfies(link -> assertThat(link.getSpanContext())
                .isEqualTo(http.getSpanContext()));
        assertThat(span.getAttributes().get(stringKey("mcp.resource.uri"))).isEqualTo("file:///notes.txt");
        assertThat(span.getAttributes().get(stringKey("client.address"))).isEqualTo("::1");
        assertThat(span.getAttributes().get(stringKey("mcp.session.id"))).isNull();
    }

    @Test
    void withoutMetaTheTransportsSpanIsTheParent() {
        Span http = otel.sdk.getTracer("test").spanBuilder("POST /mcp").startSpan();
        try (Scope ignored = http.makeCurrent()) {
            telemetry.intercept(call(McpJson.object()), () -> ServerOutcome.result(McpJson.object()));
        } finally {
            http.end();
        }
        SpanData span = otel.span("resources/read", SpanKind.SERVER).orElseThrow();
        assertThat(span.getParentSpanId()).isEqualTo(http.getSpanContext().getSpanId());
        assertThat(span.getLinks()).isEmpty();
    }

    @Test
    void errorAndCancelledOutcomesSetErrorType() {
        telemetry.intercept(
                call(McpJson.object()), () -> ServerOutcome.error(JsonRpcError.of(-32002, "Resource not found")));
        SpanData error = otel.span("resources/read", SpanKind.SERVER).orElseThrow();
        assertThat(error.getAttributes().get(stringKey("error.type"))).isEqualTo("-32002");
        assertThat(error.getAttributes().get(stringKey("rpc.response.status_code")))
                .isEqualTo("-32002");
        assertThat(error.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(error.getStatus().getDescription()).isEqualTo("Resource not found");

        otel.spans.reset();
        telemetry.intercept(
                call(McpJson.object()), () -> ServerOutcome.failure(new McpCancelledException("cancelled by client")));
        SpanData cancelled = otel.span("resources/read", SpanKind.SERVER).orElseThrow();
        assertThat(cancelled.getAttributes().get(stringKey("error.type"))).isEqualTo("cancelled");
    }
}
