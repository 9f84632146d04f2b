package dev.jmcp.transport.http.client.auth;

import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Completes the authorization step without a user: GETs the authorization URL without following redirects and
 * reads {@code code}, {@code state} and {@code iss} from the {@code Location} of the redirect. For tests, the
 * conformance client, and authorization servers that approve automatically.
 */
public final class HeadlessAuthorizationCodeHandler implements AuthorizationCodeHandler {
    private final HttpClient client;

    /** Uses its own client that never follows redirects. */
    public HeadlessAuthorizationCodeHandler() {
        this(OAuthHttp.defaultClient());
    }

    /**
     * Uses the given client, which must not follow redirects.
     *
     * @param client the given client, which must not follow redirects
     */
    public HeadlessAuthorizationCodeHandler(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must not follow redirects");
        }
    }

    @Override
    public AuthorizationResponse authorize(URI authorizationUrl, Duration timeout) {
        if (!Uris.isHttp(authorizationUrl)) {
            throw new OAuthException("authorization URL is not http(s): " + OAuthHttp.safe(authorizationUrl));
        }
        OAuthHttp.Response r = new OAuthHttp(client, timeout)
                .send(HttpRequest.newBuilder(authorizationUrl)
                        .timeout(timeout)
                        .GET()
                        .build());
        if (r.status() < 300 || r.status() >= 400) {
            throw new OAuthException(
                    "authorization endpoint answered " + r.status() + " instead of a redirect to the client");
        }
        String location = r.response().headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw new OAuthException("authorization endpoint redirect has no Location header");
        }
        URI redirect;
        try {
            redirect = authorizationUrl.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new OAuthException("authorization endpoint redirect has an invalid Location header");
        }
        Map<String, String> q = Forms.query(redirect);
        return new AuthorizationResponse(
                q.get("code"), q.get("state"), q.get("iss"), q.get("error"), q.get("error_description"));
    }
}
