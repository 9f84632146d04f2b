package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpTransportException;
import java.util.List;

/**
 * The server process of a {@link StdioClientTransport} went away while the transport was open. The message names
 * the exit code and the last lines the process wrote to stderr.
 */
public final class StdioProcessExitedException extends McpTransportException {
    private static final long serialVersionUID = 1L;

    /** The process's exit code, or {@code null} when it closed its stdout but is still running. */
    private final Integer exitCode;
    /** The last lines the process wrote to stderr. */
    private final List<String> stderrTail;

    /**
     * Creates the exception.
     *
     * @param processName the process, for the message
     * @param exitCode the exit code, or null when the process closed its stdout but is still running
     * @param stderrTail the last lines of its stderr, oldest first
     */
    public StdioProcessExitedException(String processName, Integer exitCode, List<String> stderrTail) {
        super(message(processName, exitCode, stderrTail));
        this.exitCode = exitCode;
        this.stderrTail = List.copyOf(stderrTail);
    }

    /**
     * The exit code, or null when the process closed its stdout without exiting (it was then terminated).
     *
     * @return the exit code, or null when the process closed its stdout without exiting (it was then terminated)
     */
    public Integer exitCode() {
        return exitCode;
    }

    /**
     * The last lines the process wrote to stderr, oldest first.
     *
     * @return the last lines the process wrote to stderr, oldest first
     */
    public List<String> stderrTail() {
        return stderrTail;
    }

    private static String message(String processName, Integer exitCode, List<String> stderrTail) {
        StringBuilder sb = new StringBuilder("server process ").append(processName);
        if (exitCode != null) {
            sb.append(" exited with code ").append(exitCode);
        } else {
            sb.append(" closed its stdout");
        }
        if (stderrTail.isEmpty()) {
            sb.append(" (no stderr output)");
        } else {
            sb.append("; last stderr lines:");
            for (String line : stderrTail) {
                sb.append("\n  ").append(line);
            }
        }
        return sb.toString();
    }
}
