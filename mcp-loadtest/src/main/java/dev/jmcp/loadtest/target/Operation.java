package dev.jmcp.loadtest.target;

import java.util.Locale;

/** The MCP requests a scenario step can make. */
public enum Operation {
    /** {@code tools/call}: the step's name is the tool. */
    TOOLS_CALL("tools/call"),
    /** {@code resources/read}: the step's name is the URI. */
    RESOURCES_READ("resources/read"),
    /** {@code prompts/get}: the step's name is the prompt. */
    PROMPTS_GET("prompts/get"),
    /** {@code tools/list}. */
    TOOLS_LIST("tools/list"),
    /** {@code resources/list}. */
    RESOURCES_LIST("resources/list"),
    /** {@code prompts/list}. */
    PROMPTS_LIST("prompts/list"),
    /** {@code ping}. */
    PING("ping");

    private final String method;

    Operation(String method) {
        this.method = method;
    }

    /**
     * The JSON-RPC method name.
     *
     * @return the JSON-RPC method name
     */
    public String method() {
        return method;
    }

    /**
     * Whether the step needs a name (tool, URI or prompt).
     *
     * @return whether the step needs a name (tool, URI or prompt)
     */
    public boolean needsName() {
        return this == TOOLS_CALL || this == RESOURCES_READ || this == PROMPTS_GET;
    }

    /**
     * The operation for a JSON-RPC method name, or {@code null} if unknown.
     *
     * @param method an MCP method name, e.g. {@code tools/call}
     * @return the operation for a JSON-RPC method name, or {@code null} if unknown
     */
    public static Operation fromMethod(String method) {
        String m = method == null ? "" : method.trim().toLowerCase(Locale.ROOT);
        for (Operation op : values()) {
            if (op.method.equals(m)) {
                return op;
            }
        }
        return null;
    }
}
