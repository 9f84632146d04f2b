package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.internal.HandlerPool;
import dev.jmcp.testsupport.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JDK 17 handler pool ({@link HandlerPool}, built by {@link HandlerExecutors#scalingPool}). */
@Timeout(30)
class HandlerPoolTest {
    private final AtomicInteger started = new AtomicInteger();

    private HandlerPool pool(int max) {
        return HandlerExecutors.scalingPool(max, this::thread);
    }

    private Thread thread(Runnable r) {
        Thread t = new Thread(r, "handler-pool-test-" + started.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    private static Thread runOn(HandlerPool pool) throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        pool.execute(() -> ran.complete(Thread.currentThread()));
        return ran.get(10, TimeUnit.SECONDS);
    }

    @Test
    void sequentialTasksReuseOneIdleThreadInsteadOfGrowingToTheMaximum() throws Exception {
        HandlerPool pool = pool(16);
        try {
            for (int i = 0; i < 50; i++) {
                runOn(pool);
                Poll.until("the worker is idle again", () -> pool.idleThreads() == 1);
            }
            assertThat(pool.largestThreads()).isEqualTo(1);
            assertThat(started).hasValue(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void growsToTheMaximumThenQueuesAndRunsEverything() throws Exception {
        HandlerPool pool = pool(4);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch allDone = new CountDownLatch(20);
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < 20; i++) {
                pool.execute(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ran.incrementAndGet();
                    allDone.countDown();
                });
            }
            assertThat(pool.threads()).isEqualTo(4);
            assertThat(pool.queued()).isEqualTo(16);
            release.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).hasValue(20);
            assertThat(pool.largestThreads()).isEqualTo(4);
            assertThat(started).hasValue(4);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theMostRecentlyIdleThreadTakesTheNextTask() throws Exception {
        HandlerPool pool = pool(8);
        try {
            List<CountDownLatch> releases = new ArrayList<>();
            List<CompletableFuture<Thread>> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CountDownLatch release = new CountDownLatch(1);
                CompletableFuture<Thread> thread = new CompletableFuture<>();
                releases.add(release);
                threads.add(thread);
                pool.execute(() -> {
                    thread.complete(Thread.currentThread());
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            for (int i = 0; i < 3; i++) {
                threads.get(i).get(10, TimeUnit.SECONDS);
                releases.get(i).countDown();
                int idle = i + 1;
                Poll.until(idle + " idle workers", () -> pool.idleThreads() == idle);
            }
            // the third worker went idle last: it takes the next two tasks, one after the other
            assertThat(runOn(pool)).isSameAs(threads.get(2).get());
            Poll.until("3 idle workers", () -> pool.idleThreads() == 3);
            assertThat(runOn(pool)).isSameAs(threads.get(2).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void idleThreadsEndAfterTheKeepAliveAndANewTaskStartsOneAgain() throws Exception {
        HandlerPool pool = new HandlerPool(4, TimeUnit.MILLISECONDS.toNanos(50), 16, this::thread);
        try {
            Thread first = runOn(pool);
            Poll.until("the idle thread ended", () -> pool.threads() == 0 && !first.isAlive());
            Thread second = runOn(pool);
            assertThat(second).isNotSameAs(first);
            assertThat(started).hasValue(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingTaskKeepsItsThreadForTheNextTask() throws Exception {
        HandlerPool pool = new HandlerPool(4, TimeUnit.SECONDS.toNanos(30), 0, r -> {
            Thread t = thread(r);
            t.setUncaughtExceptionHandler((th, e) -> {});
            return t;
        });
        try {
            CompletableFuture<Thread> failed = new CompletableFuture<>();
            pool.execute(() -> {
                failed.complete(Thread.currentThread());
                throw new IllegalStateException("handler failed");
            });
            Thread t = failed.get(10, TimeUnit.SECONDS);
            Poll.until("the worker is idle again", () -> pool.idleThreads() == 1);
            assertThat(runOn(pool)).isSameAs(t);
            assertThat(pool.threads()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anInterruptLeftByATaskDoesNotReachTheNextTask() throws Exception {
        HandlerPool pool = pool(1);
        try {
            CountDownLatch interrupted = new CountDownLatch(1);
            pool.execute(() -> {
                Thread.currentThread().interrupt(); // e.g. a cancellation that came as the handler returned
                interrupted.countDown();
            });
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> next = new CompletableFuture<>();
            pool.execute(() -> next.complete(Thread.currentThread().isInterrupted()));
            assertThat(next.get(10, TimeUnit.SECONDS)).isFalse();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void afterShutdownTasksAreRejectedAndIdleThreadsEnd() throws Exception {
        HandlerPool pool = pool(2);
        Thread worker = runOn(pool);
        Poll.until("the worker is idle again", () -> pool.idleThreads() == 1);
        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        Poll.until("the idle thread ended", () -> pool.threads() == 0 && !worker.isAlive());
    }
}
