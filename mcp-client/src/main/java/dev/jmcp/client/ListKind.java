package dev.jmcp.client;

/** The server lists that announce changes with a {@code list_changed} notification. */
public enum ListKind {
    /** {@code notifications/tools/list_changed}. */
    TOOLS,
    /** {@code notifications/prompts/list_changed}. */
    PROMPTS,
    /** {@code notifications/resources/list_changed}. */
    RESOURCES
}
