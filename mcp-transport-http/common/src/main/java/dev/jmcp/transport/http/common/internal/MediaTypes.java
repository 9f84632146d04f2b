package dev.jmcp.transport.http.common.internal;

/** Media-type checks both HTTP roles make on {@code Accept} and {@code Content-Type} headers. */
public final class MediaTypes {
    private MediaTypes() {}

    /** Whether the Accept header admits {@code type} (absent header admits everything). */
    public static boolean accepts(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        // by hand, without copies: it runs on every request
        int slash = type.indexOf('/');
        int n = accept.length();
        int start = 0;
        while (start <= n) {
            int comma = accept.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            int semi = accept.indexOf(';', start);
            int mediaEnd = semi >= 0 && semi < end ? semi : end;
            int from = start;
            while (from < mediaEnd && isSpace(accept.charAt(from))) {
                from++;
            }
            int to = mediaEnd;
            while (to > from && isSpace(accept.charAt(to - 1))) {
                to--;
            }
            int len = to - from;
            if ((len == type.length() && accept.regionMatches(true, from, type, 0, len))
                    || (len == 3 && accept.startsWith("*/*", from))
                    || (len == slash + 2
                            && accept.regionMatches(true, from, type, 0, slash + 1)
                            && accept.charAt(to - 1) == '*')) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            start = comma + 1;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c <= ' ';
    }

    /** Whether the Content-Type is JSON. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        int to = semi >= 0 ? semi : contentType.length();
        int from = 0;
        while (from < to && isSpace(contentType.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(contentType.charAt(to - 1))) {
            to--;
        }
        String json = "application/json";
        return to - from == json.length() && contentType.regionMatches(true, from, json, 0, json.length());
    }
}
