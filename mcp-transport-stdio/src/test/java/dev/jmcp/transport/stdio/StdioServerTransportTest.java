package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.testsupport.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** {@link StdioServerTransport} over in-process pipes, driven with raw lines as a client would write them. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StdioServerTransportTest {
    private OutputStream toServer;
    private BufferedReader fromServer;
    private InputStream serverIn;
    private OutputStream serverOut;
    private final ExecutorService lineReader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void pipes() throws IOException {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        toServer = Channels.newOutputStream(in.sink());
        serverIn = Channels.newInputStream(in.source());
        serverOut = Channels.newOutputStream(out.sink());
        fromServer = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8), 1 << 16);
    }

    @AfterEach
    void cleanup() throws IOException {
        lineReader.shutdownNow();
        toServer.close();
    }

    private McpSession serve(StdioServerTransport transport) {
        return McpSession.builder(transport)
                .name("server")
                .maxInFlightRequests(1024) // concurrentRequests... has 301 requests in flight, above the default cap
                .requestHandler("echo", r -> r.params())
                .requestHandler("sleep", r -> {
                    Thread.sleep(r.params().get("ms").longValue());
                    return r.params();
                })
                .build()
                .start();
    }

    private void write(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode read() throws Exception {
        String line = lineReader.submit(fromServer::readLine).get(10, TimeUnit.SECONDS);
        assertThat(line).as("a line from the server").isNotNull();
        return McpJson.parse(line);
    }

    @Test
    void malformedLinesAreAnsweredAndTheSessionContinues() throws Exception {
        McpSession session = serve(StdioServerTransport.create(serverIn, serverOut));
        write("this is not json");
        assertThat(read().at("/error/code").intValue()).isEqualTo(-32700);
        write("{\"jsonrpc\":\"2.0\",\"id\":5}");
        JsonNode invalid = read();
        assertThat(invalid.at("/error/code").intValue()).isEqualTo(-32600);
        assertThat(invalid.get("id").intValue()).isEqualTo(5);
        write("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"echo\",\"params\":{\"ok\":true}}");
        JsonNode ok = read();
        assertThat(ok.get("id").intValue()).isEqualTo(6);
        assertThat(ok.at("/result/ok").booleanValue()).isTrue();
        assertThat(session.isOpen()).isTrue();
        session.close();
    }

    @Test
    void batchLineIsDeliveredAsIndividualMessages() throws Exception {
        McpSession session = serve(StdioServerTransport.create(serverIn, serverOut));
        write(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]");
        Set<Integer> ids = new HashSet<>();
        ids.add(read().get("id").intValue());
        ids.add(read().get("id").intValue());
        assertThat(ids).containsExactlyInAnyOrder(1, 2);
        session.close();
    }

    @Test
    void lineOverTheLimitIsRefusedWithoutKillingTheSession() throws Exception {
        StdioServerTransport transport = StdioServerTransport.builder(serverIn, serverOut)
                .codec(JsonRpcCodec.withLimits(new CodecLimits(64 * 1024, 64)))
                .build();
        McpSession session = serve(transport);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"x\":\"" + "a".repeat(1024 * 1024)
                        + "\"}}");
                write("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        JsonNode refused = read();
        assertThat(refused.at("/error/code").intValue()).isEqualTo(-32600);
        assertThat(refused.at("/error/message").asString()).contains("exceeds the limit");
        assertThat(read().get("id").intValue()).isEqualTo(2);
        writing.get(10, TimeUnit.SECONDS);
        session.close();
    }

    @Test
    void concurrentRequestsAreAnsweredAsTheyFinishOnePerLine() throws Exception {
        McpSession session = serve(StdioServerTransport.create(serverIn, serverOut));
        write("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"sleep\",\"params\":{\"ms\":1000}}");
        int n = 300;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(i)
                    .append(",\"method\":\"sleep\",\"params\":{\"ms\":")
                    .append(i % 7)
                    .append(",\"pad\":\"")
                    .append("q".repeat(i * 10))
                    .append("\"}}\n");
        }
        toServer.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        toServer.flush();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < n + 1; i++) {
            answers.add(read());
        }
        assertThat(answers.get(n).get("id").asString())
                .as("the slow request answers last")
                .isEqualTo("slow");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode a : answers.subList(0, n)) {
            int id = a.get("id").intValue();
            ids.add(id);
            assertThat(a.at("/result/pad").asString()).hasSize(id * 10);
        }
        assertThat(ids).hasSize(n);
        session.close();
    }

    @Test
    void endOfInputClosesTheSessionAfterFlushingQueuedMessages() throws Exception {
        StdioServerTransport transport = StdioServerTransport.create(serverIn, serverOut);
        McpSession session = serve(transport);
        write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(read().get("id").intValue()).isEqualTo(1);
        toServer.close();
        transport.closeFuture().get(5, TimeUnit.SECONDS);
        session.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(session.isOpen()).isFalse();
        assertThat(lineReader.submit(fromServer::readLine).get(5, TimeUnit.SECONDS))
                .as("the server closed its output")
                .isNull();
    }

    @Test
    void sendsFromManyThreadsNeverInterleave() throws Exception {
        StdioServerTransport transport = StdioServerTransport.create(serverIn, serverOut);
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        int n = 400;
        try {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                sent.add(CompletableFuture.supplyAsync(
                                () -> transport.send(new JsonRpcNotification(
                                        "notifications/message",
                                        McpJson.object().put("k", k).put("text", "line\nbreak " + "w".repeat(k * 50)))),
                                senders)
                        .thenCompose(f -> f));
            }
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                JsonNode m = read();
                assertThat(m.at("/params/text").asString()).startsWith("line\nbreak ");
                seen.add(m.at("/params/k").intValue());
            }
            assertThat(seen).hasSize(n);
            CompletableFuture.allOf(sent.toArray(new CompletableFuture[0])).get(5, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
            transport.close();
        }
        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void closeIsIdempotentAndNotifiesOnce() throws Exception {
        StdioServerTransport transport = StdioServerTransport.create(serverIn, serverOut);
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        transport.close();
        transport.close();
        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(listener.closeCalls).isEqualTo(1);
        assertThat(transport.send(new JsonRpcNotification("x", null))).isCompletedExceptionally();
        // the reader thread is the only other path to onClose: once it has ended, no second call can come
        Threads.joinAll("jmcp-stdio-server-reader"::equals, Duration.ofSeconds(5));
        assertThat(listener.closeCalls).isEqualTo(1);
    }
}
