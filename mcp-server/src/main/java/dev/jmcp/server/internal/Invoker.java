package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs user code on the handler executor while the engine's thread waits, so that a handler that ignores
 * cancellation or never returns still gets an answer (timeout) and its late result is dropped.
 */
final class Invoker {
    /** User code that may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private Invoker() {}

    static <T> T run(ServerCore core, ContextImpl ctx, Work<T> work) throws Exception {
        Duration timeout = core.config().handlerTimeout();
        return run(core.config().handlerExecutor(), ctx, timeout, work);
    }

    static <T> T run(Executor executor, ContextImpl ctx, Duration timeout, Work<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        ctx.call().request().onCancel(() -> ctx.cancel("cancelled by the client"));
        try {
            executor.execute(() -> {
                ctx.bindWorker(Thread.currentThread());
                try {
                    if (ctx.isCancelled()) {
                        throw new McpCancelledException("request was cancelled");
                    }
                    result.complete(work.run());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    ctx.bindWorker(null);
                    Thread.interrupted();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("server is overloaded", e);
        }
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            ctx.cancel("cancelled");
            throw new McpCancelledException("request was cancelled");
        } catch (TimeoutException e) {
            ctx.cancel("timed out");
            throw new McpTimeoutException("handler did not finish within " + timeout.toMillis() + " ms", timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw new IllegalStateException("handler failed: " + err, err);
            }
            throw e;
        }
    }
}
