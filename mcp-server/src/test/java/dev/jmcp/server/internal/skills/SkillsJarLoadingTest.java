package dev.jmcp.server.internal.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up (#19): skills in a jar are read from its entries, with the same result and the same messages as when
 * the jar is opened as a zip file system (which indexes every entry of the jar first).
 */
class SkillsJarLoadingTest {
    private static final SkillsLoader.Limits LIMITS = new SkillsLoader.Limits(10, 10, 1 << 20, 1 << 22);

    @TempDir
    Path dir;

    private static String skillMd(String name) {
        return "---\nname: " + name + "\ndescription: The " + name + " skill\nmetadata:\n  author: me\n---\n# " + name;
    }

    private Path jar(Map<String, String> entries) throws Exception {
        Path jar = Files.createTempFile(dir, "skills", ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String d : List.of("META-INF/", "lib/", "lib/skills/")) {
                zip.putNextEntry(new ZipEntry(d));
            }
            zip.putNextEntry(new ZipEntry("lib/Other.class"));
            zip.write(new byte[] {1, 2});
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static List<LoadedSkill> viaFileSystem(Path jar, String root, SkillsLoader.Limits limits) throws Exception {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            return SkillsLoader.load(List.of(fs.getPath("/" + root)), limits);
        }
    }

    private static List<LoadedSkill> viaEntries(Path jar, String root, SkillsLoader.Limits limits) throws Exception {
        try (JarFile f = new JarFile(jar.toFile())) {
            return SkillsLoader.loadJar(f, root, limits);
        }
    }

    private static void assertSame(List<LoadedSkill> a, List<LoadedSkill> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).entry()).isEqualTo(b.get(i).entry());
            List<SkillFile> fa = a.get(i).files();
            List<SkillFile> fb = b.get(i).files();
            assertThat(fa).hasSameSizeAs(fb);
            for (int j = 0; j < fa.size(); j++) {
                assertThat(fa.get(j).uri()).isEqualTo(fb.get(j).uri());
                assertThat(fa.get(j).name()).isEqualTo(fb.get(j).name());
                assertThat(fa.get(j).mimeType()).isEqualTo(fb.get(j).mimeType());
                assertThat(fa.get(j).text()).isEqualTo(fb.get(j).text());
                assertThat(fa.get(j).bytes()).isEqualTo(fb.get(j).bytes());
                assertThat(fa.get(j).entry()).isEqualTo(fb.get(j).entry());
            }
        }
    }

    @Test
    void readingTheEntriesGivesWhatTheZipFileSystemGives() throws Exception {
        Path jar = jar(Map.of(
                "lib/skills/alpha/SKILL.md", skillMd("alpha"),
                "lib/skills/alpha/ref/guide.md", "guide",
                "lib/skills/alpha/.hidden", "x",
                "lib/skills/alpha/data.bin", "\u0000\u0001",
                "lib/skills/group/beta/SKILL.md", skillMd("beta"),
                "lib/skills/group/beta/inner/gamma/SKILL.md", skillMd("gamma"),
                "lib/skillsbutnot/x/SKILL.md", skillMd("x")));
        List<LoadedSkill> entries = viaEntries(jar, "lib/skills", LIMITS);
        assertThat(entries)
                .extracting(s -> s.entry().uri())
                .containsExactlyInAnyOrder(
                        "skill://alpha/SKILL.md",
                        "skill://group/beta/SKILL.md",
                        "skill://group/beta/inner/gamma/SKILL.md");
        assertSame(entries, viaFileSystem(jar, "lib/skills", LIMITS));

        Path single = jar(Map.of("lib/skills/SKILL.md", skillMd("skills"), "lib/skills/a.txt", "a"));
        assertSame(viaEntries(single, "lib/skills", LIMITS), viaFileSystem(single, "lib/skills", LIMITS));
        assertThat(viaEntries(single, "lib/skills", LIMITS))
                .extracting(s -> s.entry().uri())
                .containsExactly("skill://skills/SKILL.md");
    }

    @Test
    void aBrokenSkillIsRefusedWithTheSameMessage() throws Exception {
        SkillsLoader.Limits two = new SkillsLoader.Limits(10, 2, 1 << 20, 1 << 22);
        for (Map<String, String> broken : List.of(
                Map.of("lib/skills/alpha/SKILL.md", skillMd("other")),
                Map.of("lib/skills/alpha/SKILL.md", "no frontmatter"),
                Map.of(
                        "lib/skills/alpha/SKILL.md",
                        skillMd("alpha"),
                        "lib/skills/alpha/a",
                        "a",
                        "lib/skills/alpha/b",
                        "b"))) {
            Path jar = jar(broken);
            String expected = message(() -> viaFileSystem(jar, "lib/skills", two));
            assertThatThrownBy(() -> viaEntries(jar, "lib/skills", two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected);
        }
        assertThatThrownBy(() -> viaEntries(jar(Map.of()), "no/such", LIMITS)).hasMessageContaining("not a directory");
    }

    private static String message(Callable<?> load) throws Exception {
        try {
            load.call();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a refusal");
    }
}
