package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadTestConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenModelSchedulerTest {
    private static final long MS = 1_000_000L;

    private static LoadPlan plan(String settingsAndStages) {
        LoadTestConfig cfg = ConfigLoader.parse(settingsAndStages + "\n[[scenario]]\ntype = \"ping\"\n", "test.toml");
        return LoadPlan.of(cfg);
    }

    @Test
    void constantRateArrivalsAreEvenlySpacedFromTimeZero() {
        ArrivalSchedule s = new ArrivalSchedule(plan("[settings]\nrate = 100\nduration = \"1s\""));
        List<Long> times = new ArrayList<>();
        for (long t; (t = s.next()) >= 0; ) {
            times.add(t);
        }
        assertThat(times).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(times.get(i)).isEqualTo(i * 10 * MS);
        }
    }

    @Test
    void linearRampIntegratesTheRate() {
        // 0 -> 100/s over 2 s: 100 arrivals in total, the n-th at sqrt(n/25) seconds
        ArrivalSchedule s = new ArrivalSchedule(
                plan("[settings]\nmodel = \"open\"\n[[stage]]\ntarget_rate = 100\nduration = \"2s\""));
        List<Long> times = new ArrayList<>();
        for (long t; (t = s.next()) >= 0; ) {
            times.add(t);
        }
        assertThat(times).hasSize(100);
        assertThat(times.get(25)).isEqualTo(1_000 * MS); // 25 arrivals by t = 1 s
        assertThat(times.get(1)).isEqualTo(200 * MS);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isGreaterThan(times.get(i - 1));
        }
    }

    @Test
    void stagesContinueTheScheduleAndZeroRatePauses() {
        ArrivalSchedule s = new ArrivalSchedule(plan("[settings]\nmodel = \"open\"\n"
                + "[[stage]]\ntarget_rate = 10\nduration = \"1s\"\nramp = false\n"
                + "[[stage]]\ntarget_rate = 0\nduration = \"1s\"\nramp = false\n"
                + "[[stage]]\ntarget_rate = 20\nduration = \"1s\"\nramp = false\n"));
        List<Long> times = new ArrayList<>();
        for (long t; (t = s.next()) >= 0; ) {
            times.add(t);
        }
        assertThat(times).hasSize(30);
        assertThat(times).noneMatch(t -> t >= 1_000 * MS && t < 2_000 * MS);
        assertThat(times.get(10)).isEqualTo(2_000 * MS);
        assertThat(times.get(11)).isEqualTo(2_050 * MS);
    }

    @Test
    void closedModelRampRaisesVirtualUsersLinearlyThenHolds() {
        LoadPlan p = plan("[[stage]]\ntarget_vus = 4\nduration = \"400ms\"\n"
                + "[[stage]]\ntarget_vus = 4\nduration = \"400ms\"\nramp = false\n");
        assertThat(p.levelAt(0)).isZero();
        assertThat(p.levelAt(100 * MS)).isEqualTo(1.0);
        assertThat(p.levelAt(300 * MS)).isEqualTo(3.0);
        assertThat(p.levelAt(500 * MS)).isEqualTo(4.0);
        assertThat(p.levelAt(799 * MS)).isEqualTo(4.0);
    }

    @Test
    void intendedStartTimesAreKeptWhenTheGeneratorRunsLate() throws Exception {
        FakeClock clock = new FakeClock();
        MetricsHub hub = new MetricsHub();
        List<Long> intended = new ArrayList<>();
        // every dispatch takes 25 ms of (fake) time, so the generator falls behind a 10 ms schedule
        OpenModelScheduler.Dispatcher slow = (t, deadline) -> {
            intended.add(t);
            clock.advance(25 * MS);
            return true;
        };
        long start = 5_000 * MS;
        clock.now = start;
        OpenModelScheduler scheduler = new OpenModelScheduler(
                clock, new ArrivalSchedule(plan("[settings]\nrate = 100\nduration = \"100ms\"")), slow, hub, 0, 0);
        long dispatched = scheduler.run(start, () -> false);
        assertThat(dispatched).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(intended.get(i)).isEqualTo(start + i * 10 * MS);
        }
        IntervalData d = hub.snapshot(1, 0);
        assertThat(d.scheduled()).isEqualTo(10);
        assertThat(d.dropped()).isZero();
        // lag of arrival i is 15 ms * i: the last one is 135 ms late
        assertThat(d.lag().getMaxValue() / 1000).isBetween(134L, 136L);
        assertThat(d.lag().getMinValue()).isZero();
    }

    @Test
    void arrivalsWithoutAFreeWorkerAreDroppedNotCountedAsRequests() throws Exception {
        FakeClock clock = new FakeClock();
        MetricsHub hub = new MetricsHub();
        int[] calls = {0};
        OpenModelScheduler.Dispatcher everyThirdFree = (t, deadline) -> {
            assertThat(deadline - t).isEqualTo(7 * MS);
            return calls[0]++ % 3 == 0;
        };
        OpenModelScheduler scheduler = new OpenModelScheduler(
                clock,
                new ArrivalSchedule(plan("[settings]\nrate = 30\nduration = \"1s\"")),
                everyThirdFree,
                hub,
                7 * MS,
                0);
        assertThat(scheduler.run(0, () -> false)).isEqualTo(10);
        IntervalData d = hub.snapshot(1, 0);
        assertThat(d.scheduled()).isEqualTo(30);
        assertThat(d.dropped()).isEqualTo(20);
        assertThat(d.requests()).isZero();
        assertThat(d.lag().getMaxValue()).isZero();
    }

    @Test
    void iterationLimitStopsTheSchedule() throws Exception {
        FakeClock clock = new FakeClock();
        OpenModelScheduler scheduler = new OpenModelScheduler(
                clock,
                new ArrivalSchedule(plan("[settings]\nrate = 1000\nduration = \"10s\"")),
                (t, d) -> true,
                new MetricsHub(),
                0,
                42);
        assertThat(scheduler.run(0, () -> false)).isEqualTo(42);
        assertThat(clock.now).isEqualTo(41 * MS);
    }

    @Test
    void inQueueModeAnArrivalWaitsWithoutDeadlineAndTheBacklogLeftAtTheStopCountsAsDropped() throws Exception {
        FakeClock clock = new FakeClock();
        MetricsHub hub = new MetricsHub(5_000 * MS);
        // the first 10 arrivals (10 ms apart) start at once; the 11th waits for a worker until the run stops at
        // 500 ms: the clock moves there and the wait is interrupted
        int[] calls = {0};
        OpenModelScheduler.Dispatcher slow = (t, deadline) -> {
            assertThat(deadline).isEqualTo(Long.MAX_VALUE);
            if (++calls[0] <= 10) {
                return true;
            }
            clock.now = 500 * MS;
            throw new InterruptedException("stopped");
        };
        OpenModelScheduler scheduler = new OpenModelScheduler(
                clock, new ArrivalSchedule(plan("[settings]\nrate = 100\nduration = \"1s\"")), slow, hub, -1, 0);
        try {
            scheduler.run(0, () -> false);
        } catch (InterruptedException expected) {
            // the run stopped
        }
        IntervalData d = hub.snapshot(500 * MS, 0);
        // arrivals 0..50 were due by 500 ms: 10 started, 41 never did (the waiting one and 40 more)
        assertThat(d.scheduled()).isEqualTo(51);
        assertThat(d.dropped()).isEqualTo(41);
        // each counts as at least the 5 s timeout in the effective latency
        assertThat(d.dropLatency().getMinValue()).isGreaterThanOrEqualTo(4_990_000L);
    }
}
