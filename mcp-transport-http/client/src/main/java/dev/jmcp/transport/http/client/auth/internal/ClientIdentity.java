package dev.jmcp.transport.http.client.auth.internal;

/**
 * How this client is known to one authorization server.
 *
 * @param clientId the client id (for a client ID metadata document, its URL)
 * @param clientSecret the secret, or null
 * @param method the token endpoint authentication method, or null to choose from what the server supports
 */
public record ClientIdentity(String clientId, String clientSecret, String method) {}
