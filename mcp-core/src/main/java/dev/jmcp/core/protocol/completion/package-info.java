/** Argument completion ({@code completion/complete}). */
package dev.jmcp.core.protocol.completion;
