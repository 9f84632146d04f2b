package dev.jmcp.transport.http;

import dev.jmcp.core.transport.Transport;
import java.time.Duration;

/** The contract suite over Streamable HTTP: the servlet on Jetty (loopback, port 0) and the client transport. */
class HttpTransportContractTest extends AbstractTransportContractTest {
    @Override
    protected Transport connect(FakeServer server) {
        McpHttpServer http = closeLater(McpHttpServer.builder(server)
                .host("127.0.0.1")
                .port(0)
                .path("/mcp")
                .servlet(s -> s.retryInterval(Duration.ofMillis(100)))
                .start());
        return StreamableHttpClientTransport.builder(http.uri())
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }
}
