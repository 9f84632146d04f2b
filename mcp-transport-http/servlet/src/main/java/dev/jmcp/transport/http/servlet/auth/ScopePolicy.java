package dev.jmcp.transport.http.servlet.auth;

import java.util.Set;

/**
 * Extra scopes one MCP request needs beyond {@link ResourceServerAuth.Builder#requiredScopes}, e.g. {@code
 * mcp:write} for a tool that changes data. A request whose token lacks them gets 403 {@code insufficient_scope}
 * and the client can step up.
 */
@FunctionalInterface
public interface ScopePolicy {
    /**
     * The scopes a request needs.
     *
     * @param method the JSON-RPC method, e.g. {@code tools/call}
     * @param name the tool or prompt name or resource URI the request targets ({@code Mcp-Name}), or null
     * @return the extra scopes; empty when none
     */
    Set<String> requiredScopes(String method, String name);
}
