package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.INITIALIZE;
import static dev.jmcp.transport.http.SessionTestSupport.caller;
import static dev.jmcp.transport.http.SessionTestSupport.delete;
import static dev.jmcp.transport.http.SessionTestSupport.errorCode;
import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.initialize;
import static dev.jmcp.transport.http.SessionTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session quotas over HTTP: per principal, per client address, and the overall cap under concurrency (#14). */
@Timeout(30)
class SessionQuotaOverHttpTest {

    @Test
    void aPrincipalBeyondItsSessionQuotaGets429WhileOtherPrincipalsStillOpenSessions() throws Exception {
        var auth = SessionTestSupport.auth(Map.of(
                "alice-token", caller("alice-token", "app", "alice"), "bob-token", caller("bob-token", "app", "bob")));
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer())
                .authorization(auth)
                .maxSessionsPerPrincipal(2)
                .start()) {
            String first = initialize(http.uri(), "alice-token");
            initialize(http.uri(), "alice-token");
            HttpResponse<String> third = post(http.uri(), INITIALIZE, headers(null, "alice-token"));
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(errorCode(third)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(third.body()).contains("\"id\":1").contains("too many sessions for this caller");

            initialize(http.uri(), "bob-token");

            assertThat(delete(http.uri(), headers(first, "alice-token")).statusCode())
                    .isEqualTo(200);
            initialize(http.uri(), "alice-token");
            assertThat(http.servlet().sessionCount()).isEqualTo(3);
        }
    }

    @Test
    void unauthenticatedCallersAreCountedPerClientAddress() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer())
                .maxSessionsPerPrincipal(2)
                .start()) {
            initialize(http.uri(), null);
            initialize(http.uri(), null);
            HttpResponse<String> third = post(http.uri(), INITIALIZE, headers(null, null));
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(errorCode(third)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(http.servlet().sessionCount()).isEqualTo(2);
        }
    }

    @Test
    void concurrentInitializesNeverOvershootTheSessionCap() throws Exception {
        try (McpHttpServer http =
                McpHttpServer.builder(new FakeServer()).maxSessions(5).start()) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(SessionTestSupport.CLIENT.sendAsync(
                        SessionTestSupport.postRequest(http.uri(), INITIALIZE, headers(null, null))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int opened = 0;
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                if (r.statusCode() == 200) {
                    opened++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(errorCode(r)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
                }
            }
            assertThat(opened).isEqualTo(5);
            assertThat(http.servlet().sessionCount()).isEqualTo(5);
        }
    }
}
