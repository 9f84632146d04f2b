package dev.jmcp.client.internal;

import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.ProgressListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Routes {@code notifications/progress} of task-augmented calls to the caller's listener. A task outlives the
 * request that created it, and so does its progress token (2025-11-25: the token stays valid for the task's
 * lifetime), so the session engine, which forgets a token once the request is answered, cannot route them. A
 * token is tracked until the task is seen terminal, its TTL ends (at most {@link #MAX_TRACKING}), the creating
 * call fails, or the client closes; at most {@link #MAX_TOKENS} at once (beyond that a call carries no token).
 */
public final class TaskProgress {
    /** The most task progress tokens tracked at once. */
    public static final int MAX_TOKENS = 10_000;
    /** The longest a token is tracked when the task never ends or has no TTL. */
    public static final Duration MAX_TRACKING = Duration.ofHours(1);

    private static final String PREFIX = "jmcp-task-progress-";

    private final AtomicLong next = new AtomicLong();
    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> tokenByTask = new ConcurrentHashMap<>();

    private static final class Entry {
        final ProgressListener listener;
        volatile ScheduledFuture<?> expiry;
        volatile double last = Double.NEGATIVE_INFINITY;

        Entry(ProgressListener listener) {
            this.listener = listener;
        }
    }

    /** A new token routed to {@code listener}, or null when {@link #MAX_TOKENS} are tracked already. */
    public String register(ProgressListener listener) {
        if (byToken.size() >= MAX_TOKENS) {
            return null;
        }
        String token = PREFIX + next.incrementAndGet();
        Entry e = new Entry(listener);
        byToken.put(token, e);
        e.expiry = Timers.schedule(() -> forget(token), MAX_TRACKING.toNanos());
        return token;
    }

    /** Binds the task the call created to its token; tracked until the task's TTL (capped) ends. */
    public void bind(String token, String taskId, Long ttlMs) {
        Entry e = byToken.get(token);
        if (e == null) {
            return;
        }
        tokenByTask.put(taskId, token);
        if (ttlMs != null && ttlMs >= 0 && ttlMs < MAX_TRACKING.toMillis()) {
            ScheduledFuture<?> old = e.expiry;
            if (old != null) {
                old.cancel(false);
            }
            e.expiry = Timers.schedule(() -> forget(token), TimeUnit.MILLISECONDS.toNanos(ttlMs));
        }
    }

    /** The task is terminal (or gone): its token is no longer routed. */
    public void taskEnded(String taskId) {
        String token = tokenByTask.remove(taskId);
        if (token != null) {
            forget(token);
        }
    }

    /** Stops routing a token. */
    public void forget(String token) {
        Entry e = byToken.remove(token);
        if (e != null) {
            ScheduledFuture<?> f = e.expiry;
            if (f != null) {
                f.cancel(false);
            }
            tokenByTask.values().remove(token);
        }
    }

    /** How many tokens are tracked (for tests). */
    public int size() {
        return byToken.size();
    }

    /** Forgets every token (the client is closing). */
    public void clear() {
        for (String token : byToken.keySet()) {
            forget(token);
        }
    }

    /** Delivers a {@code notifications/progress} whose token is one of ours; others are left to the engine. */
    public void onProgress(InboundNotification n) {
        JsonNode params = n.params();
        JsonNode token = params == null ? null : params.get("progressToken");
        if (token == null || !token.isString() || !token.asString().startsWith(PREFIX)) {
            return;
        }
        Entry e = byToken.get(token.asString());
        JsonNode progress = params.get("progress");
        if (e == null || progress == null || !progress.isNumber()) {
            return;
        }
        double value = progress.doubleValue();
        JsonNode total = params.get("total");
        JsonNode message = params.get("message");
        Double totalValue = total != null && total.isNumber() ? total.doubleValue() : null;
        String text = message != null && message.isString() ? message.asString() : null;
        synchronized (e) {
            if (value <= e.last) {
                return; // progress only increases
            }
            e.last = value;
        }
        HandlerExecutors.delivery().execute(() -> e.listener.onProgress(value, totalValue, text));
    }
}
