package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.ProtectedResourceMetadata;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the protected resource metadata (RFC 9728) of an MCP endpoint and the metadata of its authorization
 * server (RFC 8414 / OpenID Connect), with the MCP 2025-03-26 fallbacks.
 *
 * <p>What a peer can steer is constrained: a challenge's {@code resource_metadata} URL must be on the MCP
 * endpoint's origin (a challenge cannot send the client to fetch from elsewhere); the authorization server's
 * issuer and its authorization, token and registration endpoints must be https (plain http only on a loopback
 * host); every document is read at most {@link OAuthHttp#MAX_BODY} bytes within the request timeout.
 */
public final class Discovery {
    /**
     * What discovery found.
     *
     * @param prm the protected resource metadata, or null when none was published (2025-03-26 servers)
     * @param prmUrl where it came from, or null
     * @param resource the resource indicator to send (the PRM resource, else the canonical endpoint URI)
     * @param issuer the authorization server's issuer URL as configured (PRM entry or the MCP origin)
     * @param metadata the authorization server metadata; built from default endpoints when none was found
     * @param metadataFound whether {@code metadata} came from a metadata document
     */
    public record Result(
            ProtectedResourceMetadata prm,
            URI prmUrl,
            String resource,
            String issuer,
            AuthorizationServerMetadata metadata,
            boolean metadataFound) {}

    private final OAuthHttp http;

    /** Discovery over the given HTTP helper. */
    public Discovery(OAuthHttp http) {
        this.http = http;
    }

    /**
     * Runs discovery for an endpoint.
     *
     * @param resourceMetadataUrl the {@code resource_metadata} of the server's challenge, or null
     * @throws OAuthException when the metadata names another resource or no authorization server
     */
    public Result discover(URI mcpEndpoint, String resourceMetadataUrl) {
        requireSameOrigin(mcpEndpoint, resourceMetadataUrl);
        ProtectedResourceMetadata prm = null;
        URI prmUrl = null;
        for (URI candidate : prmCandidates(mcpEndpoint, resourceMetadataUrl)) {
            prm = fetchPrm(candidate);
            if (prm != null) {
                prmUrl = candidate;
                break;
            }
        }
        String resource;
        String issuer;
        if (prm != null) {
            URI resourceUri;
            try {
                resourceUri = Uris.httpUri(prm.resource(), "protected resource metadata 'resource'");
            } catch (IllegalArgumentException e) {
                throw new OAuthException(e.getMessage() + " (from " + OAuthHttp.safe(prmUrl) + ")");
            }
            if (!Uris.resourceCovers(resourceUri, mcpEndpoint)) {
                throw new OAuthException("protected resource metadata at " + OAuthHttp.safe(prmUrl) + " names resource "
                        + prm.resource() + ", which does not match the MCP endpoint " + OAuthHttp.safe(mcpEndpoint)
                        + "; refusing to authorize");
            }
            if (prm.authorizationServers().isEmpty()) {
                throw new OAuthException(
                        "protected resource metadata at " + OAuthHttp.safe(prmUrl) + " lists no authorization server");
            }
            resource = prm.resource();
            issuer = prm.authorizationServers().get(0);
            try {
                Uris.httpUri(issuer, "authorization server");
            } catch (IllegalArgumentException e) {
                throw new OAuthException(e.getMessage());
            }
        } else {
            resource = Uris.canonicalResource(mcpEndpoint);
            issuer = Uris.origin(mcpEndpoint);
        }
        URI issuerUri = secure(URI.create(issuer), "authorization server " + issuer);
        for (URI candidate : authorizationServerCandidates(issuerUri)) {
            AuthorizationServerMetadata md = fetchAsMetadata(candidate);
            if (md != null) {
                requireSecureEndpoints(md, candidate);
                // RFC 8414 §3.3: the metadata's issuer must be the issuer the well-known URL was built from. Only
                // checked when the issuer came from resource metadata: 2025-03-26 servers without it have none.
                if (prm != null && !issuer.equals(md.issuer())) {
                    throw new OAuthException("authorization server metadata at " + OAuthHttp.safe(candidate)
                            + " names issuer " + md.issuer() + ", not " + issuer
                            + " (RFC 8414 section 3.3); refusing to use it");
                }
                return new Result(prm, prmUrl, resource, issuer, md, true);
            }
        }
        String base = Uris.origin(issuerUri) + Uris.normalizedPath(issuerUri);
        AuthorizationServerMetadata fallback = new AuthorizationServerMetadata(
                issuer,
                base + "/authorize",
                base + "/token",
                base + "/register",
                null,
                null,
                null,
                List.of("code"),
                List.of("authorization_code", "refresh_token"),
                null,
                null,
                null,
                null);
        return new Result(prm, prmUrl, resource, issuer, fallback, false);
    }

    /** Refuses a {@code resource_metadata} URL that is not on the MCP endpoint's origin (review A8). */
    private static void requireSameOrigin(URI mcpEndpoint, String resourceMetadataUrl) {
        if (resourceMetadataUrl == null) {
            return;
        }
        URI url;
        try {
            url = Uris.httpUri(resourceMetadataUrl, "resource_metadata");
        } catch (IllegalArgumentException e) {
            return; // an unusable hint: the well-known locations are tried
        }
        if (!Uris.sameOrigin(url, mcpEndpoint)) {
            throw new OAuthException("the challenge's resource_metadata " + OAuthHttp.safe(url)
                    + " is not on the MCP server's origin " + Uris.origin(mcpEndpoint) + "; refusing to follow it");
        }
    }

    private static URI secure(URI uri, String what) {
        try {
            return Uris.requireSecure(uri, what);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(e.getMessage());
        }
    }

    /** The endpoints that receive codes, secrets and tokens must be https (or loopback http). */
    private static void requireSecureEndpoints(AuthorizationServerMetadata md, URI from) {
        String[][] endpoints = {
            {"authorization_endpoint", md.authorizationEndpoint()},
            {"token_endpoint", md.tokenEndpoint()},
            {"registration_endpoint", md.registrationEndpoint()}
        };
        for (String[] e : endpoints) {
            if (e[1] == null) {
                continue;
            }
            URI uri;
            try {
                uri = Uris.httpUri(e[1], e[0]);
            } catch (IllegalArgumentException bad) {
                throw new OAuthException(bad.getMessage() + " (from " + OAuthHttp.safe(from) + ")");
            }
            secure(uri, e[0] + " in the metadata at " + OAuthHttp.safe(from));
        }
    }

    /** Where to look for protected resource metadata, in order. */
    public static List<URI> prmCandidates(URI mcpEndpoint, String resourceMetadataUrl) {
        List<URI> out = new ArrayList<>();
        if (resourceMetadataUrl != null) {
            try {
                out.add(Uris.httpUri(resourceMetadataUrl, "resource_metadata"));
            } catch (IllegalArgumentException ignored) {
                // an unusable hint: fall back to the well-known locations
            }
        }
        if (!Uris.normalizedPath(mcpEndpoint).isEmpty()) {
            addIfAbsent(out, Uris.wellKnown(mcpEndpoint, "oauth-protected-resource", true));
        }
        addIfAbsent(out, Uris.wellKnown(mcpEndpoint, "oauth-protected-resource", false));
        return out;
    }

    /** Where to look for authorization server metadata, in the order MCP prescribes. */
    public static List<URI> authorizationServerCandidates(URI issuer) {
        String origin = Uris.origin(issuer);
        String path = Uris.normalizedPath(issuer);
        if (path.isEmpty()) {
            return List.of(
                    URI.create(origin + "/.well-known/oauth-authorization-server"),
                    URI.create(origin + "/.well-known/openid-configuration"));
        }
        return List.of(
                URI.create(origin + "/.well-known/oauth-authorization-server" + path),
                URI.create(origin + "/.well-known/openid-configuration" + path),
                URI.create(origin + path + "/.well-known/openid-configuration"));
    }

    private ProtectedResourceMetadata fetchPrm(URI url) {
        OAuthHttp.Response r = http.get(url);
        if (!r.ok()) {
            return null;
        }
        try {
            ProtectedResourceMetadata prm = ProtectedResourceMetadata.fromJson(r.body());
            return prm == null || prm.resource() == null ? null : prm;
        } catch (McpException e) {
            return null;
        }
    }

    private AuthorizationServerMetadata fetchAsMetadata(URI url) {
        OAuthHttp.Response r = http.get(url);
        if (!r.ok()) {
            return null;
        }
        try {
            AuthorizationServerMetadata md = AuthorizationServerMetadata.fromJson(r.body());
            return md == null || md.tokenEndpoint() == null ? null : md;
        } catch (McpException e) {
            return null;
        }
    }

    private static void addIfAbsent(List<URI> list, URI uri) {
        if (!list.contains(uri)) {
            list.add(uri);
        }
    }
}
