package dev.jmcp.client;

import java.nio.charset.StandardCharsets;

/**
 * One skill file as read and verified by {@link SkillsClient}.
 *
 * @param uri the file's URI
 * @param mimeType its MIME type as the server sent it, or null
 * @param bytes its raw bytes (the ones the digest covers)
 * @param verified true when checked against a digest and size; false for a skill whose {@code resources} is
 *     {@code "dynamic"}, which offers no content integrity
 */
public record SkillContent(String uri, String mimeType, byte[] bytes, boolean verified) {
    /**
     * Copies the bytes.
     *
     * @param uri the file's URI
     * @param mimeType its MIME type as the server sent it, or null
     * @param bytes its raw bytes (the ones the digest covers)
     * @param verified true when checked against a digest and size; false for a skill whose {@code resources} is {@code
     *     "dynamic"}, which offers no content integrity
     */
    public SkillContent {
        bytes = bytes.clone();
    }

    /**
     * The bytes (a copy).
     *
     * @return the bytes (a copy)
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The content decoded as UTF-8.
     *
     * @return the content decoded as UTF-8
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
