package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.INITIALIZE;
import static dev.jmcp.transport.http.SessionTestSupport.INITIALIZED;
import static dev.jmcp.transport.http.SessionTestSupport.echo;
import static dev.jmcp.transport.http.SessionTestSupport.errorCode;
import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.initialize;
import static dev.jmcp.transport.http.SessionTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session expiry, the final close and legacy connection cleanup, over HTTP (#14). */
@Timeout(30)
class SessionLifecycleOverHttpTest {

    @Test
    void aSessionTheClientNeverUsesAfterInitializeExpiresAfterTheInitializationTimeout() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer())
                .sessionInitializationTimeout(Duration.ofMillis(300))
                .start()) {
            String abandoned = initialize(http.uri(), null);
            String used = initialize(http.uri(), null);
            assertThat(post(http.uri(), INITIALIZED, headers(used, null)).statusCode())
                    .isEqualTo(202);

            Poll.until("the abandoned session expired", () -> http.servlet().sessionCount() == 1);
            HttpResponse<String> gone = post(http.uri(), echo(2), headers(abandoned, null));
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(post(http.uri(), echo(3), headers(used, null)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void closeAllIsFinalLaterRequestsGet503AndNoHousekeepingThreadComesBack() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer()).start()) {
            String session = initialize(http.uri(), null);
            long before = housekeepingThreads();
            assertThat(before).isPositive();

            http.servlet().closeAll();
            Poll.until("the housekeeping thread stopped", () -> housekeepingThreads() == before - 1);
            assertThat(http.servlet().sessionCount()).isZero();

            HttpResponse<String> fresh = post(http.uri(), INITIALIZE, headers(null, null));
            assertThat(fresh.statusCode()).isEqualTo(503);
            assertThat(errorCode(fresh)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(post(http.uri(), echo(2), headers(session, null)).statusCode())
                    .isEqualTo(503);
            HttpResponse<String> get = SessionTestSupport.CLIENT.send(
                    HttpRequest.newBuilder(http.uri())
                            .header("Accept", "text/event-stream")
                            .header("Mcp-Session-Id", session)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(503);
            // the old servlet re-created its scheduler on the request thread before answering
            assertThat(housekeepingThreads()).isEqualTo(before - 1);
            assertThat(http.servlet().sessionCount()).isZero();
        }
    }

    @Test
    void legacyConnectionsWhoseClientResetsBeforeTheFirstWriteLeaveTheRegistryAndFreeTheirSlots() throws Exception {
        // a slow token check holds each GET until its client has reset the connection, so the first write fails
        var auth = ResourceServerAuth.builder()
                .resource("http://127.0.0.1/mcp")
                .authorizationServers(List.of("https://as.example"))
                .tokenValidator(token -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return SessionTestSupport.caller(token, "app", "user");
                })
                .build();
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer())
                .authorization(auth)
                .maxSessionsPerPrincipal(8)
                .servlet(s -> s.legacySse(true).keepAliveInterval(Duration.ofMillis(50)))
                .start()) {
            for (int i = 0; i < 8; i++) {
                try (Socket socket = new Socket(http.uri().getHost(), http.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /sse HTTP/1.1\r\nHost: 127.0.0.1:" + http.port()
                                    + "\r\nAuthorization: Bearer t\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.setSoLinger(true, 0); // reset, as a killed client does
                }
            }
            Poll.until(
                    "every vanished legacy connection left",
                    () -> http.servlet().legacySessionCount() == 0);

            // and each gave its quota slot back: the caller's whole quota is free for a real client again
            List<HttpResponse<InputStream>> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    HttpResponse<InputStream> stream = SessionTestSupport.CLIENT.send(
                            HttpRequest.newBuilder(http.uri().resolve("/sse"))
                                    .header("Accept", "text/event-stream")
                                    .header("Authorization", "Bearer t")
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    streams.add(stream);
                    assertThat(stream.statusCode()).isEqualTo(200);
                }
            } finally {
                for (HttpResponse<InputStream> s : streams) {
                    s.body().close();
                }
            }
        }
    }

    @Test
    void legacyConnectionsEndedBeforeTheirFirstEventLeaveTheRegistryAndFreeTheirSlot() throws Exception {
        // a server that ends every legacy connection while connecting it: the connection is closed before the
        // endpoint event is written, the window in which the old servlet lost track of it
        FakeServer fake = new FakeServer();
        ServerConnector ending = new ServerConnector() {
            @Override
            public ServerConnection connect(Transport transport) {
                ServerConnection c = fake.connect(transport);
                transport.close();
                return c;
            }

            @Override
            public ServerConnection connectStateless(Transport transport) {
                return fake.connectStateless(transport);
            }
        };
        try (McpHttpServer http = McpHttpServer.builder(ending)
                .maxSessionsPerPrincipal(3)
                .servlet(s -> s.legacySse(true))
                .start()) {
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> ended = SessionTestSupport.CLIENT.send(
                        HttpRequest.newBuilder(http.uri().resolve("/sse"))
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // more connections than the quota allows: each one gave its slot back when it ended
                assertThat(ended.statusCode()).isEqualTo(200);
                assertThat(ended.body()).doesNotContain("endpoint");
            }
            assertThat(http.servlet().legacySessionCount()).isZero();
        }
    }

    private static long housekeepingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("jmcp-http-housekeeping"))
                .count();
    }
}
