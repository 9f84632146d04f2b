package dev.jmcp.core.protocol.capabilities;

import dev.jmcp.core.McpJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a client supports. A null member is an absent capability; a present one, even with no fields, is
 * written as an object ({@code {}}).
 *
 * @param experimental experimental, non-standard capabilities by name, null when absent
 * @param roots present when the client can list its roots ({@code roots/list}), null when absent
 * @param sampling present when the client can sample its LLM for the server ({@code sampling/createMessage}), null when
 *     absent
 * @param elicitation present when the client can ask its user for input ({@code elicitation/create}), with the modes it
 *     supports, null when absent
 * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
 *     (2025-11-25), null when absent
 * @param extensions extensions by identifier (2026-07-28), null when absent
 */
public record ClientCapabilities(
        Map<String, JsonNode> experimental,
        Roots roots,
        Sampling sampling,
        Elicitation elicitation,
        TasksCapability tasks,
        Map<String, JsonNode> extensions) {
    /**
     * Creates capabilities; all members are optional.
     *
     * @param experimental experimental, non-standard capabilities by name, null when absent
     * @param roots present when the client can list its roots ({@code roots/list}), null when absent
     * @param sampling present when the client can sample its LLM for the server ({@code sampling/createMessage}), null
     *     when absent
     * @param elicitation present when the client can ask its user for input ({@code elicitation/create}), with the
     *     modes it supports, null when absent
     * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
     *     (2025-11-25), null when absent
     * @param extensions extensions by identifier (2026-07-28), null when absent
     */
    public ClientCapabilities {
        experimental = experimental == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(experimental));
        extensions = extensions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * No optional capabilities: {@code {}}.
     *
     * @return capabilities declaring no optional feature
     */
    public static ClientCapabilities none() {
        return new ClientCapabilities(null, null, null, null, null, null);
    }

    /**
     * A builder with no capabilities.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code roots} capability.
     *
     * @param listChanged whether the client sends {@code notifications/roots/list_changed}, null when absent
     */
    public record Roots(Boolean listChanged) {}

    /**
     * The {@code sampling} capability.
     *
     * @param context presence means non-{@code none} {@code includeContext} is supported, null when absent
     * @param tools presence means {@code tools} and {@code toolChoice} are supported, null when absent
     */
    public record Sampling(JsonNode context, JsonNode tools) {}

    /**
     * The {@code elicitation} capability. Both members absent means form mode only.
     *
     * @param form presence means form mode, null when absent
     * @param url presence means URL mode, null when absent
     */
    public record Elicitation(JsonNode form, JsonNode url) {
        /**
         * Whether form mode is supported ({@code {}} counts as form).
         *
         * @return {@code true} if form mode is supported ({@code {}} counts as form)
         */
        public boolean supportsForm() {
            return form != null || url == null;
        }

        /**
         * Whether URL mode is supported.
         *
         * @return {@code true} if URL mode is supported
         */
        public boolean supportsUrl() {
            return url != null;
        }
    }

    /** Builds {@link ClientCapabilities}. */
    public static final class Builder {
        private Map<String, JsonNode> experimental;
        private Roots roots;
        private Sampling sampling;
        private Elicitation elicitation;
        private TasksCapability tasks;
        private Map<String, JsonNode> extensions;

        private Builder() {}

        /**
         * Sets the experimental capabilities.
         *
         * @param experimental experimental, non-standard capabilities by name, or null to leave it out
         * @return this builder
         */
        public Builder experimental(Map<String, JsonNode> experimental) {
            this.experimental = experimental;
            return this;
        }

        /**
         * Declares roots support.
         *
         * @param listChanged whether the client sends {@code notifications/roots/list_changed}
         * @return this builder
         */
        public Builder roots(boolean listChanged) {
            this.roots = new Roots(listChanged ? Boolean.TRUE : null);
            return this;
        }

        /**
         * Declares sampling support with the given optional features (none: plain sampling).
         *
         * @param features the optional sampling features to declare, none for plain sampling
         * @return this builder
         */
        public Builder sampling(SamplingFeature... features) {
            java.util.Set<SamplingFeature> set = java.util.Set.of(features);
            this.sampling = new Sampling(
                    set.contains(SamplingFeature.CONTEXT) ? McpJson.object() : null,
                    set.contains(SamplingFeature.TOOLS) ? McpJson.object() : null);
            return this;
        }

        /**
         * Declares elicitation support for the given modes (at least one).
         *
         * @param mode a supported elicitation mode
         * @param more further supported modes, if any
         * @return this builder
         */
        public Builder elicitation(ElicitationMode mode, ElicitationMode... more) {
            java.util.Set<ElicitationMode> set = java.util.EnumSet.of(mode, more);
            this.elicitation = new Elicitation(
                    set.contains(ElicitationMode.FORM) ? McpJson.object() : null,
                    set.contains(ElicitationMode.URL) ? McpJson.object() : null);
            return this;
        }

        /**
         * Sets the tasks capability.
         *
         * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
         *     (2025-11-25), or null to leave it out
         * @return this builder
         */
        public Builder tasks(TasksCapability tasks) {
            this.tasks = tasks;
            return this;
        }

        /**
         * Sets the extensions.
         *
         * @param extensions extensions by identifier (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder extensions(Map<String, JsonNode> extensions) {
            this.extensions = extensions;
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return a new {@code ClientCapabilities} with the values set on this builder
         */
        public ClientCapabilities build() {
            return new ClientCapabilities(experimental, roots, sampling, elicitation, tasks, extensions);
        }
    }

    /** The optional parts of the sampling capability. */
    public enum SamplingFeature {
        /** {@code sampling.tools}: tool use in sampling requests. */
        TOOLS,
        /** {@code sampling.context}: context inclusion. */
        CONTEXT
    }

    /** The elicitation modes a client declares. */
    public enum ElicitationMode {
        /** {@code elicitation.form}. */
        FORM,
        /** {@code elicitation.url}. */
        URL
    }
}
