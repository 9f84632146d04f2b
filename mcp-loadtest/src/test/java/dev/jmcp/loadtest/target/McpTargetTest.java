package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.InvalidToolOutputException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.Targets;
import dev.jmcp.loadtest.internal.McpOutcomes;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.McpHttpException;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The MCP binding against a real jmcp server: over loopback HTTP and over stdio (a subprocess). */
@Timeout(60)
class McpTargetTest {
    private static McpServer server;
    private static McpHttpServer http;

    @BeforeAll
    static void start() {
        server = TestServers.server();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static JsonNode json(String s) {
        return McpJson.parse(s);
    }

    private static Scenario tool(String name, String args, double weight) {
        return Scenario.of(name, weight, FlowStep.of(Operation.TOOLS_CALL, name, json(args)));
    }

    private static Scenario op(Operation op, String name, String args, double weight) {
        return Scenario.of(op.method(), weight, FlowStep.of(op, name, args == null ? null : json(args)));
    }

    private static TargetSpec httpSpec() {
        return TargetSpec.http(http.uri().toString());
    }

    // ---- one session, step by step ----

    @Test
    void eachStepMapsToItsClientCallAndFailuresAreClassifiedNotThrown() throws Exception {
        try (McpTarget target = new McpTarget(httpSpec())) {
            TargetSession s = target.openSession(SessionMode.PERSISTENT);
            Duration t = Duration.ofSeconds(5);
            StepOutcome echo = s.execute(new Step(Operation.TOOLS_CALL, "echo", json("{\"text\":\"hi\"}")), t);
            assertThat(echo.success()).isTrue();
            assertThat(echo.result().at("/content/0/text").asString()).isEqualTo("hi");
            assertThat(s.execute(new Step(Operation.TOOLS_CALL, "fail", null), t)
                            .errorClass())
                    .isEqualTo("tool_error");
            assertThat(s.execute(new Step(Operation.TOOLS_CALL, "counter", null), t)
                            .success())
                    .isTrue(); // structured output that matches the listed outputSchema
            assertThat(s.execute(new Step(Operation.TOOLS_CALL, "slow", json("{\"ms\":3000}")), Duration.ofMillis(200))
                            .errorClass())
                    .isEqualTo("timeout");
            StepOutcome missing = s.execute(new Step(Operation.RESOURCES_READ, "mem://nothing", null), t);
            assertThat(missing.errorKind()).isEqualTo(ErrorKind.JSONRPC);
            assertThat(missing.errorCode()).isNotNull();
            StepOutcome read = s.execute(new Step(Operation.RESOURCES_READ, TestServers.RESOURCE_URI, null), t);
            assertThat(read.result().at("/contents/0/text").asString()).isEqualTo("hello");
            StepOutcome prompt = s.execute(new Step(Operation.PROMPTS_GET, "greet", json("{\"name\":\"x\"}")), t);
            assertThat(prompt.success()).isTrue();
            assertThat(s.execute(new Step(Operation.TOOLS_LIST, null, null), t)
                            .result()
                            .get("tools")
                            .size())
                    .isEqualTo(4);
            assertThat(s.execute(new Step(Operation.RESOURCES_LIST, null, null), t)
                            .success())
                    .isTrue();
            assertThat(s.execute(new Step(Operation.PROMPTS_LIST, null, null), t)
                            .success())
                    .isTrue();
            assertThat(s.execute(new Step(Operation.PING, null, null), t).success())
                    .isTrue();
            assertThat(http.servlet().sessionCount()).isEqualTo(1);
            s.close();
            assertThat(http.servlet().sessionCount()).isZero(); // DELETE sent
            assertThat(s.execute(new Step(Operation.PING, null, null), t).errorClass())
                    .isEqualTo("connection");
            assertThat(target.openSessions()).isZero();
        }
    }

    @Test
    void structuredContentViolatingTheListedOutputSchemaIsAValidationError() throws Exception {
        McpServer changing = TestServers.server();
        try (McpHttpServer h = McpHttpServer.builder(changing).port(0).start();
                McpTarget target = new McpTarget(TargetSpec.http(h.uri().toString()))) {
            TargetSession s = target.openSession(SessionMode.PERSISTENT); // lists the tools and their schemas
            Step counter = new Step(Operation.TOOLS_CALL, "counter", null);
            assertThat(s.execute(counter, Duration.ofSeconds(5)).success()).isTrue();
            TestServers.breakCounter(changing);
            StepOutcome o = s.execute(counter, Duration.ofSeconds(5));
            assertThat(o.errorClass()).isEqualTo("validation");
            assertThat(o.message()).contains("outputSchema");
            assertThat(o.result().at("/structuredContent/count").asString()).isEqualTo("not a number");
            s.close();
        } finally {
            changing.close();
        }
    }

    @Test
    void aServerThatGoesAwayIsAConnectionErrorAndARefusedConnectFailsTheOpen() throws Exception {
        McpServer other = TestServers.server();
        McpHttpServer gone = McpHttpServer.builder(other).port(0).start();
        try (McpTarget target = new McpTarget(TargetSpec.http(gone.uri().toString()))) {
            TargetSession s = target.openSession(SessionMode.PERSISTENT);
            gone.close();
            other.close();
            StepOutcome o = s.execute(new Step(Operation.PING, null, null), Duration.ofSeconds(3));
            assertThat(o.errorClass()).isEqualTo("connection");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.openSession(SessionMode.PERSISTENT))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void exceptionsAreClassifiedByKind() {
        assertThat(McpOutcomes.classify(new McpRpcException(-32602, "bad")).errorClass())
                .isEqualTo("jsonrpc:-32602");
        assertThat(McpOutcomes.classify(new McpTransportException("send failed", new McpHttpException(503, "busy")))
                        .errorClass())
                .isEqualTo("http:503");
        assertThat(McpOutcomes.classify(new McpTimeoutException("slow", Duration.ofMillis(5)))
                        .errorClass())
                .isEqualTo("timeout");
        assertThat(McpOutcomes.classify(new McpTransportException("closed")).errorClass())
                .isEqualTo("connection");
        assertThat(McpOutcomes.classify(new InvalidToolOutputException("no")).errorClass())
                .isEqualTo("validation");
        assertThat(McpOutcomes.classify(new IllegalStateException("odd")).errorClass())
                .isEqualTo("protocol");
    }

    @Test
    void theBindingIsFoundThroughTheServiceLoader() throws Exception {
        try (Target t = Targets.create(httpSpec())) {
            assertThat(t).isInstanceOf(McpTarget.class);
        }
        Discovery.Discovered d = Targets.discovery(httpSpec()).discover(httpSpec(), Duration.ofSeconds(10));
        assertThat(d.serverName()).startsWith("loadtest-fixture");
        assertThat(d.tools())
                .extracting(Discovery.Tool::name)
                .containsExactlyInAnyOrder("echo", "fail", "slow", "counter");
        assertThat(d.resourceUris()).containsExactly(TestServers.RESOURCE_URI);
        assertThat(d.prompts()).containsExactly(new Discovery.Prompt("greet", java.util.List.of("name")));
    }

    // ---- load tests over HTTP ----

    @Test
    void httpPersistentClosedModelCountsSuccessesToolErrorsTimeoutsAndValidationApart() throws Exception {
        try (McpTarget target = new McpTarget(httpSpec())) {
            // one virtual user and an iteration bound: with the seed, which scenarios run is fixed (the slow one
            // among them), whatever the machine's speed; the 3 s timeout leaves a loaded machine's echo far below it
            LoadTestReport r = LoadTest.builder()
                    .target(target)
                    .closedModel(1)
                    .iterations(60)
                    .duration(null)
                    .timeout(Duration.ofSeconds(3))
                    .seed(3) // 60 picks: slow exactly once, every other scenario at least twice
                    .scenario(tool("echo", "{\"text\":\"hi\"}", 4))
                    .scenario(tool("fail", "{}", 1))
                    .scenario(tool("slow", "{\"ms\":10000}", 0.3))
                    .scenario(tool("counter", "{}", 1))
                    .scenario(op(Operation.RESOURCES_READ, TestServers.RESOURCE_URI, null, 1))
                    .scenario(op(Operation.PROMPTS_GET, "greet", "{\"name\":\"x\"}", 1))
                    .scenario(op(Operation.TOOLS_LIST, null, null, 1))
                    .scenario(op(Operation.PING, null, null, 1))
                    .build()
                    .run();
            LoadTestReport.Stats s = r.summary();
            assertThat(s.errorsByClass()).containsOnlyKeys("tool_error", "timeout");
            Map<String, LoadTestReport.Stats> tools = r.tools();
            assertThat(tools.get("echo").errors()).isZero();
            assertThat(tools.get("echo").successes()).isPositive();
            assertThat(tools.get("counter").errors()).isZero();
            assertThat(tools.get("fail").successes()).isZero();
            assertThat(tools.get("slow").successes()).isZero();
            assertThat(s.errorsByClass().get("tool_error"))
                    .isEqualTo(tools.get("fail").requests());
            assertThat(s.errorsByClass().get("timeout"))
                    .isEqualTo(tools.get("slow").requests());
            for (String method : new String[] {"resources/read", "prompts/get", "tools/list", "ping"}) {
                assertThat(r.operations().get(method).requests()).as(method).isPositive();
                assertThat(r.operations().get(method).errors()).as(method).isZero();
            }
            assertThat(s.errors())
                    .isEqualTo(tools.get("fail").requests() + tools.get("slow").requests());
            assertThat(tools.get("slow").requests()).isEqualTo(1);
            assertThat(r.summary().requests()).isEqualTo(60);
            assertThat(r.generator().sessionsOpened()).isEqualTo(1);
            assertThat(r.generator().sessionOpenFailures()).isZero();
            assertThat(r.operations()).doesNotContainKey("session/connect");
            assertThat(target.openSessions()).isZero();
        }
    }

    @Test
    void httpPerIterationOpenModelRecordsEachHandshakeAsSessionConnect() throws Exception {
        try (McpTarget target = new McpTarget(httpSpec())) {
            LoadTestReport r = LoadTest.builder()
                    .target(target)
                    .openModel(60)
                    .iterations(30)
                    .duration(Duration.ofSeconds(30))
                    .workers(8, Duration.ofSeconds(30))
                    .timeout(Duration.ofSeconds(5))
                    .sessionMode(SessionMode.PER_ITERATION)
                    .scenario(tool("echo", "{\"text\":\"hi\"}", 1))
                    .build()
                    .run();
            LoadTestReport.Stats connect = r.operations().get("session/connect");
            assertThat(connect).isNotNull();
            assertThat(connect.errors())
                    .as(r.summary().errorsByClass().toString())
                    .isZero();
            assertThat(connect.requests()).isEqualTo(r.generator().iterations()).isEqualTo(30);
            assertThat(connect.requests()).isEqualTo(r.generator().sessionsOpened());
            assertThat(r.tools().get("echo").successes()).isEqualTo(connect.requests());
            assertThat(r.summary().requests()).isEqualTo(2 * connect.requests());
            assertThat(r.summary().errors())
                    .as(r.summary().errorsByClass().toString())
                    .isZero();
            assertThat(target.openSessions()).isZero();
            assertThat(http.servlet().sessionCount()).isZero(); // every session was deleted
        }
    }

    @Test
    void httpStatelessOpensNoServerSession() throws Exception {
        AtomicInteger maxServerSessions = new AtomicInteger();
        try (McpTarget mcp = new McpTarget(httpSpec())) {
            Target watched = new HookedTarget(mcp, mcp.describe(), (step, outcome) -> {
                maxServerSessions.accumulateAndGet(http.servlet().sessionCount(), Math::max);
                return outcome;
            });
            LoadTestReport r = LoadTest.builder()
                    .target(watched)
                    .closedModel(2)
                    .iterations(60)
                    .duration(null)
                    .timeout(Duration.ofSeconds(5))
                    .sessionMode(SessionMode.STATELESS)
                    .scenario(tool("echo", "{\"text\":\"hi\"}", 3))
                    .scenario(tool("fail", "{}", 1))
                    .build()
                    .run();
            assertEchoPassesAndFailIsTheOnlyError(r);
            assertThat(maxServerSessions.get()).isZero();
            assertThat(r.sessionMode()).isEqualTo("stateless");
        }
    }

    /** {@code echo} succeeded and never failed; every {@code fail} call, and nothing else, was a tool error. */
    private static void assertEchoPassesAndFailIsTheOnlyError(LoadTestReport r) {
        assertThat(r.tools().get("echo").successes()).isPositive();
        assertThat(r.tools().get("echo").errors()).isZero();
        assertThat(r.tools().get("fail").successes()).isZero();
        assertThat(r.summary().errorsByClass().get("tool_error"))
                .isEqualTo(r.tools().get("fail").requests());
        assertThat(r.summary().errorsByClass()).containsOnlyKeys("tool_error");
    }

    // ---- load tests over stdio (one server process per session) ----

    private static long childProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    /**
     * Runs a load test against the stdio test server (30 s at most, 5 s step timeout) as {@code configure} sets
     * it up, and checks that the target closed every session and no server process outlives it.
     */
    private static LoadTestReport runOverStdio(UnaryOperator<LoadTest.Builder> configure) throws Exception {
        LoadTestReport r;
        try (McpTarget target = new McpTarget(TargetSpec.stdio(TestServers.stdioCommand()))) {
            r = configure
                    .apply(LoadTest.builder()
                            .target(target)
                            .duration(Duration.ofSeconds(30))
                            .timeout(Duration.ofSeconds(5)))
                    .build()
                    .run();
            assertThat(target.openSessions()).isZero();
        }
        assertThat(childProcesses()).isZero();
        return r;
    }

    @Test
    void stdioPersistentClosedModelRunsOneProcessPerVirtualUser() throws Exception {
        LoadTestReport r = runOverStdio(b -> b.closedModel(2)
                .iterations(40) // bounded by work, not time: process start-up on a loaded machine varies
                .seed(3)
                .scenario(tool("echo", "{\"text\":\"hi\"}", 3))
                .scenario(tool("fail", "{}", 1))
                .scenario(op(Operation.RESOURCES_READ, TestServers.RESOURCE_URI, null, 1)));
        assertThat(r.generator().sessionsOpened()).isEqualTo(2);
        assertThat(r.summary().requests()).isEqualTo(40);
        assertEchoPassesAndFailIsTheOnlyError(r);
        assertThat(r.operations().get("resources/read").errors()).isZero();
    }

    @Test
    void stdioPerIterationOpenModelStartsAProcessPerIterationAndTimesIt() throws Exception {
        LoadTestReport r = runOverStdio(b -> b.openModel(1) // processes start a second apart, not competing for CPU
                .iterations(2)
                .sessionMode(SessionMode.PER_ITERATION)
                .scenario(tool("echo", "{\"text\":\"hi\"}", 1)));
        LoadTestReport.Stats connect = r.operations().get("session/connect");
        assertThat(connect).as(r.summary().errorsByClass().toString()).isNotNull();
        assertThat(connect.requests()).isEqualTo(2);
        assertThat(connect.errors()).as(String.valueOf(r.errorSamples())).isZero();
        assertThat(r.tools().get("echo").successes()).isEqualTo(connect.requests());
        assertThat(r.generator().sessionsOpened()).isEqualTo(connect.requests());
    }

    @Test
    void stdioStatelessSpeaksTheStatelessRevision() throws Exception {
        LoadTestReport r = runOverStdio(b -> b.closedModel(1)
                .iterations(30)
                .sessionMode(SessionMode.STATELESS)
                .scenario(tool("echo", "{\"text\":\"hi\"}", 1)));
        assertThat(r.tools().get("echo").successes()).isPositive();
        assertThat(r.tools().get("echo").errors()).isZero();
        assertThat(r.generator().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void stdioProcessesAreBoundedPerTarget() throws Exception {
        System.setProperty(McpTarget.MAX_STDIO_PROCESSES_PROPERTY, "1");
        try (McpTarget target = new McpTarget(TargetSpec.stdio(TestServers.stdioCommand()))) {
            TargetSession first = target.openSession(SessionMode.PERSISTENT);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.openSession(SessionMode.PERSISTENT))
                    .hasMessageContaining("at most 1 server processes");
            first.close();
            target.openSession(SessionMode.PERSISTENT); // the slot is free again; closed by target.close()
            assertThat(target.openSessions()).isEqualTo(1);
        } finally {
            System.clearProperty(McpTarget.MAX_STDIO_PROCESSES_PROPERTY);
        }
        assertThat(childProcesses()).isZero();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
