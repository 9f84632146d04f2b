package dev.jmcp.transport.http.client.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Receives the authorization redirect on a loopback listener ({@code http://127.0.0.1:<port>/callback},
 * RFC 8252 §7.3) and hands the authorization URL to a user callback that opens the browser. One authorization at
 * a time; {@link #close()} stops the listener.
 */
public final class LoopbackRedirectReceiver implements AuthorizationCodeHandler, AutoCloseable {
    private static final String PATH = "/callback";

    private final HttpServer server;
    private final Consumer<URI> browser;
    private final URI redirectUri;
    private final Object lock = new Object();
    private CompletableFuture<AuthorizationResponse> pending;

    private LoopbackRedirectReceiver(HttpServer server, Consumer<URI> browser) {
        this.server = server;
        this.browser = browser;
        this.redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Starts a listener on 127.0.0.1 and a random port.
     *
     * @param browser opens the authorization URL for the user (e.g. {@code Desktop.getDesktop()::browse}); never
     *     run through a shell
     * @return the started loopback redirect receiver
     * @throws OAuthException when the listener cannot bind
     */
    public static LoopbackRedirectReceiver start(Consumer<URI> browser) {
        return start(0, browser);
    }

    /**
     * Starts a listener on 127.0.0.1 and the given port (0 for any).
     *
     * @param port the port to listen on, 0 for any free one
     * @param browser opens the authorization URL for the user (e.g. in a browser)
     * @return the started loopback redirect receiver
     */
    public static LoopbackRedirectReceiver start(int port, Consumer<URI> browser) {
        Objects.requireNonNull(browser, "browser");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
            LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver(server, browser);
            server.createContext(PATH, receiver::handle);
            server.setExecutor(null);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new OAuthException("cannot listen on the loopback interface: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<URI> redirectUri() {
        return Optional.of(redirectUri);
    }

    @Override
    public AuthorizationResponse authorize(URI authorizationUrl, Duration timeout) {
        if (!Uris.isHttp(authorizationUrl)) {
            throw new OAuthException("authorization URL is not http(s): " + OAuthHttp.safe(authorizationUrl));
        }
        CompletableFuture<AuthorizationResponse> future = new CompletableFuture<>();
        synchronized (lock) {
            if (pending != null && !pending.isDone()) {
                throw new OAuthException("another authorization is already waiting for its redirect");
            }
            pending = future;
        }
        try {
            browser.accept(authorizationUrl);
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OAuthException("no authorization redirect within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("interrupted while waiting for the authorization redirect", e);
        } catch (ExecutionException e) {
            throw new OAuthException("authorization failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            synchronized (lock) {
                future.cancel(false);
                if (pending == future) {
                    pending = null;
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                    || !PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "Not found");
                return;
            }
            Map<String, String> q = Forms.query(exchange.getRequestURI());
            AuthorizationResponse response = new AuthorizationResponse(
                    q.get("code"), q.get("state"), q.get("iss"), q.get("error"), q.get("error_description"));
            boolean delivered;
            synchronized (lock) {
                delivered = pending != null && pending.complete(response);
            }
            if (!delivered) {
                respond(exchange, 400, "No authorization is waiting for this redirect.");
            } else if (response.error() != null) {
                respond(exchange, 200, "Authorization failed. You can close this window.");
            } else {
                respond(exchange, 200, "Authorization complete. You can close this window.");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body =
                ("<!doctype html><title>Authorization</title><p>" + text + "</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops the listener; a waiting {@link #authorize} fails. */
    @Override
    public void close() {
        synchronized (lock) {
            if (pending != null) {
                pending.completeExceptionally(new OAuthException("redirect receiver closed"));
            }
        }
        server.stop(0);
    }
}
