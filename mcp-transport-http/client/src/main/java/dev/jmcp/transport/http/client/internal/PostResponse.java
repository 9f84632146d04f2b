package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.transport.NetworkProtocol;
import java.io.InputStream;
import java.util.List;

/** The answer to one POST, whichever {@link PostEngine} carried it: status, headers, and the body as a stream. */
public interface PostResponse {
    /** The HTTP status. */
    int statusCode();

    /** The first value of header {@code name} (case-insensitive), or null. */
    String header(String name);

    /** Every value of header {@code name} (case-insensitive). */
    List<String> headers(String name);

    /** The body; closing it before its end gives the connection up. */
    InputStream body();

    /** The HTTP version the exchange was carried over (a constant of {@link NetworkProtocol}). */
    default NetworkProtocol protocol() {
        return NetworkProtocol.HTTP_1_1;
    }
}
