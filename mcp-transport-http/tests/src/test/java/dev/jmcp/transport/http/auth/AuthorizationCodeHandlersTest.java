package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.client.auth.AuthorizationResponse;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.LoopbackRedirectReceiver;
import dev.jmcp.transport.http.client.auth.StaticBearerAuthorizer;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Forms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AuthorizationCodeHandlersTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void loopbackReceiverDeliversTheRedirectParameters() throws Exception {
        AtomicReference<CompletableFuture<Integer>> browserCall = new AtomicReference<>();
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(url -> {
            // the "browser": follow the authorization URL straight back to the redirect URI
            Map<String, String> q = Forms.query(url);
            URI back =
                    URI.create(q.get("redirect_uri") + "?code=abc&state=" + q.get("state") + "&iss=https%3A%2F%2Fas");
            browserCall.set(
                    HTTP.sendAsync(HttpRequest.newBuilder(back).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .thenApply(HttpResponse::statusCode));
        })) {
            URI redirect = receiver.redirectUri().orElseThrow();
            assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
            assertThat(redirect.getPath()).isEqualTo("/callback");
            URI authorizationUrl = Forms.withQuery(
                    "https://as.example.com/authorize", Map.of("redirect_uri", redirect.toString(), "state", "s1"));
            AuthorizationResponse response = receiver.authorize(authorizationUrl, Duration.ofSeconds(10));
            assertThat(response.code()).isEqualTo("abc");
            assertThat(response.state()).isEqualTo("s1");
            assertThat(response.iss()).isEqualTo("https://as");
            assertThat(browserCall.get().get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    @Test
    void loopbackReceiverTimesOut() {
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(url -> {})) {
            assertThatThrownBy(() -> receiver.authorize(URI.create("https://as.example.com/a"), Duration.ofMillis(200)))
                    .isInstanceOf(OAuthException.class)
                    .hasMessageContaining("no authorization redirect");
        }
    }

    @Test
    void loopbackReceiverRefusesNonHttpAuthorizationUrls() {
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(url -> {
            throw new AssertionError("must not open " + url);
        })) {
            assertThatThrownBy(() -> receiver.authorize(URI.create("file:///etc/passwd"), Duration.ofSeconds(1)))
                    .isInstanceOf(OAuthException.class);
        }
    }

    @Test
    void headlessHandlerReadsCodeAndErrorsFromLocation() throws Exception {
        try (LoopbackServer as = new LoopbackServer()) {
            as.route("/ok", req -> Reply.redirect("http://localhost:3000/cb?code=c1&state=s1"));
            as.route("/denied", req -> Reply.redirect("/cb?error=access_denied&error_description=no&state=s1"));
            as.route("/page", req -> Reply.json(200, "{}"));
            HeadlessAuthorizationCodeHandler handler = new HeadlessAuthorizationCodeHandler();
            AuthorizationResponse ok = handler.authorize(URI.create(as.url() + "/ok"), Duration.ofSeconds(5));
            assertThat(ok).isEqualTo(AuthorizationResponse.of("c1", "s1", null));
            AuthorizationResponse denied = handler.authorize(URI.create(as.url() + "/denied"), Duration.ofSeconds(5));
            assertThat(denied.error()).isEqualTo("access_denied");
            assertThat(denied.code()).isNull();
            assertThatThrownBy(() -> handler.authorize(URI.create(as.url() + "/page"), Duration.ofSeconds(5)))
                    .isInstanceOf(OAuthException.class)
                    .hasMessageContaining("200");
        }
    }

    @Test
    void staticBearerSendsItsTokenAndNeverRetries() {
        StaticBearerAuthorizer a = new StaticBearerAuthorizer("t0k3n");
        assertThat(a.authorizationHeaders(URI.create("http://x/mcp"))).containsEntry("Authorization", "Bearer t0k3n");
        assertThat(a.onUnauthorized(URI.create("http://x/mcp"), 401, List.of("Bearer")))
                .isFalse();
        assertThat(a.toString()).doesNotContain("t0k3n");
        assertThatThrownBy(() -> new StaticBearerAuthorizer("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
