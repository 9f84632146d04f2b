package dev.jmcp.server.internal.skills;

import dev.jmcp.core.protocol.skills.SkillsProtocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML frontmatter at the start of a {@code SKILL.md} as a JSON object, verbatim. */
public final class Frontmatter {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Frontmatter() {}

    /**
     * The frontmatter of {@code text} as a JSON object.
     *
     * @throws IllegalArgumentException when the text has no frontmatter, it is not YAML mapping, or it lacks a
     *     string {@code name} or {@code description}
     */
    public static JsonNode parse(String text) {
        String yaml = SkillsProtocol.frontmatterYaml(text);
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SKILL.md frontmatter is not valid YAML: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("SKILL.md frontmatter must be a YAML mapping");
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isString()) {
            throw new IllegalArgumentException("SKILL.md frontmatter needs a string name");
        }
        String problem = SkillsProtocol.nameProblem(name.asString());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        JsonNode description = node.get("description");
        if (description == null
                || !description.isString()
                || description.asString().isBlank()
                || description.asString().length() > SkillsProtocol.MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("SKILL.md frontmatter needs a description of 1 to "
                    + SkillsProtocol.MAX_DESCRIPTION_LENGTH + " characters");
        }
        return node;
    }
}
