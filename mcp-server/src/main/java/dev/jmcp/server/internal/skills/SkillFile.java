package dev.jmcp.server.internal.skills;

import dev.jmcp.core.protocol.skills.SkillResource;

/**
 * One loaded file of a skill.
 *
 * @param uri its {@code skill://} resource URI
 * @param name its file name (decoded)
 * @param mimeType its MIME type
 * @param bytes its raw content (not copied: never handed out)
 * @param text its content as text when the bytes are valid UTF-8 and the type is textual, else null
 * @param entry its manifest entry (digest and size)
 */
public record SkillFile(String uri, String name, String mimeType, byte[] bytes, String text, SkillResource entry) {}
