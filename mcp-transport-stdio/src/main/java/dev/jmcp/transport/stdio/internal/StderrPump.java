package dev.jmcp.transport.stdio.internal;

import dev.jmcp.core.session.HandlerExecutors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a child process's stderr line by line on one thread, hands each line to a consumer (which logs it) and
 * keeps the last few lines for error messages. Lines longer than {@link #MAX_LINE_CHARS} are cut.
 */
public final class StderrPump {
    /** Longest stderr line kept or logged; the rest of the line is dropped. */
    public static final int MAX_LINE_CHARS = 4096;

    private final InputStream in;
    private final int keepLines;
    private final Consumer<String> consumer;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** Pumps {@code in}, keeping the last {@code keepLines} lines. */
    public StderrPump(InputStream in, int keepLines, Consumer<String> consumer) {
        this.in = in;
        this.keepLines = keepLines;
        this.consumer = consumer;
    }

    /** Starts the pump thread. */
    public void start(String threadName) {
        HandlerExecutors.startThread(threadName, this::run);
    }

    /** The last lines read, oldest first. */
    public List<String> recentLines() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Waits at most {@code timeout} for the stream to end; returns whether it did. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        try {
            LineReader reader = new LineReader(in, MAX_LINE_CHARS * 4);
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                String text = line.oversized()
                        ? "<" + line.length() + " bytes of stderr, too long to show>"
                        : new String(line.bytes(), StandardCharsets.UTF_8);
                if (text.length() > MAX_LINE_CHARS) {
                    text = text.substring(0, MAX_LINE_CHARS) + "...";
                }
                synchronized (recent) {
                    if (recent.size() == keepLines && keepLines > 0) {
                        recent.removeFirst();
                    }
                    if (keepLines > 0) {
                        recent.addLast(text);
                    }
                }
                try {
                    consumer.accept(text);
                } catch (RuntimeException e) {
                    // a failing consumer must not stop the pump, or the child would block on a full stderr pipe
                }
            }
        } catch (IOException e) {
            // the stream closed under us: the process is gone
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            done.countDown();
        }
    }
}
