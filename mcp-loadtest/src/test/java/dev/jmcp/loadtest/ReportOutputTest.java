package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SimulatedTarget;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** The JSON report against its schema, the HTML report in a real browser, and JUnit XML. */
class ReportOutputTest {
    static LoadTestReport report;
    static LoadTestReport ceilingReport;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        // latency jumps after ~1 s (stalls), errors appear: a breaking point, thresholds that pass and fail
        SimulatedTarget target = SimulatedTarget.builder()
                .latency(Duration.ofMillis(2))
                .errorRate(0.05)
                .toolErrorRate(0.05)
                .seed(11)
                .build();
        report = LoadTest.builder()
                .target(target)
                .openModel(150)
                .interval(Duration.ofMillis(200))
                .stage(new LoadTestConfig.Stage("warm", Duration.ofMillis(600), 0, 100, true))
                .stage(new LoadTestConfig.Stage("hold", Duration.ofMillis(600), 0, 150, false))
                .toolCall("echo", McpJson.mapper().readTree("{\"text\":\"<script>&'\\\"</script>\"}"), 2)
                .scenario(Scenario.of("list", 1, FlowStep.of(Operation.TOOLS_LIST, null, null)))
                .threshold("p99<5s")
                .threshold("error_rate<0.1%")
                .threshold("tool:echo:p50<10s")
                .threshold("rps>1000000")
                .build()
                .run();
        ceilingReport = LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(1)).build())
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .ceiling(new LoadTestConfig.CeilingSettings(
                        20, 20, Duration.ofMillis(300), 60, Duration.ofSeconds(1), 0.5, 0.5))
                .build()
                .findCeiling();
    }

    private static Schema schema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return registry.getSchema(new ByteArrayInputStream(ReportFiles.schema().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonReportsValidateAgainstThePublishedSchema() throws Exception {
        Schema schema = schema();
        for (LoadTestReport r : List.of(report, ceilingReport)) {
            List<Error> errors = schema.validate(ReportFiles.toJson(r), InputFormat.JSON);
            assertThat(errors).as(ReportFiles.toJson(r)).isEmpty();
        }
        JsonNode tree = McpJson.mapper().readTree(ReportFiles.toJson(report));
        assertThat(tree.get("stages")).hasSize(2);
        // how many intervals the run spans depends on the machine's speed; that they add up exactly does not
        assertThat(tree.get("intervals").size()).isPositive();
        long intervalRequests = 0;
        for (JsonNode i : tree.get("intervals")) {
            intervalRequests += i.get("requests").asLong();
        }
        assertThat(intervalRequests).isEqualTo(tree.at("/summary/requests").asLong());
        assertThat(tree.at("/tools/echo/requests").asLong()).isPositive();
        assertThat(tree.at("/summary/errorsByClass/tool_error").asLong()).isPositive();
        // how far the search gets is the search's business (EngineEndToEndTest, CeilingFinderTest); here the
        // steps only have to be there and valid
        JsonNode steps =
                McpJson.mapper().readTree(ReportFiles.toJson(ceilingReport)).at("/ceiling/steps");
        assertThat(steps.size()).isBetween(1, 3);
        assertThat(steps.get(0).get("rate").asDouble()).isEqualTo(20.0);
        // the copy in docs/ is the same schema
        Path docs = Path.of("../docs/loadtest-report.schema.json");
        if (Files.exists(docs)) {
            assertThat(McpJson.mapper().readTree(Files.readString(docs)))
                    .isEqualTo(McpJson.mapper().readTree(ReportFiles.schema()));
        }
    }

    @Test
    void schemaRejectsAReportThatBreaksIt() {
        String broken = ReportFiles.toJson(report).replaceFirst("\"model\" : \"open\"", "\"model\" : \"sideways\"");
        assertThat(broken).contains("sideways");
        assertThat(schema().validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void thresholdsDecidePassOrFail() {
        assertThat(report.thresholds())
                .extracting(LoadTestReport.ThresholdResult::passed)
                .containsExactly(true, false, true, false);
        assertThat(report.passed()).isFalse();
        assertThat(report.thresholds().get(1).actual())
                .isEqualTo(report.summary().errorRate());
    }

    @Test
    void junitXmlHasOneFailureperFailedThreshold() throws Exception {
        String xml = ReportFiles.toJUnitXml(report);
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("5");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        assertThat(failures.item(0).getAttributes().getNamedItem("message").getNodeValue())
                .startsWith("threshold error_rate<0.1% failed");
    }

    @Test
    void htmlReportIsSelfContainedAndEscapesData() {
        String html = ReportFiles.toHtml(report);
        // nothing to fetch: the only URL is the SVG namespace name, which is never loaded
        assertThat(html.replace("'http://www.w3.org/2000/svg'", ""))
                .doesNotContain("http:", "https:", "<link", "src=", "@import", "url(");
        LoadTestReport evil = new LoadTestReport(
                report.schemaVersion(),
                "x</script><script>alert(1)</script>",
                report.model(),
                report.offeredLoadUnit(),
                report.sessionMode(),
                report.startedAt(),
                report.durationSeconds(),
                report.stopReason(),
                report.summary(),
                report.generator(),
                report.operations(),
                report.tools(),
                report.stages(),
                report.intervals(),
                null,
                null,
                report.thresholds(),
                report.latencyBasis());
        String evilHtml = ReportFiles.toHtml(evil);
        assertThat(evilHtml).doesNotContain("</script><script>alert");
        assertThat(evilHtml).contains("x<\\/script><script>alert(1)<\\/script>"); // inside the JSON data
        assertThat(evilHtml).contains("jmcp load test: x&lt;/script&gt;"); // in the title
    }

    @Test
    void htmlReportRendersItsChartsInHeadlessChromium() throws Exception {
        String chromium = findChromium();
        assumeTrue(
                chromium != null, "chromium not installed (apt-get install -y chromium): HTML rendering not checked");
        LoadTestReport withBreak = report.breakingPoint() != null
                ? report
                : new LoadTestReport(
                        report.schemaVersion(),
                        report.target(),
                        report.model(),
                        report.offeredLoadUnit(),
                        report.sessionMode(),
                        report.startedAt(),
                        report.durationSeconds(),
                        report.stopReason(),
                        report.summary(),
                        report.generator(),
                        report.operations(),
                        report.tools(),
                        report.stages(),
                        report.intervals(),
                        new LoadTestReport.BreakingPoint("latency_degradation", "test", 0.8, 3, 150),
                        null,
                        report.thresholds(),
                        report.latencyBasis());
        Path html = dir.resolve("report.html");
        ReportFiles.writeHtml(withBreak, html);
        List<String> cmd = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom",
                html.toUri().toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectError(dir.resolve("chromium.err").toFile())
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String dom = new String(out, StandardCharsets.UTF_8);
        assertThat(dom)
                .as("chromium stderr: %s", Files.readString(dir.resolve("chromium.err")))
                .contains("data-rendered=\"true\"");
        for (String id : List.of("chart-latency", "chart-rate", "chart-errors", "chart-scatter")) {
            int at = dom.indexOf("id=\"" + id + "\"");
            assertThat(at).as(id).isPositive();
            String svg = dom.substring(at, dom.indexOf("</svg>", at));
            assertThat(svg).as(id).contains("class=\"series");
        }
        assertThat(dom).contains("series-p99", "series-throughput", "breaking-point-marker", "id=\"breaking-point\"");
        assertThat(dom).contains("tools/call").contains("FAIL");
    }

    private static String findChromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }
}
