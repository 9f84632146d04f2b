package dev.jmcp.bench;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.AnnotatedHandlers;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolHandler;
import dev.jmcp.server.ToolRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * A tool call through an annotated method against the same handler registered by lambda (issue #15: within 5%).
 * Two pairs of tools: {@code add(int, int)} answering text, and {@code forecast(String, Optional<Integer>)} answering
 * a record as {@code structuredContent}. Each pair is measured twice:
 *
 * <ul>
 *   <li>{@code handler*}: the {@link ToolHandler} alone, i.e. argument binding, the method-handle call and the
 *       result mapping against hand-written JSON access and result building;
 *   <li>{@code server*}: a whole {@code tools/call} as the server handles it (decode, session engine, routing, input
 *       validation, the handler, encode of the answer), driven on the benchmark thread with no hand-off
 *       ({@link DirectServerTransport}, handlers run inline): the figure the 5% goal is about, measurable
 *       without scheduling noise;
 *   <li>{@code call*}: a whole {@code tools/call} from {@link McpClient} to {@link McpServer} over an in-memory
 *       transport (codec, session engine, input validation, handler executor), to show the share of the handler.
 * </ul>
 *
 * <p>Run (docs/benchmarks.md): {@code ./mvnw -q -Pbench -pl benchmarks -am package -DskipTests}, then {@code java
 * -cp "benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main
 * AnnotatedCallBenchmark}. Not a test: nothing asserts on timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class AnnotatedCallBenchmark {

    /** The answer of {@code forecast}. */
    public record Forecast(String city, int days, double high) {}

    /** The annotated handlers. */
    public static final class Handlers {
        /** Adds two integers. */
        @McpTool(description = "Adds two integers")
        public int add(int a, int b) {
            return a + b;
        }

        /** A forecast. */
        @McpTool(description = "A forecast")
        public Forecast forecast(String city, Optional<Integer> days) {
            return new Forecast(city, days.orElse(3), 21.5);
        }
    }

    /** {@code add} written by hand. */
    static final ToolHandler ADD_LAMBDA = (request, ctx) -> {
        JsonNode args = request.arguments();
        return CallToolResult.text(
                String.valueOf(args.get("a").asInt() + args.get("b").asInt()));
    };

    /** {@code forecast} written by hand. */
    static final ToolHandler FORECAST_LAMBDA = (request, ctx) -> {
        JsonNode args = request.arguments();
        JsonNode days = args.get("days");
        Forecast f = new Forecast(args.get("city").asString(), days == null || days.isNull() ? 3 : days.asInt(), 21.5);
        return CallToolResult.builder().structuredContent(McpJson.toTree(f)).build();
    };

    private final JsonNode addArgs = McpJson.parse("{\"a\":2,\"b\":3}");
    private final JsonNode forecastArgs = McpJson.parse("{\"city\":\"Lisbon\",\"days\":5}");
    private final ToolRequest addRequest = new ToolRequest("add", addArgs, null);
    private final ToolRequest forecastRequest = new ToolRequest("forecast", forecastArgs, null);

    private ToolHandler addAnnotated;
    private ToolHandler forecastAnnotated;
    private McpServer server;
    private McpClient client;
    private McpServer directServer;
    private final DirectServerTransport direct = new DirectServerTransport();
    private final byte[] addFrame = frame("add", "{\"a\":2,\"b\":3}");
    private final byte[] addLambdaFrame = frame("add_lambda", "{\"a\":2,\"b\":3}");
    private final byte[] forecastFrame = frame("forecast", "{\"city\":\"Lisbon\",\"days\":5}");
    private final byte[] forecastLambdaFrame = frame("forecast_lambda", "{\"city\":\"Lisbon\",\"days\":5}");

    /** Registers both styles once and connects a client over an in-memory transport. */
    @Setup(Level.Trial)
    public void setUp() {
        AnnotatedHandlers annotated = AnnotatedHandlers.of(new Handlers());
        ServerTool add = find(annotated, "add");
        ServerTool forecast = find(annotated, "forecast");
        addAnnotated = add.handler();
        forecastAnnotated = forecast.handler();
        server = builderWith(add, forecast).build();
        directServer = builderWith(add, forecast).executor(Runnable::run).build();
        directServer.connect(direct);
        byte[] init = direct.exchange(bytes("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
        if (init == null || !new String(init, StandardCharsets.UTF_8).contains("\"result\"")) {
            throw new IllegalStateException("initialize failed: " + (init == null ? "no answer" : new String(init)));
        }
        direct.exchange(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        for (byte[] f : List.of(addFrame, addLambdaFrame, forecastFrame, forecastLambdaFrame)) {
            String answer = new String(direct.exchange(f), StandardCharsets.UTF_8);
            if (!answer.contains("\"result\"") || answer.contains("\"isError\":true")) {
                throw new IllegalStateException("tools/call failed: " + answer);
            }
        }
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        client = McpClient.builder()
                .transport(pair.clientSide())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.connect();
    }

    /** Both styles of both tools; the lambda tools declare the annotated tools' schemas, so validation costs the same. */
    private static McpServer.Builder builderWith(ServerTool add, ServerTool forecast) {
        return McpServer.builder()
                .name("bench-annotated")
                .version("1")
                .tool(add)
                .tool(forecast)
                .tool(
                        Tool.builder("add_lambda", add.tool().inputSchema())
                                .description("Adds two integers")
                                .build(),
                        ADD_LAMBDA)
                .tool(
                        Tool.builder("forecast_lambda", forecast.tool().inputSchema())
                                .description("A forecast")
                                .outputSchema(forecast.tool().outputSchema())
                                .build(),
                        FORECAST_LAMBDA);
    }

    private static byte[] frame(String tool, String arguments) {
        return bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ServerTool find(AnnotatedHandlers handlers, String name) {
        return handlers.tools().stream()
                .filter(t -> t.tool().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Closes the client and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
        directServer.close();
    }

    /** {@code add} through its annotated method. */
    @Benchmark
    public CallToolResult handlerAddAnnotated() throws Exception {
        return addAnnotated.handle(addRequest, null);
    }

    /** {@code add} by lambda. */
    @Benchmark
    public CallToolResult handlerAddLambda() throws Exception {
        return ADD_LAMBDA.handle(addRequest, null);
    }

    /** {@code forecast} through its annotated method. */
    @Benchmark
    public CallToolResult handlerForecastAnnotated() throws Exception {
        return forecastAnnotated.handle(forecastRequest, null);
    }

    /** {@code forecast} by lambda. */
    @Benchmark
    public CallToolResult handlerForecastLambda() throws Exception {
        return FORECAST_LAMBDA.handle(forecastRequest, null);
    }

    /** The server's whole handling of a {@code tools/call} of the annotated {@code add}, on this thread. */
    @Benchmark
    public byte[] serverAddAnnotated() {
        return direct.exchange(addFrame);
    }

    /** The server's whole handling of a {@code tools/call} of the lambda {@code add}, on this thread. */
    @Benchmark
    public byte[] serverAddLambda() {
        return direct.exchange(addLambdaFrame);
    }

    /** The server's whole handling of a {@code tools/call} of the annotated {@code forecast}, on this thread. */
    @Benchmark
    public byte[] serverForecastAnnotated() {
        return direct.exchange(forecastFrame);
    }

    /** The server's whole handling of a {@code tools/call} of the lambda {@code forecast}, on this thread. */
    @Benchmark
    public byte[] serverForecastLambda() {
        return direct.exchange(forecastLambdaFrame);
    }

    /** A whole {@code tools/call} of the annotated {@code add}. */
    @Benchmark
    public CallToolResult callAddAnnotated() {
        return client.callTool("add", addArgs);
    }

    /** A whole {@code tools/call} of the lambda {@code add}. */
    @Benchmark
    public CallToolResult callAddLambda() {
        return client.callTool("add_lambda", addArgs);
    }

    /** A whole {@code tools/call} of the annotated {@code forecast}. */
    @Benchmark
    public CallToolResult callForecastAnnotated() {
        return client.callTool("forecast", forecastArgs);
    }

    /** A whole {@code tools/call} of the lambda {@code forecast}. */
    @Benchmark
    public CallToolResult callForecastLambda() {
        return client.callTool("forecast_lambda", forecastArgs);
    }
}
