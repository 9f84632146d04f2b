package dev.jmcp.transport.http.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.McpJson;
import java.util.List;

/**
 * OAuth 2.0 protected resource metadata (RFC 9728) as published by an MCP server.
 *
 * @param resource the resource identifier (the canonical MCP server URI)
 * @param authorizationServers issuer URLs of the authorization servers that issue tokens for it
 * @param scopesSupported scopes the resource understands, or null
 * @param bearerMethodsSupported how the token may be sent; MCP uses {@code header}
 * @param resourceName a human-readable name, or null
 * @param resourceDocumentation a documentation URL, or null
 */
public record ProtectedResourceMetadata(
        @JsonProperty("resource") String resource,
        @JsonProperty("authorization_servers") List<String> authorizationServers,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
        @JsonProperty("resource_name") String resourceName,
        @JsonProperty("resource_documentation") String resourceDocumentation) {

    /**
     * Copies the lists.
     *
     * @param resource the resource identifier (the canonical MCP server URI)
     * @param authorizationServers issuer URLs of the authorization servers that issue tokens for it
     * @param scopesSupported scopes the resource understands, or null
     * @param bearerMethodsSupported how the token may be sent; MCP uses {@code header}
     * @param resourceName a human-readable name, or null
     * @param resourceDocumentation a documentation URL, or null
     */
    public ProtectedResourceMetadata {
        authorizationServers = authorizationServers == null ? List.of() : List.copyOf(authorizationServers);
        scopesSupported = scopesSupported == null ? null : List.copyOf(scopesSupported);
        bearerMethodsSupported = bearerMethodsSupported == null ? null : List.copyOf(bearerMethodsSupported);
    }

    /**
     * Parses the JSON document.
     *
     * @param json the JSON
     * @return the parsed protected resource metadata
     */
    public static ProtectedResourceMetadata fromJson(String json) {
        return McpJson.fromTree(McpJson.parse(json), ProtectedResourceMetadata.class);
    }

    /**
     * The JSON document.
     *
     * @return the JSON document
     */
    public String toJson() {
        return McpJson.write(this);
    }
}
