package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recording never waits for the collector: no lock is shared between recording, draining and scheduling. */
class MetricsHubTest {
    private static final Step PING = new Step(Operation.PING, null, null);

    @Test
    void theSchedulerRecordsArrivalsWhileTheHubsLockIsHeld() throws Exception {
        MetricsHub hub = new MetricsHub(2_000_000_000L);
        CompletableFuture<Void> recorded;
        synchronized (hub) { // what snapshot() and seal() hold
            recorded = CompletableFuture.runAsync(() -> {
                hub.recordArrival(1_000, true);
                hub.recordArrival(2_000, false, 50_000_000L);
            });
            recorded.get(5, TimeUnit.SECONDS);
        }
        IntervalData d = hub.snapshot(1_000_000_000L, 0);
        assertThat(d.scheduled()).isEqualTo(2);
        assertThat(d.dropped()).isEqualTo(1);
        // the drop counts as at least the 2 s floor in the effective distribution
        assertThat(d.dropLatency().getTotalCount()).isEqualTo(1);
        assertThat(d.effective().getMinValue()).isGreaterThanOrEqualTo(1_999_000L);
    }

    @Test
    void aWorkerRecordsWhileItsMonitorIsHeld() throws Exception {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics w = hub.newWorker();
        synchronized (w) {
            CompletableFuture.runAsync(() -> {
                        w.beginIteration();
                        w.record(PING, StepOutcome.success(null), 3_000_000, 2_000_000);
                        w.endIteration();
                    })
                    .get(5, TimeUnit.SECONDS);
        }
        IntervalData d = hub.snapshot(1_000_000_000L, 0);
        assertThat(d.requests()).isEqualTo(1);
        assertThat(d.iterations()).isEqualTo(1);
        assertThat(d.service().getTotalCount()).isEqualTo(1);
    }

    @Test
    void concurrentRecordingAndSnapshotsLoseAndDuplicateNothing() throws Exception {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics w = hub.newWorker();
        int n = 200_000;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) {
                w.record(PING, StepOutcome.success(null), 1_000_000, 1_000_000);
                hub.recordArrival(0, true);
            }
        });
        long requests = 0;
        long scheduled = 0;
        long end = 0;
        while (!writer.isDone()) {
            IntervalData d = hub.snapshot(++end, 0);
            requests += d.requests();
            scheduled += d.scheduled();
        }
        writer.get(5, TimeUnit.SECONDS);
        IntervalData last = hub.snapshot(++end, 0);
        assertThat(requests + last.requests()).isEqualTo(n);
        assertThat(scheduled + last.scheduled()).isEqualTo(n);
    }

    @Test
    void nothingRecordedAfterTheSealReachesASnapshot() {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics w = hub.newWorker();
        w.beginIteration();
        assertThat(hub.seal()).isEqualTo(1); // the running iteration is cut off
        assertThat(w.record(PING, StepOutcome.success(null), 1, 1)).isFalse();
        hub.recordArrival(0, false);
        IntervalData d = hub.snapshot(1, 0);
        assertThat(d.requests()).isZero();
        assertThat(d.scheduled()).isZero();
        assertThat(d.iterations()).isEqualTo(1);
    }
}
