package dev.jmcp.client;

import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.apps.AppsProtocol;
import dev.jmcp.core.protocol.apps.UiResourceMeta;
import dev.jmcp.core.protocol.apps.UiToolMeta;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host side of MCP Apps (SEP-1865, {@code io.modelcontextprotocol/ui}) over a connected {@link McpClient}: which
 * tools show a view, which the model may see, and the view itself (its HTML and the security metadata a host needs
 * to sandbox it), so a Java host can render it in its own web view.
 *
 * <pre>{@code
 * McpClient client = McpClient.builder().transport(t).extension(AppsClient.extension()).build();
 * AppsClient apps = AppsClient.of(client);
 * for (Tool tool : apps.modelTools()) {
 *     Optional<UiToolMeta> ui = AppsClient.viewOf(tool);
 *     if (ui.isPresent()) {
 *         AppViewContent view = apps.readView(ui.get().resourceUri());  // html() + meta().csp() ...
 *     }
 * }
 * }</pre>
 *
 * <p>A client that does not declare the extension ({@link #extension()}) is served as a client without Apps: the
 * server hides tools only a view may call, and does not declare the extension back.
 */
public final class AppsClient {
    private final McpClient client;

    private AppsClient(McpClient client) {
        this.client = client;
    }

    /**
     * Apps over {@code client} (connected or not yet).
     *
     * @param client the client
     * @return the Apps client over {@code client}
     */
    public static AppsClient of(McpClient client) {
        return new AppsClient(Objects.requireNonNull(client, "client"));
    }

    /**
     * The declaration of the extension for {@link McpClientBuilder#extension(ClientExtension)}: settings {@code
     * {"mimeTypes": ["text/html;profile=mcp-app"]}}.
     *
     * @return the declaration of the extension for {@link McpClientBuilder#extension(ClientExtension)}: settings {@code
     *     {"mimeTypes": ["text/html;profile=mcp-app"]}}
     */
    public static ClientExtension extension() {
        return ClientExtension.of(AppsProtocol.EXTENSION_ID, AppsProtocol.clientSettings());
    }

    /**
     * Whether the server declared MCP Apps to this client.
     *
     * @return whether the server declared MCP Apps to this client
     */
    public boolean isSupported() {
        return client.serverExtension(AppsProtocol.EXTENSION_ID).isPresent();
    }

    /**
     * A tool's view link ({@code _meta.ui}, or the deprecated flat key); empty when the tool shows no view.
     *
     * @param tool the tool
     * @return a tool's view link ({@code _meta.ui}, or the deprecated flat key); empty when the tool shows no view
     */
    public static Optional<UiToolMeta> viewOf(Tool tool) {
        return AppsProtocol.toolMeta(tool);
    }

    /**
     * Every tool the model may see and call: all tools except those only a view may call.
     *
     * @return every tool the model may see and call: all tools except those only a view may call
     */
    public List<Tool> modelTools() {
        return client.listAllTools().stream()
                .filter(t -> viewOf(t).map(UiToolMeta::modelVisible).orElse(true))
                .toList();
    }

    /**
     * The tools only a view may call (a host offers them to its views, never to the model).
     *
     * @return the tools only a view may call (a host offers them to its views, never to the model)
     */
    public List<Tool> appOnlyTools() {
        return client.listAllTools().stream()
                .filter(t -> viewOf(t).map(UiToolMeta::appOnly).orElse(false))
                .toList();
    }

    /**
     * Reads the view at {@code uri}: its HTML and its {@code _meta.ui} (from the content item, else from the
     * resource list entry, as the extension asks hosts to look them up).
     *
     * @param uri the resource's URI
     * @return the app view content
     * @throws McpException when the URI is not a {@code ui://} URI, or the server answers something other than one
     *     {@code text/html;profile=mcp-app} text content
     */
    public AppViewContent readView(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith(AppsProtocol.URI_SCHEME + "://")) {
            throw new McpException("not an app view URI (ui://): " + uri);
        }
        ReadResourceResult result = client.readResource(uri);
        TextResourceContents html = null;
        for (ResourceContents c : result.contents()) {
            if (c instanceof TextResourceContents t && AppsProtocol.MIME_TYPE.equals(t.mimeType())) {
                html = t;
                break;
            }
        }
        if (html == null) {
            throw new McpException("the server's answer for " + uri + " holds no " + AppsProtocol.MIME_TYPE + " text");
        }
        Optional<UiResourceMeta> meta = AppsProtocol.resourceMeta(html.meta());
        if (meta.isEmpty()) {
            meta = listedMeta(uri);
        }
        return new AppViewContent(uri, html.text(), meta.orElse(new UiResourceMeta(null, null, null, null)));
    }

    private Optional<UiResourceMeta> listedMeta(String uri) {
        return client.listAllResources().stream()
                .filter(r -> r.uri().equals(uri))
                .findFirst()
                .flatMap(r -> AppsProtocol.resourceMeta(r.meta()));
    }

    /**
     * A view as read from the server.
     *
     * @param uri its {@code ui://} URI
     * @param html the HTML to load into a sandboxed web view
     * @param meta its CSP origins, permissions, dedicated origin and border preference (all null when none sent)
     */
    public record AppViewContent(String uri, String html, UiResourceMeta meta) {}
}
