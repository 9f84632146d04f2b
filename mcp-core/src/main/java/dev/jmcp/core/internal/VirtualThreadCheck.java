package dev.jmcp.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Whether the current thread is virtual, on a Java 17 baseline ({@code Thread.isVirtual} exists from JDK 21). */
public final class VirtualThreadCheck {
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private VirtualThreadCheck() {}

    /**
     * Whether the current thread is virtual.
     *
     * @return whether the calling thread is virtual (always false before JDK 21)
     */
    public static boolean current() {
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
}
