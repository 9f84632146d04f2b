/** Prompts: definitions, messages, {@code prompts/get} and {@code prompts/list}. */
package dev.jmcp.core.protocol.prompts;
