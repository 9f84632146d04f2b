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
 * @param messages the conversation to continue, oldest message first
 * @param modelPreferences the server's preferences for the model the client picks, null when absent
 * @param systemPrompt a system prompt the server asks for (the client may change or omit it), null when absent
 * @param includeContext which servers' context the client should add to the prompt, null when absent ({@code none})
 * @param temperature the sampling temperature the server asks for, null when absent
 * @param maxTokens the most tokens the client should sample (required on the wire)
 * @param stopSequences sequences at which the model stops generating, null when absent
 * @param metadata an object passed through to the LLM provider, in a provider-specific format, null when absent
 * @param tools tools the model may use (needs {@code sampling.tools}), null when absent
 * @param toolChoice whether the model may, must or must not use the tools, null when absent
 * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when absent
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
    /**
     * Creates params; {@code messages} is required.
     *
     * @param messages the conversation to continue, oldest message first
     * @param modelPreferences the server's preferences for the model the client picks, null when absent
     * @param systemPrompt a system prompt the server asks for (the client may change or omit it), null when absent
     * @param includeContext which servers' context the client should add to the prompt, null when absent ({@code none})
     * @param temperature the sampling temperature the server asks for, null when absent
     * @param maxTokens the most tokens the client should sample (required on the wire)
     * @param stopSequences sequences at which the model stops generating, null when absent
     * @param metadata an object passed through to the LLM provider, in a provider-specific format, null when absent
     * @param tools tools the model may use (needs {@code sampling.tools}), null when absent
     * @param toolChoice whether the model may, must or must not use the tools, null when absent
     * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when
     *     absent
     * @param meta the {@code _meta} object, null when absent
     */
    public CreateMessageRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
        tools = tools == null ? null : List.copyOf(tools);
    }

    /**
     * A builder with the required fields.
     *
     * @param messages the conversation to continue, oldest message first
     * @param maxTokens the most tokens the client should sample (required on the wire)
     * @return a new builder
     */
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

        /**
         * Sets the model preferences.
         *
         * @param modelPreferences the server's preferences for the model the client picks, or null to leave it out
         * @return this builder
         */
        public Builder modelPreferences(ModelPreferences modelPreferences) {
            this.modelPreferences = modelPreferences;
            return this;
        }

        /**
         * Sets the system prompt.
         *
         * @param systemPrompt a system prompt the server asks for (the client may change or omit it), or null to leave
         *     it out
         * @return this builder
         */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * Sets the context inclusion.
         *
         * @param includeContext which servers' context the client should add to the prompt, or null to leave it out
         *     (absent means {@code none})
         * @return this builder
         */
        public Builder includeContext(IncludeContext includeContext) {
            this.includeContext = includeContext;
            return this;
        }

        /**
         * Sets the temperature.
         *
         * @param temperature the sampling temperature the server asks for, or null to leave it out
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets the stop sequences.
         *
         * @param stopSequences sequences at which the model stops generating, or null to leave it out
         * @return this builder
         */
        public Builder stopSequences(List<String> stopSequences) {
            this.stopSequences = stopSequences;
            return this;
        }

        /**
         * Sets the provider metadata object.
         *
         * @param metadata an object passed through to the LLM provider, in a provider-specific format, or null to leave
         *     it out
         * @return this builder
         */
        public Builder metadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets the tools the model may use.
         *
         * @param tools tools the model may use (needs {@code sampling.tools}), or null to leave it out
         * @return this builder
         */
        public Builder tools(List<Tool> tools) {
            this.tools = tools;
            return this;
        }

        /**
         * Sets the tool-use mode.
         *
         * @param toolChoice whether the model may, must or must not use the tools, or null to leave it out
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * Requests task-augmented execution.
         *
         * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), or null
         *     to leave it out
         * @return this builder
         */
        public Builder task(TaskMetadata task) {
            this.task = task;
            return this;
        }

        /**
         * Sets {@code _meta}.
         *
         * @param meta the {@code _meta} object, or null to leave it out
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the params.
         *
         * @return a new {@code CreateMessageRequest} with the values set on this builder
         */
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
