package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestReport.Ceiling;
import dev.jmcp.loadtest.LoadTestReport.CeilingStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * The ceiling search on modelled steps: whether a step passes is a function of its rate (a server model), so the
 * outcome depends on the search logic only, never on how loaded the test machine is.
 */
class CeilingFinderTest {
    private static CeilingSettings settings(double start, double resolution, double max, int repeats) {
        return new CeilingSettings(
                start, resolution, Duration.ofSeconds(1), max, Duration.ofMillis(100), 0.01, 0.01, 2.0, repeats);
    }

    private static CeilingFinder.Verdict verdict(double rate, boolean pass, boolean noisy) {
        return new CeilingFinder.Verdict(
                new CeilingStep(rate, rate, pass ? 5 : 500, 0, 0, pass), pass ? null : "p99 500 ms > 100 ms", noisy);
    }

    /** Runs the search against {@code passes}; returns the rates tried in order. */
    private static List<Double> search(CeilingFinder finder, DoublePredicate passes) {
        List<Double> tried = new ArrayList<>();
        Double rate;
        while ((rate = finder.next()) != null) {
            tried.add(rate);
            finder.record(verdict(rate, passes.test(rate), false));
        }
        return tried;
    }

    @Test
    void growsGeometricallyThenBisectsToTheResolution() {
        CeilingFinder finder = new CeilingFinder(settings(10, 10, 10_000, 1));
        List<Double> tried = search(finder, rate -> rate <= 230);
        // 10, 20, 40, 80, 160 pass, 320 fails; then 240 fails, 200 passes, 220 passes, 230 passes
        assertThat(tried).containsExactly(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 240.0, 200.0, 220.0, 230.0);
        Ceiling c = finder.result();
        assertThat(c.highestSustainableRate()).isEqualTo(230.0);
        assertThat(c.brokeAtRate()).isEqualTo(240.0);
        assertThat(c.reason()).startsWith("at 240.0/s: p99");
        assertThat(c.steps()).hasSize(10);
    }

    @Test
    void aLinearSearchWouldNeedTenTimesTheSteps() {
        CeilingFinder finder = new CeilingFinder(settings(10, 10, 100_000, 1));
        List<Double> tried = search(finder, rate -> rate <= 5_000);
        assertThat(tried.size()).isLessThan(25); // linear steps of 10/s: 500 steps
        assertThat(finder.result().brokeAtRate() - finder.result().highestSustainableRate())
                .isLessThanOrEqualTo(10.0);
    }

    @Test
    void aNoisyFailingStepIsRepeatedAndTheRepeatDecides() {
        CeilingFinder finder = new CeilingFinder(settings(100, 50, 400, 1));
        assertThat(finder.next()).isEqualTo(100.0);
        finder.record(verdict(100, true, false));
        assertThat(finder.next()).isEqualTo(200.0);
        finder.record(verdict(200, false, true)); // a transient: most of its intervals met the SLO
        assertThat(finder.next()).isEqualTo(200.0); // repeated, not stopped on
        finder.record(verdict(200, true, false));
        assertThat(finder.next()).isEqualTo(400.0);
        finder.record(verdict(400, false, false));
        assertThat(finder.next()).isEqualTo(300.0);
        finder.record(verdict(300, false, true)); // noisy again, but the repeat budget is spent
        assertThat(finder.next()).isEqualTo(250.0);
        finder.record(verdict(250, true, false));
        assertThat(finder.next()).isNull();
        Ceiling c = finder.result();
        assertThat(c.highestSustainableRate()).isEqualTo(250.0);
        assertThat(c.brokeAtRate()).isEqualTo(300.0);
        assertThat(c.steps()).extracting(CeilingStep::rate).containsExactly(100.0, 200.0, 200.0, 400.0, 300.0, 250.0);
    }

    @Test
    void aCleanFailureIsNotRepeated() {
        CeilingFinder finder = new CeilingFinder(settings(100, 50, 400, 1));
        finder.next();
        finder.record(verdict(100, true, false));
        finder.next();
        finder.record(verdict(200, false, false));
        assertThat(finder.next()).isEqualTo(150.0);
    }

    @Test
    void everyRateMeetingTheSloReportsTheMaximumAndNoBreak() {
        CeilingFinder finder = new CeilingFinder(settings(100, 10, 300, 1));
        assertThat(search(finder, rate -> true)).containsExactly(100.0, 200.0, 300.0);
        assertThat(finder.result().highestSustainableRate()).isEqualTo(300.0);
        assertThat(finder.result().brokeAtRate()).isNull();
    }

    @Test
    void aFirstStepThatFailsIsBisectedDownTowardsZero() {
        CeilingFinder finder = new CeilingFinder(settings(100, 20, 1000, 0));
        assertThat(search(finder, rate -> rate <= 30)).containsExactly(100.0, 50.0, 25.0, 37.5);
        assertThat(finder.result().highestSustainableRate()).isEqualTo(25.0);
        assertThat(finder.result().brokeAtRate()).isEqualTo(37.5);
    }
}
