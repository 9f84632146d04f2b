package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillResource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading skills from folders and jars: entries, verbatim frontmatter, digests, names and limits. */
class SkillsCatalogTest {
    @TempDir
    Path dir;

    static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static String skillMd(String name, String extra) {
        return "---\nname: " + name + "\ndescription: Does " + name + " things\n" + extra + "---\n\n# " + name + "\n";
    }

    static String sha256(byte[] bytes) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void entriesCarryTheFrontmatterVerbatimAndEveryFileWithItsDigestAndSize() throws Exception {
        write(dir.resolve("git-workflow/SKILL.md"), skillMd("git-workflow", ""));
        String refunds =
                skillMd("refunds", "license: Apache-2.0\nmetadata:\n  version: \"2.1.0\"\n  tags: [a, b]\ncount: 3\n");
        write(dir.resolve("acme/billing/refunds/SKILL.md"), refunds);
        write(dir.resolve("acme/billing/refunds/examples/email.md"), "Dear customer");
        byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 1, 2};
        write(dir.resolve("acme/billing/refunds/assets/logo.png"), logo);

        List<Skill> skills = SkillsCatalog.builder().directory(dir).build().skills();

        assertThat(skills)
                .extracting(Skill::uri)
                .containsExactly("skill://acme/billing/refunds/SKILL.md", "skill://git-workflow/SKILL.md");
        Skill r = skills.get(0);
        assertThat(r.frontmatter())
                .isEqualTo(McpJson.parse("{\"name\":\"refunds\",\"description\":\"Does refunds things\","
                        + "\"license\":\"Apache-2.0\",\"metadata\":{\"version\":\"2.1.0\",\"tags\":[\"a\",\"b\"]},"
                        + "\"count\":3}"));
        assertThat(r.files())
                .containsExactly(
                        new SkillResource(
                                "skill://acme/billing/refunds/SKILL.md",
                                sha256(refunds.getBytes(StandardCharsets.UTF_8)),
                                refunds.getBytes(StandardCharsets.UTF_8).length),
                        new SkillResource("skill://acme/billing/refunds/assets/logo.png", sha256(logo), logo.length),
                        new SkillResource(
                                "skill://acme/billing/refunds/examples/email.md",
                                sha256("Dear customer".getBytes(StandardCharsets.UTF_8)),
                                13));
    }

    @Test
    void aNestedSkillIsListedOnItsOwnAndItsFilesBelongToTheEnclosingSkillToo() throws Exception {
        write(dir.resolve("outer/SKILL.md"), skillMd("outer", ""));
        write(dir.resolve("outer/inner/SKILL.md"), skillMd("inner", ""));
        write(dir.resolve("outer/inner/notes.txt"), "n");

        List<Skill> skills = SkillsCatalog.builder().directory(dir).build().skills();

        assertThat(skills)
                .extracting(Skill::uri)
                .containsExactly("skill://outer/SKILL.md", "skill://outer/inner/SKILL.md");
        assertThat(skills.get(0).files())
                .extracting(SkillResource::uri)
                .containsExactly(
                        "skill://outer/SKILL.md", "skill://outer/inner/SKILL.md", "skill://outer/inner/notes.txt");
        assertThat(skills.get(1).files())
                .extracting(SkillResource::uri)
                .containsExactly("skill://outer/inner/SKILL.md", "skill://outer/inner/notes.txt");
    }

    @Test
    void aFolderThatIsItselfASkillIsNamedAfterItAndHiddenFilesAndLinksAreLeftOut() throws Exception {
        Path one = dir.resolve("solo");
        write(one.resolve("SKILL.md"), skillMd("solo", ""));
        write(one.resolve(".DS_Store"), "x");
        write(dir.resolve("secret.txt"), "outside");
        try {
            Files.createSymbolicLink(one.resolve("link.txt"), dir.resolve("secret.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            // no symbolic links on this file system: the rest still holds
        }
        Skill s = SkillsCatalog.builder().directory(one).build().skills().get(0);
        assertThat(s.uri()).isEqualTo("skill://solo/SKILL.md");
        assertThat(s.files()).extracting(SkillResource::uri).containsExactly("skill://solo/SKILL.md");
    }

    @Test
    void namesAreCheckedAgainstTheAgentSkillsRulesAndTheDirectory() throws Exception {
        write(dir.resolve("a/pdf/SKILL.md"), skillMd("pdf-tools", ""));
        assertThatThrownBy(() -> SkillsCatalog.builder().directory(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal the skill's directory name");
        for (String bad : List.of("Pdf", "pdf--tools", "-pdf", "pdf_tools", "x".repeat(65))) {
            Path d = Files.createTempDirectory(dir, "n");
            write(d.resolve(bad + "/SKILL.md"), skillMd(bad, ""));
            assertThatThrownBy(() -> SkillsCatalog.builder().directory(d).build())
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("skill name");
        }
        Path noDescription = Files.createTempDirectory(dir, "d");
        write(noDescription.resolve("x/SKILL.md"), "---\nname: x\n---\nbody");
        assertThatThrownBy(
                        () -> SkillsCatalog.builder().directory(noDescription).build())
                .hasMessageContaining("description");
        Path noFrontmatter = Files.createTempDirectory(dir, "f");
        write(noFrontmatter.resolve("x/SKILL.md"), "# just markdown");
        assertThatThrownBy(
                        () -> SkillsCatalog.builder().directory(noFrontmatter).build())
                .hasMessageContaining("frontmatter");
    }

    @Test
    void aSkillOverALimitIsRefusedNamingTheLimit() throws Exception {
        write(dir.resolve("big/SKILL.md"), skillMd("big", ""));
        write(dir.resolve("big/a.txt"), "a");
        write(dir.resolve("big/b.txt"), "b".repeat(1000));
        write(dir.resolve("other/SKILL.md"), skillMd("other", ""));
        assertThatThrownBy(() -> SkillsCatalog.builder()
                        .directory(dir)
                        .maxResourcesPerSkill(2)
                        .build())
                .hasMessageContaining("maxResourcesPerSkill");
        assertThatThrownBy(() -> SkillsCatalog.builder()
                        .directory(dir)
                        .maxBytesPerSkill(500)
                        .build())
                .hasMessageContaining("maxBytesPerSkill");
        assertThatThrownBy(() ->
                        SkillsCatalog.builder().directory(dir).maxSkills(1).build())
                .hasMessageContaining("maxSkills");
        assertThatThrownBy(() -> SkillsCatalog.builder()
                        .directory(dir)
                        .maxTotalBytes(600)
                        .build())
                .hasMessageContaining("maxTotalBytes");
        assertThat(SkillsCatalog.builder().directory(dir).build().skills()).hasSize(2);
    }

    @Test
    void skillsAreReadFromAJarOnTheClassPath() throws Exception {
        Path jar = dir.resolve("skills.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String d :
                    List.of("bundled/", "bundled/skills/", "bundled/skills/hello/", "bundled/skills/hello/ref/")) {
                zip.putNextEntry(new ZipEntry(d)); // directory entries, as Maven writes them
            }
            zip.putNextEntry(new ZipEntry("bundled/skills/hello/SKILL.md"));
            zip.write(skillMd("hello", "").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("bundled/skills/hello/ref/guide.md"));
            zip.write("guide".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Skill> skills = SkillsCatalog.builder()
                    .classPath(loader, "bundled/skills")
                    .build()
                    .skills();
            assertThat(skills).extracting(Skill::uri).containsExactly("skill://hello/SKILL.md");
            assertThat(skills.get(0).files())
                    .extracting(SkillResource::uri)
                    .containsExactly("skill://hello/SKILL.md", "skill://hello/ref/guide.md");
        }
        assertThatThrownBy(() -> SkillsCatalog.builder().classPath(getClass().getClassLoader(), "no/such/dir"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
