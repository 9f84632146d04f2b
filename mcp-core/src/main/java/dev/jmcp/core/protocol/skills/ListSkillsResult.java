package dev.jmcp.core.protocol.skills;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.CacheScope;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The result of {@code skills/list}.
 *
 * @param skills one page of skill entries
 * @param nextCursor the cursor of the next page, null on the last
 * @param ttlMs how long the listing may be cached, in milliseconds
 * @param cacheScope who may reuse a cached copy
 * @param meta the {@code _meta} object, null when absent
 */
public record ListSkillsResult(
        List<Skill> skills,
        String nextCursor,
        Long ttlMs,
        CacheScope cacheScope,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Copies the list (absent means empty).
     *
     * @param skills one page of skill entries
     * @param nextCursor the cursor of the next page, null on the last
     * @param ttlMs how long the listing may be cached, in milliseconds
     * @param cacheScope who may reuse a cached copy
     * @param meta the {@code _meta} object, null when absent
     */
    public ListSkillsResult {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
