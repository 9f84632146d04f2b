package dev.jmcp.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real nginx started by a test on a free loopback port: round robin over the given upstream ports, no stickiness,
 * HTTP/1.1 keep-alive to the upstreams, no buffering (SSE), a failed upstream retried on the next one. Everything
 * (config, pid, logs, temp files) lives in a temp directory removed by {@link #close()}. Tests using it are skipped
 * only when nginx is not installed ({@code .ci/run} installs it).
 */
final class NginxProcess implements AutoCloseable {
    private static final List<String> CANDIDATES = List.of("/usr/sbin/nginx", "/usr/bin/nginx");

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts nginx in front of {@code upstreamPorts} (on 127.0.0.1) and waits until it accepts connections. */
    static NginxProcess start(List<Integer> upstreamPorts) throws IOException, InterruptedException {
        String binary = CANDIDATES.stream()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .findFirst()
                .orElse(null);
        assumeTrue(binary != null, "nginx is not installed");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("jmcp-nginx-");
            Files.createDirectories(dir.resolve("tmp"));
            int port = RedisServerProcess.freePort();
            Files.writeString(dir.resolve("nginx.conf"), config(dir, port, upstreamPorts));
            Process p = new ProcessBuilder(
                            binary, "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            NginxProcess nginx = new NginxProcess(p, dir, port);
            if (nginx.awaitListening()) {
                return nginx;
            }
            last = new IOException("nginx did not listen on " + port + ": " + nginx.log());
            nginx.close();
        }
        throw last;
    }

    static String config(Path dir, int port, List<Integer> upstreamPorts) {
        String servers = upstreamPorts.stream()
                .map(p -> "    server 127.0.0.1:" + p + " max_fails=0;\n")
                .collect(Collectors.joining());
        return "daemon off;\n"
                + "master_process off;\n"
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + dir.resolve("tmp/body") + ";\n"
                + "  proxy_temp_path " + dir.resolve("tmp/proxy") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("tmp/fastcgi") + ";\n"
                + "  uwsgi_temp_path " + dir.resolve("tmp/uwsgi") + ";\n"
                + "  scgi_temp_path " + dir.resolve("tmp/scgi") + ";\n"
                + "  upstream jmcp {\n" + servers + "    keepalive 16;\n  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location / {\n"
                + "      proxy_pass http://jmcp;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "      proxy_set_header Host $http_host;\n"
                + "      proxy_buffering off;\n"
                + "      proxy_request_buffering off;\n"
                + "      proxy_read_timeout 1h;\n"
                + "      proxy_connect_timeout 2s;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    /** {@code http://localhost:<port>/mcp}. */
    java.net.URI uri() {
        return java.net.URI.create("http://localhost:" + port + "/mcp");
    }

    String log() {
        try {
            return Files.readString(dir.resolve("nginx.out"))
                    + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }
}
