package dev.jmcp.transport.http.auth;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.auth.LoopbackServer.Req;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.internal.Pkce;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.servlet.auth.internal.Claims;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake authorization server and a fake MCP resource server, each on its own loopback port, with knobs for the
 * behaviours the tests exercise. They record what they receive and check PKCE, resource and client auth.
 */
final class OAuthFixture implements AutoCloseable {
    final LoopbackServer as;
    final LoopbackServer rs;

    // --- authorization server knobs
    String issuerPath = "";
    /** Where AS metadata is served; null means nowhere. Default: RFC 8414 path for the issuer. */
    String metadataPath;

    Consumer<ObjectNode> metadataCustomizer = md -> {};
    /** The client authentication the token endpoint demands. */
    String expectedAuthMethod = "none";
    /** Registered or pre-registered clients: id to secret (null for public). */
    final Map<String, String> clients = new ConcurrentHashMap<>();
    /** What /register answers as token_endpoint_auth_method; null echoes the request. */
    String registrationMethodOverride;

    String stateOverride;
    String issInRedirect;
    long expiresIn = 3600;
    PublicKey clientPublicKey;
    /** When set, access tokens are ES256 JWTs signed with this key (kid "as-key"), keys served at /jwks. */
    java.security.KeyPair jwtKey;

    /** The identity assertion grant the JWT bearer grant accepts (cross-app access); null refuses it. */
    String acceptedAssertion;

    // --- authorization server records
    final List<Map<String, String>> authorizations = Collections.synchronizedList(new ArrayList<>());
    final List<Req> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> registrations = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Set<String>> issuedTokens = new ConcurrentHashMap<>();

    // --- resource server knobs
    String prmPath = "/.well-known/oauth-protected-resource/mcp";
    String prmResource;
    List<String> scopesSupported;
    boolean resourceMetadataInChallenge = true;
    String challengeScope;
    Set<String> requiredScopes = Set.of();
    /** The scope parameter of 403 answers; null means the required scopes. */
    String stepUpScope;

    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    OAuthFixture() throws IOException {
        as = new LoopbackServer();
        rs = new LoopbackServer();
        install();
    }

    String issuer() {
        return as.url() + issuerPath;
    }

    URI mcpUrl() {
        return URI.create(rs.url() + "/mcp");
    }

    /** Re-installs the routes after knobs changed. */
    void install() {
        as.clearRoutes();
        rs.clearRoutes();
        String mdPath = metadataPath != null ? metadataPath : "/.well-known/oauth-authorization-server" + issuerPath;
        as.route(mdPath, req -> Reply.json(200, metadata().toString()));
        as.route(issuerPath + "/authorize", this::authorize);
        as.route(issuerPath + "/token", this::token);
        as.route(issuerPath + "/register", this::register);
        if (jwtKey != null) {
            as.route(
                    "/jwks",
                    req -> Reply.json(
                            200,
                            dev.jmcp.transport.http.servlet.auth.internal.Jwks.toJwks(
                                    List.of(dev.jmcp.transport.http.servlet.auth.internal.Jwks.toJwk(
                                            jwtKey.getPublic(), "as-key")))));
        }
        if (prmPath != null) {
            rs.route(prmPath, req -> Reply.json(200, prm().toString()));
        }
        rs.route("/mcp", this::mcp);
    }

    ObjectNode metadata() {
        ObjectNode md = McpJson.object();
        md.put("issuer", issuer());
        md.put("authorization_endpoint", issuer() + "/authorize");
        md.put("token_endpoint", issuer() + "/token");
        md.put("registration_endpoint", issuer() + "/register");
        md.putArray("response_types_supported").add("code");
        md.putArray("grant_types_supported")
                .add("authorization_code")
                .add("refresh_token")
                .add("client_credentials");
        md.putArray("code_challenge_methods_supported").add("S256");
        md.putArray("token_endpoint_auth_methods_supported").add(expectedAuthMethod);
        metadataCustomizer.accept(md);
        return md;
    }

    ObjectNode prm() {
        ObjectNode prm = McpJson.object();
        prm.put("resource", prmResource != null ? prmResource : mcpUrl().toString());
        prm.putArray("authorization_servers").add(issuer());
        if (scopesSupported != null) {
            var arr = prm.putArray("scopes_supported");
            scopesSupported.forEach(arr::add);
        }
        return prm;
    }

    Reply authorize(Req req) {
        Map<String, String> q = req.query();
        authorizations.add(q);
        if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))) {
            return Reply.json(400, "{\"error\":\"invalid_request\"}");
        }
        String code = "code-" + counter.incrementAndGet();
        codes.put(code, q);
        String state = stateOverride != null ? stateOverride : q.get("state");
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)
                + (issInRedirect == null
                        ? ""
                        : "&iss=" + java.net.URLEncoder.encode(issInRedirect, StandardCharsets.UTF_8));
        return Reply.redirect(location);
    }

    Reply token(Req req) {
        tokenRequests.add(req);
        Map<String, String> form = req.form();
        String client = authenticateClient(req, form);
        if (client == null) {
            return Reply.json(401, "{\"error\":\"invalid_client\"}");
        }
        String grant = form.get("grant_type");
        Set<String> scopes;
        if ("authorization_code".equals(grant)) {
            Map<String, String> auth = codes.remove(form.getOrDefault("code", ""));
            if (auth == null) {
                return Reply.json(400, "{\"error\":\"invalid_grant\"}");
            }
            String verifier = form.get("code_verifier");
            if (verifier == null || !Pkce.fromVerifier(verifier).challenge().equals(auth.get("code_challenge"))) {
                return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE\"}");
            }
            if (!auth.get("redirect_uri").equals(form.get("redirect_uri"))
                    || !client.equals(auth.get("client_id"))
                    || form.get("resource") == null
                    || !form.get("resource").equals(auth.get("resource"))) {
                return Reply.json(400, "{\"error\":\"invalid_grant\"}");
            }
            scopes = OAuthTokens.splitScopes(auth.get("scope"));
        } else if ("refresh_token".equals(grant)) {
            scopes = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (scopes == null) {
                return Reply.json(400, "{\"error\":\"invalid_grant\"}");
            }
        } else if ("client_credentials".equals(grant)) {
            scopes = OAuthTokens.splitScopes(form.get("scope"));
        } else if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grant)) {
            if (acceptedAssertion == null || !acceptedAssertion.equals(form.get("assertion"))) {
                return Reply.json(400, "{\"error\":\"invalid_grant\"}");
            }
            scopes = OAuthTokens.splitScopes(form.get("scope"));
        } else {
            return Reply.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String access = "at-" + counter.incrementAndGet();
        if (jwtKey != null) {
            ObjectNode claims = McpJson.object();
            long now = Instant.now().getEpochSecond();
            claims.put("iss", issuer());
            claims.put("aud", form.getOrDefault("resource", "none"));
            claims.put("sub", "user-" + client);
            claims.put("client_id", client);
            claims.put("scope", String.join(" ", scopes));
            claims.put("iat", now);
            claims.put("exp", now + expiresIn);
            claims.put("jti", access);
            access = Jwt.sign("ES256", jwtKey.getPrivate(), "as-key", "at+jwt", claims);
        }
        String refresh = "rt-" + counter.incrementAndGet();
        issuedTokens.put(access, scopes);
        refreshTokens.put(refresh, scopes);
        ObjectNode out = McpJson.object();
        out.put("access_token", access);
        out.put("token_type", "Bearer");
        out.put("expires_in", expiresIn);
        if (!"client_credentials".equals(grant)) {
            out.put("refresh_token", refresh);
        }
        if (!scopes.isEmpty()) {
            out.put("scope", String.join(" ", scopes));
        }
        return Reply.json(200, out.toString());
    }

    /** The authenticated client id, or null when client authentication fails. */
    private String authenticateClient(Req req, Map<String, String> form) {
        String basic = req.header("Authorization");
        switch (expectedAuthMethod) {
            case "client_secret_basic" -> {
                if (basic == null || !basic.startsWith("Basic ") || form.containsKey("client_secret")) {
                    return null;
                }
                String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
                return secret.equals(clients.get(id)) ? id : null;
            }
            case "client_secret_post" -> {
                String id = form.get("client_id");
                return basic == null
                                && id != null
                                && form.get("client_secret") != null
                                && form.get("client_secret").equals(clients.get(id))
                        ? id
                        : null;
            }
            case "private_key_jwt" -> {
                if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                        .equals(form.get("client_assertion_type"))) {
                    return null;
                }
                Jwt.Parsed jwt = Jwt.parse(form.get("client_assertion"));
                if (!Jwt.verify(jwt, clientPublicKey)) {
                    return null;
                }
                JsonNode c = jwt.claims();
                String id = Claims.text(c, "iss");
                boolean ok = id != null
                        && id.equals(Claims.text(c, "sub"))
                        && issuer().equals(Claims.text(c, "aud"))
                        && Claims.instant(c, "exp").isAfter(Instant.now())
                        && Claims.text(c, "jti") != null
                        && c.has("iat");
                return ok ? id : null;
            }
            default -> {
                String id = form.get("client_id");
                return basic == null && id != null && !form.containsKey("client_secret") ? id : null;
            }
        }
    }

    Reply register(Req req) {
        JsonNode body = McpJson.parse(req.body());
        registrations.add(body);
        String method = registrationMethodOverride != null
                ? registrationMethodOverride
                : body.path("token_endpoint_auth_method").asString("client_secret_basic");
        String id = "dyn-client-" + counter.incrementAndGet();
        String secret = "none".equals(method) ? null : "dyn-secret/" + counter.incrementAndGet();
        clients.put(id, secret == null ? "" : secret);
        ObjectNode out = McpJson.object();
        out.put("client_id", id);
        if (secret != null) {
            out.put("client_secret", secret);
        }
        out.put("token_endpoint_auth_method", method);
        out.set("redirect_uris", body.path("redirect_uris"));
        return Reply.json(201, out.toString());
    }

    private Reply mcp(Req req) {
        String authz = req.header("Authorization");
        String rm = resourceMetadataInChallenge ? ", resource_metadata=\"" + rs.url() + prmPath + "\"" : "";
        Set<String> granted =
                authz != null && authz.startsWith("Bearer ") ? issuedTokens.get(authz.substring(7)) : null;
        if (granted == null) {
            String scope = challengeScope == null ? "" : ", scope=\"" + challengeScope + "\"";
            return Reply.status(401)
                    .withHeader(
                            "WWW-Authenticate",
                            "Bearer error=\"invalid_token\", error_description=\"Missing or invalid token\"" + scope
                                    + rm);
        }
        if (!granted.containsAll(requiredScopes)) {
            String scope = stepUpScope != null ? stepUpScope : String.join(" ", requiredScopes);
            return Reply.status(403)
                    .withHeader(
                            "WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"" + rm);
        }
        return Reply.json(200, "{\"ok\":true}");
    }

    /** Sends one request to the MCP endpoint the way the HTTP transport does, retrying while the authorizer says so. */
    int call(HttpAuthorizer authorizer) {
        URI url = mcpUrl();
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            authorizer.authorizationHeaders(url).forEach(b::header);
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (r.statusCode() != 401 && r.statusCode() != 403) {
                return r.statusCode();
            }
            if (!authorizer.onUnauthorized(url, r.statusCode(), r.headers().allValues("WWW-Authenticate"))) {
                return r.statusCode();
            }
        }
        throw new AssertionError("the authorizer never gave up");
    }

    /** The client_id of the most recent token request's form. */
    String lastTokenFormClientId() {
        return tokenRequests.get(tokenRequests.size() - 1).form().get("client_id");
    }

    /** The most recent authorization request's parameters. */
    Map<String, String> lastAuthorization() {
        return new LinkedHashMap<>(authorizations.get(authorizations.size() - 1));
    }

    @Override
    public void close() {
        as.close();
        rs.close();
    }
}
