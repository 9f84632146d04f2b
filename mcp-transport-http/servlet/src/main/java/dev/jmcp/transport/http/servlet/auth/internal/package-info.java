/** Implementation of the resource server; not API. */
package dev.jmcp.transport.http.servlet.auth.internal;
