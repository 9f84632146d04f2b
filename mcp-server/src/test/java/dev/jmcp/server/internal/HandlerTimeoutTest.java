package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HandlerTimeoutTest {
    /** A context that records what the timeout does to it. */
    static final class FakeContext implements HandlerTimeout.Supervised {
        final List<String> cancels = new CopyOnWriteArrayList<>();
        final List<Runnable> clientCancelCallbacks = new CopyOnWriteArrayList<>();
        volatile Thread worker;
        volatile boolean everBound;

        @Override
        public void onClientCancel(Runnable callback) {
            clientCancelCallbacks.add(callback);
        }

        @Override
        public synchronized void cancel(String reason) {
            if (cancels.isEmpty() && worker != null) {
                worker.interrupt();
            }
            cancels.add(reason);
        }

        @Override
        public boolean isCancelled() {
            return !cancels.isEmpty();
        }

        @Override
        public synchronized void bindWorker(Thread thread) {
            worker = thread;
            everBound = true;
        }

        @Override
        public synchronized void unbindWorker() {
            worker = null;
        }
    }

    @Test
    void aHandlerThatFinishesInTimeReturnsItsResultAndUnbindsItsThread() throws Exception {
        FakeContext ctx = new FakeContext();
        String r = HandlerTimeout.run(ctx, Duration.ofMinutes(1), e -> {}, () -> "done");
        assertThat(r).isEqualTo("done");
        assertThat(ctx.everBound).isTrue();
        assertThat(ctx.worker).isNull();
    }

    @Test
    void onExpiryTheTimerAnswersAndThenCancelsTheHandler() throws Exception {
        FakeContext ctx = new FakeContext();
        AtomicReference<McpTimeoutException> answered = new AtomicReference<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        assertThatThrownBy(() -> HandlerTimeout.run(ctx, Duration.ofMillis(20), answered::set, () -> {
                    try {
                        new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return "late";
                }))
                .isInstanceOf(InterruptedException.class);
        assertThat(interrupted.getCount()).isZero();
        assertThat(answered.get()).isNotNull();
        assertThat(answered.get().getMessage()).contains("20 ms");
        assertThat(ctx.cancels).containsExactly("timed out");
    }

    @Test
    void aClientCancellationCancelsTheHandler() throws Exception {
        FakeContext ctx = new FakeContext();
        HandlerTimeout.run(ctx, Duration.ofMinutes(1), e -> {}, () -> {
            ctx.clientCancelCallbacks.forEach(Runnable::run);
            return null;
        });
        assertThat(ctx.cancels).containsExactly("cancelled by the client");
    }

    @Test
    void anAlreadyCancelledHandlerDoesNotRun() {
        FakeContext ctx = new FakeContext();
        ctx.cancel("gone");
        assertThatThrownBy(() -> HandlerTimeout.run(ctx, Duration.ofMinutes(1), e -> {}, () -> {
                    throw new AssertionError("must not run");
                }))
                .isInstanceOf(McpCancelledException.class);
    }

    @Test
    void anErrorThrownByAHandlerBecomesAnException() {
        FakeContext ctx = new FakeContext();
        assertThatThrownBy(() -> HandlerTimeout.run(ctx, Duration.ofMinutes(1), e -> {}, () -> {
                    throw new AssertionError("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("boom");
    }
}
