package dev.jmcp.transport.http.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.transport.http.common.internal.Forms;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A tiny HTTP server on 127.0.0.1 for tests: exact-path routes, 404 otherwise, and a log of requests. */
final class LoopbackServer implements AutoCloseable {
    /** One request as the route sees it. */
    record Req(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        Map<String, String> form() {
            return Forms.decode(body);
        }

        Map<String, String> query() {
            return Forms.query(uri);
        }
    }

    /** An answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        static Reply redirect(String location) {
            return new Reply(302, Map.of("Location", location), "");
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    /** A route handler. */
    @FunctionalInterface
    interface Route {
        Reply handle(Req req);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Req> log = Collections.synchronizedList(new ArrayList<>());

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    LoopbackServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    void clearRoutes() {
        routes.clear();
    }

    void unroute(String path) {
        routes.remove(path);
    }

    /** "METHOD /path" of every request, in order. */
    List<String> paths() {
        synchronized (log) {
            return log.stream().map(r -> r.method() + " " + r.uri().getPath()).toList();
        }
    }

    List<Req> requests(String path) {
        synchronized (log) {
            return log.stream().filter(r -> r.uri().getPath().equals(path)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Req req = new Req(exchange.getRequestMethod(), uri, headers, body);
            log.add(req);
            Route route = routes.get(uri.getPath());
            Reply reply;
            try {
                reply = route == null ? Reply.status(404) : route.handle(req);
            } catch (RuntimeException | AssertionError e) {
                reply = Reply.json(500, "{\"error\":\"server_error\",\"error_description\":\"" + e + "\"}");
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
