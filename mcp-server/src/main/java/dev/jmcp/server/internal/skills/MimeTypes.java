package dev.jmcp.server.internal.skills;

import java.util.Locale;
import java.util.Map;

/** The MIME type of a skill file, by its extension. */
final class MimeTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"),
            Map.entry("txt", "text/plain"),
            Map.entry("py", "text/x-python"),
            Map.entry("sh", "text/x-shellscript"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("ts", "text/plain"),
            Map.entry("java", "text/x-java"),
            Map.entry("json", "application/json"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("toml", "application/toml"),
            Map.entry("xml", "application/xml"),
            Map.entry("html", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("csv", "text/csv"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"));

    private MimeTypes() {}

    /** The type of {@code fileName}; unknown extensions are {@code text/plain} when text, else octet-stream. */
    static String of(String fileName, boolean isText) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = BY_EXTENSION.get(ext);
        if (type != null) {
            return type;
        }
        return isText ? "text/plain" : "application/octet-stream";
    }

    /** Whether a file of {@code mimeType} is served as text when its bytes are UTF-8. */
    static boolean isTextual(String mimeType) {
        return mimeType.startsWith("text/")
                || mimeType.equals("application/json")
                || mimeType.equals("application/yaml")
                || mimeType.equals("application/toml")
                || mimeType.equals("application/xml")
                || mimeType.equals("image/svg+xml");
    }
}
