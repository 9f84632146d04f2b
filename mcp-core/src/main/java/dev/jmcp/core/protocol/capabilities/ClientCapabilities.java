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
 * @param experimental non-standard capabilities, null when absent
 * @param roots roots support, null when absent
 * @param sampling sampling support, null when absent
 * @param elicitation elicitation support, null when absent
 * @param tasks task support (2025-11-25), null when absent
 * @param extensions extensions by identifier (2026-07-28), null when absent
 */
public record ClientCapabilities(
        Map<String, JsonNode> experimental,
        Roots roots,
        Sampling sampling,
        Elicitation elicitation,
        TasksCapability tasks,
        Map<String, JsonNode> extensions) {
    /** Creates capabilities; all members are optional. */
    public ClientCapabilities {
        experimental = experimental == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(experimental));
        extensions = extensions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** No optional capabilities: {@code {}}. */
    public static ClientCapabilities none() {
        return new ClientCapabilities(null, null, null, null, null, null);
    }

    /** A builder with no capabilities. */
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
        /** Whether form mode is supported ({@code {}} counts as form). */
        public boolean supportsForm() {
            return form != null || url == null;
        }

        /** Whether URL mode is supported. */
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

        /** Sets the experimental capabilities. */
        public Builder experimental(Map<String, JsonNode> experimental) {
            this.experimental = experimental;
            return this;
        }

        /** Declares roots support. */
        public Builder roots(boolean listChanged) {
            this.roots = new Roots(listChanged ? Boolean.TRUE : null);
            return this;
        }

        /** Declares sampling support with the given optional features (none: plain sampling). */
        public Builder sampling(SamplingFeature... features) {
            java.util.Set<SamplingFeature> set = java.util.Set.of(features);
            this.sampling = new Sampling(
                    set.contains(SamplingFeature.CONTEXT) ? McpJson.object() : null,
                    set.contains(SamplingFeature.TOOLS) ? McpJson.object() : null);
            return this;
        }

        /** Declares elicitation support for the given modes (at least one). */
        public Builder elicitation(ElicitationMode mode, ElicitationMode... more) {
            java.util.Set<ElicitationMode> set = java.util.EnumSet.of(mode, more);
            this.elicitation = new Elicitation(
                    set.contains(ElicitationMode.FORM) ? McpJson.object() : null,
                    set.contains(ElicitationMode.URL) ? McpJson.object() : null);
            return this;
        }

        /** Sets the tasks capability. */
        public Builder tasks(TasksCapability tasks) {
            this.tasks = tasks;
            return this;
        }

        /** Sets the extensions. */
        public Builder extensions(Map<String, JsonNode> extensions) {
            this.extensions = extensions;
            return this;
        }

        /** Builds the capabilities. */
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
