package dev.jmcp.server;

import dev.jmcp.core.protocol.apps.AppsProtocol;
import dev.jmcp.core.protocol.apps.UiCsp;
import dev.jmcp.core.protocol.apps.UiPermission;
import dev.jmcp.core.protocol.apps.UiResourceMeta;
import dev.jmcp.core.protocol.apps.UiToolMeta;
import dev.jmcp.core.protocol.apps.UiVisibility;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An MCP Apps view (SEP-1865): a self-contained HTML page served as a {@code ui://} resource with the MIME type
 * {@code text/html;profile=mcp-app}, and the security metadata a host needs to render it (CSP origins, sandbox
 * permissions, a dedicated origin, a border preference), sent in {@code _meta.ui} of both the resource list entry
 * and the read content. A tool shows the view when its {@code _meta.ui.resourceUri} names it: {@link #toolMeta}, or
 * {@link McpTool#ui()}. Register with {@link McpServer.Builder#appView(AppView)}. Immutable; the HTML is read once,
 * at {@link Builder#build()}.
 *
 * <pre>{@code
 * AppView counter = AppView.builder("ui://everything/counter")
 *         .name("Counter")
 *         .classPath("views/counter.html")
 *         .csp(UiCsp.connect("https://api.example.com"))
 *         .build();
 * }</pre>
 */
public final class AppView {
    /** The largest HTML a view may have: 4 MiB (a view is one self-contained page, scripts and styles inlined). */
    public static final int MAX_HTML_BYTES = 4 * 1024 * 1024;

    private final String uri;
    private final String name;
    private final String title;
    private final String description;
    private final String html;
    private final UiResourceMeta meta;

    private AppView(Builder b, String html) {
        this.uri = b.uri;
        this.name = b.name != null ? b.name : b.uri;
        this.title = b.title;
        this.description = b.description;
        this.html = html;
        this.meta = UiResourceMeta.of(b.csp, b.permissions, b.domain, b.prefersBorder);
    }

    /**
     * A builder for the view at {@code uri}, which must use the {@code ui://} scheme.
     *
     * @param uri the URI
     * @return a builder for the view at {@code uri}, which must use the {@code ui://} scheme
     */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /**
     * One view per {@code .html} file directly in {@code folder}, each at {@code uriPrefix + fileName} (for example
     * {@code ui://notes/} and {@code board.html} give {@code ui://notes/board.html}), with no CSP origins and no
     * permissions; sorted by file name.
     *
     * @param folder the folder
     * @param uriPrefix the URI prefix
     * @return one view per {@code .html} file directly in {@code folder}, each at {@code uriPrefix + fileName} (for
     *     example {@code ui://notes/} and {@code board.html} give {@code ui://notes/board.html}), with no CSP origins
     *     and no permissions; sorted by file name
     */
    public static List<AppView> folder(Path folder, String uriPrefix) {
        Objects.requireNonNull(uriPrefix, "uriPrefix");
        List<AppView> views = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".html") && Files.isRegularFile(p))
                    .sorted()
                    .toList()) {
                String fileName = f.getFileName().toString();
                views.add(builder(uriPrefix + fileName).name(fileName).file(f).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list app views in " + folder, e);
        }
        return views;
    }

    /**
     * The {@code _meta} of a tool that shows the view at {@code resourceUri}: {@code {"ui": {"resourceUri": ...,
     * "visibility": [...]}}}; no visibility means both the model and the view may call it.
     *
     * @param resourceUri the resource URI
     * @param visibility the visibility
     * @return the {@code _meta} of a tool that shows the view at {@code resourceUri}: {@code {"ui": {"resourceUri":
     *     ..., "visibility": [...]}}}; no visibility means both the model and the view may call it
     */
    public static JsonNode toolMeta(String resourceUri, UiVisibility... visibility) {
        checkUri(resourceUri);
        return AppsProtocol.meta(new UiToolMeta(resourceUri, visibility.length == 0 ? null : List.of(visibility)));
    }

    /**
     * The view's {@code ui://} URI.
     *
     * @return the view's {@code ui://} URI
     */
    public String uri() {
        return uri;
    }

    /**
     * The HTML of the view.
     *
     * @return the HTML of the view
     */
    public String html() {
        return html;
    }

    /**
     * The view's security and rendering metadata, as sent in {@code _meta.ui}.
     *
     * @return the view's security and rendering metadata, as sent in {@code _meta.ui}
     */
    public UiResourceMeta meta() {
        return meta;
    }

    /** The resource serving this view. */
    ServerResource resource() {
        JsonNode wireMeta = AppsProtocol.meta(meta);
        Resource.Builder r =
                Resource.builder(uri, name).mimeType(AppsProtocol.MIME_TYPE).meta(wireMeta);
        if (title != null) {
            r.title(title);
        }
        if (description != null) {
            r.description(description);
        }
        ReadResourceResult contents =
                ReadResourceResult.of(List.<ResourceContents>of(TextResourceContents.builder(uri, html)
                        .mimeType(AppsProtocol.MIME_TYPE)
                        .meta(wireMeta)
                        .build()));
        return new ServerResource(r.build(), (request, ctx) -> contents);
    }

    private static void checkUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an app view URI is not a URI: " + uri, e);
        }
        if (!AppsProtocol.URI_SCHEME.equals(parsed.getScheme())) {
            throw new IllegalArgumentException("an app view URI must use the ui:// scheme: " + uri);
        }
    }

    /** Builds an {@link AppView}. */
    public static final class Builder {
        private final String uri;
        private String name;
        private String title;
        private String description;
        private String html;
        private Path file;
        private String classPath;
        private ClassLoader loader;
        private UiCsp csp;
        private final Set<UiPermission> permissions = EnumSet.noneOf(UiPermission.class);
        private String domain;
        private Boolean prefersBorder;

        private Builder(String uri) {
            checkUri(uri);
            this.uri = uri;
        }

        /**
         * The resource name in {@code resources/list}; default the URI.
         *
         * @param name the resource name in {@code resources/list}; default the URI
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * A display title.
         *
         * @param title a display title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * What the view shows.
         *
         * @param description what the view shows
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * The HTML, given as a string.
         *
         * @param html the HTML, given as a string
         * @return this builder
         */
        public Builder html(String html) {
            this.html = Objects.requireNonNull(html, "html");
            return this;
        }

        /**
         * The HTML, read from a file at {@link #build()}.
         *
         * @param file the HTML, read from a file at {@link #build()}
         * @return this builder
         */
        public Builder file(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The HTML, read from a class-path resource (this class's loader) at {@link #build()}.
         *
         * @param resource the resource
         * @return the HTML, read from a class-path resource (this class's loader) at {@link #build()}
         */
        public Builder classPath(String resource) {
            return classPath(AppView.class.getClassLoader(), resource);
        }

        /**
         * The HTML, read from a class-path resource of {@code loader} at {@link #build()}.
         *
         * @param loader the loader
         * @param resource the resource
         * @return this builder
         */
        public Builder classPath(ClassLoader loader, String resource) {
            this.loader = Objects.requireNonNull(loader, "loader");
            this.classPath = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /**
         * The origins the view needs (its CSP); default none.
         *
         * @param csp the origins the view needs (its CSP); default none
         * @return this builder
         */
        public Builder csp(UiCsp csp) {
            this.csp = csp;
            return this;
        }

        /**
         * Sandbox permissions the view asks for; default none.
         *
         * @param permissions sandbox permissions the view asks for; default none
         * @return this builder
         */
        public Builder permissions(UiPermission... permissions) {
            this.permissions.addAll(List.of(permissions));
            return this;
        }

        /**
         * A dedicated sandbox origin, in the format the target host documents; default the host's own.
         *
         * @param domain a dedicated sandbox origin, in the format the target host documents; default the host's own
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /**
         * Whether the view wants a visible border and background; default: the host decides.
         *
         * @param prefersBorder whether the view wants a visible border and background; default: the host decides
         * @return this builder
         */
        public Builder prefersBorder(boolean prefersBorder) {
            this.prefersBorder = prefersBorder;
            return this;
        }

        /**
         * Builds the view, reading its HTML.
         *
         * @return the built app view
         * @throws IllegalArgumentException when no HTML (or more than one source) was given, the file or class-path
         *     resource cannot be read, or the HTML exceeds {@link #MAX_HTML_BYTES}
         */
        public AppView build() {
            int sources = (html != null ? 1 : 0) + (file != null ? 1 : 0) + (classPath != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException(
                        "app view " + uri + ": give its HTML exactly once (html, file or classPath)");
            }
            byte[] bytes;
            if (html != null) {
                bytes = html.getBytes(StandardCharsets.UTF_8);
            } else if (file != null) {
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new IllegalArgumentException("app view " + uri + ": cannot read " + file + ": " + e, e);
                }
            } else {
                try (InputStream in = loader.getResourceAsStream(classPath)) {
                    if (in == null) {
                        throw new IllegalArgumentException("app view " + uri + ": no class-path resource " + classPath);
                    }
                    bytes = in.readNBytes(MAX_HTML_BYTES + 1);
                } catch (IOException e) {
                    throw new IllegalArgumentException("app view " + uri + ": cannot read " + classPath + ": " + e, e);
                }
            }
            if (bytes.length > MAX_HTML_BYTES) {
                throw new IllegalArgumentException(
                        "app view " + uri + ": its HTML exceeds " + MAX_HTML_BYTES + " bytes");
            }
            return new AppView(this, new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
