/** Implementation of the HTTP client transport; not API. */
package dev.jmcp.transport.http.client.internal;
