package dev.jmcp.core.protocol.skills;

/**
 * The params of {@code resources/directory/read}.
 *
 * @param uri the directory resource's URI (no trailing slash)
 * @param cursor the cursor of the page to read, null for the first
 */
public record ReadResourceDirectoryRequest(String uri, String cursor) {}
