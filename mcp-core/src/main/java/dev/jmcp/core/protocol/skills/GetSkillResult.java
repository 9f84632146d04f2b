package dev.jmcp.core.protocol.skills;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.CacheScope;
import tools.jackson.databind.JsonNode;

/**
 * The result of {@code skills/get}.
 *
 * @param skill the skill's entry
 * @param ttlMs how long the entry may be treated as current, in milliseconds
 * @param cacheScope who may reuse a cached copy
 * @param meta the {@code _meta} object, null when absent
 */
public record GetSkillResult(Skill skill, Long ttlMs, CacheScope cacheScope, @JsonProperty("_meta") JsonNode meta) {}
