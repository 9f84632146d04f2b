package dev.jmcp.client;

import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.PaginatedRequest;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.skills.GetSkillRequest;
import dev.jmcp.core.protocol.skills.GetSkillResult;
import dev.jmcp.core.protocol.skills.ListSkillsResult;
import dev.jmcp.core.protocol.skills.ReadResourceDirectoryRequest;
import dev.jmcp.core.protocol.skills.ReadResourceDirectoryResult;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillResource;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The host side of the Skills extension (SEP-2640) over a connected {@link McpClient}: list and get skill entries,
 * and read skill files verified against the entry they belong to.
 *
 * <pre>{@code
 * SkillsClient skills = SkillsClient.of(client);
 * for (Skill s : skills.listAll()) {
 *     SkillContent md = skills.load(s); // SKILL.md, digest, size and frontmatter checked
 * }
 * }</pre>
 *
 * <p>Verification: {@link #read} refuses a file the entry does not list, and content whose size or SHA-256 digest
 * differs from the entry's ({@link SkillsVerificationException}; the content is not returned). {@link #load} also
 * compares the {@code SKILL.md} frontmatter with the entry's, field by field. Digests come from the same server as
 * the content: a match proves consistency, not trustworthiness. Files are read only when asked for (lazy retrieval).
 *
 * <p>Limits: {@link #listAll()} follows at most {@link #MAX_LIST_PAGES} pages.
 */
public final class SkillsClient {
    /** The most pages {@link #listAll()} follows before it fails. */
    public static final int MAX_LIST_PAGES = 1000;

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private final McpClient client;

    private SkillsClient(McpClient client) {
        this.client = client;
    }

    /**
     * Skills over {@code client} (connected or not yet).
     *
     * @param client the client
     * @return the Skills client over {@code client}
     */
    public static SkillsClient of(McpClient client) {
        return new SkillsClient(Objects.requireNonNull(client, "client"));
    }

    /**
     * Whether the server declared the Skills extension.
     *
     * @return whether the server declared the Skills extension
     */
    public boolean isSupported() {
        return client.serverExtension(SkillsProtocol.EXTENSION_ID).isPresent();
    }

    /**
     * Whether the server declared {@code directoryRead} (it then serves {@code resources/directory/read}).
     *
     * @return whether the server declared {@code directoryRead} (it then serves {@code resources/directory/read})
     */
    public boolean supportsDirectoryRead() {
        return client.serverExtension(SkillsProtocol.EXTENSION_ID)
                .map(s -> s.path(SkillsProtocol.DIRECTORY_READ).asBoolean(false))
                .orElse(false);
    }

    /**
     * One page of {@code skills/list} ({@code cursor} null for the first).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return one page of {@code skills/list} ({@code cursor} null for the first)
     */
    public ListSkillsResult list(String cursor) {
        return client.extensionRequest(
                SkillsProtocol.EXTENSION_ID,
                SkillsProtocol.SKILLS_LIST,
                new PaginatedRequest(cursor, null),
                ListSkillsResult.class);
    }

    /**
     * Every skill entry, following {@code nextCursor} (at most {@link #MAX_LIST_PAGES} pages).
     *
     * @return every skill entry, following {@code nextCursor} (at most {@link #MAX_LIST_PAGES} pages)
     */
    public List<Skill> listAll() {
        List<Skill> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_LIST_PAGES; page++) {
            ListSkillsResult r = list(cursor);
            all.addAll(r.skills());
            cursor = r.nextCursor();
            if (cursor == null) {
                return List.copyOf(all);
            }
        }
        throw new McpException("skills/list returned more than " + MAX_LIST_PAGES + " pages");
    }

    /**
     * The entry of the skill whose {@code SKILL.md} is at {@code skillMdUri} ({@code skills/get}).
     *
     * @param skillMdUri the skill MD URI
     * @return the entry of the skill whose {@code SKILL.md} is at {@code skillMdUri} ({@code skills/get})
     */
    public Skill get(String skillMdUri) {
        GetSkillResult r = client.extensionRequest(
                SkillsProtocol.EXTENSION_ID,
                SkillsProtocol.SKILLS_GET,
                new GetSkillRequest(Objects.requireNonNull(skillMdUri, "skillMdUri")),
                GetSkillResult.class);
        if (r.skill() == null) {
            throw new McpException("skills/get answered without a skill");
        }
        return r.skill();
    }

    /**
     * One page of the children of directory resource {@code uri} ({@code resources/directory/read}); needs the
     * server's {@code directoryRead}, else fails with {@link MissingServerCapabilityException} before sending.
     *
     * @param uri the resource's URI
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return one page of the children of directory resource {@code uri} ({@code resources/directory/read}); needs the
     *     server's {@code directoryRead}, else fails with {@link MissingServerCapabilityException} before sending
     */
    public ReadResourceDirectoryResult readDirectory(String uri, String cursor) {
        if (!supportsDirectoryRead()) {
            throw new MissingServerCapabilityException(
                    SkillsProtocol.RESOURCES_DIRECTORY_READ, "the server did not declare directoryRead");
        }
        return client.extensionRequest(
                SkillsProtocol.EXTENSION_ID,
                SkillsProtocol.RESOURCES_DIRECTORY_READ,
                new ReadResourceDirectoryRequest(uri, cursor),
                ReadResourceDirectoryResult.class);
    }

    /**
     * Loads a skill: reads its {@code SKILL.md}, verifies it against the entry ({@link #read}), and checks that its
     * frontmatter equals the entry's field by field and that its name is the entry URI's last path segment.
     *
     * @param skill the skill
     * @return the loaded skill content
     * @throws SkillsVerificationException when any check fails
     */
    public SkillContent load(Skill skill) {
        checkEntry(skill);
        SkillContent md = read(skill, skill.uri());
        JsonNode parsed;
        try {
            parsed = YAML.readTree(SkillsProtocol.frontmatterYaml(md.text()));
        } catch (RuntimeException e) {
            throw new SkillsVerificationException(
                    skill.uri(), "SKILL.md frontmatter cannot be read: " + e.getMessage());
        }
        if (parsed == null || !parsed.equals(NUMBERS_BY_VALUE, skill.frontmatter())) {
            throw new SkillsVerificationException(
                    skill.uri(), "the frontmatter of " + skill.uri() + " differs from the skill's entry");
        }
        return md;
    }

    /**
     * Reads file {@code fileUri} of {@code skill} ({@code resources/read}) and verifies it: the entry must list it,
     * and its size and SHA-256 digest must match the entry's (not checked for a {@code "dynamic"} skill, whose
     * content is returned with {@link SkillContent#verified()} false).
     *
     * @param skill the skill
     * @param fileUri the file URI
     * @return the skill content
     * @throws SkillsVerificationException when the entry is invalid, does not list the file, or the content does
     *     not match it
     */
    public SkillContent read(Skill skill, String fileUri) {
        checkEntry(skill);
        Objects.requireNonNull(fileUri, "fileUri");
        SkillResource listed = null;
        if (!skill.isDynamic()) {
            listed = skill.file(fileUri);
            if (listed == null) {
                throw new SkillsVerificationException(
                        fileUri, fileUri + " is not listed in the entry of " + skill.uri());
            }
        }
        ReadResourceResult result = client.readResource(fileUri);
        ResourceContents contents = null;
        for (ResourceContents c : result.contents()) {
            if (fileUri.equals(c.uri())) {
                contents = c;
                break;
            }
        }
        if (contents == null) {
            throw new SkillsVerificationException(fileUri, "resources/read returned no contents for " + fileUri);
        }
        byte[] bytes;
        String mimeType;
        if (contents instanceof TextResourceContents t) {
            bytes = t.text().getBytes(StandardCharsets.UTF_8);
            mimeType = t.mimeType();
        } else if (contents instanceof BlobResourceContents b) {
            try {
                bytes = Base64.getDecoder().decode(b.blob());
            } catch (IllegalArgumentException e) {
                throw new SkillsVerificationException(fileUri, "the blob of " + fileUri + " is not base64");
            }
            mimeType = b.mimeType();
        } else {
            throw new SkillsVerificationException(fileUri, "unknown contents for " + fileUri);
        }
        if (listed == null) {
            return new SkillContent(fileUri, mimeType, bytes, false);
        }
        if (bytes.length != listed.size()) {
            throw new SkillsVerificationException(
                    fileUri,
                    fileUri + " has " + bytes.length + " bytes, the entry of " + skill.uri() + " says "
                            + listed.size());
        }
        String digest = SkillsProtocol.digest(bytes);
        if (!digest.equals(listed.digest())) {
            throw new SkillsVerificationException(
                    fileUri,
                    "the digest of " + fileUri + " is " + digest + ", the entry of " + skill.uri() + " says "
                            + listed.digest());
        }
        return new SkillContent(fileUri, mimeType, bytes, true);
    }

    /** Refuses an entry a host must not load. */
    private static void checkEntry(Skill skill) {
        Objects.requireNonNull(skill, "skill");
        if (!skill.hasValidResources()) {
            throw new SkillsVerificationException(
                    skill.uri(), "the entry of " + skill.uri() + " has no valid resources (an array or \"dynamic\")");
        }
        String name = skill.name();
        if (name == null || !skill.uri().endsWith("/" + name + "/" + SkillsProtocol.SKILL_MD)) {
            throw new SkillsVerificationException(
                    skill.uri(), "the entry's URI " + skill.uri() + " does not end with its name and /SKILL.md");
        }
        if (!skill.isDynamic() && skill.file(skill.uri()) == null) {
            throw new SkillsVerificationException(
                    skill.uri(), "the entry of " + skill.uri() + " does not list SKILL.md");
        }
    }

    /** Equal nodes compare 0; numbers compare by value (YAML and JSON may pick different number node types). */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
