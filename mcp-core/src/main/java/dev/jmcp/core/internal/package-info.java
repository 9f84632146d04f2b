/** Implementation details of mcp-core. Not API: may change in any release. */
package dev.jmcp.core.internal;
