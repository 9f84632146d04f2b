package dev.jmcp.transport.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regression tests for what {@link StreamableHttpEndpointFuzzTest} found. */
@Timeout(30)
class FuzzFindingsTest {

    /**
     * A POST refused before its body was read (here: 415) used to be answered on a keep-alive connection that the
     * container then closed when the body arrived, so a keep-alive client's next request failed with "received no
     * bytes". The refusal now says {@code Connection: close}.
     */
    @Test
    void aPostRefusedBeforeItsBodyWasReadSaysConnectionClose() throws Exception {
        try (McpServer server = McpServer.builder().name("f").version("1").build();
                McpHttpServer http =
                        McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
                Socket socket = new Socket("127.0.0.1", http.uri().getPort())) {
            socket.setSoTimeout(10_000);
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + http.uri().getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: text/plain\r\nAccept: application/json, text/event-stream\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(socket.getInputStream());
            out.write(body); // the body arrives after the refusal, as a slow client's would
            out.flush();
            assertThat(head).startsWith("HTTP/1.1 415");
            assertThat(head.toLowerCase()).contains("connection: close");
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
