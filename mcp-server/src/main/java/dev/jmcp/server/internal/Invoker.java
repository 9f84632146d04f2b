package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.session.HandlerExecutors;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs user code on the current thread (the engine's handler thread, or a task's worker) under the handler
 * timeout. The timeout is a timer, not a waiting thread: when it fires, the timer answers the request itself
 * (through the context's early answer, so exactly one answer is sent) and then cancels the handler, whose late
 * result is dropped.
 */
final class Invoker {
    /** User code that may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Answers a request whose handler timed out (through {@link ContextImpl#answerEarly}). */
    @FunctionalInterface
    interface TimeoutAnswer {
        void answer(ContextImpl ctx, McpTimeoutException timeout);
    }

    private Invoker() {}

    static <T> T run(ServerCore core, ContextImpl ctx, TimeoutAnswer onTimeout, Work<T> work) throws Exception {
        return run(ctx, core.config().handlerTimeout(), onTimeout, work);
    }

    static <T> T run(ContextImpl ctx, Duration timeout, TimeoutAnswer onTimeout, Work<T> work) throws Exception {
        ctx.call().request().onCancel(() -> ctx.cancel("cancelled by the client"));
        ScheduledFuture<?> timer = Timers.schedule(
                () -> HandlerExecutors.delivery().execute(() -> {
                    McpTimeoutException e = new McpTimeoutException(
                            "handler did not finish within " + timeout.toMillis() + " ms", timeout);
                    onTimeout.answer(ctx, e);
                    ctx.cancel("timed out");
                }),
                timeout.toNanos());
        ctx.bindWorker(Thread.currentThread());
        try {
            if (ctx.isCancelled()) {
                throw new McpCancelledException("request was cancelled");
            }
            return work.run();
        } catch (Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            throw new IllegalStateException("handler failed: " + e, e);
        } finally {
            timer.cancel(false);
            ctx.unbindWorker();
        }
    }
}
