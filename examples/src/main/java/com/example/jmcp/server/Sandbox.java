package com.example.jmcp.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A folder that paths from a client may not leave: relative paths only, no {@code ..} above the root, and no
 * symbolic link that leads outside it.
 */
final class Sandbox {
    private final Path root;

    Sandbox(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox folder " + root + " does not exist", e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("the sandbox " + root + " is not a folder");
        }
    }

    Path root() {
        return root;
    }

    /**
     * The file a client's relative path names.
     *
     * @throws IllegalArgumentException when the path is absolute or leads outside the sandbox
     */
    Path resolve(String relative) {
        String p = relative == null ? "" : relative.strip();
        if (p.startsWith("/") || p.startsWith("\\") || p.contains(":")) {
            throw new IllegalArgumentException("use a path relative to the sandbox, not " + relative);
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside the sandbox");
        }
        try {
            Path existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(root)) {
                throw new IllegalArgumentException(relative + " leads outside the sandbox");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resolved;
    }

    /** The path relative to the root, with forward slashes. */
    String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
