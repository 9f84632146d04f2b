package dev.jmcp.client;

import dev.jmcp.core.session.ProgressListener;
import dev.jmcp.core.session.RequestOptions;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Options of one call: its timeout, a progress listener, extra {@code _meta}. Immutable.
 *
 * <pre>{@code
 * client.callTool("build", args, CallOptions.builder()
 *         .timeout(Duration.ofSeconds(30))
 *         .progress((done, total, msg) -> System.out.println(done + "/" + total))
 *         .build());
 * }</pre>
 */
public final class CallOptions {
    private static final CallOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration totalTimeout;
    private final ProgressListener progress;
    private final JsonNode meta;

    private CallOptions(Builder b) {
        this.timeout = b.timeout;
        this.totalTimeout = b.totalTimeout;
        this.progress = b.progress;
        this.meta = b.meta;
    }

    /**
     * No options: the client's timeouts, no progress, no extra {@code _meta}.
     *
     * @return no options: the client's timeouts, no progress, no extra {@code _meta}
     */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options with only a timeout.
     *
     * @param timeout the timeout
     * @return options with only a timeout
     */
    public static CallOptions timeout(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The timeout of each wire request without answer or progress, or null for the client's.
     *
     * @return the timeout of each wire request without answer or progress, or null for the client's
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The hard limit of the whole call (progress does not extend it), or null for the client's maximum.
     *
     * @return the hard limit of the whole call (progress does not extend it), or null for the client's maximum
     */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /**
     * The progress listener, or null.
     *
     * @return the progress listener, or null
     */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * Extra {@code _meta} members for the request, or null.
     *
     * @return extra {@code _meta} members for the request, or null
     */
    public JsonNode meta() {
        return meta;
    }

    /** These options without the progress listener (a task call routes progress itself, by its own token). */
    CallOptions withoutProgress() {
        if (progress == null) {
            return this;
        }
        Builder b = builder();
        b.timeout = timeout;
        b.totalTimeout = totalTimeout;
        b.meta = meta;
        return b.build();
    }

    /** The session options these map to. */
    RequestOptions toRequestOptions() {
        RequestOptions.Builder b = RequestOptions.builder();
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (totalTimeout != null) {
            b.maxTotalTimeout(totalTimeout);
        }
        if (progress != null) {
            b.progressListener(progress);
        }
        return b.build();
    }

    /** Builds {@link CallOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Duration totalTimeout;
        private ProgressListener progress;
        private JsonNode meta;

        private Builder() {}

        /**
         * Timeout of each wire request without answer or progress; progress restarts it.
         *
         * @param timeout timeout of each wire request without answer or progress; progress restarts it
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout);
            return this;
        }

        /**
         * Hard limit of the call, whatever progress arrives.
         *
         * @param totalTimeout hard limit of the call, whatever progress arrives
         * @return this builder
         */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = positive(totalTimeout);
            return this;
        }

        /**
         * Receives this call's progress; a progress token is added to the request.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Extra {@code _meta} members (an object) for the request.
         *
         * @param meta extra {@code _meta} members (an object) for the request
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            if (meta != null && !meta.isObject()) {
                throw new IllegalArgumentException("_meta must be a JSON object");
            }
            this.meta = meta;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the built call options
         */
        public CallOptions build() {
            return new CallOptions(this);
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "duration");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("duration must be positive");
            }
            return d;
        }
    }
}
