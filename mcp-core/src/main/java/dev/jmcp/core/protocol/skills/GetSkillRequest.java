package dev.jmcp.core.protocol.skills;

/**
 * The params of {@code skills/get}.
 *
 * @param uri the URI of the skill's {@code SKILL.md}
 */
public record GetSkillRequest(String uri) {}
