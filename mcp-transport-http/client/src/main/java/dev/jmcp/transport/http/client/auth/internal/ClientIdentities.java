package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.internal.TokenEndpoint.ClientAuth;
import dev.jmcp.transport.http.common.OAuthException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Picks this client's identity at an authorization server, in order: credentials pre-registered for that issuer,
 * the default pre-registered credentials (secret or {@code private_key_jwt}), the client ID metadata document URL
 * when the server supports it, a registration made earlier, or a new dynamic registration (RFC 7591).
 * Registrations are kept per issuer.
 *
 * <p>A secret is only ever sent to one authorization server: credentials pre-registered for an issuer go only to
 * that issuer, and the default credentials ({@code clientCredentials(id, secret)}) are bound to the first
 * authorization server they are used with. Another issuer never sees them: the client identifies itself there by
 * the other means (client ID metadata document, dynamic registration, SEP-2352), or fails with an {@link
 * OAuthException} saying why.
 */
public final class ClientIdentities {
    private final Map<String, ClientIdentity> perIssuer;
    private final ClientIdentity preRegistered;
    private final PrivateKey privateKey;
    private final String clientIdMetadataUrl;
    private final DynamicRegistration registration;
    private final Map<String, ClientIdentity> registrations = new ConcurrentHashMap<>();
    private final AtomicReference<String> defaultSecretIssuer = new AtomicReference<>();

    /**
     * The identities to choose from.
     *
     * @param perIssuer pre-registered credentials by issuer
     * @param preRegistered the default pre-registered credentials (method null: chosen per server), or null
     * @param privateKey the key for {@code private_key_jwt}, or null
     * @param clientIdMetadataUrl the client ID metadata document URL, or null
     * @param registration dynamic registration, or null when disabled
     */
    public ClientIdentities(
            Map<String, ClientIdentity> perIssuer,
            ClientIdentity preRegistered,
            PrivateKey privateKey,
            String clientIdMetadataUrl,
            DynamicRegistration registration) {
        this.perIssuer = Map.copyOf(perIssuer);
        this.preRegistered = preRegistered;
        this.privateKey = privateKey;
        this.clientIdMetadataUrl = clientIdMetadataUrl;
        this.registration = registration;
    }

    /** The identity to use with the context's authorization server; registers dynamically when it must. */
    public ClientIdentity identity(AuthContext ctx) {
        AuthorizationServerMetadata md = ctx.metadata();
        String issuer = ctx.discovery().issuer();
        ClientIdentity forIssuer = perIssuer.get(issuer);
        if (forIssuer != null) {
            String method = forIssuer.method() != null
                    ? forIssuer.method()
                    : chooseMethod(md, forIssuer.clientSecret() != null);
            return new ClientIdentity(forIssuer.clientId(), forIssuer.clientSecret(), method);
        }
        String boundElsewhere = null;
        if (preRegistered != null && preRegistered.clientSecret() != null) {
            String bound = defaultSecretIssuer.updateAndGet(b -> b == null ? issuer : b);
            boundElsewhere = bound.equals(issuer) ? null : bound;
        }
        if (preRegistered != null && boundElsewhere == null) {
            String method = preRegistered.method();
            if (method == null) {
                method = privateKey != null
                        ? TokenEndpoint.PRIVATE_KEY_JWT
                        : chooseMethod(md, preRegistered.clientSecret() != null);
            }
            return new ClientIdentity(preRegistered.clientId(), preRegistered.clientSecret(), method);
        }
        if (clientIdMetadataUrl != null && md.supportsClientIdMetadataDocument()) {
            return new ClientIdentity(clientIdMetadataUrl, null, TokenEndpoint.NONE);
        }
        ClientIdentity registered = registrations.get(issuer);
        if (registered != null) {
            return registered;
        }
        if (registration == null || md.registrationEndpoint() == null) {
            throw new OAuthException("no client identity for authorization server " + issuer
                    + ": configure pre-registered credentials"
                    + (md.registrationEndpoint() == null ? " (it offers no dynamic client registration)" : "")
                    + (boundElsewhere == null
                            ? ""
                            : "; the client credentials are bound to " + boundElsewhere
                                    + " (the first authorization server they were used with) and are never sent to"
                                    + " another: use clientCredentials(issuer, clientId, secret) for " + issuer));
        }
        ClientIdentity identity = registration.register(md);
        registrations.put(issuer, identity);
        return identity;
    }

    /** How the client authenticates at the context's token endpoint with {@code identity}. */
    public ClientAuth clientAuth(AuthContext ctx, ClientIdentity identity) {
        if (TokenEndpoint.PRIVATE_KEY_JWT.equals(identity.method())) {
            return new ClientAuth(identity.clientId(), null, identity.method(), privateKey, ctx.audience());
        }
        return new ClientAuth(identity.clientId(), identity.clientSecret(), identity.method(), null, null);
    }

    /** How the client authenticates at the context's token endpoint with the identity it picks there. */
    public ClientAuth clientAuth(AuthContext ctx) {
        return clientAuth(ctx, identity(ctx));
    }

    /** The authentication method for a secret (basic unless only post is listed), or {@code none} without one. */
    static String chooseMethod(AuthorizationServerMetadata md, boolean hasSecret) {
        if (!hasSecret) {
            return TokenEndpoint.NONE;
        }
        List<String> supported = md.tokenEndpointAuthMethodsSupported();
        if (supported == null || supported.contains(TokenEndpoint.BASIC)) {
            return TokenEndpoint.BASIC;
        }
        if (supported.contains(TokenEndpoint.POST)) {
            return TokenEndpoint.POST;
        }
        return TokenEndpoint.BASIC;
    }
}
