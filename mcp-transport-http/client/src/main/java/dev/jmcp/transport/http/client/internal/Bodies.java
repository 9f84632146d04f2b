package dev.jmcp.transport.http.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading and discarding response bodies that are not a message stream. */
final class Bodies {
    private static final int MAX_TEXT = 64 * 1024;

    private Bodies() {}

    /** Reads and discards up to 64 KiB, then closes the stream. */
    static void drain(InputStream in) {
        try (in) {
            in.readNBytes(MAX_TEXT);
        } catch (IOException e) {
            // ignored
        }
    }

    /** The first 64 KiB as UTF-8 text (empty when unreadable); closes the stream. */
    static String text(InputStream in) {
        try (in) {
            return new String(in.readNBytes(MAX_TEXT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
