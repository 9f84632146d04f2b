package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    void theClientMirrorsAnnotatedArgumentsOfListedTools() {
        try (McpServer server = server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
            client.connect();
            client.listAllTools();
            // the server refuses a call whose annotated arguments lack their headers, so success proves mirroring
            CallToolResult r = client.callTool("where", Map.of("region", "Zürich", "n", 7, "q", "x"));
            assertThat(r.failed()).isFalse();
            assertThat(((TextContent) r.content().get(0)).text()).startsWith("Zürich/");
        }
    }
}
