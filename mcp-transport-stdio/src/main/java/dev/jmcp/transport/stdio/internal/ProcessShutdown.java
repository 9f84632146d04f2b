package dev.jmcp.transport.stdio.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown sequence the MCP specification gives for a stdio server, applied to its whole process tree: close
 * its stdin and wait for it to exit, then terminate it (SIGTERM), then kill it (SIGKILL), each step bounded. The
 * descendants (what an {@code npx}, {@code uvx} or {@code sh -c} wrapper started) are recorded while the server
 * still runs and end with it: terminated with it, killed with it, and ended the same way if they outlive a
 * server that exited on its own, so none keeps the server's stdout (and the client's reader thread) alive.
 */
public final class ProcessShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessShutdown.class);
    /** How long to wait for the exit after a kill; the OS normally reaps in milliseconds. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessShutdown() {}

    /**
     * Records the process tree, runs {@code closeStdin}, waits up to {@code stdinCloseGrace} for {@code process}
     * to exit on its own, then terminates it and its descendants and waits up to {@code terminateGrace}, then
     * kills them. Descendants still alive once the server has exited are terminated, given {@code terminateGrace},
     * and killed. Returns the server's exit code, or empty if it somehow outlived even the kill.
     */
    public static OptionalInt shutdown(
            Process process, Runnable closeStdin, Duration stdinCloseGrace, Duration terminateGrace, String name) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        record(process, tree);
        closeStdin.run();
        OptionalInt code = stopServer(process, tree, stdinCloseGrace, terminateGrace, name);
        endDescendants(tree, terminateGrace, name);
        return code;
    }

    private static OptionalInt stopServer(
            Process process, Set<ProcessHandle> tree, Duration stdinCloseGrace, Duration terminateGrace, String name) {
        if (waitFor(process, stdinCloseGrace)) {
            return OptionalInt.of(process.exitValue());
        }
        record(process, tree);
        LOG.debug("{} did not exit within {} ms of stdin close; terminating it", name, stdinCloseGrace.toMillis());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (waitFor(process, terminateGrace)) {
            return OptionalInt.of(process.exitValue());
        }
        record(process, tree);
        LOG.debug("{} did not exit within {} ms of being terminated; killing it", name, terminateGrace.toMillis());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        if (waitFor(process, KILL_WAIT)) {
            return OptionalInt.of(process.exitValue());
        }
        LOG.warn("{} is still running after being killed", name);
        return OptionalInt.empty();
    }

    /** Adds the live descendants of {@code process} to {@code tree} (nothing once it has exited). */
    private static void record(Process process, Set<ProcessHandle> tree) {
        try {
            process.descendants().forEach(tree::add);
        } catch (RuntimeException e) {
            LOG.debug("cannot list the descendants of pid {}", process.pid(), e);
        }
    }

    /** Terminates the recorded descendants still alive, waits up to {@code grace} in all, then kills the rest. */
    private static void endDescendants(Set<ProcessHandle> tree, Duration grace, String name) {
        tree.removeIf(h -> !h.isAlive());
        if (tree.isEmpty()) {
            return;
        }
        LOG.debug("{}: ending {} remaining descendant process(es)", name, tree.size());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            waitFor(h, left);
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
                waitFor(h, KILL_WAIT.toNanos());
            }
        }
    }

    private static void waitFor(ProcessHandle h, long nanos) {
        try {
            h.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still alive: the caller escalates
        }
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
