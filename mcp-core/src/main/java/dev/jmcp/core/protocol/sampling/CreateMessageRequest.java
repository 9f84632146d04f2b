package dev.jmcp.core.protocol.sampling;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code sampling/createMessage}.
 *
 * @param messages the conversation
 * @param modelPreferences model preferences, null when absent
 * @param systemPrompt system prompt, null when absent
 * @param includeContext context to attach, null when absent ({@code none})
 * @param temperature sampling temperature, null when absent
 * @param maxTokens the token limit (required on the wire)
 * @param stopSequences stop sequences, null when absent
 * @param metadata provider-specific metadata object, null when absent
 * @param tools tools the model may use (needs {@code sampling.tools}), null when absent
 * @param toolChoice tool-use mode, null when absent
 * @param task task augmentation (2025-11-25), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CreateMessageRequest(
        List<SamplingMessage> messages,
        ModelPreferences modelPreferences,
        String systemPrompt,
        IncludeContext includeContext,
        Double temperature,
        int maxTokens,
        List<String> stopSequences,
        JsonNode metadata,
        List<Tool> tools,
        ToolChoice toolChoice,
        TaskMetadata task,
        @JsonProperty("_meta") JsonNode meta) {
    /** Creates params; {@code messages} is required. */
    public CreateMessageRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
        tools = tools == null ? null : List.copyOf(tools);
    }

    /** A builder with the required fields. */
    public static Builder builder(List<SamplingMessage> messages, int maxTokens) {
        return new Builder(messages, maxTokens);
    }

    /** Builds a {@link CreateMessageRequest}. */
    public static final class Builder {
        private final List<SamplingMessage> messages;
        private final int maxTokens;
        private ModelPreferences modelPreferences;
        private String systemPrompt;
        private IncludeContext includeContext;
        private Double temperature;
        private List<String> stopSequences;
        private JsonNode metadata;
        private List<Tool> tools;
        private ToolChoice toolChoice;
        private TaskMetadata task;
        private JsonNode meta;

        private Builder(List<SamplingMessage> messages, int maxTokens) {
            this.messages = messages;
            this.maxTokens = maxTokens;
        }

        /** Sets the model preferences. */
        public Builder modelPreferences(ModelPreferences modelPreferences) {
            this.modelPreferences = modelPreferences;
            return this;
        }

        /** Sets the system prompt. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /** Sets the context inclusion. */
        public Builder includeContext(IncludeContext includeContext) {
            this.includeContext = includeContext;
            return this;
        }

        /** Sets the temperature. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets the stop sequences. */
        public Builder stopSequences(List<String> stopSequences) {
            this.stopSequences = stopSequences;
            return this;
        }

        /** Sets the provider metadata object. */
        public Builder metadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Sets the tools the model may use. */
        public Builder tools(List<Tool> tools) {
            this.tools = tools;
            return this;
        }

        /** Sets the tool-use mode. */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Requests task-augmented execution. */
        public Builder task(TaskMetadata task) {
            this.task = task;
            return this;
        }

        /** Sets {@code _meta}. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the params. */
        public CreateMessageRequest build() {
            return new CreateMessageRequest(
                    messages,
                    modelPreferences,
                    systemPrompt,
                    includeContext,
                    temperature,
                    maxTokens,
                    stopSequences,
                    metadata,
                    tools,
                    toolChoice,
                    task,
                    meta);
        }
    }
}
