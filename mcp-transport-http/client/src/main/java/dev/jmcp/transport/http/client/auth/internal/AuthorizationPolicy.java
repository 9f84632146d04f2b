package dev.jmcp.transport.http.client.auth.internal;

import java.util.List;

/**
 * Which scopes the OAuth client asks for and how often it may authorize.
 *
 * @param scopesOverride scopes to request instead of the challenge's or the metadata's, or null
 * @param requestOfflineAccess whether interactive grants add {@code offline_access} when the server lists it
 * @param maxAuthorizationAttempts authorizations per MCP server within ten minutes, step-ups included
 */
public record AuthorizationPolicy(
        List<String> scopesOverride, boolean requestOfflineAccess, int maxAuthorizationAttempts) {}
