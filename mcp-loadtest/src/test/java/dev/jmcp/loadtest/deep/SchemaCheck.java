package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.ReportFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Checks that a report validates against the published schema and reads back with its {@code mcpScenarios}. */
final class SchemaCheck {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(new ByteArrayInputStream(ReportFiles.schema().getBytes(StandardCharsets.UTF_8)));

    private SchemaCheck() {}

    static void validAndReadable(LoadTestReport r, Path dir) throws Exception {
        String json = ReportFiles.toJson(r);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(json).contains("\"mcpScenarios\"");
        assertThat(r.schemaVersion()).isEqualTo(LoadTestReport.SCHEMA_VERSION).isEqualTo("1.3");
        Path file = dir.resolve("report-" + System.nanoTime() + ".json");
        ReportFiles.writeJson(r, file);
        assertThat(ReportFiles.readJson(file).mcpScenarios()).isEqualTo(r.mcpScenarios());
        assertThat(ReportFiles.toHtml(r)).contains("id=\"mcp-scenarios\"");
        assertThat(ReportFiles.summary(r)).isNotBlank();
    }
}
