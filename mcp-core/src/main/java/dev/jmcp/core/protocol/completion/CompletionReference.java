package dev.jmcp.core.protocol.completion;

import dev.jmcp.core.protocol.internal.CompletionReferenceDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** What is being completed: a {@link PromptReference} or a {@link ResourceTemplateReference}, by {@code type}. */
@JsonDeserialize(using = CompletionReferenceDeserializer.class)
public sealed interface CompletionReference permits PromptReference, ResourceTemplateReference {
    /**
     * The wire discriminator.
     *
     * @return the wire discriminator
     */
    String type();
}
