/** The OAuth 2.1 client for MCP: discovery, registration, PKCE, token refresh and step-up, plugged into the HTTP client as an {@link dev.jmcp.transport.http.client.auth.HttpAuthorizer}. */
package dev.jmcp.transport.http.client.auth;
