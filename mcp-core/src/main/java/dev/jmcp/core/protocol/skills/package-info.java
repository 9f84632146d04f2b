/**
 * The Skills extension ({@code io.modelcontextprotocol/skills}, SEP-2640): {@code skills/list}, {@code skills/get},
 * {@code resources/directory/read}, the {@code Skill} entry with its verbatim frontmatter and its complete manifest
 * of {@code SkillResource} files (SHA-256 digest and size each).
 */
package dev.jmcp.core.protocol.skills;
