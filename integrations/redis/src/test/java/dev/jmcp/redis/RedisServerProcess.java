package dev.jmcp.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} started by a test on a free loopback port, without persistence, and stopped by
 * {@link #close()}. Tests using it are skipped only when the binary is not installed ({@code .ci/run} installs it).
 */
final class RedisServerProcess implements AutoCloseable {
    private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");
    private static final long START_LIMIT_MILLIS = 10_000;

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The redis-server binary, or null. */
    static String binary() {
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    /** Starts one (skipping the test when redis-server is absent) and waits until it answers PING. */
    static RedisServerProcess start() throws IOException, InterruptedException {
        return start(0);
    }

    /** Starts one on {@code port} (again, after {@link #kill()}). */
    static RedisServerProcess startOn(int port) throws IOException, InterruptedException {
        return start(port);
    }

    private static RedisServerProcess start(int fixedPort) throws IOException, InterruptedException {
        String binary = binary();
        assumeTrue(binary != null, "redis-server is not installed");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = fixedPort != 0 ? fixedPort : freePort();
            Path log = Files.createTempFile("jmcp-redis-", ".log");
            Process p = new ProcessBuilder(
                            binary,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
                            "no",
                            "--protected-mode",
                            "yes",
                            "--maxmemory",
                            "256mb",
                            "--maxmemory-policy",
                            "noeviction")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisServerProcess server = new RedisServerProcess(p, port, log);
            if (server.awaitPing()) {
                return server;
            }
            server.close();
            last = new IOException("redis-server did not answer PING on port " + port + ": " + Files.readString(log));
        }
        throw last;
    }

    private boolean awaitPing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_LIMIT_MILLIS);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                return false;
            }
            try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
                if ("PONG".equals(jedis.ping())) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** A direct connection for assertions (close it). */
    Jedis connect() {
        return new Jedis("127.0.0.1", port, 2000);
    }

    /** Kills the server (as a crash would). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
