package dev.jmcp.core.protocol.elicitation;

import dev.jmcp.core.protocol.internal.ElicitRequestDeserializer;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Params of {@code elicitation/create}: {@link FormElicitRequest} ({@code mode} absent or {@code "form"}) or
 * {@link UrlElicitRequest} ({@code mode: "url"}).
 */
@JsonDeserialize(using = ElicitRequestDeserializer.class)
public sealed interface ElicitRequest permits FormElicitRequest, UrlElicitRequest {
    /**
     * The message shown to the user.
     *
     * @return the message shown to the user
     */
    String message();

    /**
     * Task augmentation (2025-11-25), null when absent.
     *
     * @return the {@code task} param asking to run the request as a task, null when absent
     */
    TaskMetadata task();

    /**
     * The {@code _meta} object, null when absent.
     *
     * @return the {@code _meta} object, null when absent
     */
    JsonNode meta();
}
