package dev.jmcp.client;

/** Whether the client's sampling handler accepts {@code tools} and {@code toolChoice} ({@code sampling.tools}). */
public enum SamplingToolUse {
    /** Plain sampling: the server must not send tools. */
    NONE,
    /** Declares {@code sampling.tools}: the server may send {@code tools} and {@code toolChoice}. */
    TOOLS
}
