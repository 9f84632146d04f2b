package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.client.auth.AuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.AuthorizationResponse;
import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization code grant with PKCE S256, {@code state}, RFC 8707 {@code resource} and RFC 9207 {@code iss}
 * checks: the user authorizes through the {@link AuthorizationCodeHandler}, then the code is exchanged.
 */
public final class AuthorizationCodeGrant implements TokenGrant {
    private final OAuthHttp http;
    private final ClientIdentities identities;
    private final AuthorizationCodeHandler codeHandler;
    private final URI redirectUri;
    private final Duration authorizationTimeout;
    private final Clock clock;

    /** The grant; {@code codeHandler} and {@code redirectUri} may be null (then obtaining fails). */
    public AuthorizationCodeGrant(
            OAuthHttp http,
            ClientIdentities identities,
            AuthorizationCodeHandler codeHandler,
            URI redirectUri,
            Duration authorizationTimeout,
            Clock clock) {
        this.http = http;
        this.identities = identities;
        this.codeHandler = codeHandler;
        this.redirectUri = redirectUri;
        this.authorizationTimeout = authorizationTimeout;
        this.clock = clock;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public OAuthTokens obtain(AuthContext ctx, String scope) {
        AuthorizationServerMetadata md = ctx.metadata();
        if (ctx.discovery().metadataFound() && !md.supportsS256()) {
            throw new OAuthException("authorization server " + ctx.discovery().issuer()
                    + " does not advertise PKCE S256 (code_challenge_methods_supported); refusing to authorize");
        }
        if (codeHandler == null || redirectUri == null) {
            throw new OAuthException("an authorization code flow needs an AuthorizationCodeHandler and a redirect URI");
        }
        if (md.authorizationEndpoint() == null) {
            throw new OAuthException(
                    "authorization server " + ctx.discovery().issuer() + " has no authorization_endpoint");
        }
        URI authorizationEndpoint = AuthContext.endpoint(md.authorizationEndpoint(), "authorization_endpoint");
        ClientIdentity identity = identities.identity(ctx);
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomToken(32);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", identity.clientId());
        params.put("redirect_uri", redirectUri.toString());
        params.put("scope", scope);
        params.put("state", state);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        params.put("resource", ctx.resource());
        URI url = Forms.withQuery(authorizationEndpoint.toString(), params);
        AuthorizationResponse response = codeHandler.authorize(url, authorizationTimeout);
        String code = checked(response, state, ctx);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", pkce.verifier());
        form.put("resource", ctx.resource());
        return TokenEndpoint.request(
                http, ctx.tokenEndpoint(), form, identities.clientAuth(ctx, identity), scope, clock);
    }

    /** The code of a response that passes the state, error and issuer checks. */
    private static String checked(AuthorizationResponse response, String state, AuthContext ctx) {
        AuthorizationServerMetadata md = ctx.metadata();
        if (response == null) {
            throw new OAuthException("the authorization code handler returned nothing");
        }
        if (response.error() != null) {
            throw new OAuthException(
                    "authorization denied: " + response.error()
                            + (response.errorDescription() == null ? "" : " (" + response.errorDescription() + ")"),
                    response.error(),
                    null);
        }
        if (!state.equals(response.state())) {
            throw new OAuthException("authorization response state does not match the request; possible CSRF");
        }
        boolean issRequired = Boolean.TRUE.equals(md.authorizationResponseIssParameterSupported());
        if (issRequired && response.iss() == null) {
            throw new OAuthException("authorization response lacks the iss parameter the server promised (RFC 9207)");
        }
        if (response.iss() != null
                && ctx.discovery().metadataFound()
                && !response.iss().equals(md.issuer())) {
            throw new OAuthException("authorization response iss " + response.iss() + " is not the issuer "
                    + md.issuer() + " (RFC 9207 mix-up protection)");
        }
        if (response.code() == null || response.code().isEmpty()) {
            throw new OAuthException("authorization response has no code");
        }
        return response.code();
    }
}
