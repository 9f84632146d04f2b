package dev.jmcp.core.protocol.apps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A tool's {@code _meta.ui}: the view it shows and who may call it.
 *
 * @param resourceUri the {@code ui://} URI of the tool's view, null when it has none
 * @param visibility who may use the tool; null means both the model and the view
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiToolMeta(String resourceUri, List<UiVisibility> visibility) {
    /**
     * Copies the visibility list.
     *
     * @param resourceUri the {@code ui://} URI of the tool's view, null when it has none
     * @param visibility who may use the tool; null means both the model and the view
     */
    public UiToolMeta {
        visibility = visibility == null ? null : List.copyOf(visibility);
    }

    /**
     * A tool showing the view at {@code resourceUri}, visible to the model and the view.
     *
     * @param resourceUri the {@code ui://} URI of the tool's view, null when it has none
     * @return a tool showing the view at {@code resourceUri}, visible to the model and the view
     */
    public static UiToolMeta of(String resourceUri) {
        return new UiToolMeta(resourceUri, null);
    }

    /**
     * Whether only the view may call the tool (the model must not see it).
     *
     * @return {@code true} if only the view may call the tool (the model must not see it)
     */
    public boolean appOnly() {
        return visibility != null && !visibility.isEmpty() && !visibility.contains(UiVisibility.MODEL);
    }

    /**
     * Whether the model may see and call the tool.
     *
     * @return {@code true} if the model may see and call the tool
     */
    public boolean modelVisible() {
        return visibility == null || visibility.isEmpty() || visibility.contains(UiVisibility.MODEL);
    }
}
