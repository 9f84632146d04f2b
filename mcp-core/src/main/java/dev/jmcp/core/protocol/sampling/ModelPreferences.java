package dev.jmcp.core.protocol.sampling;

import java.util.List;

/**
 * The server's advisory model preferences; priorities range from 0 to 1.
 *
 * @param hints model hints in order of preference, null when absent
 * @param costPriority how much cost matters, null when absent
 * @param speedPriority how much latency matters, null when absent
 * @param intelligencePriority how much capability matters, null when absent
 */
public record ModelPreferences(
        List<ModelHint> hints, Double costPriority, Double speedPriority, Double intelligencePriority) {
    /**
     * Creates preferences; all fields are optional.
     *
     * @param hints model hints in order of preference, null when absent
     * @param costPriority how much cost matters, null when absent
     * @param speedPriority how much latency matters, null when absent
     * @param intelligencePriority how much capability matters, null when absent
     */
    public ModelPreferences {
        hints = hints == null ? null : List.copyOf(hints);
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ModelPreferences}. */
    public static final class Builder {
        private List<ModelHint> hints;
        private Double costPriority;
        private Double speedPriority;
        private Double intelligencePriority;

        private Builder() {}

        /**
         * Sets {@code hints}: model hints in order of preference.
         *
         * @param hints model hints in order of preference, or null to leave it out
         * @return this builder
         */
        public Builder hints(List<ModelHint> hints) {
            this.hints = hints;
            return this;
        }

        /**
         * Sets {@code costPriority}: how much cost matters.
         *
         * @param costPriority how much cost matters, or null to leave it out
         * @return this builder
         */
        public Builder costPriority(Double costPriority) {
            this.costPriority = costPriority;
            return this;
        }

        /**
         * Sets {@code speedPriority}: how much latency matters.
         *
         * @param speedPriority how much latency matters, or null to leave it out
         * @return this builder
         */
        public Builder speedPriority(Double speedPriority) {
            this.speedPriority = speedPriority;
            return this;
        }

        /**
         * Sets {@code intelligencePriority}: how much capability matters.
         *
         * @param intelligencePriority how much capability matters, or null to leave it out
         * @return this builder
         */
        public Builder intelligencePriority(Double intelligencePriority) {
            this.intelligencePriority = intelligencePriority;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code ModelPreferences} with the values set on this builder
         */
        public ModelPreferences build() {
            return new ModelPreferences(hints, costPriority, speedPriority, intelligencePriority);
        }
    }
}
