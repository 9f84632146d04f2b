package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import org.junit.jupiter.api.Test;

class HistogramMergeTest {
    private static final Step ECHO = new Step(Operation.TOOLS_CALL, "echo", null);
    private static final Step PING = new Step(Operation.PING, null, null);

    @Test
    void intervalsMergeAllWorkersAtMicrosecondResolutionWithoutDoubleCounting() {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics a = hub.newWorker();
        WorkerMetrics b = hub.newWorker();
        for (int i = 1; i <= 100; i++) {
            a.record(ECHO, StepOutcome.success(null), i * 1_000L, i * 1_000L); // 1..100 us
        }
        b.record(PING, StepOutcome.jsonRpcError(-32601, "nope"), 800_000L, 800_000L); // 0.8 ms
        b.record(ECHO, StepOutcome.timeout(), 5_000_000L, 5_000_000L);
        IntervalData first = hub.snapshot(1_000_000_000L, 0);

        assertThat(first.requests()).isEqualTo(102);
        assertThat(first.errors()).isEqualTo(2);
        assertThat(first.ok().get("op:tools/call").getTotalCount()).isEqualTo(100);
        assertThat(first.ok().get("tool:echo").getValueAtPercentile(50)).isEqualTo(50);
        assertThat(first.err().get("op:ping").getMaxValue()).isEqualTo(800); // not rounded to 0 or 1 ms
        assertThat(first.errorsByClass()).containsEntry("jsonrpc:-32601", 1L).containsEntry("timeout", 1L);

        b.record(PING, StepOutcome.success(null), 2_000L, 2_000L);
        IntervalData second = hub.snapshot(2_000_000_000L, 1);
        assertThat(second.requests()).isEqualTo(1);
        assertThat(second.errorsByClass()).isEmpty();
        assertThat(second.startNanos()).isEqualTo(1_000_000_000L);

        IntervalData total = new IntervalData(0, 0, 0);
        total.add(first);
        total.add(second);
        assertThat(total.requests()).isEqualTo(103);
        assertThat(total.merged(true, "op:").getTotalCount()).isEqualTo(101);
        assertThat(total.errorsByClass()).containsEntry("timeout", 1L);
        assertThat(total.seconds()).isEqualTo(2.0);
    }

    @Test
    void statsSplitSuccessAndErrorLatency() {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics w = hub.newWorker();
        w.record(ECHO, StepOutcome.success(null), 1_000_000L, 1_000_000L);
        w.record(ECHO, StepOutcome.toolError(null), 9_000_000L, 9_000_000L);
        IntervalData d = hub.snapshot(2_000_000_000L, 0);
        var stats = Reports.stats(d, "op:", 2.0, d.errorsByClass());
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.errorRate()).isEqualTo(0.5);
        assertThat(stats.throughputRps()).isEqualTo(1.0);
        assertThat(stats.latency().maxMs()).isEqualTo(1.0);
        assertThat(stats.errorLatency().maxMs()).isBetween(8.99, 9.01);
        assertThat(stats.errorsByClass()).containsEntry("tool_error", 1L);
    }
}
