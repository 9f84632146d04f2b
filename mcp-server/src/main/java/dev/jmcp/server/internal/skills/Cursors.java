package dev.jmcp.server.internal.skills;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpRpcException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the offset of the page's first item, tagged with what is paged. */
final class Cursors {
    private Cursors() {}

    static String encode(String tag, int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((tag + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor names (0 for none); {@code -32602} for a cursor this server did not issue. */
    static int decode(String tag, String cursor, int size) {
        if (cursor == null) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith(tag + ":")) {
                int offset = Integer.parseInt(s.substring(tag.length() + 1));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "invalid cursor");
    }
}
