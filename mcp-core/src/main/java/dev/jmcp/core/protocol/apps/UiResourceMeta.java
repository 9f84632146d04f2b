package dev.jmcp.core.protocol.apps;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A view's {@code _meta.ui}: what the host needs to render it safely. Each permission is an empty object on the
 * wire ({@code {"camera": {}}}).
 *
 * @param csp the origins the view needs; null allows none
 * @param permissions the requested sandbox permissions as sent ({@code {"camera": {}, ...}}); null for none
 * @param domain a dedicated sandbox origin, in the host's own format; null for the host's default
 * @param prefersBorder whether the view wants a visible border and background; null lets the host decide
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiResourceMeta(UiCsp csp, JsonNode permissions, String domain, Boolean prefersBorder) {
    /**
     * Metadata with the given policy, permissions, origin and border preference (each may be null).
     *
     * @param csp the origins the view needs; null allows none
     * @param permissions the sandbox permissions the view requests; null for none
     * @param domain a dedicated sandbox origin, in the host's own format; null for the host's default
     * @param prefersBorder whether the view wants a visible border and background; null lets the host decide
     * @return the metadata
     */
    public static UiResourceMeta of(UiCsp csp, Set<UiPermission> permissions, String domain, Boolean prefersBorder) {
        JsonNode perms = null;
        if (permissions != null && !permissions.isEmpty()) {
            var node = dev.jmcp.core.McpJson.object();
            for (UiPermission p : UiPermission.values()) {
                if (permissions.contains(p)) {
                    node.putObject(p.key());
                }
            }
            perms = node;
        }
        return new UiResourceMeta(csp, perms, domain, prefersBorder);
    }

    /**
     * The permissions requested, those jmcp knows; unknown keys are ignored.
     *
     * @return the permissions requested, those jmcp knows; unknown keys are ignored
     */
    @JsonIgnore
    public Set<UiPermission> permissionSet() {
        Set<UiPermission> out = EnumSet.noneOf(UiPermission.class);
        if (permissions != null && permissions.isObject()) {
            for (UiPermission p : UiPermission.values()) {
                if (permissions.has(p.key())) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
