package dev.jmcp.server.internal;

import java.util.regex.Pattern;

/** SEP-986 tool names: 1 to 128 characters of {@code [A-Za-z0-9_.-]}. */
public final class ToolNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private ToolNames() {}

    /** Throws {@link IllegalArgumentException} for a name that breaks the rules. */
    public static void check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid tool name '" + name + "': use 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
        }
    }
}
