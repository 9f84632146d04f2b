package dev.jmcp.server.internal.skills;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML frontmatter at the start of a {@code SKILL.md} as a JSON object, verbatim. */
public final class Frontmatter {
    private Frontmatter() {}

    /** The YAML reader, loaded only for frontmatter the {@link #simple} reader leaves to it (start-up time). */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    }

    /** Plain scalars YAML may resolve to a boolean or null rather than a string (1.1 and 1.2 forms, any case). */
    private static final Set<String> NOT_PLAIN_STRINGS =
            Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    /**
     * The frontmatter of {@code text} as a JSON object.
     *
     * @throws IllegalArgumentException when the text has no frontmatter, it is not YAML mapping, or it lacks a
     *     string {@code name} or {@code description}
     */
    public static JsonNode parse(String text) {
        String yaml = SkillsProtocol.frontmatterYaml(text);
        JsonNode node = simple(yaml);
        if (node == null) {
            try {
                node = Yaml.MAPPER.readTree(yaml);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("SKILL.md frontmatter is not valid YAML: " + e.getMessage(), e);
            }
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

    /**
     * The common frontmatter read without the YAML library: {@code key: value} lines, and {@code key:} followed by
     * such lines indented alike (one nested mapping), where every value is a plain one-line string that starts with
     * a letter and holds only printable ASCII (no {@code :}, {@code #}, brackets or braces) and letters or digits, and no
     * key repeats. Anything else (quotes, lists, block
     * scalars, comments, numbers, booleans, deeper nesting...) answers null: the YAML library reads it. What this
     * accepts it reads exactly as the YAML library does.
     *
     * @param yaml the frontmatter text
     * @return the mapping, or null to leave the text to the YAML library
     */
    static ObjectNode simple(String yaml) {
        ObjectNode root = McpJson.object();
        ObjectNode nested = null;
        int nestedIndent = -1;
        for (String raw : yaml.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (trimSpaces(line).isEmpty()) {
                if (nested != null && nested.isEmpty()) {
                    return null;
                }
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = line.substring(indent, colon);
            String value = line.substring(colon + 1);
            if (!simpleKey(key) || !(value.isEmpty() || value.startsWith(" "))) {
                return null;
            }
            value = trimSpaces(value);
            if (indent == 0) {
                if (nested != null && nested.isEmpty()) {
                    return null; // "key:" with nothing under it is null in YAML
                }
                nested = null;
                if (root.has(key)) {
                    return null;
                }
                if (value.isEmpty()) {
                    nested = root.putObject(key);
                    nestedIndent = -1;
                } else if (simpleValue(value)) {
                    root.put(key, value);
                } else {
                    return null;
                }
            } else {
                if (nested == null || (nestedIndent >= 0 && indent != nestedIndent)) {
                    return null;
                }
                nestedIndent = indent;
                if (nested.has(key) || !simpleValue(value)) {
                    return null;
                }
                nested.put(key, value);
            }
        }
        if (root.isEmpty() || (nested != null && nested.isEmpty())) {
            return null;
        }
        return root;
    }

    private static boolean simpleKey(String key) {
        if (key.isEmpty() || !isAsciiLetter(key.charAt(0))) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return !NOT_PLAIN_STRINGS.contains(key.toLowerCase(Locale.ROOT));
    }

    private static boolean simpleValue(String value) {
        if (value.isEmpty() || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c < 0x80 ? c >= 0x20 && c < 0x7f && ":#[]{}".indexOf(c) < 0 : Character.isLetterOrDigit(c);
            if (!plain) {
                return false;
            }
        }
        return !NOT_PLAIN_STRINGS.contains(value.toLowerCase(Locale.ROOT));
    }

    private static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
