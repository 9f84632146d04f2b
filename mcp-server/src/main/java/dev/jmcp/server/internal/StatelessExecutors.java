package dev.jmcp.server.internal;

import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.server.HandlerExecution;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/** The executor the handlers of stateless exchanges run on, per {@link HandlerExecution}. */
public final class StatelessExecutors {
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private StatelessExecutors() {}

    /**
     * The executor for {@code policy}.
     *
     * @param handOff the server's executor
     * @param applicationSupplied whether the application chose {@code handOff} itself (then AUTO keeps it)
     */
    public static Executor of(HandlerExecution policy, Executor handOff, boolean applicationSupplied) {
        return switch (policy) {
            case INLINE -> Runnable::run;
            case HAND_OFF -> handOff;
            case AUTO ->
                applicationSupplied || IS_VIRTUAL == null || !HandlerExecutors.virtualThreadsAvailable()
                        ? handOff
                        : new InlineOnVirtualThreads(handOff);
        };
    }

    /** Whether the current thread is virtual (false before JDK 21). */
    static boolean onVirtualThread() {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Runs a task on the caller's thread when that is a virtual thread, else hands it to {@code handOff}. */
    private record InlineOnVirtualThreads(Executor handOff) implements Executor {
        @Override
        public void execute(Runnable task) {
            if (onVirtualThread()) {
                task.run();
            } else {
                handOff.execute(task);
            }
        }
    }
}
