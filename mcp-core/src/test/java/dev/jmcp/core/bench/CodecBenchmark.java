package dev.jmcp.core.bench;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Encode+decode of a typical {@code tools/call} request and its result. Run with {@link #main}; results go to
 * {@code docs/benchmarks.md}. Not a test: nothing asserts on timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    private final JsonRpcCodec codec = JsonRpcCodec.defaults();

    private final JsonRpcMessage request = new JsonRpcRequest(
            RequestId.of(42),
            "tools/call",
            McpJson.parse("{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Lisbon\",\"units\":\"metric\","
                    + "\"days\":3},\"_meta\":{\"progressToken\":42}}"));

    private final JsonRpcMessage result = new JsonRpcResponse(
            RequestId.of(42),
            McpJson.parse("{\"content\":[{\"type\":\"text\",\"text\":\"Lisbon: 21°C, clear skies; tomorrow 19°C, "
                    + "light rain; then 22°C, sunny.\"}],\"structuredContent\":{\"city\":\"Lisbon\",\"forecast\":"
                    + "[{\"day\":1,\"tempC\":21,\"sky\":\"clear\"},{\"day\":2,\"tempC\":19,\"sky\":\"rain\"},"
                    + "{\"day\":3,\"tempC\":22,\"sky\":\"sunny\"}]},\"isError\":false}"));

    private final byte[] requestBytes = codec.encode(request);
    private final byte[] resultBytes = codec.encode(result);

    /** Encode then decode the request. */
    @Benchmark
    public JsonRpcMessage requestRoundTrip() {
        return codec.decode(codec.encode(request));
    }

    /** Encode then decode the result. */
    @Benchmark
    public JsonRpcMessage resultRoundTrip() {
        return codec.decode(codec.encode(result));
    }

    /** Decode the request only. */
    @Benchmark
    public JsonRpcMessage decodeRequest() {
        return codec.decode(requestBytes);
    }

    /** Decode the result only. */
    @Benchmark
    public JsonRpcMessage decodeResult() {
        return codec.decode(resultBytes);
    }

    /** Runs the benchmark and prints the JMH table. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(CodecBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
