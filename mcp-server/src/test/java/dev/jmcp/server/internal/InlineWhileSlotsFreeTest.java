package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.session.HandlerExecutors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JDK 17 AUTO: stateless handlers inline on a marked request thread while a slot is free, handed off beyond. */
@Timeout(30)
class InlineWhileSlotsFreeTest {
    private final List<Runnable> handedOff = new ArrayList<>();
    private final Executor handOff = handedOff::add;

    private static void onRequestThread(Runnable r) {
        boolean marked = HandlerExecutors.beginRequestThread();
        try {
            r.run();
        } finally {
            if (marked) {
                HandlerExecutors.endRequestThread();
            }
        }
    }

    @Test
    void aMarkedRequestThreadRunsTheHandlerItselfAndFreesTheSlotAfterwards() {
        StatelessExecutors.InlineWhileSlotsFree executor = new StatelessExecutors.InlineWhileSlotsFree(handOff, 1);
        List<Thread> ran = new ArrayList<>();
        onRequestThread(() -> executor.execute(() -> ran.add(Thread.currentThread())));
        assertThat(ran).containsExactly(Thread.currentThread());
        assertThat(handedOff).isEmpty();
        assertThat(executor.free()).isEqualTo(1);
    }

    @Test
    void anUnmarkedThreadHandsOff() {
        StatelessExecutors.InlineWhileSlotsFree executor = new StatelessExecutors.InlineWhileSlotsFree(handOff, 4);
        executor.execute(() -> {});
        assertThat(handedOff).hasSize(1);
    }

    @Test
    void whileEverySlotIsHeldByABlockedHandlerTheNextIsHandedOff() throws Exception {
        StatelessExecutors.InlineWhileSlotsFree executor = new StatelessExecutors.InlineWhileSlotsFree(handOff, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> onRequestThread(() -> executor.execute(() -> {
                    running.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })),
                r -> new Thread(r, "request-1").start());
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        onRequestThread(() -> executor.execute(() -> {}));
        assertThat(handedOff).hasSize(1);
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        assertThat(executor.free()).isEqualTo(1);
    }

    @Test
    void aFailingHandlerGivesItsSlotBack() {
        StatelessExecutors.InlineWhileSlotsFree executor = new StatelessExecutors.InlineWhileSlotsFree(handOff, 1);
        onRequestThread(() -> {
            try {
                executor.execute(() -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the handler's failure reaches the caller, as with any inline executor
            }
        });
        assertThat(executor.free()).isEqualTo(1);
    }
}
