/**
 * The admission pipeline of a POST to the MCP endpoint: each check is one small class that either lets the POST
 * pass or answers it with a {@link dev.jmcp.transport.http.servlet.internal.admission.Rejection}, before any
 * message reaches a session. Not API.
 */
package dev.jmcp.transport.http.servlet.internal.admission;
