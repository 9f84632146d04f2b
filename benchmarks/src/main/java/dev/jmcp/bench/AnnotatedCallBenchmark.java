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
import java.time.Duration;
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

    /** Registers both styles once and connects a client over an in-memory transport. */
    @Setup(Level.Trial)
    public void setUp() {
        AnnotatedHandlers annotated = AnnotatedHandlers.of(new Handlers());
        ServerTool add = find(annotated, "add");
        ServerTool forecast = find(annotated, "forecast");
        addAnnotated = add.handler();
        forecastAnnotated = forecast.handler();
        // The lambda tools declare the annotated tools' schemas, so validation costs the same for both.
        server = McpServer.builder()
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
                        FORECAST_LAMBDA)
                .build();
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        client = McpClient.builder()
                .transport(pair.clientSide())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.connect();
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
