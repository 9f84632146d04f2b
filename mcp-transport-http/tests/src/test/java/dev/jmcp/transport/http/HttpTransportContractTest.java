package dev.jmcp.transport.http;

import dev.jmcp.core.testing.contract.AbstractTransportContractTest;
import dev.jmcp.core.testing.contract.ContractClient;
import dev.jmcp.core.testing.contract.ContractServer;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.time.Duration;

/** The contract suite over Streamable HTTP: the servlet on Jetty (loopback, port 0) and the client transport. */
class HttpTransportContractTest extends AbstractTransportContractTest {
    private URI uri;

    @Override
    protected Transport connect(ContractServer server) {
        McpHttpServer http = closeLater(McpHttpServer.builder(ContractConnector.of(server))
                .host("127.0.0.1")
                .port(0)
                .path("/mcp")
                .servlet(s -> s.retryInterval(Duration.ofMillis(100)))
                .start());
        uri = http.uri();
        return ContractConnector.client(uri);
    }

    @Override
    protected boolean sendInvalidBytes(ContractClient client, byte[] bytes) throws Exception {
        return ContractConnector.postRaw(uri, client, bytes);
    }
}
