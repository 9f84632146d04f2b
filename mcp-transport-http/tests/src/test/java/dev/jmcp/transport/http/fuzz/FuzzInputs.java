package dev.jmcp.transport.http.fuzz;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded reading of HTTP answers for the fuzz tests: a body that never ends, or grows past 8 MiB, fails the
 * input instead of hanging the test (the read runs on its own thread; on timeout the stream is closed).
 */
final class FuzzInputs {
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private FuzzInputs() {}

    /** The whole body. */
    static byte[] readBounded(InputStream in, Duration limit) throws IOException {
        return within(in, limit, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    throw new AssertionError("answer body exceeds " + MAX_BODY_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        });
    }

    /**
     * The {@code data} of the events of an SSE body: all of them until the body ends, or only the first
     * {@code maxEvents} (for streams that stay open by design, such as {@code subscriptions/listen}).
     */
    static List<String> sseData(InputStream in, Duration limit, int maxEvents) throws IOException {
        return within(in, limit, () -> {
            List<String> data = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder event = null;
            long bytes = 0;
            String line;
            while (data.size() < maxEvents && (line = reader.readLine()) != null) {
                bytes += line.length() + 1;
                if (bytes > MAX_BODY_BYTES) {
                    throw new AssertionError("event stream exceeds " + MAX_BODY_BYTES + " bytes");
                }
                if (line.isEmpty()) {
                    if (event != null && !event.isEmpty()) {
                        data.add(event.toString());
                    }
                    event = null;
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    event = event == null
                            ? new StringBuilder(value)
                            : event.append('\n').append(value);
                }
            }
            if (event != null && !event.isEmpty()) {
                data.add(event.toString());
            }
            return data;
        });
    }

    private interface Read<T> {
        T run() throws IOException;
    }

    private static <T> T within(InputStream in, Duration limit, Read<T> read) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        result.complete(read.run());
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                "fuzz-body-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            in.close();
            throw new AssertionError("answer body not finished within " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof AssertionError ae) {
                throw ae;
            }
            throw new IOException(e.getCause());
        }
    }
}
