package dev.jmcp.core.protocol.skills;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.resources.Resource;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The result of {@code resources/directory/read}: the directory's direct children, files with their resource
 * metadata and subdirectories as {@code inode/directory} resources.
 *
 * @param resources one page of children
 * @param nextCursor the cursor of the next page, null on the last
 * @param meta the {@code _meta} object, null when absent
 */
public record ReadResourceDirectoryResult(
        List<Resource> resources, String nextCursor, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Copies the list (absent means empty).
     *
     * @param resources one page of children
     * @param nextCursor the cursor of the next page, null on the last
     * @param meta the {@code _meta} object, null when absent
     */
    public ReadResourceDirectoryResult {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
