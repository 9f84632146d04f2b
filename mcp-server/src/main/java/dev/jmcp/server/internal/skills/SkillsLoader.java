package dev.jmcp.server.internal.skills;

import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillResource;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Loads skills from folders: every directory holding a {@code SKILL.md} is a skill whose path is the directory's
 * path under the root (the root's own name when the root itself holds a {@code SKILL.md}); every regular file under
 * it (nested skills' included, symbolic links and names starting with a dot excluded) is one of its files. Checks
 * the names (the directory name equals {@code frontmatter.name}, which follows the Agent Skills rules) and the
 * limits, and reads each file once.
 */
public final class SkillsLoader {
    /**
     * The limits a catalog is loaded under.
     *
     * @param maxSkills how many skills
     * @param maxResourcesPerSkill how many files one skill has, {@code SKILL.md} and nested skills' included
     * @param maxBytesPerSkill how many bytes one skill's files have together
     * @param maxTotalBytes how many bytes all files have together
     */
    public record Limits(int maxSkills, int maxResourcesPerSkill, long maxBytesPerSkill, long maxTotalBytes) {}

    private final Limits limits;
    private final Map<String, SkillFile> filesByUri = new HashMap<>();
    private final Map<String, LoadedSkill> skills = new LinkedHashMap<>();
    private long totalBytes;

    private SkillsLoader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Loads the skills under {@code roots}.
     *
     * @throws IllegalArgumentException naming the file and the rule it breaks
     */
    public static List<LoadedSkill> load(List<Path> roots, Limits limits) {
        SkillsLoader loader = new SkillsLoader(limits);
        for (Path root : roots) {
            loader.loadRoot(root);
        }
        return List.copyOf(loader.skills.values());
    }

    /**
     * Loads the skills under the directory {@code dir} of a jar, reading its entries directly (not through a zip
     * file system, which would index every entry of the jar first), with the same rules and messages as {@link
     * #load} on that directory of the jar opened as a file system.
     *
     * @throws IllegalArgumentException naming the file and the rule it breaks
     */
    public static List<LoadedSkill> loadJar(JarFile jar, String dir, Limits limits) {
        String root = "/" + trimSlash(dir);
        String prefix = trimSlash(dir) + "/";
        TreeMap<String, FileSource> files = new TreeMap<>();
        long cap = (long) limits.maxSkills() * limits.maxResourcesPerSkill();
        boolean rootHoldsSkill = false;
        boolean found = false;
        for (java.util.Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
            JarEntry e = en.nextElement();
            String name = e.getName();
            if (!name.startsWith(prefix)) {
                continue;
            }
            found = true;
            if (e.isDirectory()) {
                continue;
            }
            String rel = trimSlash(name.substring(prefix.length()));
            if (rel.isEmpty() || hidden(rel)) {
                continue;
            }
            rootHoldsSkill |= rel.equals(SkillsProtocol.SKILL_MD);
            files.put(rel, new JarSource(jar, e, root + "/" + rel));
            if (files.size() > cap) {
                throw new IllegalArgumentException(
                        "more than " + cap + " files under " + root + " (maxSkills x maxResourcesPerSkill)");
            }
        }
        if (!found) {
            throw new IllegalArgumentException("skills root is not a directory: " + root);
        }
        String base = "";
        if (rootHoldsSkill) {
            String name = trimSlash(dir);
            base = name.substring(name.lastIndexOf('/') + 1) + "/";
        }
        SkillsLoader loader = new SkillsLoader(limits);
        loader.loadFiles(root, base, files);
        return List.copyOf(loader.skills.values());
    }

    /** One file of a skill: its size, its bytes, and how messages name it ({@code toString}). */
    private interface FileSource {
        long size() throws IOException;

        byte[] read() throws IOException;
    }

    private record PathSource(Path path) implements FileSource {
        @Override
        public long size() throws IOException {
            return Files.size(path);
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(path);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    private record JarSource(JarFile jar, JarEntry entry, String name) implements FileSource {
        @Override
        public long size() {
            return entry.getSize();
        }

        @Override
        public byte[] read() throws IOException {
            try (java.io.InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The URI of file {@code filePath} of the skill at {@code skillPath}. */
    static String uri(String skillPath, String filePath) {
        return SkillsProtocol.SCHEME + encodePath(skillPath) + "/" + encodePath(filePath);
    }

    private void loadRoot(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("skills root is not a directory: " + root);
        }
        String base = "";
        if (Files.isRegularFile(root.resolve(SkillsProtocol.SKILL_MD), LinkOption.NOFOLLOW_LINKS)) {
            Path name = root.getFileName();
            if (name == null) {
                throw new IllegalArgumentException("a skill cannot be the root of a file system: " + root);
            }
            base = trimSlash(name.toString()) + "/";
        }
        TreeMap<String, FileSource> files = new TreeMap<>();
        long cap = (long) limits.maxSkills() * limits.maxResourcesPerSkill();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String rel = relative(root, p);
                if (rel.isEmpty() || hidden(rel)) {
                    return;
                }
                files.put(rel, new PathSource(p));
                if (files.size() > cap) {
                    throw new IllegalArgumentException(
                            "more than " + cap + " files under " + root + " (maxSkills x maxResourcesPerSkill)");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read skills under " + root, e);
        }
        loadFiles(root.toString(), base, files);
    }

    private void loadFiles(String root, String base, TreeMap<String, FileSource> files) {
        List<String> skillDirs = new ArrayList<>();
        for (String rel : files.keySet()) {
            if (rel.equals(SkillsProtocol.SKILL_MD)) {
                skillDirs.add("");
            } else if (rel.endsWith("/" + SkillsProtocol.SKILL_MD)) {
                skillDirs.add(rel.substring(0, rel.length() - SkillsProtocol.SKILL_MD.length() - 1));
            }
        }
        for (String dir : skillDirs) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            String skillPath = trimSlash(base + dir);
            if (skillPath.isEmpty()) {
                throw new IllegalArgumentException("a skill needs a directory: " + root);
            }
            Map<String, FileSource> own = dir.isEmpty()
                    ? new TreeMap<>(files)
                    : new TreeMap<>(files.subMap(prefix, true, prefix + Character.MAX_VALUE, true));
            loadSkill(root, skillPath, prefix, own);
        }
    }

    private void loadSkill(String root, String skillPath, String prefix, Map<String, FileSource> own) {
        String where = root + "/" + prefix + SkillsProtocol.SKILL_MD;
        if (skills.size() >= limits.maxSkills()) {
            throw new IllegalArgumentException("more than maxSkills (" + limits.maxSkills() + ") skills, at " + where);
        }
        if (own.size() > limits.maxResourcesPerSkill()) {
            throw new IllegalArgumentException("skill " + skillPath + " has " + own.size()
                    + " files, more than maxResourcesPerSkill (" + limits.maxResourcesPerSkill() + ")");
        }
        String[] segments = skillPath.split("/");
        String first = encodeSegment(segments[0]);
        if (!first.matches("[A-Za-z0-9._~!$&'()*+,;=%-]+")) {
            throw new IllegalArgumentException("skill path " + skillPath + " does not start with a URI host name");
        }
        long bytes = 0;
        List<SkillFile> loaded = new ArrayList<>();
        SkillFile skillMd = null;
        for (Map.Entry<String, FileSource> e : own.entrySet()) {
            String fileRel = e.getKey().substring(prefix.length());
            SkillFile f = read(skillPath, fileRel, e.getValue());
            bytes += f.bytes().length;
            if (bytes > limits.maxBytesPerSkill()) {
                throw new IllegalArgumentException("skill " + skillPath + " has more than maxBytesPerSkill ("
                        + limits.maxBytesPerSkill() + ") bytes");
            }
            if (fileRel.equals(SkillsProtocol.SKILL_MD)) {
                skillMd = f;
            } else {
                loaded.add(f);
            }
        }
        if (skillMd == null || skillMd.text() == null) {
            throw new IllegalArgumentException(where + " is not UTF-8 text");
        }
        JsonNode frontmatter;
        try {
            frontmatter = Frontmatter.parse(skillMd.text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        String name = frontmatter.get("name").asString();
        if (!name.equals(segments[segments.length - 1])) {
            throw new IllegalArgumentException(where + ": the frontmatter name \"" + name
                    + "\" must equal the skill's directory name \"" + segments[segments.length - 1] + "\"");
        }
        loaded.add(0, skillMd);
        List<SkillResource> manifest = new ArrayList<>();
        for (SkillFile f : loaded) {
            manifest.add(f.entry());
        }
        Skill entry = Skill.of(skillMd.uri(), frontmatter, manifest);
        if (skills.containsKey(entry.uri())) {
            throw new IllegalArgumentException("two skills are served at " + entry.uri());
        }
        skills.put(entry.uri(), new LoadedSkill(entry, loaded));
    }

    private SkillFile read(String skillPath, String fileRel, FileSource path) {
        String uri = uri(skillPath, fileRel);
        SkillFile known = filesByUri.get(uri);
        if (known != null) {
            return known; // a nested skill's file, read for its enclosing skill already
        }
        byte[] bytes;
        try {
            if (path.size() > limits.maxBytesPerSkill()) {
                throw new IllegalArgumentException(
                        path + " is larger than maxBytesPerSkill (" + limits.maxBytesPerSkill() + ")");
            }
            bytes = path.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        totalBytes += bytes.length;
        if (totalBytes > limits.maxTotalBytes()) {
            throw new IllegalArgumentException(
                    "the skills have more than maxTotalBytes (" + limits.maxTotalBytes() + ") bytes, at " + path);
        }
        String fileName = fileRel.substring(fileRel.lastIndexOf('/') + 1);
        String utf8 = utf8(bytes);
        String mime = fileRel.equals(SkillsProtocol.SKILL_MD)
                ? SkillsProtocol.SKILL_MD_MIME_TYPE
                : MimeTypes.of(fileName, utf8 != null);
        String text = utf8 != null && MimeTypes.isTextual(mime) ? utf8 : null;
        SkillFile f = new SkillFile(uri, fileName, mime, bytes, text, SkillResource.of(uri, bytes));
        filesByUri.put(uri, f);
        return f;
    }

    /** The bytes as a string when they are strictly valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String relative(Path root, Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(trimSlash(part.toString()));
        }
        return sb.toString();
    }

    private static boolean hidden(String rel) {
        for (String s : rel.split("/")) {
            if (s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t;
    }

    /** Percent-encodes each {@code /}-separated segment of {@code path}. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String s : path.split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(s));
        }
        return sb.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
