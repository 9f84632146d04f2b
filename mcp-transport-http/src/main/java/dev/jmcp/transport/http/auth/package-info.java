/**
 * OAuth 2.1 authorization for MCP over HTTP.
 *
 * <p>Client side: {@link dev.jmcp.transport.http.auth.HttpAuthorizer} is what the HTTP client transport calls;
 * {@link dev.jmcp.transport.http.auth.OAuthClientProvider} implements discovery (RFC 9728, RFC 8414, OpenID
 * Connect), client identity (pre-registration, client ID metadata documents, RFC 7591 registration), the
 * authorization code flow with PKCE and RFC 8707 resource indicators, refresh, client credentials and step-up.
 *
 * <p>Server side: {@link dev.jmcp.transport.http.auth.ResourceServerAuth} turns an {@code Authorization} header
 * into an {@link dev.jmcp.transport.http.auth.AuthOutcome} using a {@link
 * dev.jmcp.transport.http.auth.TokenValidator}, and publishes protected resource metadata. Plug it into the HTTP
 * server with {@code McpHttpServer.Builder.authorization(auth)} (or {@code McpHttpServlet.Builder.authorization}
 * plus {@code ProtectedResourceMetadataServlet}); {@link dev.jmcp.transport.http.auth.ScopePolicy} adds scopes
 * per request (e.g. per tool).
 */
package dev.jmcp.transport.http.auth;
