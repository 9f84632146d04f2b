package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The generator's own long run: the real CLI in its own JVM with a fixed heap ({@value #HEAP}), an open model of
 * {@value #RATE} {@code tools/call} per second against an in-process server model ({@code sim:?latency=1ms}, so
 * nothing but the generator and the model run) for {@value #DURATION_PROPERTY} (the {@code generator-soak}
 * profile: one hour). Every {@link #SAMPLE_EVERY} the test forces a full GC in that JVM ({@code jcmd GC.run}) and
 * reads the heap in use ({@code GC.heap_info}). The run must finish with its reports, serve what it was asked to,
 * and its heap after GC in the last quarter must stay within a fixed margin of the heap after the windows filled
 * (memory does not grow with the run's length). The samples go to {@code target/generator-soak-report.md}
 * (summarised in {@code docs/loadtest.md}).
 */
@EnabledIfSystemProperty(named = GeneratorHeapSoakTest.DURATION_PROPERTY, matches = ".+")
class GeneratorHeapSoakTest {
    static final String DURATION_PROPERTY = "jmcp.generator.soak.duration";
    private static final String HEAP = "128m";
    private static final int RATE = 1_000;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(60);
    /** How much the heap after GC may rise between the filled windows and the last quarter of the run. */
    private static final long GROWTH_MARGIN_BYTES = 24L * 1024 * 1024;

    private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    @TempDir
    Path dir;

    record Sample(long atSeconds, long usedKiB) {
        String row() {
            return "| " + atSeconds + " | " + usedKiB / 1024 + " |";
        }
    }

    @Test
    void anHourAtAThousandRequestsPerSecondStaysUnderAFixedHeap() throws Exception {
        Duration duration =
                Duration.parse("PT" + System.getProperty(DURATION_PROPERTY).toUpperCase());
        Path cfg = dir.resolve("loadtest.toml");
        Files.writeString(
                cfg,
                """
                [settings]
                model = "open"
                rate = %d
                max_workers = 64
                max_queue_wait = "100ms"

                [[scenario]]
                name = "echo"
                type = "tools/call"
                tool = "echo"
                arguments = { text = "hello" }
                """
                        .formatted(RATE));
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path reports = dir.resolve("reports");
        Path log = dir.resolve("cli.log");
        Process cli = new ProcessBuilder(
                        javaHome.resolve("bin/java").toString(),
                        "-Xmx" + HEAP,
                        "-Xms" + HEAP,
                        "-XX:+UseG1GC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadTestCli.class.getName(),
                        "run",
                        "-c",
                        cfg.toString(),
                        "--duration",
                        duration.toSeconds() + "s",
                        "--report-dir",
                        reports.toString(),
                        "sim:?latency=1ms")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<Sample> samples = new ArrayList<>();
        Instant start = Instant.now();
        int exit;
        try {
            Instant nextSample = start.plus(SAMPLE_EVERY);
            while (!cli.waitFor(
                    Math.max(1, Duration.between(Instant.now(), nextSample).toMillis()), TimeUnit.MILLISECONDS)) {
                long at = Duration.between(start, Instant.now()).toSeconds();
                usedHeapAfterFullGc(javaHome, cli.pid()).ifPresent(kib -> samples.add(new Sample(at, kib)));
                nextSample = nextSample.plus(SAMPLE_EVERY);
                assertThat(Duration.between(start, Instant.now()))
                        .as("the run ends by itself")
                        .isLessThan(duration.plusMinutes(2));
            }
            exit = cli.exitValue();
        } finally {
            if (cli.isAlive()) {
                cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        JsonNode report = jsonReport(reports);
        long requests = report.path("summary").path("requests").asLong(-1);
        writeReport(duration, samples, requests, output);

        assertThat(exit)
                .as(output.lines()
                        .skip(Math.max(0, output.lines().count() - 40))
                        .toList()
                        .toString())
                .isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(requests).as("requests served").isGreaterThan(duration.toSeconds() * RATE * 9 / 10);
        assertThat(samples).hasSizeGreaterThan(3);
        long filled = samples.stream()
                .filter(s -> s.atSeconds() >= Math.min(300, duration.toSeconds() / 4))
                .findFirst()
                .orElseThrow()
                .usedKiB();
        long lastQuarterMax = samples.stream()
                .filter(s -> s.atSeconds() >= duration.toSeconds() * 3 / 4)
                .mapToLong(Sample::usedKiB)
                .max()
                .orElseThrow();
        assertThat(lastQuarterMax * 1024)
                .as("heap after GC in the last quarter vs once the windows filled")
                .isLessThan(filled * 1024 + GROWTH_MARGIN_BYTES);
    }

    private static java.util.OptionalLong usedHeapAfterFullGc(Path javaHome, long pid) throws Exception {
        String jcmd = javaHome.resolve("bin/jcmd").toString();
        if (!run(jcmd, Long.toString(pid), "GC.run").isPresent()) {
            return java.util.OptionalLong.empty();
        }
        return run(jcmd, Long.toString(pid), "GC.heap_info")
                .map(G1_USED::matcher)
                .filter(Matcher::find)
                .map(m -> java.util.OptionalLong.of(Long.parseLong(m.group(1))))
                .orElse(java.util.OptionalLong.empty());
    }

    private static java.util.Optional<String> run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return java.util.Optional.empty();
        }
        return p.exitValue() == 0
                ? java.util.Optional.of(new String(out, StandardCharsets.UTF_8))
                : java.util.Optional.empty();
    }

    private static JsonNode jsonReport(Path reports) throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            Path json = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON report in " + reports));
            return McpJson.mapper().readTree(json.toFile());
        }
    }

    private static void writeReport(Duration duration, List<Sample> samples, long requests, String output)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Generator heap soak (")
                .append(duration)
                .append(", ")
                .append(RATE)
                .append(" tools/call per second, -Xmx")
                .append(HEAP)
                .append(", ")
                .append(System.getProperty("java.version"))
                .append(")\n\n")
                .append("requests: ")
                .append(requests)
                .append("\n\n| seconds | heap used after full GC (MiB) |\n|---|---|\n");
        samples.forEach(s -> md.append(s.row()).append('\n'));
        md.append("\n```\n")
                .append(output.lines()
                        .skip(Math.max(0, output.lines().count() - 30))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse(""))
                .append("\n```\n");
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("generator-soak-report.md"), md.toString());
    }
}
