package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** SEP-2243 custom headers between the real server and client over Streamable HTTP (2026-07-28). */
@Timeout(30)
class ParamHeadersOverHttpTest {
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static McpServer server() {
        return McpServer.builder()
                .name("param-headers")
                .version("1")
                .tool(
                        Tool.builder(
                                        "where",
                                        McpJson.parse("{\"type\":\"object\",\"properties\":{"
                                                + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
                                                + "\"n\":{\"type\":\"integer\",\"x-mcp-header\":\"N\"},"
                                                + "\"q\":{\"type\":\"string\"}},\"required\":[\"region\"]}"))
                                .description("echoes its region")
                                .build(),
                        (request, ctx) -> CallToolResult.text(
                                request.arguments().get("region").asString() + "/"
                                        + ctx.meta().size()))
                .build();
    }

    private static String call(String args) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"where\",\"arguments\":"
                + args + ",\"_meta\":" + META + "}}";
    }

    private static Map<String, String> headers(String region) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", "tools/call");
        h.put("Mcp-Name", "where");
        if (region != null) {
            h.put("Mcp-Param-Region", region);
        }
        return h;
    }

    private static int errorCode(HttpResponse<String> r) {
        return McpJson.parse(r.body()).path("error").path("code").intValue();
    }

    @Test
    void theServerChecksMcpParamHeadersAgainstTheArguments() throws Exception {
        try (McpServer server = server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            URI uri = http.uri();
            assertThat(post(uri, call("{\"region\":\"eu\"}"), headers("eu")).statusCode())
                    .isEqualTo(200);
            // Base64-wrapped values are decoded before the comparison
            assertThat(post(uri, call("{\"region\":\" eu \"}"), headers("=?base64?IGV1IA==?="))
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> missing = post(uri, call("{\"region\":\"eu\"}"), headers(null));
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(errorCode(missing)).isEqualTo(-32020);

            HttpResponse<String> different = post(uri, call("{\"region\":\"eu\"}"), headers("us"));
            assertThat(different.statusCode()).isEqualTo(400);
            assertThat(errorCode(different)).isEqualTo(-32020);

            HttpResponse<String> badBase64 = post(uri, call("{\"region\":\"Hello\"}"), headers("=?base64?SGVsbG8?="));
            assertThat(badBase64.statusCode()).isEqualTo(400);
            assertThat(errorCode(badBase64)).isEqualTo(-32020);

            // integers compare numerically
            Map<String, String> withN = headers("eu");
            withN.put("Mcp-Param-N", "42.0");
            assertThat(post(uri, call("{\"region\":\"eu\",\"n\":42}"), withN).statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * The client transport writes the {@code Mcp-Param-*} headers of the envelope it is handed (the client fills it
     * from the tools it listed, values in header form); the real server refuses a call whose annotated arguments lack their headers, so
     * an accepted call proves the headers went on the wire, and a refused one that they come from the envelope only.
     */
    @Test
    void theTransportWritesTheEnvelopesParamHeadersAndTheServerChecksThem() throws Exception {
        try (McpServer server = server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri())) {
            BlockingQueue<JsonRpcMessage> answers = new LinkedBlockingQueue<>();
            transport.start(new TransportListener() {
                @Override
                public void onMessage(JsonRpcMessage message, InboundContext context) {
                    answers.add(message);
                }

                @Override
                public void onInvalidMessage(JsonRpcCodecException error) {}

                @Override
                public void onClose(Throwable cause) {}
            });
            String args = "{\"region\":\"Zürich\",\"n\":7,\"q\":\"x\"}";
            MessageEnvelope mirrored = new MessageEnvelope(
                    "tools/call", "where", "2026-07-28", Map.of("region", HeaderValues.encode("Zürich"), "N", "7"));
            transport
                    .send(request(1, args), OutboundContext.request(null, mirrored))
                    .get(10, TimeUnit.SECONDS);
            JsonRpcMessage accepted = answers.poll(10, TimeUnit.SECONDS);
            assertThat(accepted).isInstanceOf(JsonRpcResponse.class);
            JsonNode result = ((JsonRpcResponse) accepted).result();
            assertThat(result.path("isError").asBoolean(false)).isFalse();
            assertThat(result.path("content").get(0).path("text").asString()).startsWith("Zürich/");

            MessageEnvelope withoutParams = new MessageEnvelope("tools/call", "where", "2026-07-28", Map.of());
            transport
                    .send(request(2, args), OutboundContext.request(null, withoutParams))
                    .get(10, TimeUnit.SECONDS);
            JsonRpcMessage refused = answers.poll(10, TimeUnit.SECONDS);
            assertThat(refused).isInstanceOfSatisfying(JsonRpcErrorResponse.class, e -> assertThat(
                            e.error().code())
                    .isEqualTo(-32020));
        }
    }

    private static JsonRpcRequest request(long id, String args) {
        return (JsonRpcRequest)
                JsonRpcCodec.withLimits(CodecLimits.DEFAULTS).decode(call(args).replace("\"id\":1", "\"id\":" + id));
    }
}
