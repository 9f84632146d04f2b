package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.resources.Resource;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A link to a resource, {@code {"type":"resource_link"}} plus the {@link Resource} fields.
 *
 * @param uri the resource URI
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param description what the resource represents, a hint to the model, null when absent
 * @param mimeType the MIME type of the content, null when absent
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param size raw size in bytes, null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ResourceLink(
        String uri,
        String name,
        String title,
        String description,
        String mimeType,
        Annotations annotations,
        Long size,
        List<Icon> icons,
        @JsonProperty("_meta") JsonNode meta)
        implements ContentBlock {
    /** The discriminator. */
    public static final String TYPE = "resource_link";

    /**
     * Creates a link; {@code uri} and {@code name} are required.
     *
     * @param uri the resource URI
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param description what the resource represents, a hint to the model, null when absent
     * @param mimeType the MIME type of the content, null when absent
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param size raw size in bytes, null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ResourceLink {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        icons = icons == null ? null : List.copyOf(icons);
    }

    /**
     * A link to the given resource; the supported way to build a full link: {@link Resource#builder}.
     *
     * @param r the resource to link to
     * @return a link to the given resource
     */
    public static ResourceLink of(Resource r) {
        return new ResourceLink(
                r.uri(),
                r.name(),
                r.title(),
                r.description(),
                r.mimeType(),
                r.annotations(),
                r.size(),
                r.icons(),
                r.meta());
    }

    /**
     * A link with only a URI and a name.
     *
     * @param uri the resource URI
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @return a link with only a URI and a name
     */
    public static ResourceLink of(String uri, String name) {
        return new ResourceLink(uri, name, null, null, null, null, null, null, null);
    }

    /**
     * The linked resource's description as a {@link Resource}.
     *
     * @return the linked resource's description as a {@link Resource}
     */
    public Resource toResource() {
        return new Resource(uri, name, title, description, mimeType, annotations, size, icons, meta);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
