package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.HandlerExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a stateless request's handler runs ({@link HandlerExecution}), seen from the handler's thread name through
 * a real McpHttpServer (issue #19): inline on the request's thread when asked, and by default (on JDK 21+ McpHttpServer
 * serves requests on virtual threads; on JDK 17 while an inline slot is free), else on the executor; session requests always hand off.
 * Also: a plain JSON answer carries Content-Length, not chunked encoding.
 */
@Timeout(30)
class HandlerExecutionOverHttpTest {
    private final List<McpHttpServer> servers = new ArrayList<>();
    private final ExecutorService appExecutor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "app-executor");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
        appExecutor.shutdownNow();
    }

    private URI start(UnaryOperator<McpServer.Builder> config, boolean stateless) {
        McpServer server = config.apply(McpServer.builder()
                        .name("execution")
                        .version("1")
                        .tool(
                                Tool.builder("thread", McpJson.parse("{\"type\":\"object\"}"))
                                        .build(),
                                (request, ctx) -> CallToolResult.text(
                                        Thread.currentThread().getName())))
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.stateless(stateless))
                .start();
        servers.add(http);
        return http.uri();
    }

    private static HttpResponse<String> call(URI uri, Map<String, String> headers) throws Exception {
        HttpResponse<String> r = post(uri, request(7, "tools/call", "{\"name\":\"thread\",\"arguments\":{}}"), headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static String handlerThread(HttpResponse<String> r) {
        return McpJson.parse(r.body())
                .get("result")
                .get("content")
                .get(0)
                .get("text")
                .asString();
    }

    @Test
    void inlineRunsTheStatelessHandlerOnTheRequestThread() throws Exception {
        URI uri = start(b -> b.handlerExecution(HandlerExecution.INLINE), true);
        assertThat(handlerThread(call(uri, Map.of()))).startsWith("jmcp-jetty");
    }

    @Test
    void handOffRunsTheStatelessHandlerOnTheExecutor() throws Exception {
        URI uri = start(b -> b.executor(appExecutor).handlerExecution(HandlerExecution.HAND_OFF), true);
        assertThat(handlerThread(call(uri, Map.of()))).isEqualTo("app-executor");
    }

    @Test
    void autoKeepsAnExecutorTheApplicationSupplied() throws Exception {
        URI uri = start(b -> b.executor(appExecutor), true);
        assertThat(handlerThread(call(uri, Map.of()))).isEqualTo("app-executor");
    }

    @Test
    void autoRunsAFastStatelessHandlerOnTheRequestThread() throws Exception {
        URI uri = start(UnaryOperator.identity(), true);
        // JDK 21+: McpHttpServer's virtual request thread; JDK 17: the platform request thread, while an inline
        // slot is free (see StatelessBulkheadOverHttpTest for the slow handlers beyond the slots)
        assertThat(handlerThread(call(uri, Map.of()))).startsWith("jmcp-jetty");
    }

    @Test
    void sessionRequestsHandOffEvenWithInline() throws Exception {
        URI uri = start(b -> b.executor(appExecutor).handlerExecution(HandlerExecution.INLINE), false);
        String session = HttpTestSupport.initialize(uri);
        HttpResponse<String> r = call(uri, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(handlerThread(r)).isEqualTo("app-executor");
    }

    @Test
    void aJsonAnswerCarriesContentLengthNotChunkedEncoding() throws Exception {
        URI uri = start(UnaryOperator.identity(), true);
        HttpResponse<String> r = call(uri, Map.of());
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.headers().firstValueAsLong("Content-Length"))
                .hasValue(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
    }
}
