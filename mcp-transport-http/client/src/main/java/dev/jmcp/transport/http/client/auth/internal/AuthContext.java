package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.TokenKey;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the OAuth client learned about one MCP server: the discovery result, the token key, and the recent
 * authorization attempts that bound step-ups. Guarded by the provider's lock.
 */
public final class AuthContext {
    private static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(10);

    private final Discovery.Result discovery;
    private final String resourceMetadataUrl;
    private final TokenKey key;
    private final Deque<Instant> attempts = new ArrayDeque<>();
    private boolean refreshedSinceAuthorization;

    /** A context for a discovery made from {@code resourceMetadataUrl} (null: from the well-known URLs). */
    public AuthContext(Discovery.Result discovery, String resourceMetadataUrl) {
        this.discovery = discovery;
        this.resourceMetadataUrl = resourceMetadataUrl;
        this.key = new TokenKey(discovery.resource(), discovery.issuer());
    }

    /** A context for a new discovery that keeps this one's attempts (a changing hint must not reset the bound). */
    public AuthContext succeededBy(Discovery.Result again, String metadataUrl) {
        AuthContext next = new AuthContext(again, metadataUrl);
        next.attempts.addAll(attempts);
        return next;
    }

    /** The discovery result. */
    public Discovery.Result discovery() {
        return discovery;
    }

    /** The resource metadata URL the discovery started from, or null. */
    public String resourceMetadataUrl() {
        return resourceMetadataUrl;
    }

    /** Where this server's tokens are stored. */
    public TokenKey key() {
        return key;
    }

    /** The canonical resource the tokens are for. */
    public String resource() {
        return discovery.resource();
    }

    /** The authorization server's metadata. */
    public AuthorizationServerMetadata metadata() {
        return discovery.metadata();
    }

    /** The audience of assertions for the authorization server: its metadata's issuer, else the named issuer. */
    public String audience() {
        AuthorizationServerMetadata md = discovery.metadata();
        return discovery.metadataFound() && md.issuer() != null ? md.issuer() : discovery.issuer();
    }

    /** The authorization server's token endpoint. */
    public URI tokenEndpoint() {
        return endpoint(discovery.metadata().tokenEndpoint(), "token_endpoint");
    }

    /** Whether a refresh was tried since the last authorization. */
    public boolean refreshedSinceAuthorization() {
        return refreshedSinceAuthorization;
    }

    /** Records a refresh ({@code true}) or a new authorization ({@code false}). */
    public void refreshedSinceAuthorization(boolean refreshed) {
        this.refreshedSinceAuthorization = refreshed;
    }

    /** Counts an authorization attempt; false when {@code max} were made within ten minutes. */
    public boolean tryAttempt(Clock clock, int max) {
        Instant now = clock.instant();
        attempts.removeIf(t -> t.plus(ATTEMPT_WINDOW).isBefore(now));
        if (attempts.size() >= max) {
            return false;
        }
        attempts.add(now);
        return true;
    }

    /** An http(s) endpoint from metadata, or an {@link OAuthException} naming the field. */
    public static URI endpoint(String value, String name) {
        try {
            return Uris.httpUri(value, name);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(e.getMessage());
        }
    }
}
