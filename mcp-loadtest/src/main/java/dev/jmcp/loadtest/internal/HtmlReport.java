package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The self-contained HTML report: the JSON report is embedded in the page and drawn into inline SVG charts by an
 * inline script (no network access). When the script has finished, {@code <body>} carries
 * {@code data-rendered="true"}.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Renders the page for a report and its JSON text. */
    public static String render(LoadTestReport report, String json) {
        String template;
        try (InputStream in = HtmlReport.class.getResourceAsStream("/dev/jmcp/loadtest/report.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("report template missing", e);
        }
        // JSON inside <script>: "</" and U+2028/9 must not end the element or break the parser
        String safeJson =
                json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return template.replace("__TITLE__", JUnitXml.esc(report.target())).replace("__DATA__", safeJson);
    }
}
