package dev.jmcp.transport.http;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.testing.contract.ContractClient;
import dev.jmcp.core.testing.contract.ContractServer;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Glue between the transport contract suite and the HTTP server: serving its peer, and raw POSTs. */
final class ContractConnector {
    private ContractConnector() {}

    /** Serves the contract server's sessions (it has no stateless mode: both kinds get a session). */
    static ServerConnector of(ContractServer server) {
        return new ServerConnector() {
            @Override
            public ServerConnection connect(Transport transport) {
                return server.connect(transport);
            }

            @Override
            public ServerConnection connectStateless(Transport transport) {
                return server.connect(transport);
            }
        };
    }

    /** A client transport to {@code uri} for the suite. */
    static StreamableHttpClientTransport client(URI uri) {
        return StreamableHttpClientTransport.builder(uri)
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** POSTs {@code bytes} in the client's session and hands the JSON-RPC answer in the body to the client. */
    static boolean postRaw(URI uri, ContractClient client, byte[] bytes) throws Exception {
        StreamableHttpClientTransport transport = (StreamableHttpClientTransport) client.transport();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", HttpTestSupport.ACCEPT)
                .header(McpHttpServlet.SESSION_HEADER, transport.sessionId())
                .header(McpHttpServlet.VERSION_HEADER, "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<byte[]> response = HttpTestSupport.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        for (JsonRpcMessage m : JsonRpcCodec.defaults().decodeAll(response.body())) {
            client.onMessage(m, InboundContext.EMPTY);
        }
        return true;
    }
}
