package dev.jmcp.server.internal.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Start-up (#19): the common frontmatter is read without the YAML library, exactly as the library reads it. */
class FrontmatterTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final List<String> SIMPLE = List.of(
            "name: jmcp-everything\ndescription: How to exercise the jmcp everything server's tools, resources and"
                    + " prompts from an agent.\nlicense: Apache-2.0\nmetadata:\n  author: jmcp\n",
            "name: a\ndescription: b\n",
            "name: a\r\ndescription: b  \r\n\r\nmetadata:\r\n    author: x y\r\n    version: v1.0 (beta)\r\nlast: z\r\n",
            "name:   spaced\ndescription: don't stop, \"quoted\" mid-string, 50% & more!\n",
            "name: caf\u00e9\ndescription: \u00e9t\u00e9 \u00e0 la plage\n",
            "name: x\ndescription: why\nallowed-tools: Bash Read\n");

    private static final List<String> LEFT_TO_YAML = List.of(
            "name: \"quoted\"\ndescription: d\n",
            "name: a\ndescription: 'single'\n",
            "name: a\ndescription: d\nversion: 1.0\n",
            "name: a\ndescription: d\nenabled: true\n",
            "name: a\ndescription: d\nenabled: yes\n",
            "name: a\ndescription: d\nnothing: null\n",
            "name: a\ndescription: d\nnothing: ~\n",
            "name: a\ndescription: d\nempty:\n",
            "name: a\ndescription: d\nempty:\nnext: b\n",
            "name: a\ndescription: d # a comment\n",
            "# comment\nname: a\ndescription: d\n",
            "name: a\ndescription: Note: a colon\n",
            "name: a\ndescription: >\n  folded\n  text\n",
            "name: a\ndescription: |\n  literal\n",
            "name: a\ndescription: d\ntags:\n  - x\n  - y\n",
            "name: a\ndescription: d\nmeta:\n  a: b\n   c: d\n",
            "name: a\ndescription: d\nmeta:\n  deep:\n    a: b\n",
            "name: a\ndescription: d\nname: b\n",
            "name: a\ndescription: d\nmeta:\n  a: b\n  a: c\n",
            "name: a\ndescription: [x, y]\n",
            "name: a\ndescription: {x: y}\n",
            "name: a\ndescription: d\t\n",
            "  name: a\n  description: d\n",
            "name: a\ndescription: 2026-12-07\n",
            "name: a\ndescription: d\u2003\n",
            "name: a\ndescription: *alias\n",
            "name: a\ndescription: !tag d\n",
            "\"name\": a\ndescription: d\n",
            "name : a\ndescription: d\n",
            "name:a\ndescription: d\n",
            "");

    @Test
    void whatTheQuickReaderAcceptsItReadsExactlyAsTheYamlLibrary() {
        for (String yaml : SIMPLE) {
            JsonNode quick = Frontmatter.simple(yaml);
            assertThat(quick).as("read without YAML: %s", yaml).isNotNull();
            assertThat(quick).as(yaml).isEqualTo(YAML.readTree(yaml));
        }
    }

    @Test
    void everythingElseIsLeftToTheYamlLibrary() {
        for (String yaml : LEFT_TO_YAML) {
            assertThat(Frontmatter.simple(yaml)).as(yaml).isNull();
        }
        JsonNode read = Frontmatter.parse("---\nname: a\ndescription: \"quoted: yes\"\nversion: 1.0\n---\nbody");
        assertThat(read.get("description").asString()).isEqualTo("quoted: yes");
        assertThat(read.get("version").isNumber()).isTrue();
        assertThatThrownBy(() -> Frontmatter.parse("---\nname: a\ndescription: [unclosed\n---\n"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Frontmatter.parse("---\nname: Bad Name\ndescription: d\n---\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
