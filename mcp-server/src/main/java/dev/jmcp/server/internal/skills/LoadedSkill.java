package dev.jmcp.server.internal.skills;

import dev.jmcp.core.protocol.skills.Skill;
import java.util.List;

/**
 * One loaded skill.
 *
 * @param entry its {@code Skill} entry (frontmatter and complete manifest)
 * @param files its files, {@code SKILL.md} first
 */
public record LoadedSkill(Skill entry, List<SkillFile> files) {
    /** Copies the list. */
    public LoadedSkill {
        files = List.copyOf(files);
    }
}
