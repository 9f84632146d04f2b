/** Implementation of the servlet transport; not API. */
package dev.jmcp.transport.http.servlet.internal;
