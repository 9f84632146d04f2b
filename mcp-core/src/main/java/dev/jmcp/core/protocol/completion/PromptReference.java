package dev.jmcp.core.protocol.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A prompt, {@code {"type":"ref/prompt"}}.
 *
 * @param name the prompt name
 * @param title a human-readable name for display, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record PromptReference(String name, String title) implements CompletionReference {
    /** The discriminator. */
    public static final String TYPE = "ref/prompt";

    /**
     * Creates a reference; {@code name} is required.
     *
     * @param name the prompt name
     * @param title a human-readable name for display, null when absent
     */
    public PromptReference {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A reference to the named prompt.
     *
     * @param name the prompt name
     * @return a reference to the named prompt
     */
    public static PromptReference of(String name) {
        return new PromptReference(name, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
