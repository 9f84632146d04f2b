package dev.jmcp.transport.http.client.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.McpJson;
import java.util.List;

/**
 * OAuth client metadata (RFC 7591 §2): sent in dynamic client registration and published as a client ID
 * metadata document.
 *
 * @param clientId the client id; set for a client ID metadata document (the document's own https URL)
 * @param clientName a human-readable name
 * @param redirectUris allowed redirect URIs (localhost or https)
 * @param grantTypes grant types the client uses
 * @param responseTypes response types the client uses
 * @param tokenEndpointAuthMethod how the client authenticates at the token endpoint, or null for the default
 * @param scope scopes the client may request (space-separated), or null
 * @param clientUri the client's home page, or null
 * @param logoUri the client's logo, or null
 * @param softwareId a software identifier, or null
 * @param softwareVersion a software version, or null
 */
public record OAuthClientMetadata(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("grant_types") List<String> grantTypes,
        @JsonProperty("response_types") List<String> responseTypes,
        @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @JsonProperty("scope") String scope,
        @JsonProperty("client_uri") String clientUri,
        @JsonProperty("logo_uri") String logoUri,
        @JsonProperty("software_id") String softwareId,
        @JsonProperty("software_version") String softwareVersion) {

    /**
     * Copies the lists.
     *
     * @param clientId the client id; set for a client ID metadata document (the document's own https URL)
     * @param clientName a human-readable name
     * @param redirectUris allowed redirect URIs (localhost or https)
     * @param grantTypes grant types the client uses
     * @param responseTypes response types the client uses
     * @param tokenEndpointAuthMethod how the client authenticates at the token endpoint, or null for the default
     * @param scope scopes the client may request (space-separated), or null
     * @param clientUri the client's home page, or null
     * @param logoUri the client's logo, or null
     * @param softwareId a software identifier, or null
     * @param softwareVersion a software version, or null
     */
    public OAuthClientMetadata {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? null : List.copyOf(grantTypes);
        responseTypes = responseTypes == null ? null : List.copyOf(responseTypes);
    }

    /**
     * Metadata for an interactive client: grant types {@code authorization_code} and {@code refresh_token},
     * response type {@code code}, the given name and redirect URI.
     *
     * @param clientName the client name
     * @param redirectUri the redirect URI
     * @return metadata for an interactive client: grant types {@code authorization_code} and {@code refresh_token},
     *     response type {@code code}, the given name and redirect URI
     */
    public static OAuthClientMetadata of(String clientName, String redirectUri) {
        return new OAuthClientMetadata(
                null,
                clientName,
                List.of(redirectUri),
                List.of("authorization_code", "refresh_token"),
                List.of("code"),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * A copy with another client id.
     *
     * @param id the client id the authorization server issued
     * @return a copy with another client id
     */
    public OAuthClientMetadata withClientId(String id) {
        return new OAuthClientMetadata(
                id,
                clientName,
                redirectUris,
                grantTypes,
                responseTypes,
                tokenEndpointAuthMethod,
                scope,
                clientUri,
                logoUri,
                softwareId,
                softwareVersion);
    }

    /**
     * A copy with another token endpoint authentication method.
     *
     * @param method the token endpoint's client authentication method, e.g. {@code client_secret_basic}
     * @return a copy with another token endpoint authentication method
     */
    public OAuthClientMetadata withTokenEndpointAuthMethod(String method) {
        return new OAuthClientMetadata(
                clientId,
                clientName,
                redirectUris,
                grantTypes,
                responseTypes,
                method,
                scope,
                clientUri,
                logoUri,
                softwareId,
                softwareVersion);
    }

    /**
     * A copy with other redirect URIs.
     *
     * @param uris the new redirect URIs
     * @return a copy with other redirect URIs
     */
    public OAuthClientMetadata withRedirectUris(List<String> uris) {
        return new OAuthClientMetadata(
                clientId,
                clientName,
                uris,
                grantTypes,
                responseTypes,
                tokenEndpointAuthMethod,
                scope,
                clientUri,
                logoUri,
                softwareId,
                softwareVersion);
    }

    /**
     * The JSON document (what a client ID metadata document URL must serve).
     *
     * @return the JSON document (what a client ID metadata document URL must serve)
     */
    public String toJson() {
        return McpJson.write(this);
    }
}
