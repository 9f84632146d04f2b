package dev.jmcp.server;

import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.PaginatedRequest;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.skills.GetSkillRequest;
import dev.jmcp.core.protocol.skills.ReadResourceDirectoryRequest;
import dev.jmcp.core.protocol.skills.Skill;
import dev.jmcp.core.protocol.skills.SkillsProtocol;
import dev.jmcp.server.internal.skills.LoadedSkill;
import dev.jmcp.server.internal.skills.SkillFile;
import dev.jmcp.server.internal.skills.SkillsLoader;
import dev.jmcp.server.internal.skills.SkillsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;

/**
 * Skills (SEP-2640, {@code io.modelcontextprotocol/skills}) published from folders of {@code SKILL.md} packages
 * or from the class path. Loaded once by {@link Builder#build()}, which checks every skill (the directory name
 * equals the frontmatter {@code name}, which follows the Agent Skills naming rules; a description of 1 to 1024
 * characters) and the limits. Register it with {@link McpServer.Builder#skills(SkillsCatalog)}: the server then
 * declares the extension (with {@code directoryRead} unless turned off) and the {@code resources} capability,
 * serves {@code skills/list}, {@code skills/get} and {@code resources/directory/read}, and serves every file as
 * a {@code skill://} resource through {@code resources/read}.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *         .skills(SkillsCatalog.builder().directory(Path.of("skills")).build())
 *         .build();
 * }</pre>
 *
 * <p>Every file under a skill directory is published (nested skills' files too, as the spec's complete manifest
 * requires), except symbolic links and names starting with a dot. Text files (UTF-8, textual type) are served as
 * {@code text}, others as {@code blob}; the manifest's digest and size cover the raw bytes either way.
 *
 * <p>Limits (defaults): {@link Builder#maxSkills} 1,000 skills; {@link Builder#maxResourcesPerSkill} 512 files a
 * skill and {@link Builder#maxBytesPerSkill} 16 MiB a skill (the spec's limits every host accepts);
 * {@link Builder#maxTotalBytes} 64 MiB for all files (they are held in memory); {@link Builder#pageSize} 100
 * entries a page of {@code skills/list} and {@code resources/directory/read}. A catalog over a limit is refused
 * by {@code build()} with an {@link IllegalArgumentException} naming the skill and the limit.
 */
public final class SkillsCatalog {
    private final SkillsService service;
    private final boolean directoryRead;

    private SkillsCatalog(SkillsService service, boolean directoryRead) {
        this.service = service;
        this.directoryRead = directoryRead;
    }

    /**
     * A builder with no sources.
     *
     * @return a builder with no sources
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every skill entry, as {@code skills/list} returns them.
     *
     * @return every skill entry, as {@code skills/list} returns them
     */
    public List<Skill> skills() {
        return service.skills();
    }

    /**
     * The extension declaration and methods to register on a server.
     *
     * @return the extension declaration and methods to register on a server
     */
    public ServerExtension extension() {
        ServerExtension.Builder b = ServerExtension.builder(SkillsProtocol.EXTENSION_ID)
                .settings(directoryRead ? Map.of(SkillsProtocol.DIRECTORY_READ, true) : Map.of())
                .request(SkillsProtocol.SKILLS_LIST, PaginatedRequest.class, (p, ctx) -> service.list(p.cursor()))
                .request(SkillsProtocol.SKILLS_GET, GetSkillRequest.class, (p, ctx) -> service.get(p.uri()));
        if (directoryRead) {
            b.request(
                    SkillsProtocol.RESOURCES_DIRECTORY_READ,
                    ReadResourceDirectoryRequest.class,
                    (p, ctx) -> service.readDirectory(p.uri(), p.cursor()));
        }
        return b.build();
    }

    /**
     * Every skill file as a resource ({@code resources/read}).
     *
     * @return every skill file as a resource ({@code resources/read})
     */
    public List<ServerResource> resources() {
        List<ServerResource> out = new ArrayList<>();
        Map<String, Skill> byUri = new java.util.HashMap<>();
        service.skills().forEach(s -> byUri.put(s.uri(), s));
        for (SkillFile f : service.files()) {
            Skill skill = byUri.get(f.uri()); // a SKILL.md: named and described from its frontmatter
            Resource.Builder r = Resource.builder(f.uri(), skill != null ? skill.name() : f.name())
                    .mimeType(f.mimeType())
                    .size((long) f.bytes().length);
            if (skill != null) {
                r.description(skill.description());
            }
            ResourceContents contents = f.text() != null
                    ? TextResourceContents.of(f.uri(), f.mimeType(), f.text())
                    : BlobResourceContents.of(
                            f.uri(), f.mimeType(), Base64.getEncoder().encodeToString(f.bytes()));
            ReadResourceResult result = ReadResourceResult.of(List.of(contents));
            out.add(new ServerResource(r.build(), (request, ctx) -> result));
        }
        return out;
    }

    /** Builds a {@link SkillsCatalog}. */
    public static final class Builder {
        private final List<Path> directories = new ArrayList<>();
        private final List<URL> classPathRoots = new ArrayList<>();
        private int maxSkills = 1000;
        private int maxResourcesPerSkill = SkillsProtocol.MAX_RESOURCES_PER_SKILL;
        private long maxBytesPerSkill = SkillsProtocol.MAX_BYTES_PER_SKILL;
        private long maxTotalBytes = 64L * 1024 * 1024;
        private int pageSize = 100;
        private boolean directoryRead = true;
        private long ttlMs;
        private CacheScope cacheScope = CacheScope.PRIVATE;

        private Builder() {}

        /**
         * Publishes the skills under {@code directory}: each subdirectory (at any depth) holding a {@code SKILL.md}
         * is a skill at {@code skill://<its path under directory>/SKILL.md}; a directory that holds a
         * {@code SKILL.md} itself is one skill named after it.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder directory(Path directory) {
            directories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * Publishes the skills under the class-path directory {@code root} (e.g. {@code "skills"}), in a folder
         * or a jar (with directory entries, as Maven writes them), found through {@code loader}.
         *
         * @param loader the loader
         * @param root the root
         * @return this builder
         * @throws IllegalArgumentException when {@code root} is not on the class path
         */
        public Builder classPath(ClassLoader loader, String root) {
            Objects.requireNonNull(loader, "loader");
            Objects.requireNonNull(root, "root");
            URL url = loader.getResource(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
            if (url == null) {
                throw new IllegalArgumentException("no class-path directory " + root);
            }
            classPathRoots.add(url);
            return this;
        }

        /**
         * How many skills the catalog may hold; default 1,000.
         *
         * @param max how many skills the catalog may hold; default 1,000
         * @return this builder
         */
        public Builder maxSkills(int max) {
            this.maxSkills = positive(max);
            return this;
        }

        /**
         * How many files one skill may have, {@code SKILL.md} included; default 512.
         *
         * @param max how many files one skill may have, {@code SKILL.md} included; default 512
         * @return this builder
         */
        public Builder maxResourcesPerSkill(int max) {
            this.maxResourcesPerSkill = positive(max);
            return this;
        }

        /**
         * How many bytes one skill's files may have together; default 16 MiB.
         *
         * @param max how many bytes one skill's files may have together; default 16 MiB
         * @return this builder
         */
        public Builder maxBytesPerSkill(long max) {
            this.maxBytesPerSkill = positive(max);
            return this;
        }

        /**
         * How many bytes all files may have together (they are held in memory); default 64 MiB.
         *
         * @param max how many bytes all files may have together (they are held in memory); default 64 MiB
         * @return this builder
         */
        public Builder maxTotalBytes(long max) {
            this.maxTotalBytes = positive(max);
            return this;
        }

        /**
         * Entries a page of {@code skills/list} and of {@code resources/directory/read}; default 100.
         *
         * @param size the size
         * @return this builder
         */
        public Builder pageSize(int size) {
            this.pageSize = positive(size);
            return this;
        }

        /**
         * Whether {@code resources/directory/read} is served and declared ({@code directoryRead}); default true.
         *
         * @param enabled whether {@code resources/directory/read} is served and declared ({@code directoryRead});
         *     default true
         * @return this builder
         */
        public Builder directoryRead(boolean enabled) {
            this.directoryRead = enabled;
            return this;
        }

        /**
         * The {@code ttlMs} and {@code cacheScope} of {@code skills/list} and {@code skills/get}; default 0, private.
         *
         * @param ttlMs how long a client may cache the answer, in milliseconds ({@code ttlMs})
         * @param scope who may share the cached answer ({@code cacheScope})
         * @return this builder
         */
        public Builder cacheHints(long ttlMs, CacheScope scope) {
            if (ttlMs < 0) {
                throw new IllegalArgumentException("ttlMs must not be negative");
            }
            this.ttlMs = ttlMs;
            this.cacheScope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Loads and checks every skill.
         *
         * @return the loaded skills catalog
         * @throws IllegalArgumentException naming the file and the rule or limit it breaks
         */
        public SkillsCatalog build() {
            SkillsLoader.Limits limits =
                    new SkillsLoader.Limits(maxSkills, maxResourcesPerSkill, maxBytesPerSkill, maxTotalBytes);
            List<LoadedSkill> loaded = new ArrayList<>(SkillsLoader.load(directories, limits));
            for (URL url : classPathRoots) {
                loaded.addAll(loadClassPath(url, limits));
            }
            List<String> seen = new ArrayList<>();
            for (LoadedSkill s : loaded) {
                if (seen.contains(s.entry().uri())) {
                    throw new IllegalArgumentException(
                            "two skills are served at " + s.entry().uri());
                }
                seen.add(s.entry().uri());
            }
            if (loaded.size() > maxSkills) {
                throw new IllegalArgumentException("more than maxSkills (" + maxSkills + ") skills");
            }
            return new SkillsCatalog(new SkillsService(loaded, pageSize, ttlMs, cacheScope), directoryRead);
        }

        private static List<LoadedSkill> loadClassPath(URL url, SkillsLoader.Limits limits) {
            URI uri;
            try {
                uri = url.toURI();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("class-path directory with an invalid URL: " + url, e);
            }
            if ("jar".equals(uri.getScheme())) {
                Path jarPath = jarFileOf(uri);
                if (jarPath != null) {
                    // a jar file on disk: read its entries, not a zip file system (which indexes the whole jar)
                    String s = uri.getSchemeSpecificPart();
                    try (JarFile jar = new JarFile(jarPath.toFile())) {
                        return SkillsLoader.loadJar(jar, s.substring(s.indexOf("!/") + 2), limits);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot open " + uri, e);
                    }
                }
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    String s = uri.getSchemeSpecificPart();
                    return SkillsLoader.load(List.of(fs.getPath(s.substring(s.indexOf("!/") + 1))), limits);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open " + uri, e);
                }
            }
            return SkillsLoader.load(List.of(Path.of(uri)), limits);
        }

        /** The jar file of a {@code jar:file:...!/dir} URI (not nested in another jar), else null. */
        private static Path jarFileOf(URI uri) {
            String s = uri.getRawSchemeSpecificPart();
            int sep = s.indexOf("!/");
            if (sep <= 0 || !s.startsWith("file:") || s.indexOf("!/", sep + 2) >= 0) {
                return null;
            }
            try {
                return Path.of(new URI(s.substring(0, sep)));
            } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return null;
            }
        }

        private static int positive(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("must be positive: " + n);
            }
            return n;
        }

        private static long positive(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("must be positive: " + n);
            }
            return n;
        }
    }
}
