package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.ProgressToken;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.core.transport.InboundContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InboundRequestMetaTest {
    private final McpSession session =
            McpSession.builder(InMemoryTransport.linkedPair().serverSide()).build();

    private InboundRequest request(String params) {
        JsonNode p = params == null ? null : McpJson.parse(params);
        return new InboundRequest(session, RequestId.of(1), "tools/call", p, InboundContext.EMPTY);
    }

    @Test
    void theReservedMetaKeysAreTypedAndParsedOnce() {
        InboundRequest r = request("{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"1\"},"
                + "\"progressToken\":\"t\"}}");
        RequestMeta meta = r.requestMeta();
        assertThat(meta.protocolVersion()).isEqualTo("2026-07-28");
        assertThat(meta.clientCapabilities().sampling()).isNotNull();
        assertThat(meta.clientInfo()).isEqualTo(Implementation.of("c", "1"));
        assertThat(meta.progressToken()).isEqualTo(ProgressToken.of("t"));
        assertThat(r.requestMeta()).isSameAs(meta);
        assertThat(r.meta()).isPresent();
        assertThat(r.progressToken()).contains(McpJson.parse("\"t\""));
    }

    @Test
    void withoutMetaEveryKeyIsAbsent() {
        for (InboundRequest r : new InboundRequest[] {request(null), request("{}"), request("{\"_meta\":3}")}) {
            assertThat(r.requestMeta()).isEqualTo(RequestMeta.from(null));
            assertThat(r.meta()).isEmpty();
            assertThat(r.progressToken()).isEmpty();
        }
    }

    @Test
    void aMalformedReservedKeyIsAnInvalidParamsError() {
        InboundRequest r = request("{\"_meta\":{\"io.modelcontextprotocol/clientInfo\":7}}");
        assertThatThrownBy(r::requestMeta)
                .isInstanceOfSatisfying(
                        McpRpcException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
    }
}
