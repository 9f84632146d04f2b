package dev.jmcp.transport.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js peers for interop tests: finds the pinned {@code node_modules} ({@code interop/node_modules}, which
 * {@code .ci/run} links to {@code .ci/npm/node_modules}, or the directory an environment variable names), copies
 * the interop scripts beside a link to it (scripts resolve imports from a {@code node_modules} next to them),
 * starts servers and waits for their "listening" line, runs clients with a bounded wait. Tests that use it are
 * skipped, not passed, when node or the packages are missing.
 */
final class NodePeers {
    private NodePeers() {}

    /**
     * A folder holding {@code scripts} (paths relative to {@code interop/}, such as {@code lib/v2-http.mjs}) and a link to the node_modules; skips the test unless
     * node runs and the node_modules holds {@code requiredPackage}.
     *
     * @param envVariable an environment variable that may name the node_modules instead of {@code interop/}'s
     */
    static Path scripts(Path work, String envVariable, String requiredPackage, List<String> scripts)
            throws IOException {
        Path modules = nodeModules(envVariable);
        Assumptions.assumeTrue(
                modules != null && Files.isDirectory(modules.resolve(requiredPackage)),
                "no node_modules with " + requiredPackage + " (set " + envVariable + ")");
        Assumptions.assumeTrue(nodeRuns(), "node is not installed");
        Path dir = Files.createDirectories(work.resolve("scripts"));
        Path interop = repoRoot().resolve("interop");
        for (String s : scripts) {
            Path copy = dir.resolve(s);
            Files.createDirectories(copy.getParent());
            Files.copy(interop.resolve(s), copy);
        }
        Files.createSymbolicLink(dir.resolve("node_modules"), modules.toAbsolutePath());
        return dir;
    }

    /** A port free on 127.0.0.1 a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code node script args...} and waits (at most 30 s) for its "listening" line. */
    static Process startServer(Path script, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            awaitListening(node);
        } catch (Exception e) {
            stop(node);
            throw e;
        }
        return node;
    }

    /** Runs {@code node script args...} to its end (at most 40 s) and returns its exit code and output. */
    static Run run(Path script, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = node.waitFor(40, TimeUnit.SECONDS);
        if (!done) {
            node.destroyForcibly();
            node.waitFor(5, TimeUnit.SECONDS);
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(done ? node.exitValue() : -1, out);
    }

    /** Stops a node process (SIGTERM, then a forced kill after 5 s). */
    static void stop(Process node) throws InterruptedException {
        node.destroy();
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    /**
     * What a script printed and how it ended.
     *
     * @param exitCode its exit code, -1 when it did not end in time
     * @param output stdout and stderr
     */
    record Run(int exitCode, String output) {
        /** The last line that starts with a JSON object. */
        String lastJsonLine() {
            return output.lines()
                    .filter(l -> l.startsWith("{"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    private static void awaitListening(Process node) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = r.readLine();
            if (line == null) {
                throw new IllegalStateException("the node server exited: " + seen);
            }
            seen.append(line).append('\n');
            if (line.startsWith("listening")) {
                Thread t = new Thread(() -> r.lines().forEach(l -> {}), "node-server-output");
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        throw new IllegalStateException("the node server did not start: " + seen);
    }

    private static Path nodeModules(String envVariable) {
        String env = System.getenv(envVariable);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path p = repoRoot().resolve("interop/node_modules");
        return Files.isDirectory(p) ? p : null;
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("interop"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("") : p;
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
