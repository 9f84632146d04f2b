package dev.jmcp.core.transport;

import java.util.function.Supplier;

/**
 * Marks a thread that is about to send a request and will then block until its answer arrives (a blocking client
 * call). A transport may carry that one exchange on this thread instead of handing it to a worker and waking the
 * caller afterwards; it {@linkplain #claim() claims} the mark with the first message sent.
 */
public final class CallerWaits {
    private static final ThreadLocal<boolean[]> MARK = ThreadLocal.withInitial(() -> new boolean[1]);

    private CallerWaits() {}

    /**
     * Runs {@code call} (which sends one request and returns its future, then waited for) with the mark set.
     *
     * @param <T> the type {@code call} returns
     * @param call sends the request and returns its future
     * @return what {@code call} returned
     */
    public static <T> T run(Supplier<T> call) {
        boolean[] mark = MARK.get();
        boolean before = mark[0];
        mark[0] = true;
        try {
            return call.get();
        } finally {
            mark[0] = before;
        }
    }

    /**
     * Whether the current thread is marked; clears the mark, so only the first message sent is carried.
     *
     * @return {@code true} if the current thread was marked
     */
    public static boolean claim() {
        boolean[] mark = MARK.get();
        if (mark[0]) {
            mark[0] = false;
            return true;
        }
        return false;
    }
}
