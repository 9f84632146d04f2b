package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.session.HandlerExecutors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reading and discarding response bodies that are not a message stream (error answers, refusals): at most 64 KiB
 * and at most 10 s each, so a peer that never ends such a body cannot hold a client thread.
 */
final class Bodies {
    private static final int MAX_TEXT = 64 * 1024;
    static final long MAX_SECONDS = 10;

    private Bodies() {}

    /** Reads and discards up to 64 KiB (for at most 10 s), then closes the stream. */
    static void drain(InputStream in) {
        read(in);
    }

    /** The first 64 KiB as UTF-8 text (empty when unreadable; what arrived within 10 s); closes the stream. */
    static String text(InputStream in) {
        return new String(read(in), StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in) {
        AtomicBoolean done = new AtomicBoolean();
        ScheduledFuture<?> deadline = HandlerExecutors.schedule(
                () -> {
                    if (done.compareAndSet(false, true)) {
                        closeQuietly(in); // unblocks the read below
                    }
                },
                TimeUnit.SECONDS.toNanos(MAX_SECONDS));
        try (in) {
            return in.readNBytes(MAX_TEXT);
        } catch (IOException e) {
            return new byte[0];
        } finally {
            done.set(true);
            deadline.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read fails or ends; either way the body is given up
        }
    }
}
