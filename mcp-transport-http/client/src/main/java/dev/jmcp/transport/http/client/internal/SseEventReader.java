package dev.jmcp.transport.http.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads server-sent events from a stream, following the WHATWG parsing rules (CR, LF or CRLF line ends, comments,
 * {@code retry}, ids). Everything a peer sends is bounded: a line longer than the line limit and an event whose data
 * exceeds the event limit fail the stream with an {@link IOException}; memory never exceeds the two limits.
 */
public final class SseEventReader {
    /** Bytes a line may have beyond the event limit (the field name, {@code ": "}). */
    private static final int LINE_SLACK = 1024;

    private final InputStream in;
    private final int maxEventChars;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private boolean skipLf;
    private byte[] line = new byte[256];
    private int lineLength;

    /**
     * One dispatched event.
     *
     * @param id the last event id after this event (may come from an earlier event), or null
     * @param hasId whether this event carried an id field
     * @param name the event name, or null for the default ({@code message})
     * @param data the data lines joined with {@code \n} (may be empty)
     * @param retryMillis the retry field of this event, or -1
     */
    public record Event(String id, boolean hasId, String name, String data, long retryMillis) {}

    private String lastEventId;

    /**
     * A reader over {@code in}; an event whose data exceeds {@code maxEventChars}, or a line longer than that plus
     * 1 KiB (in bytes), fails the stream.
     */
    public SseEventReader(InputStream in, int maxEventChars) {
        this(in, maxEventChars, (int) Math.min(Integer.MAX_VALUE - 16, (long) maxEventChars + LINE_SLACK));
    }

    /** A reader over {@code in} with explicit event (data characters) and line (bytes) limits. */
    public SseEventReader(InputStream in, int maxEventChars, int maxLineBytes) {
        this.in = in;
        this.maxEventChars = maxEventChars;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next event (possibly with empty data), or null at the end of the stream. */
    public Event next() throws IOException {
        StringBuilder data = null;
        String name = null;
        boolean hasId = false;
        long retry = -1;
        boolean any = false;
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (!any) {
                    continue;
                }
                return new Event(lastEventId, hasId, name, data == null ? "" : data.toString(), retry);
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                    if (data.length() > maxEventChars) {
                        throw new IOException("SSE event exceeds " + maxEventChars + " characters");
                    }
                    any = true;
                }
                case "event" -> {
                    name = value;
                    any = true;
                }
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value.isEmpty() ? null : value;
                        hasId = true;
                        any = true;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 10) {
                        retry = Long.parseLong(value);
                        any = true;
                    }
                }
                default -> {
                    // unknown field: ignored
                }
            }
        }
        return null;
    }

    /** The next line without its end, or null at the end of the stream (a last line without an end is dropped). */
    private String readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (pos == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return null;
                }
                pos = 0;
                limit = n;
            }
            if (skipLf) {
                skipLf = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < limit) {
                byte b = buffer[pos];
                if (b == '\n' || b == '\r') {
                    append(start, pos);
                    pos++;
                    skipLf = b == '\r';
                    return new String(line, 0, lineLength, StandardCharsets.UTF_8);
                }
                pos++;
            }
            append(start, pos);
        }
    }

    private void append(int from, int to) throws IOException {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (lineLength + n > maxLineBytes) {
            throw new IOException("SSE line exceeds " + maxLineBytes + " bytes");
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, lineLength + n)));
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    /** The last event id seen so far. */
    public String lastEventId() {
        return lastEventId;
    }
}
