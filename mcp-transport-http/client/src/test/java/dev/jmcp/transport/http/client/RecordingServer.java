package dev.jmcp.transport.http.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A loopback HTTP server that records every request (method, headers, body) in arrival order and answers with
 * whatever its responder says; the default responder echoes a request's id as an empty JSON-RPC result.
 */
final class RecordingServer implements AutoCloseable {
    /** One recorded request; header names are lower case, multiple values joined with a comma. */
    record Recorded(String method, Map<String, String> headers, String body) {
        /** The headers whose names start with {@code mcp-} (the MCP ones). */
        Map<String, String> mcpHeaders() {
            Map<String, String> out = new TreeMap<>();
            headers.forEach((k, v) -> {
                if (k.startsWith("mcp-")) {
                    out.put(k, v);
                }
            });
            return out;
        }
    }

    /** How to answer one exchange; it may hold the exchange open (an SSE stream). */
    interface Responder {
        void respond(Recorded request, HttpExchange exchange) throws IOException;
    }

    final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private volatile Responder responder = RecordingServer::echoResult;

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/mcp", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded r = new Recorded(exchange.getRequestMethod(), headers, body);
            requests.add(r);
            try {
                responder.respond(r, exchange);
            } catch (IOException | RuntimeException e) {
                exchange.close();
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    void respondWith(Responder r) {
        this.responder = r;
    }

    /** Answers a request with an empty result for its id, anything else with 202. */
    static void echoResult(Recorded request, HttpExchange exchange) throws IOException {
        String id = idOf(request.body());
        if (!"POST".equals(request.method()) || id == null) {
            exchange.sendResponseHeaders("POST".equals(request.method()) ? 202 : 405, -1);
            exchange.close();
            return;
        }
        json(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}", Map.of());
    }

    static void json(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The raw JSON id of a single request body (a test helper, not protocol parsing under test). */
    static String idOf(String body) {
        Function<String, String> after = key -> {
            int i = body.indexOf(key);
            if (i < 0) {
                return null;
            }
            int start = i + key.length();
            int end = start;
            while (end < body.length() && body.charAt(end) != ',' && body.charAt(end) != '}') {
                end++;
            }
            return body.substring(start, end).trim();
        };
        return after.apply("\"id\":");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
