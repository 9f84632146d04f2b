package dev.jmcp.loadtest.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Histograms carried inside a JSON report ({@code mcpScenarios.histograms}): HdrHistogram's compressed encoding in
 * Base64, the same bytes an {@code .hlog} line holds. An empty histogram is not written.
 */
public final class EncodedHistograms {
    private EncodedHistograms() {}

    /**
     * Puts {@code h} encoded under {@code key} when it holds a value.
     *
     * @param out the map to add to
     * @param key the histogram's key
     * @param h the histogram (microseconds)
     */
    public static void put(Map<String, String> out, String key, Histogram h) {
        if (h != null && h.getTotalCount() > 0) {
            out.put(key, encode(h));
        }
    }

    /**
     * Encodes a histogram.
     *
     * @param h the histogram
     * @return its compressed encoding in Base64
     */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[n];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @param text the Base64 text
     * @return the histogram
     * @throws IllegalArgumentException if the text is not an encoded histogram
     */
    public static Histogram decode(String text) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }
}
