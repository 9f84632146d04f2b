package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.testing.InMemoryTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** C1 (two cancellations racing) and C2 (what runs on the thread that closes a session). */
@Timeout(30)
class CancelAndCloseRaceTest {

    @Test
    void twoRacingCancellationsRunEachCancelCallbackExactlyOnce() throws Exception {
        McpSession session = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .build()
                .start();
        try {
            for (int round = 0; round < 500; round++) {
                InboundRequest request = new InboundRequest(
                        session, dev.jmcp.core.jsonrpc.RequestId.of(round), "tools/call", null, null);
                AtomicInteger runs = new AtomicInteger();
                request.onCancel(runs::incrementAndGet);
                request.onCancel(runs::incrementAndGet);
                CyclicBarrier start = new CyclicBarrier(2);
                Thread other = new Thread(() -> {
                    await(start);
                    request.cancel("first");
                });
                other.start();
                await(start);
                request.cancel("second");
                other.join(10_000);
                // delivery is serial per session: once this marker ran, every callback handed over before it ran
                CountDownLatch drained = new CountDownLatch(1);
                session.runDelivery(drained::countDown);
                assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(runs).as("round " + round).hasValue(2);
                assertThat(request.cancelReason()).get().isIn("first", "second");
            }
        } finally {
            session.close();
        }
    }

    @Test
    void aCallbackAddedWhileCancellingRunsOnce() throws Exception {
        McpSession session = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .build()
                .start();
        try {
            for (int round = 0; round < 500; round++) {
                InboundRequest request = new InboundRequest(
                        session, dev.jmcp.core.jsonrpc.RequestId.of(round), "tools/call", null, null);
                AtomicInteger runs = new AtomicInteger();
                CyclicBarrier start = new CyclicBarrier(2);
                Thread other = new Thread(() -> {
                    await(start);
                    request.cancel("cancelled");
                });
                other.start();
                await(start);
                request.onCancel(runs::incrementAndGet);
                other.join(10_000);
                CountDownLatch drained = new CountDownLatch(1);
                session.runDelivery(drained::countDown);
                assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(runs).as("round " + round).hasValue(1);
            }
        } finally {
            session.close();
        }
    }

    @Test
    void aSecondCallbackAddedWhileCancellingRunsOnceAndTheFirstOnceToo() throws Exception {
        // the first callback has a slot of its own, the later ones a list: both paths race the cancellation
        McpSession session = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .build()
                .start();
        try {
            for (int round = 0; round < 500; round++) {
                InboundRequest request = new InboundRequest(
                        session, dev.jmcp.core.jsonrpc.RequestId.of(round), "tools/call", null, null);
                AtomicInteger first = new AtomicInteger();
                AtomicInteger second = new AtomicInteger();
                request.onCancel(first::incrementAndGet);
                CyclicBarrier start = new CyclicBarrier(2);
                Thread other = new Thread(() -> {
                    await(start);
                    request.cancel("cancelled");
                });
                other.start();
                await(start);
                request.onCancel(second::incrementAndGet);
                other.join(10_000);
                CountDownLatch drained = new CountDownLatch(1);
                session.runDelivery(drained::countDown);
                assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(first).as("round " + round).hasValue(1);
                assertThat(second).as("round " + round).hasValue(1);
                // registered after the cancellation: runs at once, on the registering thread
                AtomicInteger late = new AtomicInteger();
                request.onCancel(late::incrementAndGet);
                assertThat(late).as("round " + round).hasValue(1);
            }
        } finally {
            session.close();
        }
    }

    @Test
    void closeFailsPendingRequestsOffTheClosingThread() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        // the peer never answers: its handler blocks until the test ends
        CountDownLatch release = new CountDownLatch(1);
        McpSession peer = McpSession.builder(pair.serverSide())
                .requestHandler("slow", r -> {
                    release.await();
                    return null;
                })
                .build()
                .start();
        McpSession client = McpSession.builder(pair.clientSide()).build().start();
        try {
            CompletableFuture<?> answer = client.request("slow", null);
            Object lock = new Object();
            AtomicReference<Thread> dependentRanOn = new AtomicReference<>();
            AtomicReference<Boolean> heldTheClosersLock = new AtomicReference<>();
            CompletableFuture<?> dependent = answer.whenComplete((r, e) -> {
                heldTheClosersLock.set(Thread.holdsLock(lock));
                dependentRanOn.set(Thread.currentThread());
            });
            synchronized (lock) {
                client.close(); // a transport may close its session while it holds a lock of its own
            }
            try {
                dependent.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                assertThat(expected.getCause()).isInstanceOf(McpTransportException.class);
            }
            assertThat(answer).isCompletedExceptionally();
            assertThat(dependentRanOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
            assertThat(heldTheClosersLock).hasValue(false);
        } finally {
            release.countDown();
            peer.close();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
