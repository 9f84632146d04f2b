package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.testsupport.Poll;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HandlerDeadlinesTest {
    private final HandlerDeadlines deadlines = new HandlerDeadlines();

    @Test
    void aDeadlineThatPassesRunsItsExpiryOnce() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        long start = System.nanoTime();
        deadlines.register(TimeUnit.MILLISECONDS.toNanos(50), fired::countDown);
        assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        Poll.until("the expired deadline is forgotten", () -> deadlines.size() == 0);
    }

    @Test
    void aCancelledDeadlineNeverExpiresWhileLaterOnesStillDo() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        HandlerDeadlines.Deadline d =
                deadlines.register(TimeUnit.MILLISECONDS.toNanos(30), cancelledRuns::incrementAndGet);
        d.cancel();
        assertThat(deadlines.size()).isZero();
        // a deadline registered after it, expiring later, proves the watcher got past the cancelled one's time
        CountDownLatch later = new CountDownLatch(1);
        deadlines.register(TimeUnit.MILLISECONDS.toNanos(120), later::countDown);
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRuns).hasValue(0);
    }

    @Test
    void aShorterDeadlineRegisteredAfterALongOneWakesTheWatcherEarly() throws Exception {
        HandlerDeadlines.Deadline longOne = deadlines.register(TimeUnit.MINUTES.toNanos(10), () -> {});
        CountDownLatch shortFired = new CountDownLatch(1);
        long start = System.nanoTime();
        deadlines.register(TimeUnit.MILLISECONDS.toNanos(40), shortFired::countDown);
        assertThat(shortFired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        longOne.cancel();
    }

    @Test
    void manyConcurrentRegistrationsAllExpireOrAreCancelled() throws Exception {
        int n = 2_000;
        AtomicInteger fired = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int parity = t % 2;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    HandlerDeadlines.Deadline d =
                            deadlines.register(TimeUnit.MILLISECONDS.toNanos(1 + i % 20), fired::incrementAndGet);
                    if (parity == 0) {
                        d.cancel(); // these may still fire if they expired before the cancel: counted below
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // the uncancelled half (2 threads x n) must all fire; cancelled ones fire only if they expired first
        Poll.until("every uncancelled deadline fired", () -> fired.get() >= 2 * n);
        Poll.until("nothing is left registered", () -> deadlines.size() == 0);
    }
}
