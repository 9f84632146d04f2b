/** Implementation of the HTTP transports; not API. */
package dev.jmcp.transport.http.internal;
