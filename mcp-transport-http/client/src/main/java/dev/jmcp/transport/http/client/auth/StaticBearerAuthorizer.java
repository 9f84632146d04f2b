package dev.jmcp.transport.http.client.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sends one fixed bearer token on every request and never retries. */
public final class StaticBearerAuthorizer implements HttpAuthorizer {
    private final String token;

    /**
     * An authorizer sending {@code Authorization: Bearer <token>}.
     *
     * @param token the bearer token sent with every request
     */
    public StaticBearerAuthorizer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("a bearer token is non-empty visible ASCII");
        }
        this.token = token;
    }

    @Override
    public Map<String, String> authorizationHeaders(URI mcpEndpoint) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Override
    public boolean onUnauthorized(URI mcpEndpoint, int statusCode, List<String> wwwAuthenticate) {
        return false;
    }

    @Override
    public String toString() {
        return "StaticBearerAuthorizer[token=<redacted>]";
    }
}
