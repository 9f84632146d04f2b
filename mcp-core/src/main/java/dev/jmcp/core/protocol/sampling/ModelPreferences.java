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
    /** Creates preferences; all fields are optional. */
    public ModelPreferences {
        hints = hints == null ? null : List.copyOf(hints);
    }

    /** A builder with every field unset. */
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

        /** Sets {@code hints}: model hints in order of preference. */
        public Builder hints(List<ModelHint> hints) {
            this.hints = hints;
            return this;
        }

        /** Sets {@code costPriority}: how much cost matters. */
        public Builder costPriority(Double costPriority) {
            this.costPriority = costPriority;
            return this;
        }

        /** Sets {@code speedPriority}: how much latency matters. */
        public Builder speedPriority(Double speedPriority) {
            this.speedPriority = speedPriority;
            return this;
        }

        /** Sets {@code intelligencePriority}: how much capability matters. */
        public Builder intelligencePriority(Double intelligencePriority) {
            this.intelligencePriority = intelligencePriority;
            return this;
        }

        /** Builds the value. */
        public ModelPreferences build() {
            return new ModelPreferences(hints, costPriority, speedPriority, intelligencePriority);
        }
    }
}
