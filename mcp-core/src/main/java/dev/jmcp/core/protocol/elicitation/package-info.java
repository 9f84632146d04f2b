/** Elicitation ({@code elicitation/create}): form mode with a restricted schema, URL mode, and the result. */
package dev.jmcp.core.protocol.elicitation;
