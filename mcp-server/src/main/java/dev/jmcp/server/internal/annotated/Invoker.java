package dev.jmcp.server.internal.annotated;

import dev.jmcp.core.McpException;
import dev.jmcp.server.RequestContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Calls one handler method through a {@link DirectCall} or, where none can be made, a method handle, both made once,
 * with arguments from its sources.
 */
final class Invoker {
    private final MethodHandle handle;
    private final DirectCall direct;
    private final ArgSource[] sources;

    Invoker(Method method, Object target, List<ArgSource> sources) {
        this.sources = sources.toArray(ArgSource[]::new);
        try {
            method.setAccessible(true);
            MethodHandle h = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                h = h.bindTo(target);
            }
            this.handle = h.asSpreader(Object[].class, this.sources.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            this.direct = DirectCall.of(method, target);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(
                    Scan.where(method) + ": cannot be called by jmcp (" + e.getMessage()
                            + "); make it public or open its package to dev.jmcp.server",
                    e);
        }
    }

    /** Calls the method and waits for an asynchronous result; throws what the method threw. */
    Object invoke(RequestContext ctx, Object request) throws Exception {
        Object out;
        try {
            if (direct != null) {
                out = direct.call(sources, ctx, request);
            } else {
                Object[] args = new Object[sources.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = sources[i].get(ctx, request);
                }
                out = (Object) handle.invokeExact(args);
            }
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new McpException("handler failed: " + t, t);
        }
        if (out instanceof CompletionStage<?> stage) {
            try {
                return stage.toCompletableFuture().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return out;
    }
}
