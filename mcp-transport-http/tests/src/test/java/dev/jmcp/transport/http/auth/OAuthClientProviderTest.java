package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.auth.LoopbackServer.Req;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.InMemoryTokenStore;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.TokenKey;
import dev.jmcp.transport.http.common.OAuthException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthClientProviderTest {
    private static final URI REDIRECT = URI.create("http://localhost:3000/callback");

    private OAuthFixture f;
    private final InMemoryTokenStore store = new InMemoryTokenStore();

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OAuthClientProvider.Builder builder() {
        return OAuthClientProvider.builder()
                .authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                .redirectUri(REDIRECT)
                .tokenStore(store)
                .requestTimeout(Duration.ofSeconds(5))
                .authorizationTimeout(Duration.ofSeconds(5));
    }

    private Map<String, String> lastTokenForm() {
        return f.tokenRequests.get(f.tokenRequests.size() - 1).form();
    }

    @Test
    void authorizesEndToEndWithDynamicRegistrationPkceAndResource() {
        OAuthClientProvider provider = builder().build();
        assertThat(provider.authorizationHeaders(f.mcpUrl())).isEmpty();

        assertThat(f.call(provider)).isEqualTo(200);

        assertThat(f.registrations).hasSize(1);
        var reg = f.registrations.get(0);
        assertThat(reg.path("grant_types").toString()).contains("authorization_code", "refresh_token");
        assertThat(reg.path("redirect_uris").get(0).asString()).isEqualTo(REDIRECT.toString());
        assertThat(reg.path("client_name").asString()).isNotEmpty();
        assertThat(reg.path("token_endpoint_auth_method").asString()).isEqualTo("none");

        Map<String, String> auth = f.lastAuthorization();
        assertThat(auth)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("resource", f.mcpUrl().toString())
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsKeys("state", "code_challenge", "client_id");
        assertThat(lastTokenForm())
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("resource", f.mcpUrl().toString())
                .containsKey("code_verifier");

        // the token is reused, not re-obtained
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.authorizations).hasSize(1);
        assertThat(provider.authorizationHeaders(f.mcpUrl()).get("Authorization"))
                .startsWith("Bearer at-");
    }

    @Test
    void tokensAreStoredByResourceAndIssuerAndNeverSentToAnotherOrigin() {
        OAuthClientProvider provider = builder().build();
        assertThat(f.call(provider)).isEqualTo(200);
        OAuthTokens tokens =
                store.load(new TokenKey(f.mcpUrl().toString(), f.issuer())).orElseThrow();
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(provider.authorizationHeaders(URI.create("http://127.0.0.1:1/mcp")))
                .isEmpty();
        assertThat(provider.authorizationHeaders(URI.create(f.as.url() + "/mcp")))
                .isEmpty();
    }

    @Test
    void challengeScopeTakesPrecedenceOverScopesSupported() {
        f.challengeScope = "mcp:basic";
        f.scopesSupported = List.of("mcp:basic", "mcp:read", "mcp:write");
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("scope", "mcp:basic");
    }

    @Test
    void allScopesSupportedAreRequestedWithoutAChallengeScope() {
        f.scopesSupported = List.of("mcp:basic", "mcp:read", "mcp:write");
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("scope", "mcp:basic mcp:read mcp:write");
    }

    @Test
    void scopeIsOmittedWhenNothingDefinesIt() {
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).doesNotContainKey("scope");
    }

    @Test
    void scopesOverrideWins() {
        f.challengeScope = "mcp:basic";
        f.install();
        assertThat(f.call(builder().scopes(List.of("custom")).build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("scope", "custom");
    }

    @Test
    void offlineAccessIsAddedOnlyWhenTheServerListsIt() {
        f.challengeScope = "mcp:basic";
        f.metadataCustomizer =
                md -> md.putArray("scopes_supported").add("mcp:basic").add("offline_access");
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("scope", "mcp:basic offline_access");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_basic", "client_secret_post", "none"})
    void tokenEndpointAuthFollowsTheRegistration(String method) {
        f.expectedAuthMethod = method;
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.registrations.get(0).path("token_endpoint_auth_method").asString())
                .isEqualTo(method);
        Req token = f.tokenRequests.get(0);
        switch (method) {
            case "client_secret_basic" -> {
                assertThat(token.header("Authorization")).startsWith("Basic ");
                assertThat(token.form()).doesNotContainKey("client_secret");
            }
            case "client_secret_post" -> {
                assertThat(token.header("Authorization")).isNull();
                assertThat(token.form()).containsKeys("client_id", "client_secret");
            }
            default -> {
                assertThat(token.header("Authorization")).isNull();
                assertThat(token.form()).containsKey("client_id").doesNotContainKey("client_secret");
            }
        }
    }

    @Test
    void registrationResponseMethodWinsOverTheRequestedOne() {
        f.expectedAuthMethod = "client_secret_post";
        f.registrationMethodOverride = "client_secret_post";
        f.metadataCustomizer = md -> md.putArray("token_endpoint_auth_methods_supported")
                .add("client_secret_basic")
                .add("client_secret_post");
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.registrations.get(0).path("token_endpoint_auth_method").asString())
                .isEqualTo("client_secret_basic");
        assertThat(f.tokenRequests.get(0).form()).containsKey("client_secret");
    }

    @Test
    void preRegisteredCredentialsUseBasicAuthWithUrlEncodedIdAndSecret() {
        f.expectedAuthMethod = "client_secret_basic";
        f.metadataCustomizer = md -> md.remove("registration_endpoint");
        f.clients.put("pre:registered client", "s3cret/+:%");
        f.install();
        OAuthClientProvider provider = builder()
                .clientCredentials("pre:registered client", "s3cret/+:%")
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.registrations).isEmpty();
        String basic = f.tokenRequests.get(0).header("Authorization").substring(6);
        assertThat(new String(Base64.getDecoder().decode(basic)))
                .isEqualTo("pre%3Aregistered+client:s3cret%2F%2B%3A%25");
    }

    @Test
    void withoutRegistrationOrCredentialsAuthorizationFailsClearly() {
        f.metadataCustomizer = md -> md.remove("registration_endpoint");
        f.install();
        assertCallFails(builder().build(), "no client identity");
    }

    @Test
    void clientIdMetadataDocumentIsUsedWhenTheServerSupportsIt() {
        String cimd = "https://client.example.com/oauth/client-metadata.json";
        f.metadataCustomizer = md -> md.put("client_id_metadata_document_supported", true);
        f.install();
        assertThat(f.call(builder().clientIdMetadataDocument(cimd).build())).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("client_id", cimd);
        assertThat(f.lastTokenFormClientId()).isEqualTo(cimd);
        assertThat(f.registrations).isEmpty();
    }

    @Test
    void clientIdMetadataDocumentIsNotUsedWhenTheServerDoesNotSupportIt() {
        String cimd = "https://client.example.com/oauth/client-metadata.json";
        assertThat(f.call(builder().clientIdMetadataDocument(cimd).build())).isEqualTo(200);
        assertThat(f.registrations).hasSize(1);
        assertThat(f.lastAuthorization().get("client_id")).startsWith("dyn-client-");
    }

    @Test
    void refusesAnAuthorizationServerWithoutS256() {
        f.metadataCustomizer = md -> md.remove("code_challenge_methods_supported");
        f.install();
        assertCallFails(builder().build(), "S256");
        assertThat(f.authorizations).isEmpty();
    }

    @Test
    void refusesAMismatchedState() {
        f.stateOverride = "forged";
        f.install();
        assertCallFails(builder().build(), "state");
        assertThat(f.tokenRequests).isEmpty();
    }

    @Test
    void checksTheIssParameterWhenTheServerPromisesIt() {
        f.metadataCustomizer = md -> md.put("authorization_response_iss_parameter_supported", true);
        f.install();
        assertCallFails(builder().build(), "iss");
        f.issInRedirect = "https://attacker.example.com";
        f.install();
        assertCallFails(builder().build(), "mix-up");
        f.issInRedirect = f.issuer();
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.tokenRequests).hasSize(1);
    }

    @Test
    void stepUpReauthorizesWithTheUnionOfGrantedAndChallengedScopes() {
        f.challengeScope = "mcp:basic";
        f.requiredScopes = Set.of("mcp:basic", "mcp:write");
        f.stepUpScope = "mcp:write";
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(200);
        assertThat(f.authorizations).hasSize(2);
        assertThat(f.authorizations.get(0)).containsEntry("scope", "mcp:basic");
        assertThat(OAuthTokens.splitScopes(f.authorizations.get(1).get("scope")))
                .containsExactlyInAnyOrder("mcp:basic", "mcp:write");
    }

    @Test
    void stepUpGivesUpAfterTheConfiguredNumberOfAuthorizations() {
        f.requiredScopes = Set.of("never-granted");
        f.stepUpScope = "mcp:admin";
        f.install();
        assertThat(f.call(builder().build())).isEqualTo(403);
        assertThat(f.authorizations).hasSize(3);

        f.authorizations.clear();
        assertThat(f.call(builder().maxStepUpAttempts(1).build())).isEqualTo(403);
        assertThat(f.authorizations).hasSize(1);
    }

    @Test
    void forbiddenWithoutInsufficientScopeIsNotRetried() {
        OAuthClientProvider provider = builder().build();
        assertThat(provider.onUnauthorized(f.mcpUrl(), 403, List.of("Bearer error=\"invalid_token\"")))
                .isFalse();
        assertThat(provider.onUnauthorized(f.mcpUrl(), 500, List.of())).isFalse();
        assertThat(f.as.paths()).isEmpty();
    }

    @Test
    void expiredTokensAreRefreshedBeforeUse() {
        f.expiresIn = 1; // within the expiry margin: stale at once
        f.install();
        OAuthClientProvider provider = builder().build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.authorizations).hasSize(1);
        assertThat(lastTokenForm())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("resource", f.mcpUrl().toString());
    }

    @Test
    void aRejectedTokenIsRefreshedOnceThenReauthorized() {
        OAuthClientProvider provider = builder().build();
        assertThat(f.call(provider)).isEqualTo(200);
        f.issuedTokens.clear(); // the server forgets every access token
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.authorizations).hasSize(1);
        assertThat(lastTokenForm()).containsEntry("grant_type", "refresh_token");
    }

    @Test
    void clientCredentialsWithClientSecretBasic() {
        f.expectedAuthMethod = "client_secret_basic";
        f.clients.put("machine", "machine-secret");
        f.scopesSupported = List.of("mcp:read");
        f.install();
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .clientCredentials("machine", "machine-secret")
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.authorizations).isEmpty();
        assertThat(f.tokenRequests.get(0).header("Authorization")).startsWith("Basic ");
        assertThat(lastTokenForm())
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "mcp:read")
                .containsEntry("resource", f.mcpUrl().toString());
    }

    @Test
    void clientCredentialsWithPrivateKeyJwtSignedEs256() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        f.expectedAuthMethod = "private_key_jwt";
        f.clientPublicKey = pair.getPublic();
        f.install();
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .privateKeyJwt("conformance-test-client", pem)
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(lastTokenForm())
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    @Test
    void privateKeyJwtSignedWithAnotherKeyIsRejectedByTheServer() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder()
                        .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        f.expectedAuthMethod = "private_key_jwt";
        f.clientPublicKey = pair.getPublic();
        f.install();
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .privateKeyJwt("conformance-test-client", pem)
                .build();
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .satisfies(e -> assertThat(((OAuthException) e).error()).isEqualTo("invalid_client"));
    }

    @Test
    void builderRejectsUnsafeRedirectUrisAndMissingHandler() {
        assertThatThrownBy(() -> OAuthClientProvider.builder().redirectUri(URI.create("http://example.com/cb")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        OAuthClientProvider.builder().redirectUri(REDIRECT).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OAuthClientProvider.builder().clientIdMetadataDocument("http://x.example/m.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Authorizing through {@code provider} fails with an {@link OAuthException} whose message names {@code part}. */
    private void assertCallFails(OAuthClientProvider provider, String part) {
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining(part);
    }
}
