package dev.jmcp.transport.http.client.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Tokens obtained from an authorization server. {@link #toString()} never shows a token.
 *
 * @param accessToken the access token
 * @param tokenType the token type, normally {@code Bearer}
 * @param refreshToken the refresh token, or null
 * @param expiresAt when the access token expires, or null when unknown
 * @param scope the granted scopes (space-separated), or null when unknown
 */
public record OAuthTokens(String accessToken, String tokenType, String refreshToken, Instant expiresAt, String scope) {
    /**
     * Checks the access token is present.
     *
     * @param accessToken the access token
     * @param tokenType the token type, normally {@code Bearer}
     * @param refreshToken the refresh token, or null
     * @param expiresAt when the access token expires, or null when unknown
     * @param scope the granted scopes (space-separated), or null when unknown
     */
    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        if (tokenType == null) {
            tokenType = "Bearer";
        }
    }

    /**
     * Whether the access token expires within {@code margin} from {@code now}.
     *
     * @param now the current time
     * @param margin how long before its expiry a token already counts as expired
     * @return whether the access token expires within {@code margin} from {@code now}
     */
    public boolean isExpired(Instant now, Duration margin) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    /**
     * The granted scopes as a set (empty when unknown).
     *
     * @return the granted scopes as a set (empty when unknown)
     */
    public Set<String> scopes() {
        return splitScopes(scope);
    }

    /**
     * Splits a space-separated scope string; null gives an empty set.
     *
     * @param scope a space-separated scope string, or null
     * @return the scopes, in order (empty for null or blank)
     */
    public static Set<String> splitScopes(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=<redacted>, tokenType=" + tokenType + ", refreshToken="
                + (refreshToken == null ? "null" : "<redacted>") + ", expiresAt=" + expiresAt + ", scope=" + scope
                + "]";
    }
}
