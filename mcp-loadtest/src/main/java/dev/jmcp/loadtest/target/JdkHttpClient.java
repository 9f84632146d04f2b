package dev.jmcp.loadtest.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code java.net.http.HttpClient} of the target's own, with its executor (daemon threads), closed with it: the
 * target's shared client (DELETE, OAuth, and the POSTs of the JDK engine with shared connections) or one session's.
 */
final class JdkHttpClient implements AutoCloseable {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpClient client;
    private final ExecutorService executor;
    private final boolean h2c;
    private final AtomicBoolean upgraded = new AtomicBoolean();

    private JdkHttpClient(HttpOptions.Version version, boolean tls) {
        int id = CLIENTS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jmcp-loadtest-http-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(
                        version == HttpOptions.Version.HTTP_2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.h2c = version == HttpOptions.Version.HTTP_2 && !tls;
    }

    /** A client speaking {@code version} to {@code endpoint} ({@code https}: h2 by ALPN; {@code http}: h2c). */
    static JdkHttpClient create(HttpOptions.Version version, URI endpoint) {
        return new JdkHttpClient(version, "https".equalsIgnoreCase(endpoint.getScheme()));
    }

    HttpClient client() {
        return client;
    }

    /**
     * For h2c: makes sure the connection to {@code endpoint} is HTTP/2 before the session's POSTs, once per client.
     * The JDK client upgrades ({@code Upgrade: h2c}) on the first request of a new connection, but servers (Jetty
     * among them) do not upgrade a request that has a body, so a client that only POSTs would stay on HTTP/1.1:
     * a bodiless {@code OPTIONS} upgrades the connection, and the POSTs then share it as HTTP/2 streams. Best effort:
     * whatever the server answers, the POSTs go on (on HTTP/1.1 if the server refuses h2c).
     */
    void upgradeOnce(URI endpoint) {
        if (!h2c || !upgraded.compareAndSet(false, true)) {
            return;
        }
        try {
            client.send(
                    HttpRequest.newBuilder(endpoint)
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | RuntimeException e) {
            // the POSTs will tell
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            client.getClass().getMethod("shutdownNow").invoke(client); // JDK 21+
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: the client's selector thread ends when the client is collected
        }
    }
}
