package dev.jmcp.transport.http.servlet.internal;

import java.nio.charset.StandardCharsets;

/** Formats server-sent events. */
public final class SseFormat {
    private SseFormat() {}

    /** A {@code message} event with an optional id; the data is one line of JSON. */
    public static byte[] message(String id, String json) {
        return event(id, "message", json);
    }

    /** An event with an optional id and name; the data may span lines. */
    public static byte[] event(String id, String name, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 48);
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (name != null) {
            sb.append("event: ").append(name).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A priming event: an id, a retry delay and empty data (SEP-1699). */
    public static byte[] priming(String id, long retryMillis) {
        return ("id: " + id + "\nretry: " + retryMillis + "\ndata: \n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A retry hint on its own (dispatches no event). */
    public static byte[] retry(long retryMillis) {
        return ("retry: " + retryMillis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line, ignored by clients; used to commit headers and as keep-alive. */
    public static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
