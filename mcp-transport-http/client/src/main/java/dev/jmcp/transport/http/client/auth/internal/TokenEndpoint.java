package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Token endpoint requests (RFC 6749 §3.2) with client authentication. */
public final class TokenEndpoint {
    /** Client authentication methods (RFC 7591 names). */
    public static final String BASIC = "client_secret_basic";
    /** Client secret in the form body. */
    public static final String POST = "client_secret_post";
    /** Public client: only {@code client_id}. */
    public static final String NONE = "none";
    /** A signed JWT assertion (RFC 7523). */
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * How the client authenticates.
     *
     * @param clientId the client id
     * @param clientSecret the secret, or null
     * @param method one of the method constants
     * @param privateKey the signing key for {@link #PRIVATE_KEY_JWT}, or null
     * @param assertionAudience the {@code aud} of the assertion (the AS issuer), or null
     */
    public record ClientAuth(
            String clientId, String clientSecret, String method, PrivateKey privateKey, String assertionAudience) {
        @Override
        public String toString() {
            return "ClientAuth[clientId=" + clientId + ", method=" + method + "]";
        }
    }

    private TokenEndpoint() {}

    /**
     * Sends a token request and reads the answer.
     *
     * @param grant the grant parameters (grant_type and its parameters)
     * @param requestedScope the scope asked for, used when the answer omits {@code scope}
     * @throws OAuthException on an error answer or an unusable token
     */
    public static OAuthTokens request(
            OAuthHttp http,
            URI endpoint,
            Map<String, String> grant,
            ClientAuth auth,
            String requestedScope,
            Clock clock) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        Map<String, String> headers = new LinkedHashMap<>();
        authenticate(auth, form, headers, clock);
        OAuthHttp.Response r = http.postForm(endpoint, form, headers);
        JsonNode json;
        try {
            json = r.json();
        } catch (McpException e) {
            throw new OAuthException("token endpoint " + OAuthHttp.safe(endpoint) + " answered " + r.status()
                    + " with a body that is not JSON");
        }
        if (!r.ok() || json.has("error")) {
            String error = text(json, "error");
            String description = text(json, "error_description");
            throw new OAuthException(
                    "token request to " + OAuthHttp.safe(endpoint) + " failed with " + r.status() + ": " + error
                            + (description == null ? "" : " (" + description + ")"),
                    error,
                    null);
        }
        String accessToken = text(json, "access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw new OAuthException("token endpoint " + OAuthHttp.safe(endpoint) + " returned no access_token");
        }
        String tokenType = text(json, "token_type");
        if (tokenType != null && !"bearer".equalsIgnoreCase(tokenType)) {
            throw new OAuthException("unsupported token_type " + tokenType + " (only Bearer is supported)");
        }
        Instant expiresAt = null;
        JsonNode expiresIn = json.get("expires_in");
        if (expiresIn != null && expiresIn.isNumber() && expiresIn.asLong() > 0) {
            expiresAt = clock.instant().plusSeconds(expiresIn.asLong());
        } else if (expiresIn != null && expiresIn.isString()) {
            try {
                expiresAt = clock.instant().plusSeconds(Long.parseLong(expiresIn.asString()));
            } catch (NumberFormatException ignored) {
                // unknown lifetime
            }
        }
        String scope = text(json, "scope");
        return new OAuthTokens(
                accessToken, "Bearer", text(json, "refresh_token"), expiresAt, scope != null ? scope : requestedScope);
    }

    /** Adds the client authentication to the form or headers. */
    public static void authenticate(
            ClientAuth auth, Map<String, String> form, Map<String, String> headers, Clock clock) {
        switch (auth.method()) {
            case BASIC -> {
                if (auth.clientSecret() == null) {
                    throw new OAuthException("client_secret_basic needs a client secret");
                }
                headers.put("Authorization", Forms.basicHeader(auth.clientId(), auth.clientSecret()));
            }
            case POST -> {
                if (auth.clientSecret() == null) {
                    throw new OAuthException("client_secret_post needs a client secret");
                }
                form.put("client_id", auth.clientId());
                form.put("client_secret", auth.clientSecret());
            }
            case PRIVATE_KEY_JWT -> {
                form.put("client_id", auth.clientId());
                form.put("client_assertion_type", JWT_BEARER);
                form.put("client_assertion", assertion(auth, clock));
            }
            case NONE -> form.put("client_id", auth.clientId());
            default -> throw new OAuthException("unsupported token endpoint auth method " + auth.method());
        }
    }

    /** A client assertion JWT (RFC 7523 §3): iss = sub = client id, aud = issuer, 60 s lifetime, random jti. */
    public static String assertion(ClientAuth auth, Clock clock) {
        if (auth.privateKey() == null || auth.assertionAudience() == null) {
            throw new OAuthException("private_key_jwt needs a private key and the authorization server issuer");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = McpJson.object();
        claims.put("iss", auth.clientId());
        claims.put("sub", auth.clientId());
        claims.put("aud", auth.assertionAudience());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", Pkce.randomToken(16));
        String alg = auth.privateKey() instanceof ECKey ? "ES256" : "RS256";
        return Jwt.sign(alg, auth.privateKey(), null, claims);
    }

    private static String text(JsonNode json, String name) {
        JsonNode v = json == null ? null : json.get(name);
        return v != null && v.isString() ? v.asString() : null;
    }
}
