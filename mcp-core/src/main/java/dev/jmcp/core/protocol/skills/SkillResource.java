package dev.jmcp.core.protocol.skills;

import java.util.Objects;

/**
 * One file of a skill with the digest and size of its raw bytes.
 *
 * @param uri the file's resource URI
 * @param digest {@code sha256:} and 64 lowercase hex digits of the file's raw bytes
 * @param size the length of the file's raw bytes
 */
public record SkillResource(String uri, String digest, long size) {
    /**
     * Checks the members.
     *
     * @param uri the file's resource URI
     * @param digest {@code sha256:} and 64 lowercase hex digits of the file's raw bytes
     * @param size the length of the file's raw bytes
     */
    public SkillResource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /**
     * The entry of a file with content {@code bytes}.
     *
     * @param uri the file's resource URI
     * @param bytes the file's raw content, digested into the entry
     * @return the entry of a file with content {@code bytes}
     */
    public static SkillResource of(String uri, byte[] bytes) {
        return new SkillResource(uri, SkillsProtocol.digest(bytes), bytes.length);
    }
}
