/** Tools: definitions, annotations, {@code tools/call} and {@code tools/list}. */
package dev.jmcp.core.protocol.tools;
