package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.internal.TokenEndpoint.ClientAuth;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Cross-app access (Enterprise-Managed Authorization, SEP-990): exchanges the user's ID token at the IdP for an
 * identity assertion grant (ID-JAG, RFC 8693) addressed to the authorization server, then presents it with the
 * JWT bearer grant (RFC 7523) at the authorization server's token endpoint.
 */
public final class CrossAppAccessGrant implements TokenGrant {
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";

    /**
     * The identity provider side of cross-app access.
     *
     * @param tokenEndpoint the IdP's token endpoint
     * @param clientId this client's id at the IdP
     * @param clientSecret its secret at the IdP, or null for a public client
     * @param idToken supplies the user's current ID token
     */
    public record IdentityProvider(URI tokenEndpoint, String clientId, String clientSecret, Supplier<String> idToken) {}

    private final OAuthHttp http;
    private final ClientIdentities identities;
    private final IdentityProvider idp;
    private final Clock clock;

    /** The grant through {@code idp}. */
    public CrossAppAccessGrant(OAuthHttp http, ClientIdentities identities, IdentityProvider idp, Clock clock) {
        this.http = http;
        this.identities = identities;
        this.idp = idp;
        this.clock = clock;
    }

    @Override
    public OAuthTokens obtain(AuthContext ctx, String scope) {
        AuthorizationServerMetadata md = ctx.metadata();
        String audience = ctx.audience();
        if (md.grantTypesSupported() != null && !md.grantTypesSupported().contains(JWT_BEARER_GRANT)) {
            throw new OAuthException("authorization server " + audience
                    + " does not list the JWT bearer grant; cannot use cross-app access");
        }
        String idToken = idp.idToken().get();
        if (idToken == null || idToken.isEmpty()) {
            throw new OAuthException("cross-app access needs an ID token, but the supplier returned none");
        }
        String assertion = identityAssertion(ctx, audience, scope, idToken);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_BEARER_GRANT);
        form.put("assertion", assertion);
        if (scope != null) {
            form.put("scope", scope);
        }
        form.put("resource", ctx.resource());
        return TokenEndpoint.request(http, ctx.tokenEndpoint(), form, identities.clientAuth(ctx), scope, clock);
    }

    /** The identity assertion grant the IdP issues for the ID token (RFC 8693 token exchange). */
    private String identityAssertion(AuthContext ctx, String audience, String scope, String idToken) {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", TOKEN_EXCHANGE);
        exchange.put("requested_token_type", ID_JAG);
        exchange.put("audience", audience);
        exchange.put("resource", ctx.resource());
        if (scope != null) {
            exchange.put("scope", scope);
        }
        exchange.put("subject_token", idToken);
        exchange.put("subject_token_type", ID_TOKEN);
        Map<String, String> headers = new LinkedHashMap<>();
        String idpMethod = idp.clientSecret() == null ? TokenEndpoint.NONE : TokenEndpoint.BASIC;
        TokenEndpoint.authenticate(
                new ClientAuth(idp.clientId(), idp.clientSecret(), idpMethod, null, null), exchange, headers, clock);
        OAuthHttp.Response r = http.postForm(idp.tokenEndpoint(), exchange, headers);
        JsonNode json;
        try {
            json = r.json();
        } catch (McpException e) {
            throw new OAuthException("token exchange at " + OAuthHttp.safe(idp.tokenEndpoint()) + " answered "
                    + r.status() + " with a body that is not JSON");
        }
        if (!r.ok() || json.has("error")) {
            String error = json.path("error").isString() ? json.path("error").asString() : null;
            String description = json.path("error_description").isString()
                    ? json.path("error_description").asString()
                    : null;
            throw new OAuthException(
                    "token exchange at " + OAuthHttp.safe(idp.tokenEndpoint()) + " failed with " + r.status() + ": "
                            + error + (description == null ? "" : " (" + description + ")"),
                    error,
                    null);
        }
        String issuedType = json.path("issued_token_type").isString()
                ? json.path("issued_token_type").asString()
                : null;
        if (issuedType != null && !ID_JAG.equals(issuedType)) {
            throw new OAuthException("token exchange issued a " + issuedType + ", not an identity assertion grant");
        }
        String assertion =
                json.path("access_token").isString() ? json.path("access_token").asString() : null;
        if (assertion == null || assertion.isEmpty()) {
            throw new OAuthException("token exchange returned no identity assertion grant (access_token)");
        }
        return assertion;
    }
}
