package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.caller;
import static dev.jmcp.transport.http.SessionTestSupport.echo;
import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.initialize;
import static dev.jmcp.transport.http.SessionTestSupport.post;
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

/** Which callers may use a session, over HTTP (Streamable HTTP and legacy HTTP+SSE) (#14). */
@Timeout(30)
class SessionBindingOverHttpTest {
    private static final Map<String, dev.jmcp.core.transport.AuthInfo> TOKENS = Map.of(
            "user-x", caller("user-x", "app", "x"),
            "client-x", caller("client-x", "x", null),
            "alice", caller("alice", "app", "alice"),
            "bob", caller("bob", "app", "bob"),
            "nameless-1", caller("nameless-1", null, null),
            "nameless-2", caller("nameless-2", null, null));

    private static McpHttpServer start(boolean legacy) {
        return McpHttpServer.builder(new FakeServer())
                .authorization(SessionTestSupport.auth(TOKENS))
                .servlet(s -> s.legacySse(legacy))
                .start();
    }

    @Test
    void aSubjectAndAnEqualClientIdAreDifferentPrincipals() throws Exception {
        try (McpHttpServer http = start(false)) {
            String bySubject = initialize(http.uri(), "user-x");
            String byClient = initialize(http.uri(), "client-x");
            assertThat(post(http.uri(), echo(2), headers(bySubject, "client-x")).statusCode())
                    .isEqualTo(403);
            assertThat(post(http.uri(), echo(2), headers(byClient, "user-x")).statusCode())
                    .isEqualTo(403);
            assertThat(post(http.uri(), echo(2), headers(bySubject, "user-x")).statusCode())
                    .isEqualTo(200);
            assertThat(post(http.uri(), echo(2), headers(byClient, "client-x")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenNamingNoPrincipalCannotShareItsSessionWithAnotherSuchToken() throws Exception {
        try (McpHttpServer http = start(false)) {
            String session = initialize(http.uri(), "nameless-1");
            HttpResponse<String> other = post(http.uri(), echo(2), headers(session, "nameless-2"));
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.body()).contains("another caller");
            assertThat(post(http.uri(), echo(2), headers(session, "nameless-1")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aLegacyConnectionIsBoundToThePrincipalThatOpenedIt() throws Exception {
        try (McpHttpServer http = start(true)) {
            HttpResponse<InputStream> stream = SessionTestSupport.CLIENT.send(
                    HttpRequest.newBuilder(http.uri().resolve("/sse"))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer alice")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("event: endpoint");
                URI endpoint = http.uri().resolve(lines.readLine().substring("data: ".length()));
                String init = SessionTestSupport.INITIALIZE.replace("2025-11-25", "2024-11-05");

                HttpResponse<String> bob = post(endpoint, init, Map.of("Authorization", "Bearer bob"));
                assertThat(bob.statusCode()).isEqualTo(403);
                assertThat(bob.body()).contains("another caller");
                assertThat(post(endpoint, init, Map.of("Authorization", "Bearer alice"))
                                .statusCode())
                        .isEqualTo(202);
            }
        }
    }
}
