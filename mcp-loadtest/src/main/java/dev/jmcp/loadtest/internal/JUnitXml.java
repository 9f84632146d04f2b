package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.ThresholdResult;
import java.util.Locale;

/** JUnit XML for CI: one test case per threshold (a failed threshold is a failure), plus one for the run. */
public final class JUnitXml {
    private JUnitXml() {}

    /** Renders the report's thresholds. */
    public static String render(LoadTestReport r) {
        long failures = r.thresholds().stream().filter(t -> !t.passed()).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(
                Locale.ROOT,
                "<testsuite name=\"jmcp-loadtest\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\" timestamp=\"%s\">%n",
                r.thresholds().size() + 1,
                failures,
                r.durationSeconds(),
                esc(r.startedAt())));
        sb.append("  <properties>\n");
        prop(sb, "target", r.target());
        prop(sb, "model", r.model());
        prop(sb, "requests", Long.toString(r.summary().requests()));
        prop(sb, "errors", Long.toString(r.summary().errors()));
        prop(sb, "stopReason", r.stopReason());
        sb.append("  </properties>\n");
        sb.append(String.format(
                Locale.ROOT,
                "  <testcase classname=\"jmcp-loadtest\" name=\"run %s\" time=\"%.3f\"/>%n",
                esc(r.target()),
                r.durationSeconds()));
        for (ThresholdResult t : r.thresholds()) {
            sb.append("  <testcase classname=\"jmcp-loadtest.thresholds\" name=\"")
                    .append(esc(t.expression()))
                    .append("\" time=\"0\"");
            if (t.passed()) {
                sb.append("/>\n");
            } else {
                String msg = String.format(Locale.ROOT, "threshold %s failed: actual %.4f", t.expression(), t.actual());
                sb.append(">\n    <failure message=\"")
                        .append(esc(msg))
                        .append("\" type=\"threshold\">")
                        .append(esc(msg))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    private static void prop(StringBuilder sb, String name, String value) {
        sb.append("    <property name=\"")
                .append(esc(name))
                .append("\" value=\"")
                .append(esc(value))
                .append("\"/>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
