package com.example.jmcp.client;

import dev.jmcp.core.McpJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Enterprise-managed authorization (cross-app access, an MCP auth extension): trade the IdP's ID token for an
 * ID-JAG at the IdP (RFC 8693 token exchange), then the ID-JAG for an access token at the MCP server's
 * authorization server (RFC 7523 jwt-bearer grant). jmcp's {@code OAuthClientProvider} does not implement this
 * grant, so the conformance client does it here with plain HTTP and hands the token to the transport.
 */
final class CrossAppAccess {
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Runs both exchanges for the MCP endpoint and returns the access token. */
    String accessToken(URI mcp, JsonNode context) throws IOException, InterruptedException {
        JsonNode prm = firstJson(List.of(
                mcp.resolve("/.well-known/oauth-protected-resource" + mcp.getRawPath()),
                mcp.resolve("/.well-known/oauth-protected-resource")));
        String resource = prm.path("resource").asString();
        URI issuer = URI.create(prm.path("authorization_servers").path(0).asString());
        String path = issuer.getRawPath() == null || issuer.getRawPath().equals("/") ? "" : issuer.getRawPath();
        JsonNode as = firstJson(List.of(
                issuer.resolve("/.well-known/oauth-authorization-server" + path),
                issuer.resolve("/.well-known/openid-configuration" + path)));
        boolean jwtBearer = false;
        for (JsonNode g : as.path("grant_types_supported")) {
            jwtBearer |= JWT_BEARER.equals(g.asString(""));
        }
        if (!jwtBearer) {
            throw new IOException("the authorization server does not support the jwt-bearer grant");
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", TOKEN_EXCHANGE);
        exchange.put("requested_token_type", "urn:ietf:params:oauth:token-type:id-jag");
        exchange.put("audience", as.path("issuer").asString(issuer.toString()));
        exchange.put("resource", resource);
        exchange.put("subject_token", context.path("idp_id_token").asString());
        exchange.put("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
        exchange.put("client_id", context.path("idp_client_id").asString());
        String idJag = post(URI.create(context.path("idp_token_endpoint").asString()), exchange, null)
                .path("access_token")
                .asString();
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", JWT_BEARER);
        grant.put("assertion", idJag);
        String basic = Base64.getEncoder()
                .encodeToString((enc(context.path("client_id").asString()) + ":"
                                + enc(context.path("client_secret").asString()))
                        .getBytes(StandardCharsets.UTF_8));
        return post(URI.create(as.path("token_endpoint").asString()), grant, "Basic " + basic)
                .path("access_token")
                .asString();
    }

    private JsonNode firstJson(List<URI> candidates) throws IOException, InterruptedException {
        for (URI u : candidates) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(u)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return McpJson.parse(r.body());
            }
        }
        throw new IOException("no metadata at " + candidates);
    }

    private JsonNode post(URI uri, Map<String, String> form, String authorization)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("token request to " + uri + " failed: " + r.statusCode() + " " + r.body());
        }
        return McpJson.parse(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
