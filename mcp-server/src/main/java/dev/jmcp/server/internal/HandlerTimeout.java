package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.session.HandlerExecutors;
import java.time.Duration;

/**
 * Runs user code on the current thread (the engine's handler thread, or a task's worker) under a timeout: the
 * server's handler timeout for a request, the task timeout (the tool's own, else the server's) for a task. The timeout is a deadline watched by one shared thread ({@link HandlerDeadlines}), not a waiting thread: when it
 * expires, a delivery task answers the request itself
 * (through the context's early answer, so exactly one answer is sent) and then cancels the handler, whose late
 * result is dropped. A client's cancellation cancels the handler too.
 */
final class HandlerTimeout {
    /** User code that may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Answers a request whose handler timed out (through {@link ContextImpl#answerEarly}). */
    @FunctionalInterface
    interface TimeoutAnswer {
        void answer(McpTimeoutException timeout);
    }

    /** The handler's context as the timeout sees it: what it binds, cancels and listens to. */
    interface Supervised {
        /** Runs {@code callback} when the client cancels the request. */
        void onClientCancel(Runnable callback);

        /** Cancels the handler (interrupting its bound worker); the first reason wins. */
        void cancel(String reason);

        /** Whether the handler was cancelled. */
        boolean isCancelled();

        /** Binds the thread running the handler, to interrupt it on cancellation. */
        void bindWorker(Thread thread);

        /** The handler returned: a later cancel no longer interrupts the thread. */
        void unbindWorker();
    }

    private HandlerTimeout() {}

    /** Runs {@code work} under {@code timeout}; on expiry {@code onTimeout} answers and the handler is cancelled. */
    static <T> T run(Supervised ctx, Duration timeout, TimeoutAnswer onTimeout, Work<T> work) throws Exception {
        ctx.onClientCancel(() -> ctx.cancel("cancelled by the client"));
        // a deadline, not a timer task: registering and cancelling take no lock (see HandlerDeadlines)
        HandlerDeadlines.Deadline timer = HandlerDeadlines.SHARED.register(
                timeout.toNanos(), () -> HandlerExecutors.delivery().execute(() -> {
                    McpTimeoutException e = new McpTimeoutException(
                            "handler did not finish within " + timeout.toMillis() + " ms", timeout);
                    onTimeout.answer(e);
                    ctx.cancel("timed out");
                }));
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
            timer.cancel();
            ctx.unbindWorker();
        }
    }
}
