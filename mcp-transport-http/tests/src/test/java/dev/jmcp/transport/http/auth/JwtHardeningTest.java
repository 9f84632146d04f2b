package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.HostileHttpServer;
import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.JwtTokenValidator;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import dev.jmcp.transport.http.servlet.auth.internal.Jwks;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.ObjectNode;

/**
 * JWT access tokens against RFC 8725 (security review A5), through a protected MCP endpoint on 127.0.0.1: every
 * hostile token is a 401 {@code invalid_token}, never a 500; the JWKS is fetched bounded in size and time, cached,
 * and refetched for unknown key ids at most once per interval.
 */
@Timeout(30)
class JwtHardeningTest {
    private static final String ISSUER = "https://as.example.com";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static KeyPair ec;
    private static KeyPair attacker;
    private LoopbackServer as;
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private McpHttpServer http;
    private URI endpoint;
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = gen.generateKeyPair();
        attacker = gen.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        as = new LoopbackServer();
        jwks.set(Jwks.toJwks(List.of(Jwks.toJwk(ec.getPublic(), "k1"))));
        as.route("/jwks", req -> Reply.json(200, jwks.get()));
        as.route(
                "/attacker-jwks", req -> Reply.json(200, Jwks.toJwks(List.of(Jwks.toJwk(attacker.getPublic(), "a1")))));
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        as.close();
    }

    private void serve(Function<JwtTokenValidator.Builder, JwtTokenValidator.Builder> config) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String resource = "http://127.0.0.1:" + port + "/mcp";
        JwtTokenValidator validator = config.apply(JwtTokenValidator.builder()
                        .jwksUri(URI.create(as.url() + "/jwks"))
                        .issuer(ISSUER)
                        .audience(resource)
                        .clock(clock))
                .build();
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource(resource)
                .authorizationServers(List.of(ISSUER))
                .tokenValidator(validator)
                .build();
        McpServer server = McpServer.builder().name("p").version("1").build();
        http = McpHttpServer.builder(server).port(port).authorization(auth).start();
        endpoint = http.uri();
    }

    private HttpResponse<String> call(String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                .build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(String token, String why) throws Exception {
        HttpResponse<String> r = call(token);
        assertThat(r.statusCode()).as(why).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
                .as(why)
                .contains("invalid_token");
    }

    private ObjectNode claims() {
        long now = clock.instant().getEpochSecond();
        ObjectNode c = McpJson.object();
        c.put("iss", ISSUER);
        c.put("aud", endpoint.toString());
        c.put("sub", "user-1");
        c.put("exp", now + 300);
        return c;
    }

    private static String header(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token with the given raw header and claims JSON, signed by the real key (so only the tested flaw differs). */
    private static String signedRaw(String headerJson, String claimsJson) throws Exception {
        String input = header(headerJson) + "." + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(ec.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    @Test
    void negativeSuiteIsAlways401NeverA500() throws Exception {
        serve(b -> b);
        String good = Jwt.sign("ES256", ec.getPrivate(), "k1", "at+jwt", claims());
        assertThat(call(good).statusCode()).isEqualTo(200);
        assertThat(call(Jwt.sign("ES256", ec.getPrivate(), "k1", "application/at+jwt", claims()))
                        .statusCode())
                .as("application/at+jwt")
                .isEqualTo(200);
        assertThat(call(Jwt.sign("ES256", ec.getPrivate(), "k1", "AT+JWT", claims()))
                        .statusCode())
                .as("typ is case-insensitive")
                .isEqualTo(200);

        assertRefused(Jwt.sign("ES256", ec.getPrivate(), "k1", "JWT", claims()), "typ JWT (e.g. an ID token)");
        assertRefused(Jwt.sign("ES256", ec.getPrivate(), "k1", null, claims()), "no typ");
        String claims = McpJson.write(claims());
        assertRefused(
                signedRaw("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"at+jwt\",\"crit\":[\"exp\"]}", claims),
                "crit header");
        assertRefused(
                signedRaw("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"at+jwt\",\"crit\":[]}", claims), "empty crit");

        String[] parts = good.split("\\.");
        assertRefused(parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[64]), "all-zero ES256 signature");
        byte[] nOne = new byte[64];
        byte[] n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
        System.arraycopy(n, n.length - 32, nOne, 0, 32);
        nOne[63] = 1;
        assertRefused(parts[0] + "." + parts[1] + "." + B64.encodeToString(nOne), "ES256 r = n");
        assertRefused(parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[63]), "short ES256 signature");
        assertRefused(parts[0] + "." + parts[1] + ".", "no signature");
        assertRefused(header("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".", "alg none");
        assertRefused(
                signedRaw("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}", claims), "alg HS256 (confusion)");

        for (String exp : List.of(
                "1e300",
                "9223372036854775807",
                "-9223372036854775808",
                "1" + "0".repeat(400),
                "\"tomorrow\"",
                "[1]",
                "1e-300")) {
            String withExp = claims.replaceFirst("\"exp\":\\d+", "\"exp\":" + exp);
            assertRefused(signedRaw("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}", withExp), "exp " + exp);
        }
        for (String nbf : List.of("1e300", "-1e300", "\"now\"")) {
            String withNbf = claims.replace("}", ",\"nbf\":" + nbf + "}");
            assertRefused(signedRaw("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}", withNbf), "nbf " + nbf);
        }

        String jku = signedBy(
                attacker,
                "{\"alg\":\"ES256\",\"kid\":\"a1\",\"typ\":\"at+jwt\",\"jku\":\"" + as.url() + "/attacker-jwks\"}",
                claims);
        assertRefused(jku, "a key the token itself points to (jku)");
        assertThat(as.requests("/attacker-jwks")).as("jku is never fetched").isEmpty();
        assertRefused("a.b.c", "garbage");
        assertRefused(header("[]") + "." + header("{}") + ".AA", "header not an object");
    }

    private static String signedBy(KeyPair key, String headerJson, String claimsJson) throws Exception {
        String input = header(headerJson) + "." + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    @Test
    void acceptedTypesAreConfigurable() throws Exception {
        serve(b -> b.acceptedTypes(List.of("JWT")));
        assertThat(call(Jwt.sign("ES256", ec.getPrivate(), "k1", "JWT", claims()))
                        .statusCode())
                .isEqualTo(200);
        assertRefused(Jwt.sign("ES256", ec.getPrivate(), "k1", "at+jwt", claims()), "at+jwt not configured");
    }

    @Test
    void jwksIsCachedAndRefetchedForUnknownKidsAtMostOncePerInterval() throws Exception {
        serve(b -> b.minRefreshInterval(Duration.ofSeconds(30)).cacheTtl(Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            assertThat(call(Jwt.sign("ES256", ec.getPrivate(), "k1", "at+jwt", claims()))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(as.requests("/jwks")).as("cached").hasSize(1);

        for (int i = 0; i < 20; i++) {
            assertRefused(Jwt.sign("ES256", attacker.getPrivate(), "unknown-" + i, "at+jwt", claims()), "unknown kid");
        }
        assertThat(as.requests("/jwks")).as("no refetch within the interval").hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        assertRefused(Jwt.sign("ES256", attacker.getPrivate(), "unknown-x", "at+jwt", claims()), "unknown kid");
        assertRefused(Jwt.sign("ES256", attacker.getPrivate(), "unknown-y", "at+jwt", claims()), "unknown kid");
        assertThat(as.requests("/jwks")).as("one refetch per interval").hasSize(2);

        // a rotated key shows up on the next allowed refetch
        clock.advance(Duration.ofSeconds(31));
        jwks.set(Jwks.toJwks(List.of(Jwks.toJwk(ec.getPublic(), "k1"), Jwks.toJwk(attacker.getPublic(), "k2"))));
        assertThat(call(Jwt.sign("ES256", attacker.getPrivate(), "k2", "at+jwt", claims()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(as.requests("/jwks")).hasSize(3);
    }

    @Test
    void aHugeJwksDocumentFailsTheFetchWithoutBeingRead() throws Exception {
        try (HostileHttpServer hostile = new HostileHttpServer()) {
            hostile.route("/jwks", HostileHttpServer.endless("application/json", "{\"keys\":[", ' ', 1L << 30, false));
            JwtTokenValidator v = JwtTokenValidator.builder()
                    .jwksUri(hostile.uri("/jwks"))
                    .issuer(ISSUER)
                    .audience("https://mcp.example.com/mcp")
                    .maxJwksBytes(64 * 1024)
                    .build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> v.validate(Jwt.sign("ES256", ec.getPrivate(), "k1", "at+jwt", McpJson.object())))
                    .isInstanceOf(TokenValidationException.class)
                    .hasMessageContaining("JWKS")
                    .hasMessageContaining("65536 bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aJwksEndpointThatDripsFailsWithinTheRequestTimeout() throws Exception {
        try (HostileHttpServer hostile = new HostileHttpServer()) {
            hostile.route("/jwks", (req, out) -> {
                out.write(HostileHttpServer.head(200, "Content-Type: application/json", "Content-Length: 1000"));
                for (int i = 0; i < 1000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
            });
            JwtTokenValidator v = JwtTokenValidator.builder()
                    .jwksUri(hostile.uri("/jwks"))
                    .issuer(ISSUER)
                    .audience("https://mcp.example.com/mcp")
                    .requestTimeout(Duration.ofMillis(700))
                    .build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> v.validate(Jwt.sign("ES256", ec.getPrivate(), "k1", "at+jwt", McpJson.object())))
                    .isInstanceOf(TokenValidationException.class)
                    .hasMessageContaining("JWKS");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void plainHttpJwksIsRefusedUnlessLoopback() {
        assertThatThrownBy(() -> JwtTokenValidator.builder().jwksUri(URI.create("http://as.example.com/jwks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        JwtTokenValidator.builder().jwksUri(URI.create("http://localhost:8080/jwks"));
        JwtTokenValidator.builder().jwksUri(URI.create("http://[::1]:8080/jwks"));
        JwtTokenValidator.builder().jwksUri(URI.create("https://as.example.com/jwks"));
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
