package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The legacy HTTP+SSE endpoints driven raw, as a 2024-11-05 client would. */
@Timeout(30)
class LegacySseServerTest {

    @Test
    void sseStreamAnnouncesTheEndpointAndCarriesAnswersToPostedMessages() throws Exception {
        FakeServer fake = new FakeServer();
        try (McpHttpServer http =
                McpHttpServer.builder(fake).servlet(s -> s.legacySse(true)).start()) {
            URI sse = http.uri().resolve("/sse");
            HttpResponse<InputStream> stream = HttpTestSupport.CLIENT.send(
                    HttpRequest.newBuilder(sse)
                            .header("Accept", "text/event-stream")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("event: endpoint");
                String data = lines.readLine();
                assertThat(data).startsWith("data: /messages?sessionId=");
                URI endpoint = http.uri().resolve(data.substring(6));

                HttpResponse<String> posted =
                        HttpTestSupport.post(endpoint, HttpTestSupport.initializeBody(1, "2024-11-05"), Map.of());
                assertThat(posted.statusCode()).isEqualTo(202);
                String line;
                String answer = null;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: {")) {
                        answer = line;
                        break;
                    }
                }
                assertThat(answer).contains("\"id\":1").contains("\"protocolVersion\":\"2024-11-05\"");
            }
            HttpResponse<String> unknown = HttpTestSupport.post(
                    http.uri().resolve("/messages?sessionId=nope"), HttpTestSupport.request(2, "echo", "{}"), Map.of());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }
}
