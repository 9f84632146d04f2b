package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScalingPoolTest {
    private static ThreadPoolExecutor pool(int max) {
        return HandlerExecutors.scalingPool(max, r -> {
            Thread t = new Thread(r, "scaling-test");
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void sequentialTasksReuseOneIdleThreadInsteadOfGrowingToTheMaximum() throws Exception {
        ThreadPoolExecutor pool = pool(16);
        try {
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(done::countDown);
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                // let the worker go back to waiting for the next hand-off
                LinkedTransferQueue<Runnable> queue = (LinkedTransferQueue<Runnable>) pool.getQueue();
                for (int spin = 0; spin < 5000 && !queue.hasWaitingConsumer(); spin++) {
                    Thread.sleep(1);
                }
            }
            assertThat(pool.getLargestPoolSize()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void growsToTheMaximumThenQueuesAndRunsEverything() throws Exception {
        ThreadPoolExecutor pool = pool(4);
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
            assertThat(pool.getPoolSize()).isEqualTo(4);
            assertThat(pool.getQueue()).hasSize(16);
            release.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).hasValue(20);
            assertThat(pool.getLargestPoolSize()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }
}
