package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.internal.IntervalData;
import dev.jmcp.loadtest.internal.MetricsHub;
import dev.jmcp.loadtest.internal.WorkerMetrics;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.TargetSpec;
import dev.jmcp.testsupport.Poll;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live Prometheus endpoint serves interval metrics during a run; retired workers' recorders are released. */
@Timeout(30)
class LiveMetricsAndReleaseTest {
    @Test
    void prometheusEndpointServesIntervalMetricsWhileTheRunLasts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadTest test = LoadTest.builder()
                .target(TargetSpec.http("sim:?latency=1ms&error_rate=0.2&seed=3"))
                .openModel(100)
                .duration(Duration.ofSeconds(4))
                .toolCall("echo", null, 1)
                .prometheus(new InetSocketAddress("127.0.0.1", port))
                .build();
        CompletableFuture<LoadTestReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return test.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        AtomicReference<String> page = new AtomicReference<>("");
        URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
        Poll.until(
                "a scrape with requests counted",
                () -> {
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        page.set(r.body());
                        return r.statusCode() == 200 && r.body().matches("(?s).*jmcp_loadtest_requests_total [1-9].*");
                    } catch (Exception e) {
                        return false;
                    }
                },
                Duration.ofSeconds(15));
        assertThat(page.get())
                .contains("# TYPE jmcp_loadtest_interval_latency_ms summary")
                .contains("jmcp_loadtest_interval_latency_ms{quantile=\"0.99\"}")
                .contains("jmcp_loadtest_offered_load ")
                .contains("jmcp_loadtest_errors_by_class_total{class=\"jsonrpc:");
        LoadTestReport report = run.get(20, TimeUnit.SECONDS);
        assertThat(report.summary().requests()).isPositive();
        // the endpoint is gone with the run
        Poll.until("endpoint closed", () -> {
            try {
                http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return false;
            } catch (Exception e) {
                return true;
            }
        });
    }

    @Test
    void aRetiredWorkerIsDrainedOnceMoreThenReleased() {
        MetricsHub hub = new MetricsHub();
        WorkerMetrics stays = hub.newWorker();
        WorkerMetrics leaves = hub.newWorker();
        Step ping = new Step(Operation.PING, null, null);
        assertThat(leaves.beginIteration()).isTrue();
        leaves.record(ping, StepOutcome.success(null), 1_000_000, 1_000_000);
        leaves.endIteration();
        leaves.retire();
        stays.record(ping, StepOutcome.success(null), 2_000_000, 2_000_000);
        assertThat(hub.workerCount()).isEqualTo(2);

        IntervalData first = hub.snapshot(1_000_000_000L, 0);
        assertThat(first.requests()).isEqualTo(2); // the retired worker's last samples are counted
        assertThat(first.iterations()).isEqualTo(1);
        assertThat(hub.workerCount()).isEqualTo(1); // and then its recorders are released

        stays.record(ping, StepOutcome.success(null), 2_000_000, 2_000_000);
        assertThat(hub.snapshot(2_000_000_000L, 0).requests()).isEqualTo(1);
    }
}
