package dev.jmcp.transport.http.client.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.McpJson;
import java.util.List;

/**
 * Authorization server metadata (RFC 8414, OpenID Connect Discovery): the fields an MCP client uses.
 *
 * @param issuer the issuer identifier
 * @param authorizationEndpoint the authorization endpoint
 * @param tokenEndpoint the token endpoint
 * @param registrationEndpoint the dynamic client registration endpoint (RFC 7591), or null
 * @param introspectionEndpoint the introspection endpoint (RFC 7662), or null
 * @param jwksUri the JSON web key set URL, or null
 * @param scopesSupported supported scopes, or null
 * @param responseTypesSupported supported response types, or null
 * @param grantTypesSupported supported grant types, or null
 * @param codeChallengeMethodsSupported PKCE methods; MCP clients refuse to proceed without {@code S256}
 * @param tokenEndpointAuthMethodsSupported client authentication methods at the token endpoint, or null
 * @param clientIdMetadataDocumentSupported whether client ID metadata documents are accepted, or null
 * @param authorizationResponseIssParameterSupported whether the authorization response carries {@code iss}
 *     (RFC 9207), or null
 */
public record AuthorizationServerMetadata(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("registration_endpoint") String registrationEndpoint,
        @JsonProperty("introspection_endpoint") String introspectionEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("client_id_metadata_document_supported") Boolean clientIdMetadataDocumentSupported,
        @JsonProperty("authorization_response_iss_parameter_supported")
                Boolean authorizationResponseIssParameterSupported) {

    /**
     * Parses the JSON document.
     *
     * @param json the JSON
     * @return the parsed authorization server metadata
     */
    public static AuthorizationServerMetadata fromJson(String json) {
        return McpJson.fromTree(McpJson.parse(json), AuthorizationServerMetadata.class);
    }

    /**
     * The JSON document.
     *
     * @return the JSON document
     */
    public String toJson() {
        return McpJson.write(this);
    }

    /**
     * Whether PKCE S256 is advertised.
     *
     * @return whether PKCE S256 is advertised
     */
    public boolean supportsS256() {
        return codeChallengeMethodsSupported != null && codeChallengeMethodsSupported.contains("S256");
    }

    /**
     * Whether client ID metadata documents are accepted.
     *
     * @return whether client ID metadata documents are accepted
     */
    public boolean supportsClientIdMetadataDocument() {
        return Boolean.TRUE.equals(clientIdMetadataDocumentSupported);
    }
}
