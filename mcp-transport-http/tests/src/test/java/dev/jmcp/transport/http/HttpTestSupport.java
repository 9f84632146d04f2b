package dev.jmcp.transport.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP helpers for the server tests. */
final class HttpTestSupport {
    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ACCEPT = "application/json, text/event-stream";

    private HttpTestSupport() {}

    static String initializeBody(long id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    static String request(long id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    static HttpResponse<String> post(URI uri, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::setHeader);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(b::setHeader);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).DELETE();
        headers.forEach(b::setHeader);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session at 2025-11-25 and returns its id. */
    static String initialize(URI uri) throws Exception {
        HttpResponse<String> r = post(uri, initializeBody(1, "2025-11-25"), Map.of());
        if (r.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** Sends a raw HTTP/1.1 request over a socket (for headers java.net.http refuses, like Host) and returns the status. */
    static int rawStatus(URI uri, String method, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            sb.append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
            sb.append("Content-Length: ").append(bytes.length).append("\r\n");
            sb.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                status.append((char) c);
            }
            String[] parts = status.toString().split(" ");
            return Integer.parseInt(parts[1]);
        }
    }
}
