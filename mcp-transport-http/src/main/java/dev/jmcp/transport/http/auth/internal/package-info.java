/** Implementation details of OAuth for MCP over HTTP: not API, may change at any time. */
package dev.jmcp.transport.http.auth.internal;
