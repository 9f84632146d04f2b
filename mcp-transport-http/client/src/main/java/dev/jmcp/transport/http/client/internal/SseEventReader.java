package dev.jmcp.transport.http.client.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads server-sent events from a stream, following the WHATWG parsing rules (comments, {@code retry}, ids). */
public final class SseEventReader {
    private final BufferedReader reader;
    private final int maxEventChars;

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

    /** A reader over {@code in}; an event longer than {@code maxEventChars} fails the stream. */
    public SseEventReader(InputStream in, int maxEventChars) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.maxEventChars = maxEventChars;
    }

    /** The next event (possibly with empty data), or null at the end of the stream. */
    public Event next() throws IOException {
        StringBuilder data = null;
        String name = null;
        boolean hasId = false;
        long retry = -1;
        boolean any = false;
        String line;
        while ((line = reader.readLine()) != null) {
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

    /** The last event id seen so far. */
    public String lastEventId() {
        return lastEventId;
    }
}
