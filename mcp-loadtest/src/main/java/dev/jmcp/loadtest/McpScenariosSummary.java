package dev.jmcp.loadtest;

import java.util.Locale;

/** The text-summary lines of the MCP-deep scenarios (one per part that ran). */
final class McpScenariosSummary {
    private McpScenariosSummary() {}

    static String of(McpScenarios m) {
        StringBuilder sb = new StringBuilder();
        if (m.progress() != null) {
            McpScenarios.Progress p = m.progress();
            sb.append(String.format(
                    Locale.ROOT,
                    "progress: %d calls, %d with progress; time to first progress p50 %.3f p99 %.3f ms (call p50 %.3f"
                            + " p99 %.3f ms)%n",
                    p.calls(),
                    p.withProgress(),
                    p.timeToFirstProgress().p50Ms(),
                    p.timeToFirstProgress().p99Ms(),
                    p.callLatency().p50Ms(),
                    p.callLatency().p99Ms()));
        }
        if (m.tasks() != null) {
            McpScenarios.Tasks t = m.tasks();
            sb.append(String.format(
                    Locale.ROOT,
                    "tasks: %d calls, %d created; time to completion p50 %.3f p99 %.3f ms; polls mean %.2f max %d;"
                            + " states %s%n",
                    t.calls(),
                    t.created(),
                    t.timeToCompletion().p50Ms(),
                    t.timeToCompletion().p99Ms(),
                    t.pollsMean(),
                    t.pollsMax(),
                    t.states()));
        }
        if (m.subscriptions() != null) {
            McpScenarios.Subscriptions s = m.subscriptions();
            sb.append(String.format(
                    Locale.ROOT,
                    "subscribe fan-out (%s): %d of %d subscribed, %d triggers, %d of %d notifications (%d missed);"
                            + " latency p50 %.3f p99 %.3f ms%n",
                    s.era(),
                    s.subscribed(),
                    s.sessions(),
                    s.triggers(),
                    s.received(),
                    s.expected(),
                    s.missed(),
                    s.latency().p50Ms(),
                    s.latency().p99Ms()));
        }
        if (m.idleStreams() != null) {
            McpScenarios.IdleStreams i = m.idleStreams();
            sb.append(String.format(
                    Locale.ROOT,
                    "idle streams (%s): %d of %d opened, %d failed, %d closed by the server, %d open at the end%n",
                    i.kind(),
                    i.opened(),
                    i.requested(),
                    i.failedToOpen(),
                    i.closedByServer(),
                    i.openAtEnd()));
        }
        if (m.resumption() != null) {
            McpScenarios.Resumption z = m.resumption();
            sb.append(String.format(
                    Locale.ROOT,
                    "resumption: %d drops, %d resumed, %d failed; resume p50 %.3f p99 %.3f ms; %d events, %d lost,"
                            + " %d duplicated%n",
                    z.drops(),
                    z.resumed(),
                    z.resumeFailures(),
                    z.resumeLatency().p50Ms(),
                    z.resumeLatency().p99Ms(),
                    z.events(),
                    z.lost(),
                    z.duplicated()));
        }
        if (m.idleExpiry() != null) {
            McpScenarios.IdleExpiry e = m.idleExpiry();
            sb.append(String.format(
                    Locale.ROOT,
                    "idle expiry: %d reuses after %.1fs idle, %d answered, %d expired (404), %d re-initialised,"
                            + " %d errors %s%n",
                    e.reuses(),
                    e.idleSeconds(),
                    e.succeeded(),
                    e.expired(),
                    e.reinitialised(),
                    e.errors(),
                    e.errorsByClass().isEmpty() ? "" : e.errorsByClass().toString()));
        }
        return sb.toString();
    }
}
