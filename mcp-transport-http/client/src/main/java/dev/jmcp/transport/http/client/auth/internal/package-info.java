/** Implementation of the OAuth client; not API. */
package dev.jmcp.transport.http.client.auth.internal;
