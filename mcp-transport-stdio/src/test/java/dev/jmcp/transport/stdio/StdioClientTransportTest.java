package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Drives a real subprocess (a raw-session stdio server) through {@link StdioClientTransport}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StdioClientTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static StdioClientTransport.Builder server(String mode, String... more) {
        List<String> args = new ArrayList<>();
        args.add(mode);
        args.addAll(List.of(more));
        return StdioClientTransport.builder(TestProcesses.java(RawStdioServerMain.class, args.toArray(new String[0])));
    }

    private static McpSession session(Transport transport) {
        return McpSession.builder(transport)
                .name("test-client")
                .requestTimeout(WAIT)
                .build()
                .start();
    }

    private static JsonNode get(CompletableFuture<JsonNode> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void hundredsOfConcurrentRequestsAreAnsweredAsTheyFinish() throws Exception {
        StdioClientTransport transport = server("serve").build();
        try (McpSession client = session(transport)) {
            CompletableFuture<JsonNode> slow = client.request("sleep", McpJson.parse("{\"ms\":1500}"));
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String method = i % 2 == 0 ? "echo" : "sleep";
                calls.add(client.request(method, McpJson.parse("{\"i\":" + i + ",\"ms\":" + (i % 20) + "}")));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(get(calls.get(i)).get("i").intValue()).isEqualTo(i);
            }
            assertThat(slow)
                    .as("the slow request is still running after 400 fast ones")
                    .isNotDone();
            assertThat(get(slow).get("ms").intValue()).isEqualTo(1500);
        }
        assertThat(transport.exitCode()).hasValue(0);
    }

    @Test
    void multiMegabyteMessagesTravelBothWays() throws Exception {
        int limit = 16 * 1024 * 1024;
        StdioClientTransport transport = server("serve", String.valueOf(limit))
                .codec(JsonRpcCodec.withLimits(new CodecLimits(limit, 128)))
                .build();
        try (McpSession client = session(transport)) {
            String payload = "z".repeat(6 * 1024 * 1024);
            JsonNode echoed = get(client.request("echo", McpJson.object().put("payload", payload)));
            assertThat(echoed.get("payload").asString()).isEqualTo(payload);
            JsonNode big = get(client.request("big", McpJson.parse("{\"bytes\":" + (8 * 1024 * 1024) + "}")));
            assertThat(big.get("data").asString()).hasSize(8 * 1024 * 1024);
        }
    }

    @Test
    void serverCrashFailsPendingRequestsWithExitCodeAndStderr() throws Exception {
        StdioClientTransport transport = server("serve").build();
        try (McpSession client = session(transport)) {
            get(client.request("ping", null));
            CompletableFuture<JsonNode> pending = client.request("sleep", McpJson.parse("{\"ms\":20000}"));
            CompletableFuture<JsonNode> crash = client.request("crash", McpJson.parse("{\"code\":3}"));
            for (CompletableFuture<JsonNode> f : List.of(pending, crash)) {
                assertThatThrownBy(() -> get(f))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(McpTransportException.class)
                        .hasMessageContaining("exited with code 3")
                        .hasMessageContaining("fatal: database unreachable")
                        .hasMessageContaining("giving up")
                        .hasRootCauseInstanceOf(StdioProcessExitedException.class);
            }
            assertThat(client.closeFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isNull();
        }
        assertThat(transport.exitCode()).hasValue(3);
    }

    @Test
    void serverExitsByItselfWhenItsStdinIsClosed() throws Exception {
        StdioClientTransport transport = server("serve").build();
        McpSession client = session(transport);
        get(client.request("ping", null));
        client.close();
        assertThat(transport.exitCode())
                .as("exit code 0, not 143 (SIGTERM) or 137 (SIGKILL)")
                .hasValue(0);
        assertThat(transport.recentStderr()).contains("raw server: stdin closed");
    }

    @Test
    void serverIgnoringStdinCloseIsTerminated() throws Exception {
        StdioClientTransport transport = server("ignore-eof")
                .stdinCloseGrace(Duration.ofMillis(300))
                .terminateGrace(Duration.ofSeconds(10))
                .build();
        McpSession client = session(transport);
        get(client.request("ping", null));
        client.close();
        assertThat(transport.exitCode()).as("SIGTERM").hasValue(143);
    }

    @Test
    void serverIgnoringTerminateIsKilled() throws Exception {
        StdioClientTransport transport = server("ignore-term")
                .stdinCloseGrace(Duration.ofMillis(300))
                .terminateGrace(Duration.ofMillis(500))
                .build();
        McpSession client = session(transport);
        get(client.request("ping", null));
        client.close();
        assertThat(transport.exitCode()).as("SIGKILL").hasValue(137);
        assertThat(ProcessHandle.of(transport.pid()).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void strayStdoutPrintsInAHandlerDoNotCorruptTheStream() throws Exception {
        CountingTransport counting = new CountingTransport(server("serve").build());
        try (McpSession client = session(counting)) {
            assertThat(get(client.request("print", null)).get("printed").booleanValue())
                    .isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(get(client.request("echo", McpJson.parse("{\"i\":" + i + "}")))
                                .get("i")
                                .intValue())
                        .isEqualTo(i);
            }
            assertThat(counting.invalid.get()).isZero();
            StdioClientTransport transport = (StdioClientTransport) counting.delegate;
            assertThat(String.join("\n", transport.recentStderr())).contains("stray output {not json 49");
        }
    }

    @Test
    void stderrLinesAreLoggedAndNeverTreatedAsErrors() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(StdioClientTransport.STDERR_LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
        try {
            StdioClientTransport transport = server("serve").build();
            try (McpSession client = session(transport)) {
                get(client.request("ping", null));
                assertThat(client.isOpen()).isTrue();
                assertThat(transport.recentStderr()).contains("raw server starting in mode serve");
            }
            assertThat(appender.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains("raw server starting in mode serve");
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
            });
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void workingDirectoryAndEnvironmentReachTheServer(@TempDir Path dir) throws Exception {
        StdioClientTransport transport = server("serve")
                .workingDirectory(dir)
                .environment("JMCP_TEST_VALUE", "hello stdio")
                .build();
        try (McpSession client = session(transport)) {
            JsonNode result = get(client.request("env", McpJson.parse("{\"name\":\"JMCP_TEST_VALUE\"}")));
            assertThat(result.get("value").asString()).isEqualTo("hello stdio");
            assertThat(Path.of(result.get("cwd").asString()).toRealPath()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void lineLongerThanTheLimitIsRejectedAndReadingContinues() throws Exception {
        RecordingListener listener = new RecordingListener();
        StdioClientTransport transport = server("long-line")
                .codec(JsonRpcCodec.withLimits(new CodecLimits(1024 * 1024, 128)))
                .build();
        try {
            transport.start(listener);
            JsonRpcCodecException tooLong = listener.nextInvalid(WAIT);
            assertThat(tooLong.error().code()).isEqualTo(-32600);
            assertThat(tooLong.getMessage()).contains("exceeds the limit of 1048576");
            transport.send(new JsonRpcRequest(RequestId.of(7), "ping", null)).get(5, TimeUnit.SECONDS);
            JsonRpcMessage answer = listener.nextMessage(WAIT);
            assertThat(answer).isInstanceOfSatisfying(JsonRpcResponse.class, r -> assertThat(r.id())
                    .isEqualTo(RequestId.of(7)));
        } finally {
            transport.close();
        }
        assertThat(listener.closeCalls).isEqualTo(1);
        assertThat(listener.closed.getNow(new Throwable())).isNull();
    }

    @Test
    void serverThatNeverReadsStdinMakesSendsFailInsteadOfQueueingForever() throws Exception {
        RecordingListener listener = new RecordingListener();
        StdioClientTransport transport = server("no-read")
                .maxQueuedBytes(512 * 1024)
                .writeTimeout(Duration.ofMillis(200))
                .stdinCloseGrace(Duration.ofMillis(200))
                .terminateGrace(Duration.ofSeconds(5))
                .build();
        transport.start(listener);
        JsonNode params = McpJson.object().put("payload", "p".repeat(64 * 1024));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        Throwable failure = null;
        for (int i = 0; i < 200 && failure == null; i++) {
            CompletableFuture<Void> f = transport.send(new JsonRpcRequest(RequestId.of(i), "echo", params));
            sends.add(f);
            if (f.isCompletedExceptionally()) {
                failure = f.handle((ok, e) -> e).get();
            }
        }
        assertThat(failure)
                .as("a send fails once pipe and queue are full (%d sent)", sends.size())
                .isInstanceOf(McpTransportException.class)
                .hasMessageContaining("the peer is not reading");
        assertThat(sends.size()).isLessThan(200);
        transport.close();
        assertThat(transport.exitCode()).isPresent();
        assertThat(listener.closed).isDone();
        for (CompletableFuture<Void> f : sends) {
            assertThat(f).isDone();
        }
    }

    @Test
    void missingCommandFailsToStart() {
        StdioClientTransport transport =
                StdioClientTransport.builder("/nonexistent/jmcp-no-such-server").build();
        assertThatThrownBy(() -> transport.start(new RecordingListener()))
                .isInstanceOf(McpTransportException.class)
                .hasMessageContaining("cannot start server process");
        transport.close();
    }

    @Test
    void sendAfterCloseFails() throws Exception {
        StdioClientTransport transport = server("serve").build();
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        transport.close();
        assertThat(transport.send(new JsonRpcRequest(RequestId.of(1), "ping", null)))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableThat()
                .withCauseInstanceOf(McpTransportException.class);
        assertThat(listener.closeCalls).isEqualTo(1);
    }

    /** Wraps a transport to count the invalid lines it reports. */
    private static final class CountingTransport implements Transport {
        final Transport delegate;
        final AtomicInteger invalid = new AtomicInteger();

        CountingTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void start(TransportListener listener) {
            delegate.start(new TransportListener() {
                @Override
                public void onMessage(JsonRpcMessage message, InboundContext context) {
                    listener.onMessage(message, context);
                }

                @Override
                public void onInvalidMessage(JsonRpcCodecException error) {
                    invalid.incrementAndGet();
                    listener.onInvalidMessage(error);
                }

                @Override
                public void onClose(Throwable cause) {
                    listener.onClose(cause);
                }
            });
        }

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            return delegate.send(message, context);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
