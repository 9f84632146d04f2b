package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.servlet.auth.InsufficientScopeException;
import dev.jmcp.transport.http.servlet.auth.JwtTokenValidator;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import dev.jmcp.transport.http.servlet.auth.internal.Jwks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JwtTokenValidatorTest {
    private static final String ISSUER = "https://as.example.com";
    private static final String RESOURCE = "https://mcp.example.com/mcp";

    private LoopbackServer jwksServer;
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private static KeyPair ec;
    private static KeyPair rsa;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        rsa = rsaGen.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        jwks.set(Jwks.toJwks(List.of(Jwks.toJwk(ec.getPublic(), "ec-1"), Jwks.toJwk(rsa.getPublic(), "rsa-1"))));
        jwksServer = new LoopbackServer();
        jwksServer.route("/jwks", req -> Reply.json(200, jwks.get()));
    }

    @AfterEach
    void stop() {
        jwksServer.close();
    }

    private JwtTokenValidator.Builder validator() {
        return JwtTokenValidator.builder()
                .jwksUri(URI.create(jwksServer.url() + "/jwks"))
                .issuer(ISSUER)
                .audience(RESOURCE)
                .clockSkew(Duration.ofSeconds(5));
    }

    private static ObjectNode claims() {
        long now = Instant.now().getEpochSecond();
        ObjectNode c = McpJson.object();
        c.put("iss", ISSUER);
        c.putArray("aud").add("https://other.example.com").add(RESOURCE);
        c.put("sub", "user-1");
        c.put("client_id", "client-1");
        c.put("scope", "mcp:read mcp:write");
        c.put("iat", now);
        c.put("exp", now + 300);
        return c;
    }

    private String es256(ObjectNode claims) {
        return Jwt.sign("ES256", ec.getPrivate(), "ec-1", "at+jwt", claims);
    }

    @Test
    void acceptsAValidEs256Token() {
        String token = es256(claims());
        AuthInfo info = validator().build().validate(token);
        assertThat(info.subject()).isEqualTo("user-1");
        assertThat(info.clientId()).isEqualTo("client-1");
        assertThat(info.scopes()).containsExactlyInAnyOrder("mcp:read", "mcp:write");
        assertThat(info.expiresAt()).isNotNull();
        assertThat(info.toString()).doesNotContain(token);
    }

    @Test
    void acceptsAValidRs256TokenWithStringAudience() {
        ObjectNode c = claims();
        c.put("aud", RESOURCE);
        assertThat(validator()
                        .build()
                        .validate(Jwt.sign("RS256", rsa.getPrivate(), "rsa-1", "at+jwt", c))
                        .subject())
                .isEqualTo("user-1");
    }

    @Test
    void rejectsAnExpiredToken() {
        ObjectNode c = claims();
        c.put("exp", Instant.now().getEpochSecond() - 60);
        assertThatThrownBy(() -> validator().build().validate(es256(c)))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void rejectsATokenNotValidYet() {
        ObjectNode c = claims();
        c.put("nbf", Instant.now().getEpochSecond() + 120);
        assertThatThrownBy(() -> validator().build().validate(es256(c))).hasMessageContaining("not valid yet");
    }

    @Test
    void rejectsTheWrongAudience() {
        ObjectNode c = claims();
        c.put("aud", "https://mcp.example.com/other");
        assertThatThrownBy(() -> validator().build().validate(es256(c))).hasMessageContaining("audience");
        c.remove("aud");
        assertThatThrownBy(() -> validator().build().validate(es256(c))).hasMessageContaining("audience");
    }

    @Test
    void rejectsTheWrongIssuer() {
        ObjectNode c = claims();
        c.put("iss", "https://evil.example.com");
        assertThatThrownBy(() -> validator().build().validate(es256(c))).hasMessageContaining("issuer");
    }

    @Test
    void rejectsABadSignature() throws Exception {
        String token = es256(claims());
        String[] parts = token.split("\\.");
        ObjectNode tampered = claims();
        tampered.put("sub", "admin");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(tampered.toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> validator().build().validate(forged)).hasMessageContaining("signature");
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        String otherKey = Jwt.sign("ES256", ecGen.generateKeyPair().getPrivate(), "ec-1", "at+jwt", claims());
        assertThatThrownBy(() -> validator().build().validate(otherKey)).hasMessageContaining("signature");
    }

    @Test
    void rejectsUnsignedAndMalformedTokens() {
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims().toString().getBytes()) + ".";
        assertThatThrownBy(() -> validator().build().validate(none)).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> validator().build().validate("not-a-jwt")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> validator().build().validate("a.b.c")).isInstanceOf(TokenValidationException.class);
    }

    @Test
    void unknownKidRefetchesTheJwksForKeyRotation() throws Exception {
        JwtTokenValidator v = validator().minRefreshInterval(Duration.ZERO).build();
        v.validate(es256(claims()));
        assertThat(jwksServer.requests("/jwks")).hasSize(1);

        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rotated = ecGen.generateKeyPair();
        jwks.set(Jwks.toJwks(List.of(Jwks.toJwk(rotated.getPublic(), "ec-2"))));
        AuthInfo info = v.validate(Jwt.sign("ES256", rotated.getPrivate(), "ec-2", "at+jwt", claims()));
        assertThat(info.subject()).isEqualTo("user-1");
        assertThat(jwksServer.requests("/jwks")).hasSize(2);

        // cached: a known kid needs no fetch
        v.validate(Jwt.sign("ES256", rotated.getPrivate(), "ec-2", "at+jwt", claims()));
        assertThat(jwksServer.requests("/jwks")).hasSize(2);
    }

    @Test
    void unknownKidRefetchesAreRateLimited() {
        JwtTokenValidator v =
                validator().minRefreshInterval(Duration.ofMinutes(5)).build();
        v.validate(es256(claims()));
        String unknown = Jwt.sign("ES256", ec.getPrivate(), "nope", "at+jwt", claims());
        assertThatThrownBy(() -> v.validate(unknown)).hasMessageContaining("no key nope");
        assertThatThrownBy(() -> v.validate(unknown)).hasMessageContaining("no key nope");
        assertThat(jwksServer.requests("/jwks")).hasSize(1);
    }

    @Test
    void missingRequiredScopesIsInsufficientScope() {
        JwtTokenValidator v = validator().requiredScopes(Set.of("mcp:admin")).build();
        assertThatThrownBy(() -> v.validate(es256(claims())))
                .isInstanceOfSatisfying(InsufficientScopeException.class, e -> {
                    assertThat(e.requiredScopes()).containsExactly("mcp:admin");
                    assertThat(e.info().scopes()).contains("mcp:read");
                });
    }

    @Test
    void unreachableJwksIsAnInvalidToken() {
        JwtTokenValidator v =
                validator().jwksUri(URI.create(jwksServer.url() + "/missing")).build();
        assertThatThrownBy(() -> v.validate(es256(claims())))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("JWKS");
    }
}
