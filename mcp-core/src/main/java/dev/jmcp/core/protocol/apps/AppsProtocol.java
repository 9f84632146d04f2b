package dev.jmcp.core.protocol.apps;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The constants of MCP Apps and the reading of its {@code _meta.ui} objects. */
public final class AppsProtocol {
    /** The extension identifier, the key in the {@code extensions} capability map. */
    public static final String EXTENSION_ID = "io.modelcontextprotocol/ui";

    /** The MIME type of a view's HTML, in the resource list and in its contents. */
    public static final String MIME_TYPE = "text/html;profile=mcp-app";

    /** The URI scheme of views. */
    public static final String URI_SCHEME = "ui";

    /** The {@code _meta} key holding a tool's or a view's Apps metadata. */
    public static final String META_KEY = "ui";

    /** The deprecated flat {@code _meta} key of a tool's view URI, still read. */
    public static final String LEGACY_RESOURCE_URI_KEY = "ui/resourceUri";

    /** The client's settings for the extension: the view MIME types it renders. */
    public static final String MIME_TYPES = "mimeTypes";

    private AppsProtocol() {}

    /**
     * The client settings declaring support for HTML views: {@code {"mimeTypes": ["text/html;profile=mcp-app"]}}.
     *
     * @return the client settings declaring support for HTML views
     */
    public static ObjectNode clientSettings() {
        ObjectNode settings = McpJson.object();
        settings.putArray(MIME_TYPES).add(MIME_TYPE);
        return settings;
    }

    /**
     * Whether a client's extension settings name the HTML view MIME type.
     *
     * @param clientSettings the settings the client declared for the Apps extension in its {@code extensions}
     *     capability, or null
     * @return {@code true} if a client's extension settings name the HTML view MIME type
     */
    public static boolean rendersHtmlViews(JsonNode clientSettings) {
        if (clientSettings == null) {
            return false;
        }
        JsonNode types = clientSettings.get(MIME_TYPES);
        if (types == null || !types.isArray()) {
            return false;
        }
        for (JsonNode t : types) {
            if (t.isString() && MIME_TYPE.equals(t.stringValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A tool's Apps metadata, from {@code _meta.ui} (or the deprecated {@code _meta["ui/resourceUri"]}); empty when
     * the tool has none.
     *
     * @param tool the tool definition, as listed by {@code tools/list}
     * @return a tool's Apps metadata, from {@code _meta.ui} (or the deprecated {@code _meta["ui/resourceUri"]})
     */
    public static Optional<UiToolMeta> toolMeta(Tool tool) {
        return toolMeta(tool.meta());
    }

    /**
     * The Apps metadata in a tool's {@code _meta} object; empty when there is none.
     *
     * @param meta the tool's {@code _meta} object, or null
     * @return the Apps metadata in a tool's {@code _meta} object; empty when there is none
     */
    public static Optional<UiToolMeta> toolMeta(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return Optional.empty();
        }
        JsonNode ui = meta.get(META_KEY);
        if (ui != null && ui.isObject()) {
            UiToolMeta parsed = McpJson.fromTree(ui, UiToolMeta.class);
            if (parsed.resourceUri() == null
                    && meta.path(LEGACY_RESOURCE_URI_KEY).isString()) {
                parsed = new UiToolMeta(meta.get(LEGACY_RESOURCE_URI_KEY).stringValue(), parsed.visibility());
            }
            return Optional.of(parsed);
        }
        JsonNode legacy = meta.get(LEGACY_RESOURCE_URI_KEY);
        return legacy != null && legacy.isString()
                ? Optional.of(new UiToolMeta(legacy.stringValue(), null))
                : Optional.empty();
    }

    /**
     * A view's metadata in a resource's or a content item's {@code _meta} object; empty when there is none.
     *
     * @param meta the {@code _meta} object of the resource or content item, or null
     * @return a view's metadata in a resource's or a content item's {@code _meta} object
     */
    public static Optional<UiResourceMeta> resourceMeta(JsonNode meta) {
        if (meta == null || !meta.isObject() || !meta.path(META_KEY).isObject()) {
            return Optional.empty();
        }
        return Optional.of(McpJson.fromTree(meta.get(META_KEY), UiResourceMeta.class));
    }

    /**
     * Wraps Apps metadata as a {@code _meta} object: {@code {"ui": ...}}.
     *
     * @param ui the metadata to put under {@code ui}, such as a {@link UiToolMeta} or {@link UiResourceMeta}
     * @return a new {@code _meta} object holding {@code ui}
     */
    public static ObjectNode meta(Object ui) {
        ObjectNode meta = McpJson.object();
        meta.set(META_KEY, McpJson.toTree(ui));
        return meta;
    }
}
