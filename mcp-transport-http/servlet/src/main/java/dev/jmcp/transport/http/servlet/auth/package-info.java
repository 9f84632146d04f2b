/** The OAuth 2.1 resource server for the servlet: token validation (JWT via JWKS, introspection), challenges and scope policies. */
package dev.jmcp.transport.http.servlet.auth;
