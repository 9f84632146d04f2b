package dev.jmcp.server.internal;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEP-986 tool names: 1 to 128 characters of {@code [A-Za-z0-9_.-]}. The rule is a SHOULD, so a name that breaks
 * it (for example {@code github/create_issue}) is registered with a warning; only a missing or empty name is
 * refused.
 */
public final class ToolNames {
    private static final Logger LOG = LoggerFactory.getLogger(ToolNames.class);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private ToolNames() {}

    /**
     * Checks a tool name: throws {@link IllegalArgumentException} for a null or empty name, logs a warning for one
     * that breaks the SHOULD-level naming rule.
     *
     * @return whether the name follows the naming rule
     */
    public static boolean check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a tool needs a non-empty name");
        }
        if (!follows(name)) {
            LOG.warn(
                    "tool name '{}' does not follow the MCP naming rule (1 to 128 characters of A-Z, a-z, 0-9, '_',"
                            + " '-' and '.'); some clients may refuse it",
                    name);
            return false;
        }
        return true;
    }

    /** Whether {@code name} follows the naming rule. */
    public static boolean follows(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
