package dev.jmcp.transport.http.client.internal;

import java.net.http.HttpRequest;

/** Where request headers are written: a JDK request builder or the built-in client's header list. */
public interface HeaderSink {
    /** Sets {@code name} to {@code value}, replacing earlier values. */
    void set(String name, String value);

    /** Adds a value of {@code name}. */
    void add(String name, String value);

    /** A sink writing to a JDK request builder. */
    static HeaderSink of(HttpRequest.Builder builder) {
        return new HeaderSink() {
            @Override
            public void set(String name, String value) {
                builder.setHeader(name, value);
            }

            @Override
            public void add(String name, String value) {
                builder.header(name, value);
            }
        };
    }
}
