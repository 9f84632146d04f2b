package dev.jmcp.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The close listeners of one session and its close future. The future is created on demand, so a session
 * nobody waits on completes none; closing hands nothing to the delivery executor when there is nothing to run.
 */
final class CloseListeners {
    private final McpSession session;
    /** Created by the first listener; guarded by {@code this}. */
    private List<Consumer<Throwable>> listeners;
    /** Created on the first {@link #future()} call. */
    private CompletableFuture<Void> future;
    /** Set (under {@code this}) once the listeners ran and the future may complete. */
    private boolean done;

    /**
     * @param session the session whose closed flag decides whether a listener waits or runs at once
     * @param initial the listeners from the builder, or null
     */
    CloseListeners(McpSession session, List<Consumer<Throwable>> initial) {
        this.session = session;
        this.listeners = initial == null || initial.isEmpty() ? null : new ArrayList<>(initial);
    }

    /** Adds a listener, or runs it at once with null when the session is already closed. */
    void add(Consumer<Throwable> listener) {
        synchronized (this) {
            if (!session.isClosed()) {
                if (listeners == null) {
                    listeners = new ArrayList<>(1);
                }
                listeners.add(listener);
                return;
            }
        }
        listener.accept(null);
    }

    /** The future completed once the session closed and its listeners ran. */
    CompletableFuture<Void> future() {
        synchronized (this) {
            if (future == null) {
                future = new CompletableFuture<>();
                if (done) {
                    future.complete(null);
                }
            }
            return future;
        }
    }

    /** Whether {@link #fire} would hand anything to the delivery executor. */
    boolean needDelivery() {
        synchronized (this) {
            return (listeners != null && !listeners.isEmpty()) || future != null;
        }
    }

    /** Runs every listener with {@code cause} on {@code delivery}, then completes the future. Call once. */
    void fire(Throwable cause, Executor delivery) {
        List<Consumer<Throwable>> toRun;
        CompletableFuture<Void> f;
        synchronized (this) {
            toRun = listeners == null || listeners.isEmpty() ? List.of() : listeners;
            listeners = null;
            if (toRun.isEmpty()) {
                done = true;
            }
            f = future;
        }
        if (toRun.isEmpty()) {
            // nothing user-supplied to run: no hand-off unless someone holds the close future
            if (f != null) {
                delivery.execute(() -> f.complete(null));
            }
            return;
        }
        for (Consumer<Throwable> l : toRun) {
            delivery.execute(() -> l.accept(cause));
        }
        delivery.execute(() -> {
            CompletableFuture<Void> later;
            synchronized (this) {
                done = true;
                later = future;
            }
            if (later != null) {
                later.complete(null);
            }
        });
    }
}
