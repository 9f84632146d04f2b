package dev.jmcp.client.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.session.HandlerExecutors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Waits for a task the server runs: polls {@code tasks/get} at the server's {@code pollInterval} (1 s when it
 * gives none) until the task is terminal or needs input, then fetches {@code tasks/result} (which the server holds
 * until the task is terminal). On timeout, or when the caller cancels the returned future, the task is cancelled
 * with {@code tasks/cancel} if the server offers it.
 *
 * @param <R> the result type
 */
public final class TaskWaiter<R> {
    private static final long DEFAULT_POLL_MS = 1000;
    private static final long MIN_POLL_MS = 10;
    private static final long MIN_FETCH_MS = 100;

    /** Reads a task's state ({@code tasks/get}). */
    @FunctionalInterface
    public interface StateReader {
        /** The task's state. */
        CompletableFuture<GetTaskResult> get(String taskId);
    }

    /** Fetches a task's result ({@code tasks/result}). */
    @FunctionalInterface
    public interface ResultFetcher<R> {
        /** The task's result, waiting at most {@code within}. */
        CompletableFuture<R> fetch(String taskId, Duration within);
    }

    /** Cancels a task ({@code tasks/cancel}), best effort. */
    @FunctionalInterface
    public interface Canceller {
        /** Cancels the task. */
        void cancel(String taskId);
    }

    private final StateReader reader;
    private final ResultFetcher<R> fetcher;
    private final Canceller canceller;
    private final Duration timeout;
    private final long deadline;
    private final AtomicReference<CompletableFuture<?>> step = new AtomicReference<>();
    private final AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();
    private volatile String taskId;
    private final CompletableFuture<R> out = new CompletableFuture<>() {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                stop(true);
            }
            return cancelled;
        }
    };

    private TaskWaiter(StateReader reader, ResultFetcher<R> fetcher, Canceller canceller, Duration timeout) {
        this.reader = reader;
        this.fetcher = fetcher;
        this.canceller = canceller;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Waits for the task {@code created} completes with.
     *
     * @param canceller how to cancel the task on timeout or when the caller cancels, or null when the server
     *     offers no {@code tasks/cancel}
     */
    public static <R> CompletableFuture<R> await(
            CompletableFuture<CreateTaskResult> created,
            StateReader reader,
            ResultFetcher<R> fetcher,
            Canceller canceller,
            Duration timeout) {
        return await(created, reader, fetcher, canceller, timeout, null);
    }

    /**
     * Waits for the task {@code created} completes with; when creating fails, {@code inline} may turn the failure
     * into the result (2026-07-28: the server answered at once instead of creating a task).
     *
     * @param inline maps a creation failure to the result it stands for (null from it: the failure is the
     *     outcome); may itself be null
     */
    public static <R> CompletableFuture<R> await(
            CompletableFuture<CreateTaskResult> created,
            StateReader reader,
            ResultFetcher<R> fetcher,
            Canceller canceller,
            Duration timeout,
            Function<Throwable, R> inline) {
        TaskWaiter<R> w = new TaskWaiter<>(reader, fetcher, canceller, timeout);
        w.step.set(created);
        created.whenComplete((c, err) -> {
            if (err != null) {
                Throwable cause = ClientRuntime.unwrap(err);
                R answered = inline == null ? null : inline.apply(cause);
                if (answered != null) {
                    w.out.complete(answered);
                } else {
                    w.out.completeExceptionally(cause);
                }
            } else {
                w.taskId = c.task().taskId();
                w.check(c.task());
            }
        });
        return w.out;
    }

    private void check(Task task) {
        if (out.isDone()) {
            return;
        }
        TaskStatus status = task.status();
        if (status == TaskStatus.CANCELLED) {
            out.completeExceptionally(new McpCancelledException("task " + taskId + " was cancelled"
                    + (task.statusMessage() != null ? ": " + task.statusMessage() : "")));
            return;
        }
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (status.isTerminal() || status == TaskStatus.INPUT_REQUIRED) {
            CompletableFuture<R> fetch = fetcher.fetch(taskId, Duration.ofMillis(Math.max(remaining, MIN_FETCH_MS)));
            step.set(fetch);
            fetch.whenComplete((r, err) -> {
                if (err != null) {
                    out.completeExceptionally(ClientRuntime.unwrap(err));
                } else {
                    out.complete(r);
                }
            });
            return;
        }
        if (remaining <= 0) {
            timedOut();
            return;
        }
        long poll = task.pollInterval() != null ? Math.max(task.pollInterval(), MIN_POLL_MS) : DEFAULT_POLL_MS;
        long delay = Math.min(poll, remaining);
        timer.set(Timers.schedule(
                () -> HandlerExecutors.delivery().execute(this::poll), TimeUnit.MILLISECONDS.toNanos(delay)));
        if (out.isDone()) {
            stop(false);
        }
    }

    private void poll() {
        if (out.isDone()) {
            return;
        }
        CompletableFuture<GetTaskResult> get = reader.get(taskId);
        step.set(get);
        get.whenComplete((g, err) -> {
            if (err != null) {
                out.completeExceptionally(ClientRuntime.unwrap(err));
            } else {
                check(g.task());
            }
        });
    }

    private void timedOut() {
        if (out.completeExceptionally(new McpTimeoutException(
                "task " + taskId + " did not finish within " + timeout.toMillis() + " ms", timeout))) {
            stop(true);
        }
    }

    private void stop(boolean cancelTask) {
        ScheduledFuture<?> t = timer.get();
        if (t != null) {
            t.cancel(false);
        }
        CompletableFuture<?> s = step.get();
        if (s != null) {
            s.cancel(true);
        }
        String id = taskId;
        if (cancelTask && id != null && canceller != null) {
            canceller.cancel(id);
        }
    }
}
