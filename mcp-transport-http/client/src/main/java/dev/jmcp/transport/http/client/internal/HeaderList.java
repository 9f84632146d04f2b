package dev.jmcp.transport.http.client.internal;

import java.util.ArrayList;
import java.util.List;

/** Request headers in order, as name/value pairs (names compared ignoring case by {@link #set}). */
public final class HeaderList implements HeaderSink {
    private final List<String> pairs = new ArrayList<>(16);

    @Override
    public void set(String name, String value) {
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equalsIgnoreCase(name)) {
                pairs.remove(i);
                pairs.remove(i);
                i -= 2;
            }
        }
        add(name, value);
    }

    @Override
    public void add(String name, String value) {
        pairs.add(name);
        pairs.add(value);
    }

    /** The number of headers. */
    public int size() {
        return pairs.size() / 2;
    }

    /** The name of header {@code i}. */
    public String name(int i) {
        return pairs.get(2 * i);
    }

    /** The value of header {@code i}. */
    public String value(int i) {
        return pairs.get(2 * i + 1);
    }

    /** Copies the headers into {@code sink}, in order. */
    public void writeTo(HeaderSink sink) {
        for (int i = 0; i < pairs.size(); i += 2) {
            sink.add(pairs.get(i), pairs.get(i + 1));
        }
    }
}
