package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client credentials grant (a machine client): the client authenticates with its secret or with
 * {@code private_key_jwt} (RFC 7523), as its identity says.
 */
public final class ClientCredentialsGrant implements TokenGrant {
    private final OAuthHttp http;
    private final ClientIdentities identities;
    private final Clock clock;

    /** The grant. */
    public ClientCredentialsGrant(OAuthHttp http, ClientIdentities identities, Clock clock) {
        this.http = http;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public OAuthTokens obtain(AuthContext ctx, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", scope);
        form.put("resource", ctx.resource());
        return TokenEndpoint.request(http, ctx.tokenEndpoint(), form, identities.clientAuth(ctx), scope, clock);
    }
}
