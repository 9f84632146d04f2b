package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link McpHttpServer} serving HTTPS from a key store file and from a JDK {@link SSLContext}: a client that
 * trusts the self-signed certificate (made with the JDK's {@code keytool}) calls a tool over https.
 */
@Timeout(60)
class TlsOverHttpsTest {
    private static final String PASSWORD = "changeit";
    private static final String ALIAS = "mcp";

    @TempDir
    static Path dir;

    private static Path keyStore;

    @BeforeAll
    static void createSelfSignedKeyStore() throws Exception {
        keyStore = dir.resolve("server.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        ALIAS,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.size(keyStore)).isPositive();
    }

    private static KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** A client-side context trusting only the server's self-signed certificate. */
    private static SSLContext trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, load().getCertificate(ALIAS));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A server-side context holding the server's key and certificate. */
    private static SSLContext serving() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(), PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static McpServer server() {
        return McpServer.builder()
                .name("tls")
                .version("1")
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .description("echoes")
                                .build(),
                        (request, ctx) -> CallToolResult.text(
                                "secure " + request.arguments().path("word").asString()))
                .build();
    }

    private static McpClient client(URI uri, ProtocolVersion version) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trusting())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        McpClientBuilder b = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(uri)
                        .httpClient(http)
                        .build())
                .requestTimeout(Duration.ofSeconds(10));
        if (version != null) {
            b.protocolVersion(version);
        }
        return b.build();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void keyStoreFileServesAToolCallOverHttps() throws Exception {
        try (McpServer server = server();
                McpHttpServer https = McpHttpServer.builder(server)
                        .port(0)
                        .tls(keyStore, PASSWORD)
                        .start();
                McpClient client = client(https.uri(), null)) {
            assertThat(https.uri().getScheme()).isEqualTo("https");
            client.connect();
            assertThat(text(client.callTool("echo", Map.of("word", "hello")))).isEqualTo("secure hello");
        }
    }

    @Test
    void jdkSslContextServesAHandshakeEraSessionOverHttps() throws Exception {
        try (McpServer server = server();
                McpHttpServer https =
                        McpHttpServer.builder(server).port(0).tls(serving()).start();
                McpClient client = client(https.uri(), ProtocolVersion.V2025_11_25)) {
            assertThat(https.uri().getScheme()).isEqualTo("https");
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(text(client.callTool("echo", Map.of("word", "again")))).isEqualTo("secure again");
            assertThat(https.servlet().sessionCount()).isEqualTo(1);
        }
    }
}
