package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.initializeBody;
import static dev.jmcp.transport.http.HttpTestSupport.rawStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.io.File;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DNS-rebinding protection (security review A1) through raw HTTP: the Host header is validated on every bind, and
 * an Origin must be same-origin (scheme, host and port) or allow-listed. {@code {p}} stands for the server's port.
 */
@Timeout(30)
class DnsRebindingGuardTest {
    private final FakeServer fake = new FakeServer();
    private final List<McpHttpServer> servers = new ArrayList<>();

    private URI start(String host, Consumer<McpHttpServlet.Builder> config) {
        McpHttpServer http = McpHttpServer.builder(fake)
                .host(host)
                .port(0)
                .path("/mcp")
                .servlet(config)
                .start();
        servers.add(http);
        return http.uri();
    }

    /** One server per configuration for the whole class (the matrices reuse it). */
    private static final Map<String, McpHttpServer> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private static URI shared(String name, Consumer<McpHttpServlet.Builder> config) {
        return SHARED.computeIfAbsent(name, n -> McpHttpServer.builder(new FakeServer())
                        .host("127.0.0.1")
                        .port(0)
                        .path("/mcp")
                        .servlet(config)
                        .start())
                .uri();
    }

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
    }

    @AfterAll
    static void stopShared() {
        SHARED.values().forEach(McpHttpServer::close);
        SHARED.clear();
    }

    private static int status(URI uri, String host, String origin) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", host.replace("{p}", String.valueOf(uri.getPort())));
        if (origin != null && !origin.isEmpty()) {
            h.put(
                    "Origin",
                    origin.replace("{p}", String.valueOf(uri.getPort()))
                            .replace("{other}", String.valueOf(uri.getPort() == 1 ? 2 : uri.getPort() - 1)));
        }
        h.put("Content-Type", "application/json");
        h.put("Accept", HttpTestSupport.ACCEPT);
        return rawStatus(uri, "POST", h, initializeBody(1, "2025-11-25"));
    }

    @ParameterizedTest(name = "Host {0}, Origin {1} -> {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "127.0.0.1:{p}, none, accepted",
                "localhost:{p}, none, accepted",
                "LocalHost:{p}, none, accepted",
                "localhost.:{p}, none, accepted",
                "localhost, none, accepted",
                "127.0.0.2:{p}, none, accepted",
                "[::1]:{p}, none, accepted",
                "[0:0:0:0:0:0:0:1]:{p}, none, accepted",
                "evil.example.com, none, refused",
                "evil.example.com:{p}, none, refused",
                "evil.example.com.:{p}, none, refused",
                "localhost.evil.example.com:{p}, none, refused",
                "127.0.0.1.nip.io:{p}, none, refused",
                "2130706433:{p}, none, refused",
                "::1, none, refused",
                "localhost:99999, none, refused",
                "localhost:12ab, none, refused",
                "127.0.0.1:{p}, http://127.0.0.1:{p}, accepted",
                "127.0.0.1:{p}, http://127.0.0.1:{p}/, accepted",
                "127.0.0.1:{p}, HTTP://127.0.0.1:{p}, accepted",
                "localhost, http://localhost:80, accepted",
                "[::1]:{p}, http://[::1]:{p}, accepted",
                "localhost.:{p}, http://localhost:{p}, accepted",
                "127.0.0.1:{p}, https://127.0.0.1:{p}, refused",
                "127.0.0.1:{p}, http://127.0.0.1:{other}, refused",
                "127.0.0.1:{p}, http://127.0.0.1, refused",
                "127.0.0.1:{p}, http://localhost:{p}, refused",
                "localhost:{p}, http://localhost, refused",
                "127.0.0.1:{p}, null, refused",
                "127.0.0.1:{p}, http://evil.example.com, refused",
                "127.0.0.1:{p}, file://, refused",
                "evil.example.com:{p}, http://evil.example.com:{p}, refused",
            })
    void hostAndOriginMatrixOnALoopbackBind(String host, String origin, String expected) throws Exception {
        URI uri = shared("defaults", s -> {});
        assertOutcome(status(uri, host, origin), expected);
    }

    /** The guard keeps its last parsed Host: each request is still judged by its own Host, whatever came before. */
    @Test
    void eachRequestIsJudgedByItsOwnHostWhateverCameBefore() throws Exception {
        URI uri = start("127.0.0.1", s -> {});
        String[][] sequence = {
            {"localhost:{p}", "accepted"},
            {"evil.example.com:{p}", "refused"},
            {"evil.example.com:{p}", "refused"},
            {"localhost:{p}", "accepted"},
            {"localhost:{p}", "accepted"},
            {"127.0.0.1.nip.io:{p}", "refused"},
            {"127.0.0.1:{p}", "accepted"},
            {"evil.example.com:{p}", "refused"},
        };
        for (String[] step : sequence) {
            assertOutcome(status(uri, step[0], null), step[1]);
        }
    }

    @ParameterizedTest(name = "allow-listed Host {0}, Origin {1} -> {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "mcp.example.com, none, accepted",
                "MCP.example.com.:443, none, accepted",
                "api.example.com:8443, none, accepted",
                "api.example.com:9443, none, refused",
                "localhost:{p}, none, refused",
                "evil.example.com, none, refused",
                "mcp.example.com, https://app.example.com, accepted",
                "mcp.example.com, https://app.example.com:443, accepted",
                "mcp.example.com, http://app.example.com, refused",
                "mcp.example.com, null, accepted",
                "mcp.example.com, https://evil.example.com, refused",
            })
    void allowListsReplaceTheDefaultsAndAreNormalized(String host, String origin, String expected) throws Exception {
        URI uri = shared("allow-lists", s -> s.allowedHosts(List.of("mcp.example.com.", "api.example.com:8443"))
                .allowedOrigins(List.of("https://App.example.com/", "null")));
        assertOutcome(status(uri, host, origin), expected);
    }

    @Test
    void protectionOffStillRefusesCrossOriginRequests() throws Exception {
        URI uri = start("127.0.0.1", s -> s.dnsRebindingProtection(DnsRebindingProtection.OFF));
        assertOutcome(status(uri, "proxy.example.com", null), "accepted");
        assertOutcome(status(uri, "proxy.example.com", "http://proxy.example.com"), "accepted");
        assertOutcome(status(uri, "proxy.example.com", "https://evil.example.com"), "refused");
    }

    @SuppressWarnings("deprecation")
    @Test
    void deprecatedLoopbackModeValidatesLikeOn() throws Exception {
        URI uri = start("127.0.0.1", s -> s.dnsRebindingProtection(DnsRebindingProtection.LOOPBACK));
        assertOutcome(status(uri, "evil.example.com", null), "refused");
        assertOutcome(status(uri, "localhost:{p}", null), "accepted");
    }

    @Test
    void aNonLoopbackAddressOfThisMachineIsAcceptedAsHostOnALoopbackBind() throws Exception {
        InetAddress own = nonLoopbackAddress();
        assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        URI uri = start("127.0.0.1", s -> {});
        assertOutcome(status(uri, own.getHostAddress() + ":{p}", null), "accepted");
        assertOutcome(
                status(uri, own.getHostAddress() + ":{p}", "http://" + own.getHostAddress() + ":{p}"), "accepted");
    }

    @Test
    void aNonLoopbackBindValidatesHostAndOriginToo() throws Exception {
        InetAddress own = nonLoopbackAddress();
        assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        URI uri = start(own.getHostAddress(), s -> {});
        String self = own.getHostAddress() + ":{p}";
        assertOutcome(status(uri, self, null), "accepted");
        assertOutcome(status(uri, "localhost:{p}", null), "accepted");
        assertOutcome(status(uri, self, "http://" + self), "accepted");
        assertOutcome(status(uri, "evil.example.com:{p}", null), "refused");
        assertOutcome(status(uri, "evil.example.com:{p}", "http://evil.example.com:{p}"), "refused");
        assertOutcome(status(uri, self, "http://evil.example.com:{p}"), "refused");
    }

    @Test
    void theSameGuardProtectsTheServletInTomcat() throws Exception {
        File base = Files.createTempDirectory("jmcp-tomcat-guard").toFile();
        base.deleteOnExit();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        McpHttpServlet servlet = McpHttpServlet.builder(fake).build();
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/mcp", "mcp");
        tomcat.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
            assertOutcome(status(uri, "evil.example.com:{p}", null), "refused");
            assertOutcome(status(uri, "localhost:{p}", "http://evil.example.com"), "refused");
            assertOutcome(status(uri, "localhost:{p}", "http://localhost:{p}"), "accepted");
            assertOutcome(status(uri, "[::1]:{p}", null), "accepted");
        } finally {
            servlet.closeAll();
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void theStartUpPolicyLineNamesWhatIsAccepted() {
        McpHttpServlet defaults = McpHttpServlet.builder(fake).build();
        assertThat(defaults.hostPolicy()).contains("localhost").contains("allowedHosts");
        McpHttpServlet listed = McpHttpServlet.builder(fake)
                .allowedHosts(List.of("mcp.example.com"))
                .build();
        assertThat(listed.hostPolicy()).contains("mcp.example.com");
    }

    private static void assertOutcome(int status, String expected) {
        if ("accepted".equals(expected)) {
            assertThat(status).as("status").isEqualTo(200);
        } else {
            // Jetty itself answers 400 to a Host header it cannot parse; the guard answers 403
            assertThat(status).as("status").isIn(400, 403);
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }
}
