/** Implementation shared by the HTTP client and servlet (media types, JOSE on java.security, OAuth HTTP helpers); not API. */
package dev.jmcp.transport.http.common.internal;
