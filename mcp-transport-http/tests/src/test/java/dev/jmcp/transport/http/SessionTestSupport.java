package dev.jmcp.transport.http;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Raw HTTP for the session tests, and a bearer authorization whose tokens are looked up in a map. */
final class SessionTestSupport {
    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private SessionTestSupport() {}

    static String echo(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"echo\",\"params\":{}}";
    }

    static HttpRequest.Builder postRequest(URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::setHeader);
        return b;
    }

    static HttpResponse<String> post(URI uri, String body, Map<String, String> headers) throws Exception {
        return CLIENT.send(postRequest(uri, body, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).DELETE();
        headers.forEach(b::setHeader);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Headers naming {@code session} (may be null) and carrying {@code token} (may be null). */
    static Map<String, String> headers(String session, String token) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("MCP-Protocol-Version", "2025-11-25");
        if (session != null) {
            h.put("Mcp-Session-Id", session);
        }
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        return h;
    }

    /** Opens a session as {@code token} (may be null) and returns its id; fails unless it got 200. */
    static String initialize(URI uri, String token) throws Exception {
        HttpResponse<String> r = post(uri, INITIALIZE, headers(null, token));
        if (r.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** The JSON-RPC error code of a response body. */
    static int errorCode(HttpResponse<String> r) {
        JsonNode body = McpJson.parse(r.body());
        return body.path("error").path("code").intValue();
    }

    /** A bearer authorization accepting exactly the tokens in {@code tokens}. */
    static ResourceServerAuth auth(Map<String, AuthInfo> tokens) {
        return ResourceServerAuth.builder()
                .resource("http://127.0.0.1/mcp")
                .authorizationServers(java.util.List.of("https://as.example"))
                .tokenValidator(token -> {
                    AuthInfo info = tokens.get(token);
                    if (info == null) {
                        throw new TokenValidationException("unknown token");
                    }
                    return info;
                })
                .build();
    }

    /** A caller with subject {@code sub} (may be null) and client id {@code clientId} (may be null). */
    static AuthInfo caller(String token, String clientId, String sub) {
        return new AuthInfo(token, clientId, sub, Set.of(), null, Map.of());
    }
}
