package dev.jmcp.transport.http.common.internal;

import java.util.Locale;

/** Media-type checks both HTTP roles make on {@code Accept} and {@code Content-Type} headers. */
public final class MediaTypes {
    private MediaTypes() {}

    /** Whether the Accept header admits {@code type} (absent header admits everything). */
    public static boolean accepts(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String major = type.substring(0, type.indexOf('/'));
        for (String part : accept.split(",")) {
            String media = part.trim();
            int semi = media.indexOf(';');
            if (semi >= 0) {
                media = media.substring(0, semi).trim();
            }
            media = media.toLowerCase(Locale.ROOT);
            if (media.equals(type) || media.equals("*/*") || media.equals(major + "/*")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the Content-Type is JSON. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.toLowerCase(Locale.ROOT);
        int semi = media.indexOf(';');
        if (semi >= 0) {
            media = media.substring(0, semi);
        }
        return media.trim().equals("application/json");
    }
}
