package dev.jmcp.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque pagination cursors. A cursor encodes the offset of the next page under a per-list prefix, so a cursor
 * from one list is refused by another; anything else is answered -32602.
 */
public final class Pages {
    private Pages() {}

    /**
     * One page of a list.
     *
     * @param items the page's items
     * @param nextCursor the cursor of the next page, or null at the end
     */
    public record Page<T>(List<T> items, String nextCursor) {}

    /** The page of {@code all} that {@code cursor} designates (null: the first). */
    public static <T> Page<T> page(String list, List<T> all, String cursor, int pageSize) {
        int offset = cursor == null ? 0 : decode(list, cursor);
        if (offset > all.size()) {
            throw Errors.invalidParams("Invalid cursor: " + cursor);
        }
        int end = Math.min(all.size(), offset + pageSize);
        String next = end < all.size() ? encode(list, end) : null;
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    static String encode(String list, int offset) {
        String raw = list + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String list, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = list + ":";
            if (!raw.startsWith(prefix)) {
                throw Errors.invalidParams("Invalid cursor: " + cursor);
            }
            int offset = Integer.parseInt(raw.substring(prefix.length()));
            if (offset <= 0) {
                throw Errors.invalidParams("Invalid cursor: " + cursor);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw Errors.invalidParams("Invalid cursor: " + cursor);
        }
    }
}
