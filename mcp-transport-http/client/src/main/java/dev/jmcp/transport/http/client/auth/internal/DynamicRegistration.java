package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.OAuthClientMetadata;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dynamic client registration (RFC 7591) with the client's metadata, the {@code authorization_code} and
 * {@code refresh_token} grants, and OpenID Connect's {@code application_type} ({@code native} for loopback
 * redirect URIs, else {@code web}).
 */
public final class DynamicRegistration {
    private final OAuthHttp http;
    private final OAuthClientMetadata clientMetadata;
    private final URI redirectUri;

    /** Registers {@code clientMetadata} (its redirect URIs include {@code redirectUri}, which may be null). */
    public DynamicRegistration(OAuthHttp http, OAuthClientMetadata clientMetadata, URI redirectUri) {
        this.http = http;
        this.clientMetadata = clientMetadata;
        this.redirectUri = redirectUri;
    }

    /** Registers at the server's registration endpoint and returns the identity it assigned. */
    public ClientIdentity register(AuthorizationServerMetadata md) {
        URI endpoint = AuthContext.endpoint(md.registrationEndpoint(), "registration_endpoint");
        OAuthHttp.Response r = http.postJson(endpoint, requestBody(md).toString());
        JsonNode json;
        try {
            json = r.json();
        } catch (McpException e) {
            throw new OAuthException("client registration answered " + r.status() + " with a body that is not JSON");
        }
        if (!r.ok()) {
            String error = json.path("error").isString() ? json.path("error").asString() : null;
            throw new OAuthException("client registration failed with " + r.status() + ": " + error, error, null);
        }
        String id = json.path("client_id").isString() ? json.path("client_id").asString() : null;
        if (id == null || id.isEmpty()) {
            throw new OAuthException("client registration returned no client_id");
        }
        String secret = json.path("client_secret").isString()
                ? json.path("client_secret").asString()
                : null;
        String method = json.path("token_endpoint_auth_method").isString()
                ? json.path("token_endpoint_auth_method").asString()
                : null;
        if (method == null) {
            method = ClientIdentities.chooseMethod(md, secret != null);
        }
        return new ClientIdentity(id, secret, method);
    }

    private ObjectNode requestBody(AuthorizationServerMetadata md) {
        String requested = clientMetadata.tokenEndpointAuthMethod();
        if (requested == null) {
            List<String> supported = md.tokenEndpointAuthMethodsSupported();
            if (supported != null) {
                for (String m : List.of(TokenEndpoint.BASIC, TokenEndpoint.POST, TokenEndpoint.NONE)) {
                    if (supported.contains(m)) {
                        requested = m;
                        break;
                    }
                }
            }
        }
        List<String> grants =
                new ArrayList<>(clientMetadata.grantTypes() == null ? List.of() : clientMetadata.grantTypes());
        for (String g : List.of("authorization_code", "refresh_token")) {
            if (!grants.contains(g)) {
                grants.add(g);
            }
        }
        OAuthClientMetadata body = new OAuthClientMetadata(
                null,
                clientMetadata.clientName(),
                clientMetadata.redirectUris(),
                grants,
                clientMetadata.responseTypes() == null ? List.of("code") : clientMetadata.responseTypes(),
                requested,
                clientMetadata.scope(),
                clientMetadata.clientUri(),
                clientMetadata.logoUri(),
                clientMetadata.softwareId(),
                clientMetadata.softwareVersion());
        ObjectNode json = (ObjectNode) McpJson.parse(body.toJson());
        // OpenID Connect registration's application_type (2026-07-28): native for loopback redirects, else web
        json.put("application_type", isLoopback(redirectUri) || redirectUri == null ? "native" : "web");
        return json;
    }

    /** Whether {@code uri} is http on a loopback host name or address. */
    public static boolean isLoopback(URI uri) {
        return uri != null
                && "http".equals(uri.getScheme())
                && ("localhost".equals(uri.getHost())
                        || "127.0.0.1".equals(uri.getHost())
                        || "[::1]".equals(uri.getHost()));
    }
}
