package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * stdio server hardening (#14): a real jmcp server in a subprocess answers the requests it received before end of
 * input, and its engine limits (URI template matching, batch size, in-flight cap) reach a raw stdio peer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioServerHardeningTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void atEndOfInputTheServerStillAnswersASlowRequestItReceived() throws Exception {
        Process p = new ProcessBuilder(TestProcesses.java(McpStdioServerMain.class)).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            writeLine(in, initialize(1));
            assertThat(out.readLine()).contains("\"id\":1").contains("protocolVersion");
            writeLine(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            writeLine(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"sleep\",\"arguments\":{\"ms\":1500}}}");
            in.close(); // end of input while the sleep runs
            List<String> lines = readAllLines(out);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"id\":2").contains("slept 1500"));
            assertThat(p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void readingTheReDoSUriOfD1OverStdioIsAnsweredQuickly() throws Exception {
        Process p = new ProcessBuilder(TestProcesses.java(McpStdioServerMain.class)).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            writeLine(in, initialize(1));
            assertThat(out.readLine()).contains("\"id\":1");
            writeLine(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String hostile = "file:///" + "?rev=".repeat(400_000) + "&";
            long t0 = System.nanoTime();
            writeLine(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"" + hostile
                            + "\"}}");
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // a backtracking matcher needs some 10^11 steps here; the linear one well under a second
            assertThat(answer.get(10, TimeUnit.SECONDS))
                    .contains("\"id\":2")
                    .contains("path of " + (hostile.length() - 8) + " chars");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aBatchOverTheLimitAndRequestsOverTheInFlightCapAreAnsweredWithErrors() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(TestProcesses.java(McpStdioServerMain.class));
        pb.environment().put("JMCP_TEST_MAX_IN_FLIGHT", "3");
        Process p = pb.start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            writeLine(in, initialize(1));
            assertThat(out.readLine()).contains("\"id\":1").contains("protocolVersion");
            writeLine(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String ping = "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}";
            writeLine(in, "[" + String.join(",", Collections.nCopies(101, ping)) + "]");
            for (int id = 10; id < 15; id++) {
                writeLine(
                        in,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"sleep\",\"arguments\":{\"ms\":1000}}}");
            }
            in.close();
            List<JsonNode> answers =
                    readAllLines(out).stream().map(McpJson::parse).toList();
            assertThat(answers)
                    .anySatisfy(a -> assertThat(a.path("error").path("message").asString())
                            .contains("batch of 101 messages exceeds the limit of 100"));
            long busy = answers.stream()
                    .filter(a -> a.path("error").path("code").asInt() == -32010)
                    .peek(a -> assertThat(a.path("error").path("message").asString())
                            .contains("too many concurrent requests"))
                    .count();
            long slept = answers.stream()
                    .filter(a -> a.toString().contains("slept 1000"))
                    .count();
            assertThat(busy).isEqualTo(2);
            assertThat(slept).isEqualTo(3);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String initialize(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    private static void writeLine(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Every line of the process's stdout until it closes (bounded by the class timeout). */
    private static List<String> readAllLines(BufferedReader out) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = out) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
