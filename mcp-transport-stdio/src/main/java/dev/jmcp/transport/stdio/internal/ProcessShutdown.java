package dev.jmcp.transport.stdio.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown sequence the MCP specification gives for a stdio server, after its stdin was closed: wait for it
 * to exit, then terminate it (SIGTERM), then kill it (SIGKILL), each step bounded.
 */
public final class ProcessShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessShutdown.class);
    /** How long to wait for the exit after a kill; the OS normally reaps in milliseconds. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessShutdown() {}

    /**
     * Waits up to {@code stdinCloseGrace} for {@code process} to exit on its own, then terminates it and waits
     * up to {@code terminateGrace}, then kills it and its descendants. Returns the exit code, or empty if the
     * process somehow outlived even the kill.
     */
    public static OptionalInt await(Process process, Duration stdinCloseGrace, Duration terminateGrace, String name) {
        if (waitFor(process, stdinCloseGrace)) {
            return OptionalInt.of(process.exitValue());
        }
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        LOG.debug("{} did not exit within {} ms of stdin close; terminating it", name, stdinCloseGrace.toMillis());
        process.destroy();
        if (waitFor(process, terminateGrace)) {
            return OptionalInt.of(process.exitValue());
        }
        LOG.debug("{} did not exit within {} ms of being terminated; killing it", name, terminateGrace.toMillis());
        process.destroyForcibly();
        for (ProcessHandle h : descendants) {
            h.destroyForcibly();
        }
        if (waitFor(process, KILL_WAIT)) {
            return OptionalInt.of(process.exitValue());
        }
        LOG.warn("{} is still running after being killed", name);
        return OptionalInt.empty();
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
