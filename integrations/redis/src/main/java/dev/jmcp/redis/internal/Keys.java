package dev.jmcp.redis.internal;

import java.util.regex.Pattern;

/**
 * Names every Redis key jmcp uses: {@code jmcp:<namespace>:<kind>:...}, so several servers (or several
 * deployments) share one Redis without seeing each other's data.
 */
public final class Keys {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String prefix;

    /** Keys under {@code jmcp:<namespace>:}. */
    public Keys(String namespace) {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException(
                    "namespace must be 1 to 64 characters of letters, digits, '.', '_' or '-': " + namespace);
        }
        this.prefix = "jmcp:" + namespace + ":";
    }

    /** The common prefix, {@code jmcp:<namespace>:}. */
    public String prefix() {
        return prefix;
    }

    /** The prefix of a session's event keys. */
    public String events(String sessionId) {
        return prefix + "ev:" + sessionId + ":";
    }

    /** A session's state. */
    public String session(String sessionId) {
        return prefix + "session:" + sessionId;
    }

    /** A task. */
    public String task(String taskId) {
        return prefix + "task:" + taskId;
    }

    /** A pub/sub channel. */
    public String channel(String name) {
        return prefix + "bus:" + name;
    }
}
