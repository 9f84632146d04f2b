package dev.jmcp.core.protocol.apps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The origins a view needs, from which a host builds its Content Security Policy; an omitted list allows nothing
 * (the secure default).
 *
 * @param connectDomains origins for fetch, XHR and WebSocket ({@code connect-src})
 * @param resourceDomains origins for images, scripts, styles, fonts and media
 * @param frameDomains origins for nested frames ({@code frame-src})
 * @param baseUriDomains allowed base URIs ({@code base-uri})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiCsp(
        List<String> connectDomains,
        List<String> resourceDomains,
        List<String> frameDomains,
        List<String> baseUriDomains) {
    /**
     * Copies the lists.
     *
     * @param connectDomains origins for fetch, XHR and WebSocket ({@code connect-src})
     * @param resourceDomains origins for images, scripts, styles, fonts and media
     * @param frameDomains origins for nested frames ({@code frame-src})
     * @param baseUriDomains allowed base URIs ({@code base-uri})
     */
    public UiCsp {
        connectDomains = copy(connectDomains);
        resourceDomains = copy(resourceDomains);
        frameDomains = copy(frameDomains);
        baseUriDomains = copy(baseUriDomains);
    }

    private static List<String> copy(List<String> l) {
        return l == null ? null : List.copyOf(l);
    }

    /**
     * A policy allowing network connections to {@code origins} and nothing else.
     *
     * @param origins the origins to allow, e.g. {@code https://api.example.com}
     * @return a policy allowing network connections to {@code origins} and nothing else
     */
    public static UiCsp connect(String... origins) {
        return new UiCsp(List.of(origins), null, null, null);
    }

    /**
     * This policy, also allowing static resources from {@code origins}.
     *
     * @param origins the origins to allow
     * @return a new policy: this one with its static resource origins set to {@code origins}
     */
    public UiCsp withResources(String... origins) {
        return new UiCsp(connectDomains, List.of(origins), frameDomains, baseUriDomains);
    }

    /**
     * This policy, also allowing nested frames from {@code origins}.
     *
     * @param origins the origins to allow
     * @return a new policy: this one with its frame origins set to {@code origins}
     */
    public UiCsp withFrames(String... origins) {
        return new UiCsp(connectDomains, resourceDomains, List.of(origins), baseUriDomains);
    }

    /**
     * This policy, also allowing the base URIs {@code origins}.
     *
     * @param origins the base URIs to allow
     * @return a new policy: this one with its base URIs set to {@code origins}
     */
    public UiCsp withBaseUris(String... origins) {
        return new UiCsp(connectDomains, resourceDomains, frameDomains, List.of(origins));
    }
}
