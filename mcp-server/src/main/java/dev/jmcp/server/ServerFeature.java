package dev.jmcp.server;

/** A server feature whose capability can be declared before anything of its kind is registered. */
public enum ServerFeature {
    /** The {@code tools} capability. */
    TOOLS,
    /** The {@code resources} capability. */
    RESOURCES,
    /** The {@code prompts} capability. */
    PROMPTS
}
