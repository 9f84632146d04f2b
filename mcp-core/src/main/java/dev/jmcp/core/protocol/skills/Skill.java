package dev.jmcp.core.protocol.skills;

import dev.jmcp.core.McpJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The entry of one skill, as {@code skills/list} and {@code skills/get} return it.
 *
 * @param uri the URI of the skill's {@code SKILL.md}
 * @param frontmatter the {@code SKILL.md} YAML frontmatter rendered verbatim as a JSON object
 * @param resources the complete manifest (an array of {@link SkillResource}) or the string {@code "dynamic"}
 */
public record Skill(String uri, JsonNode frontmatter, JsonNode resources) {
    /**
     * Checks that {@code uri} and {@code frontmatter} are present.
     *
     * @param uri the URI of the skill's {@code SKILL.md}
     * @param frontmatter the {@code SKILL.md} YAML frontmatter rendered verbatim as a JSON object
     * @param resources the complete manifest (an array of {@link SkillResource}) or the string {@code "dynamic"}
     */
    public Skill {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(frontmatter, "frontmatter");
    }

    /**
     * An entry with its complete file manifest.
     *
     * @param uri the URI of the skill's {@code SKILL.md}
     * @param frontmatter the {@code SKILL.md} YAML frontmatter rendered verbatim as a JSON object
     * @param files every file of the skill, {@code SKILL.md} included
     * @return an entry with its complete file manifest
     */
    public static Skill of(String uri, JsonNode frontmatter, List<SkillResource> files) {
        return new Skill(uri, frontmatter, McpJson.toTree(List.copyOf(files)));
    }

    /**
     * An entry of a skill whose content is generated ({@code "resources": "dynamic"}).
     *
     * @param uri the URI of the skill's {@code SKILL.md}
     * @param frontmatter the {@code SKILL.md} YAML frontmatter rendered verbatim as a JSON object
     * @return an entry of a skill whose content is generated ({@code "resources": "dynamic"})
     */
    public static Skill dynamic(String uri, JsonNode frontmatter) {
        return new Skill(uri, frontmatter, JsonNodeFactory.instance.stringNode(SkillsProtocol.DYNAMIC));
    }

    /**
     * The skill's name ({@code frontmatter.name}), or null when absent.
     *
     * @return the skill's name ({@code frontmatter.name}), or null when absent
     */
    public String name() {
        JsonNode n = frontmatter.get("name");
        return n != null && n.isString() ? n.asString() : null;
    }

    /**
     * The skill's description ({@code frontmatter.description}), or null when absent.
     *
     * @return the skill's description ({@code frontmatter.description}), or null when absent
     */
    public String description() {
        JsonNode n = frontmatter.get("description");
        return n != null && n.isString() ? n.asString() : null;
    }

    /**
     * Whether the skill's content is generated and carries no digests.
     *
     * @return {@code true} if the skill's content is generated and carries no digests
     */
    public boolean isDynamic() {
        return resources != null && resources.isString() && SkillsProtocol.DYNAMIC.equals(resources.asString());
    }

    /**
     * Whether {@code resources} has one of its two valid forms (an array of well-formed entries, or
     * {@code "dynamic"}); a host must not load an entry that does not.
     *
     * @return {@code true} if {@code resources} has one of its two valid forms (an array of well-formed entries, or
     *     {@code "dynamic"})
     */
    public boolean hasValidResources() {
        if (isDynamic()) {
            return true;
        }
        if (resources == null || !resources.isArray()) {
            return false;
        }
        for (JsonNode r : resources) {
            if (!r.isObject()
                    || !r.path("uri").isString()
                    || !SkillsProtocol.isDigest(r.path("digest").asString(null))
                    || !r.path("size").canConvertToLong()
                    || r.path("size").asLong() < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file manifest; empty for a dynamic skill.
     *
     * @return the file manifest; empty for a dynamic skill
     */
    public List<SkillResource> files() {
        List<SkillResource> out = new ArrayList<>();
        if (resources != null && resources.isArray()) {
            for (JsonNode r : resources) {
                out.add(McpJson.fromTree(r, SkillResource.class));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The manifest entry of {@code fileUri}, or null when the manifest does not list it.
     *
     * @param fileUri the URI of a file of the skill
     * @return the manifest entry of {@code fileUri}, or null when the manifest does not list it
     */
    public SkillResource file(String fileUri) {
        for (SkillResource r : files()) {
            if (r.uri().equals(fileUri)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The skill's root directory URI: {@link #uri()} without its {@code /SKILL.md} suffix.
     *
     * @return the skill's root directory URI: {@link #uri()} without its {@code /SKILL.md} suffix
     */
    public String rootUri() {
        String suffix = "/" + SkillsProtocol.SKILL_MD;
        return uri.endsWith(suffix) ? uri.substring(0, uri.length() - suffix.length()) : uri;
    }
}
