package dev.jmcp.test;

import dev.jmcp.client.ListKind;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import dev.jmcp.core.protocol.notifications.ProgressNotification;
import dev.jmcp.core.protocol.resources.ResourceUpdatedNotification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What one injected client received from the server: progress notifications, log messages, {@code list_changed}
 * and resource-updated notifications, in arrival order. A test gets it as a parameter next to its {@code McpClient}
 * (it records that test's first client parameter) and asserts on it with {@link
 * McpAssertions#assertNotifications(McpNotifications)}, whose waits are bounded. Thread-safe.
 */
public final class McpNotifications {
    private final Object lock = new Object();
    private final List<ProgressNotification> progress = new ArrayList<>();
    private final List<LoggingMessageNotification> logs = new ArrayList<>();
    private final List<ListKind> listChanges = new ArrayList<>();
    private final List<ResourceUpdatedNotification> resourceUpdates = new ArrayList<>();

    /** An empty recorder; {@link #recordFrom(McpClientBuilder)} attaches it to a client before it is built. */
    public McpNotifications() {}

    /**
     * Adds this recorder's listeners to {@code builder}: every client built from it is recorded here.
     *
     * @param builder the builder
     * @return {@code builder}, for chaining
     */
    public McpClientBuilder recordFrom(McpClientBuilder builder) {
        return builder.onProgress(p -> add(progress, p))
                .onLog(l -> add(logs, l))
                .onListChanged(k -> add(listChanges, k))
                .onResourceUpdated(u -> add(resourceUpdates, u));
    }

    /**
     * The progress notifications received so far.
     *
     * @return the progress notifications received so far
     */
    public List<ProgressNotification> progress() {
        return snapshot(progress);
    }

    /**
     * The log messages received so far.
     *
     * @return the log messages received so far
     */
    public List<LoggingMessageNotification> logs() {
        return snapshot(logs);
    }

    /**
     * The lists announced changed so far, one entry per {@code list_changed} notification.
     *
     * @return the lists announced changed so far, one entry per {@code list_changed} notification
     */
    public List<ListKind> listChanges() {
        return snapshot(listChanges);
    }

    /**
     * The resource-updated notifications received so far.
     *
     * @return the resource-updated notifications received so far
     */
    public List<ResourceUpdatedNotification> resourceUpdates() {
        return snapshot(resourceUpdates);
    }

    /** Forgets everything received so far. */
    public void clear() {
        synchronized (lock) {
            progress.clear();
            logs.clear();
            listChanges.clear();
            resourceUpdates.clear();
        }
    }

    /** A summary of everything received, for failure messages. */
    @Override
    public String toString() {
        synchronized (lock) {
            return "progress " + progress.size() + " " + progress + ", logs " + logs.size() + " " + logs
                    + ", list changes " + listChanges + ", resource updates " + resourceUpdates;
        }
    }

    /**
     * Waits until {@code condition} holds for the received items {@code items} gives, at most {@code timeout};
     * true if it held.
     */
    <T> boolean await(Supplier<List<T>> items, Predicate<List<T>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.test(items.get())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private <T> void add(List<T> list, T item) {
        synchronized (lock) {
            list.add(item);
            lock.notifyAll();
        }
    }

    private <T> List<T> snapshot(List<T> list) {
        synchronized (lock) {
            return List.copyOf(list);
        }
    }
}
