package dev.jmcp.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small {@link McpTest} classes through the JUnit launcher and checks what they leave behind: nothing (every
 * client closed, the server closed, the HTTP port released), and clear failures for misconfigured classes.
 */
@Timeout(60)
class KitLifecycleTest {
    static final List<McpClient> CLIENTS = new CopyOnWriteArrayList<>();
    static final List<McpServer> SERVERS = new CopyOnWriteArrayList<>();
    static final List<URI> ENDPOINTS = new CopyOnWriteArrayList<>();
    static final List<ProcessHandle> PROCESSES = new CopyOnWriteArrayList<>();
    /** True only while this test launches the classes below, which are disabled when a build selects them. */
    static volatile boolean launching;

    static boolean launching() {
        return launching;
    }

    /** The handlers. */
    public static class Hello {
        @McpTool
        public String hello() {
            return "hello";
        }
    }

    /** Run by the launcher below, not by the build. */
    @McpTest(transport = McpTestTransport.HTTP)
    @EnabledIf("dev.jmcp.test.KitLifecycleTest#launching")
    static class RecordingHttpTests {
        @McpTestServer
        static Object server() {
            return new Hello();
        }

        @Test
        void one(McpClient client, McpServer server, URI endpoint) {
            CLIENTS.add(client);
            SERVERS.add(server);
            ENDPOINTS.add(endpoint);
            client.callTool("hello", java.util.Map.of());
        }

        @Test
        void two(McpClient client) {
            CLIENTS.add(client);
            assertThat(CLIENTS.get(0).isConnected())
                    .as("the first test's client was closed after it")
                    .isFalse();
        }
    }

    /** A class without a server method. */
    @McpTest
    @EnabledIf("dev.jmcp.test.KitLifecycleTest#launching")
    static class NoServerTests {
        @Test
        void never(McpClient client) {}
    }

    /** Run by the launcher below: a stdio server per client, in a subprocess. */
    @McpTest(transport = McpTestTransport.STDIO, stdioMain = StdioHelloServer.class, requestTimeoutSeconds = 30)
    @EnabledIf("dev.jmcp.test.KitLifecycleTest#launching")
    static class RecordingStdioTests {
        @Test
        void one(McpClient client, McpClient other) {
            CLIENTS.add(client);
            CLIENTS.add(other);
            ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().commandLine().orElse("").contains(StdioHelloServer.class.getName()))
                    .forEach(PROCESSES::add);
            client.callTool("greet", java.util.Map.of("name", "one"));
        }
    }

    /** A server owned by someone else (as a Spring bean is). */
    static final McpServer BORROWED =
            McpServer.builder().name("borrowed").handlers(new Hello()).build();

    /** Run by the launcher below: serves {@link #BORROWED} without owning it. */
    @McpTest
    @EnabledIf("dev.jmcp.test.KitLifecycleTest#launching")
    static class BorrowedServerTests {
        @McpTestServer(closeAfterClass = false)
        static McpServer server() {
            return BORROWED;
        }

        @Test
        void one(McpClient client) {
            CLIENTS.add(client);
            client.callTool("hello", java.util.Map.of());
        }
    }

    @Test
    void aServerReturnedWithCloseAfterClassFalseOutlivesTheClassWithoutItsSessions() {
        TestExecutionSummary summary = run(BorrowedServerTests.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(CLIENTS.get(0).isConnected()).isFalse();
        assertThat(BORROWED.sessions()).isEmpty();
        dev.jmcp.core.testing.InMemoryTransport.Pair pair = dev.jmcp.core.testing.InMemoryTransport.linkedPair();
        try (var session = BORROWED.connect(pair.serverSide());
                McpClient client =
                        McpClient.builder().transport(pair.clientSide()).build()) {
            client.connect();
            McpAssertions.assertToolResult(client.callTool("hello", java.util.Map.of()))
                    .isSuccess();
        } finally {
            BORROWED.close();
        }
    }

    /** STDIO without a main class. */
    @McpTest(transport = McpTestTransport.STDIO)
    @EnabledIf("dev.jmcp.test.KitLifecycleTest#launching")
    static class NoStdioMainTests {
        @Test
        void never(McpClient client) {}
    }

    @Test
    void afterAStdioClassEveryServerProcessHasExited() {
        TestExecutionSummary summary = run(RecordingStdioTests.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(CLIENTS).hasSize(2).allSatisfy(c -> assertThat(c.isConnected())
                .isFalse());
        assertThat(PROCESSES).as("one server process per client").hasSize(2);
        assertThat(PROCESSES)
                .allSatisfy(p ->
                        assertThat(p.isAlive()).as("process %d reaped", p.pid()).isFalse());
    }

    @Test
    void aStdioClassWithoutAMainClassFailsNamingTheAttribute() {
        TestExecutionSummary summary = run(NoStdioMainTests.class);
        assertThat(summary.getTotalFailureCount()).isPositive();
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("stdioMain");
    }

    @Test
    void afterTheClassEveryClientAndTheServerAreClosedAndThePortReleased() throws IOException {
        TestExecutionSummary summary = run(RecordingHttpTests.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(CLIENTS).hasSize(2).allSatisfy(c -> assertThat(c.isConnected())
                .isFalse());
        assertThat(SERVERS.get(0).sessions()).isEmpty();
        URI endpoint = ENDPOINTS.get(0);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
            throw new AssertionError("the HTTP server still listens on " + endpoint);
        } catch (java.net.ConnectException expected) {
            // released
        }
    }

    @Test
    void aClassWithoutAServerMethodFailsNamingTheAnnotation() {
        TestExecutionSummary summary = run(NoServerTests.class);
        assertThat(summary.getTotalFailureCount()).isPositive();
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("@McpTestServer");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        CLIENTS.clear();
        SERVERS.clear();
        ENDPOINTS.clear();
        PROCESSES.clear();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launching = true;
        try {
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(testClass))
                            .build(),
                    listener);
        } finally {
            launching = false;
        }
        return listener.getSummary();
    }
}
