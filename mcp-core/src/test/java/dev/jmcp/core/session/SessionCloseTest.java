package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.testing.InMemoryTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SessionCloseTest {
    private final AtomicInteger deliveryTasks = new AtomicInteger();
    private final Executor countingDelivery = task -> {
        deliveryTasks.incrementAndGet();
        HandlerExecutors.delivery().execute(task);
    };

    @Test
    void closingASessionNobodyListensToHandsNothingToDelivery() {
        McpSession s = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .deliveryExecutor(countingDelivery)
                .build()
                .start();
        assertThat(s.closeNeedsDelivery()).isFalse();
        s.close();
        assertThat(deliveryTasks).hasValue(0);
        assertThat(s.closeFuture()).isCompleted();
    }

    @Test
    void closeHookRunsOnTheClosingThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        McpSession s = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .deliveryExecutor(countingDelivery)
                .closeHook(() -> ranOn.set(Thread.currentThread()))
                .build()
                .start();
        s.close();
        assertThat(ranOn).hasValue(Thread.currentThread());
        assertThat(deliveryTasks).hasValue(0);
    }

    @Test
    void closeListenersAndAHeldCloseFutureStillRunOnDelivery() throws Exception {
        AtomicReference<Thread> listenerThread = new AtomicReference<>();
        McpSession s = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .deliveryExecutor(countingDelivery)
                .onClose(cause -> listenerThread.set(Thread.currentThread()))
                .build()
                .start();
        CompletableFuture<Void> closed = s.closeFuture();
        assertThat(s.closeNeedsDelivery()).isTrue();
        s.close();
        closed.get(10, TimeUnit.SECONDS);
        assertThat(listenerThread.get()).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(deliveryTasks.get()).isPositive();
    }

    @Test
    void anIgnoredNotificationIsNotDispatched() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        AtomicInteger pings = new AtomicInteger();
        McpSession server = McpSession.builder(pair.serverSide())
                .deliveryExecutor(countingDelivery)
                .ignoreNotification("notifications/initialized")
                .build()
                .start();
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            client.notify("notifications/initialized", null).get(10, TimeUnit.SECONDS);
            // a request after the notification: once it is answered, the notification was processed
            client.request("ping", null).get(10, TimeUnit.SECONDS);
            pings.incrementAndGet();
        } finally {
            server.close();
        }
        assertThat(pings).hasValue(1);
        assertThat(deliveryTasks).hasValue(0);
    }
}
