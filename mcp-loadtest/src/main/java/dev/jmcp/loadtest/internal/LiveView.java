package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.Latency;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The live terminal view: on a terminal, a three-line block redrawn in place every interval (ANSI); otherwise
 * one plain line per interval, suitable for CI logs.
 */
public final class LiveView implements Engine.Listener {
    private static final int LINES = 3;

    private final PrintStream out;
    private final boolean ansi;
    private boolean drawn;

    /** A view on {@code out}; {@code ansi} redraws in place. */
    public LiveView(PrintStream out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    @Override
    public synchronized void onInterval(
            IntervalPoint p, IntervalData runSoFar, double elapsed, double planned, String stageName) {
        Latency l = p.latency();
        String pct = l == null
                ? "p50 -  p95 -  p99 -"
                : String.format(
                        Locale.ROOT,
                        "p50 %s  p95 %s  p99 %s  max %s",
                        ms(l.p50Ms()),
                        ms(l.p95Ms()),
                        ms(l.p99Ms()),
                        ms(l.maxMs()));
        String rate = String.format(Locale.ROOT, "%.1f req/s", p.throughputRps());
        long total = runSoFar.requests();
        long errors = runSoFar.errors();
        if (!ansi) {
            out.printf(
                    Locale.ROOT,
                    "[%6.1fs] %-12s load %.1f  %s  %s  errors %d (%.2f%%)  dropped %d  total %d%s%n",
                    elapsed,
                    stageName,
                    p.offeredLoad(),
                    rate,
                    pct,
                    p.errors(),
                    p.errorRate() * 100,
                    p.droppedArrivals(),
                    total,
                    cpu(p));
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (drawn) {
            sb.append("\033[").append(LINES).append('F');
        }
        String progress = planned > 0
                ? bar(elapsed / planned) + String.format(Locale.ROOT, " %.1fs / %.1fs", elapsed, planned)
                : String.format(Locale.ROOT, "%.1fs", elapsed);
        line(
                sb,
                String.format(
                        Locale.ROOT,
                        "\033[1mjmcp-loadtest\033[0m %s  stage %s  offered %.1f",
                        progress,
                        stageName,
                        p.offeredLoad()));
        line(sb, String.format(Locale.ROOT, "  %s  %s  lag p99 %s%s", rate, pct, ms(p.lagP99Ms()), cpu(p)));
        line(
                sb,
                String.format(
                        Locale.ROOT,
                        "  total %d requests  %s%d errors (%.2f%%)\033[0m  dropped %d",
                        total,
                        errors > 0 ? "\033[31m" : "",
                        errors,
                        total == 0 ? 0 : errors * 100.0 / total,
                        p.droppedArrivals()));
        out.print(sb);
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void onBreakingPoint(BreakingPoint bp) {
        String msg = "breaking point: " + bp.reason() + " at " + String.format(Locale.ROOT, "%.1fs", bp.atSeconds())
                + " (" + bp.detail() + ")";
        if (ansi) {
            out.print("\033[" + LINES + "F\033[2K\033[33m" + msg + "\033[0m\n\n\n\n");
        } else {
            out.println(msg);
        }
    }

    private static void line(StringBuilder sb, String text) {
        sb.append("\033[2K").append(text).append('\n');
    }

    private static String bar(double fraction) {
        int width = 20;
        int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** The generator's CPU, flagged when it is the bottleneck (see the report's saturation warning). */
    private static String cpu(IntervalPoint p) {
        if (p.generatorCpuPercent() == null) {
            return "";
        }
        boolean saturated = p.generatorCpuPercent() >= Engine.SATURATED_CPU * 100;
        return String.format(
                Locale.ROOT, "  cpu %.0f%%%s", p.generatorCpuPercent(), saturated ? " GENERATOR SATURATED" : "");
    }

    private static String ms(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.0fus", ms * 1000) : String.format(Locale.ROOT, "%.2fms", ms);
    }
}
