package dev.jmcp.loadtest.target;

import java.util.List;
import java.util.Map;

/**
 * Where the server under test is: an HTTP URL, or a command to start for stdio.
 *
 * @param url the Streamable HTTP endpoint, or {@code null} for stdio
 * @param command the stdio command and its arguments (empty for HTTP)
 * @param headers extra HTTP headers (authorization, ...)
 * @param env extra environment variables for a stdio server
 */
public record TargetSpec(String url, List<String> command, Map<String, String> headers, Map<String, String> env) {
    /** Validates and copies. */
    public TargetSpec {
        command = command == null ? List.of() : List.copyOf(command);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        env = env == null ? Map.of() : Map.copyOf(env);
        if ((url == null) == command.isEmpty()) {
            throw new IllegalArgumentException("exactly one of url or command is required");
        }
    }

    /** An HTTP target. */
    public static TargetSpec http(String url) {
        return new TargetSpec(url, List.of(), Map.of(), Map.of());
    }

    /** A stdio target. */
    public static TargetSpec stdio(List<String> command) {
        return new TargetSpec(null, command, Map.of(), Map.of());
    }

    /** Whether this is a stdio target. */
    public boolean isStdio() {
        return url == null;
    }

    /** A short description. */
    public String describe() {
        return isStdio() ? "stdio: " + String.join(" ", command) : url;
    }
}
