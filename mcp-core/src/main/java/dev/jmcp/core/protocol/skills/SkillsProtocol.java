package dev.jmcp.core.protocol.skills;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** The identifiers, method names, settings, limits and rules of the Skills extension (SEP-2640). */
public final class SkillsProtocol {
    /** The extension identifier. */
    public static final String EXTENSION_ID = "io.modelcontextprotocol/skills";
    /** Lists the skills a server serves (paginated). */
    public static final String SKILLS_LIST = "skills/list";
    /** Returns the entry of one skill by the URI of its {@code SKILL.md}. */
    public static final String SKILLS_GET = "skills/get";
    /** Lists the direct children of a directory resource (paginated); needs {@code directoryRead}. */
    public static final String RESOURCES_DIRECTORY_READ = "resources/directory/read";
    /** The setting declaring {@code resources/directory/read}. */
    public static final String DIRECTORY_READ = "directoryRead";
    /** The MIME type of a directory resource. */
    public static final String DIRECTORY_MIME_TYPE = "inode/directory";
    /** The MIME type of a {@code SKILL.md}. */
    public static final String SKILL_MD_MIME_TYPE = "text/markdown";
    /** The conventional URI scheme. */
    public static final String SCHEME = "skill://";
    /** The file every skill has at its root. */
    public static final String SKILL_MD = "SKILL.md";
    /** The {@code resources} value of a skill whose content is generated and offers no digests. */
    public static final String DYNAMIC = "dynamic";
    /** Resources per skill every host must accept ({@code SKILL.md} included). */
    public static final int MAX_RESOURCES_PER_SKILL = 512;
    /** Total bytes per skill every host must accept (16 MiB). */
    public static final long MAX_BYTES_PER_SKILL = 16L * 1024 * 1024;
    /** The longest skill name the Agent Skills specification allows. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The longest description the Agent Skills specification allows. */
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private SkillsProtocol() {}

    /**
     * Why {@code name} is not a valid skill name (Agent Skills: 1 to 64 lowercase letters, digits and hyphens, no
     * leading, trailing or doubled hyphen), or null when it is.
     *
     * @param name the candidate skill name
     * @return the problem, or null when {@code name} is valid
     */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a skill name must not be empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "a skill name has at most " + MAX_NAME_LENGTH + " characters: " + name;
        }
        if (!NAME.matcher(name).matches()) {
            return "a skill name has only lowercase letters, digits and single inner hyphens: " + name;
        }
        return null;
    }

    /** The longest frontmatter read (64 KiB of characters). */
    public static final int MAX_FRONTMATTER_CHARS = 64 * 1024;

    /**
     * The YAML between the opening {@code ---} line of a {@code SKILL.md} and the closing {@code ---} (or
     * {@code ...}) line.
     *
     * @param skillMd the text of a {@code SKILL.md}
     * @return the YAML between the opening {@code ---} line of a {@code SKILL.md} and the closing {@code ---} (or
     *     {@code ...}) line
     * @throws IllegalArgumentException when the text does not begin with frontmatter, or it is not closed within
     *     {@link #MAX_FRONTMATTER_CHARS}
     */
    public static String frontmatterYaml(String skillMd) {
        String t = skillMd.startsWith("\uFEFF") ? skillMd.substring(1) : skillMd;
        if (!(t.startsWith("---\n") || t.startsWith("---\r\n"))) {
            throw new IllegalArgumentException("SKILL.md must begin with YAML frontmatter (a --- line)");
        }
        int start = t.indexOf('\n') + 1;
        int lineStart = start;
        while (lineStart < t.length() && lineStart - start <= MAX_FRONTMATTER_CHARS) {
            int nl = t.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? t.length() : nl;
            String line = t.substring(lineStart, lineEnd).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return t.substring(start, lineStart);
            }
            lineStart = lineEnd + 1;
        }
        throw new IllegalArgumentException(
                "SKILL.md frontmatter is not closed by a --- line within " + MAX_FRONTMATTER_CHARS + " characters");
    }

    /**
     * Whether {@code digest} has the form {@code sha256:} followed by 64 lowercase hex digits.
     *
     * @param digest the candidate digest
     * @return {@code true} if {@code digest} has the form {@code sha256:} followed by 64 lowercase hex digits
     */
    public static boolean isDigest(String digest) {
        return digest != null && DIGEST.matcher(digest).matches();
    }

    /**
     * The {@code sha256:{hex}} digest of {@code bytes}.
     *
     * @param bytes the content to digest
     * @return the {@code sha256:{hex}} digest of {@code bytes}
     */
    public static String digest(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
