package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.testsupport.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdio client hardening (#14, L5 and the stdio data loss): the client ends the server's whole process tree and
 * its reader thread, passes only an allowlisted environment, and flushes queued frames on close.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioClientHardeningTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final TransportListener IGNORING = new TransportListener() {
        @Override
        public void onMessage(JsonRpcMessage message, InboundContext context) {}

        @Override
        public void onInvalidMessage(JsonRpcCodecException error) {}

        @Override
        public void onClose(Throwable cause) {}
    };

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void closeEndsAGrandchildThatAShWrapperWaitsFor() {
        assertTreeEndsOnClose("sleep 300 & wait");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void closeEndsAGrandchildLeftBehindByAWrapperThatExitsAtEndOfInput() {
        // the wrapper exits on its own when its stdin closes; its background child would live on, holding stdout
        assertTreeEndsOnClose("sleep 300 & read line; exit 0");
    }

    private static void assertTreeEndsOnClose(String script) {
        StdioClientTransport transport = StdioClientTransport.builder("sh", "-c", script)
                .stdinCloseGrace(Duration.ofMillis(300))
                .terminateGrace(Duration.ofSeconds(2))
                .build();
        transport.start(IGNORING);
        ProcessHandle wrapper = ProcessHandle.of(transport.pid()).orElseThrow();
        ProcessHandle grandchild = Poll.value(
                        "the wrapper started its child",
                        () -> wrapper.descendants().findFirst(),
                        Optional::isPresent,
                        WAIT)
                .orElseThrow();
        Thread reader = transport.readerThread();
        assertThat(reader.isAlive()).isTrue();

        transport.close();

        Poll.until("the grandchild " + grandchild.pid() + " ended", () -> !grandchild.isAlive(), WAIT);
        assertThat(wrapper.isAlive()).isFalse();
        Poll.until("the reader thread ended", () -> !reader.isAlive(), WAIT);
    }

    @Test
    void serverInheritsOnlyTheAllowlistedEnvironmentByDefault() throws Exception {
        // JMCP_TEST_PARENT_SECRET is set for this test JVM by the module's surefire configuration
        assertThat(System.getenv("JMCP_TEST_PARENT_SECRET")).isEqualTo("parent-secret");
        assertThat(StdioClientTransport.DEFAULT_INHERITED_ENVIRONMENT).contains("PATH", "HOME", "SYSTEMROOT");
        try (McpSession client =
                rawSession(rawServer().environment("JMCP_TEST_VALUE", "given").build())) {
            assertThat(env(client, "JMCP_TEST_PARENT_SECRET"))
                    .as("a secret of the client")
                    .isEmpty();
            assertThat(env(client, "JMCP_TEST_VALUE")).as("set explicitly").isEqualTo("given");
            assertThat(env(client, "PATH")).as("allowlisted").isEqualTo(System.getenv("PATH"));
        }
    }

    @Test
    void inheritFullEnvironmentOptsInToEverything() throws Exception {
        try (McpSession client = rawSession(rawServer().inheritFullEnvironment().build())) {
            assertThat(env(client, "JMCP_TEST_PARENT_SECRET")).isEqualTo("parent-secret");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void closeWritesTheFramesStillQueuedBeforeClosingStdin(@TempDir Path dir) throws Exception {
        Path received = dir.resolve("received.txt");
        // a server that starts reading only after a while: the pipe fills and frames wait in the write queue
        StdioClientTransport transport = StdioClientTransport.builder("sh", "-c", "sleep 1; cat > '" + received + "'")
                .stdinCloseGrace(Duration.ofSeconds(10))
                .build();
        transport.start(IGNORING);
        String filler = "x".repeat(10_000);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(transport.send(new dev.jmcp.core.jsonrpc.JsonRpcNotification(
                    "n", McpJson.object().put("i", i).put("filler", filler))));
        }
        assertThat(sent.get(39))
                .as("still queued: the pipe holds far less than 400 kB")
                .isNotDone();
        transport.close();
        CompletableFuture.allOf(sent.toArray(new CompletableFuture[0])).get(5, TimeUnit.SECONDS);
        assertThat(Files.readAllLines(received)).hasSize(40);
    }

    private static StdioClientTransport.Builder rawServer() {
        return StdioClientTransport.builder(TestProcesses.java(RawStdioServerMain.class, "serve"));
    }

    private static McpSession rawSession(StdioClientTransport transport) {
        return McpSession.builder(transport)
                .name("test-client")
                .requestTimeout(WAIT)
                .build()
                .start();
    }

    private static String env(McpSession client, String name) throws Exception {
        return client.request("env", McpJson.object().put("name", name))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .get("value")
                .asString();
    }
}
