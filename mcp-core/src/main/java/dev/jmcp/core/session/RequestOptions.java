package dev.jmcp.core.session;

import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.OutboundContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Options for one outbound request: timeouts, progress, and the inbound request it is made on behalf of.
 * Immutable; build with {@link #builder()}.
 */
public final class RequestOptions {
    private static final RequestOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration maxTotalTimeout;
    private final boolean resetTimeoutOnProgress;
    private final ProgressListener progressListener;
    private final RequestId relatedRequestId;
    private final MessageEnvelope envelope;
    private final boolean cancellable;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxTotalTimeout = b.maxTotalTimeout;
        this.resetTimeoutOnProgress = b.resetTimeoutOnProgress;
        this.progressListener = b.progressListener;
        this.relatedRequestId = b.relatedRequestId;
        this.envelope = b.envelope;
        this.cancellable = b.cancellable;
    }

    /**
     * The defaults: the session's timeouts, progress resets the timeout, no listener.
     *
     * @return the defaults: the session's timeouts, progress resets the timeout, no listener
     */
    public static RequestOptions defaults() {
        return DEFAULTS;
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
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.maxTotalTimeout = maxTotalTimeout;
        b.resetTimeoutOnProgress = resetTimeoutOnProgress;
        b.progressListener = progressListener;
        b.relatedRequestId = relatedRequestId;
        b.envelope = envelope;
        b.cancellable = cancellable;
        return b;
    }

    /**
     * The timeout without an answer (or progress), or null for the session default.
     *
     * @return the timeout without an answer (or progress), or null for the session default
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The hard limit however much progress arrives, or null for the session default.
     *
     * @return the hard limit however much progress arrives, or null for the session default
     */
    public Duration maxTotalTimeout() {
        return maxTotalTimeout;
    }

    /**
     * Whether a progress notification restarts the timeout (up to {@link #maxTotalTimeout()}).
     *
     * @return {@code true} if a progress notification restarts the timeout (up to {@link #maxTotalTimeout()})
     */
    public boolean resetTimeoutOnProgress() {
        return resetTimeoutOnProgress;
    }

    /**
     * The progress listener, or null; with one, a progress token is added to the request's {@code _meta}.
     *
     * @return the progress listener, or null
     */
    public ProgressListener progressListener() {
        return progressListener;
    }

    /**
     * The inbound request this request is made while serving, or null.
     *
     * @return the inbound request this request is made while serving, or null
     */
    public RequestId relatedRequestId() {
        return relatedRequestId;
    }

    /**
     * The request fields a transport mirrors outside the body (2026-07-28 Streamable HTTP headers); {@link
     * MessageEnvelope#NONE} by default.
     *
     * @return the request fields a transport mirrors outside the body (2026-07-28 Streamable HTTP headers)
     */
    public MessageEnvelope envelope() {
        return envelope;
    }

    /**
     * Whether cancelling the request's future, or its timeout, tells the peer with {@code notifications/cancelled};
     * true by default. False for a request the protocol forbids cancelling ({@code initialize}): its future then
     * just fails locally.
     *
     * @return {@code true} if cancelling the request's future, or its timeout, tells the peer with
     *     {@code notifications/cancelled}
     */
    public boolean cancellable() {
        return cancellable;
    }

    /**
     * What the transport is told about the request: its related inbound request and its envelope.
     *
     * @return what the transport is told about the request: its related inbound request and its envelope
     */
    public OutboundContext outboundContext() {
        return OutboundContext.request(relatedRequestId, envelope);
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Duration maxTotalTimeout;
        private boolean resetTimeoutOnProgress = true;
        private ProgressListener progressListener;
        private RequestId relatedRequestId;
        private MessageEnvelope envelope = MessageEnvelope.NONE;
        private boolean cancellable = true;

        private Builder() {}

        /**
         * The timeout without an answer or progress.
         *
         * @param timeout the timeout, restarted by progress unless {@link #resetTimeoutOnProgress} says otherwise
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * The hard limit, whatever progress arrives.
         *
         * @param maxTotalTimeout the hard limit from the moment the request is sent
         * @return this builder
         */
        public Builder maxTotalTimeout(Duration maxTotalTimeout) {
            this.maxTotalTimeout = positive(maxTotalTimeout, "maxTotalTimeout");
            return this;
        }

        /**
         * Whether progress restarts the timeout; default true.
         *
         * @param reset {@code true} to restart the timeout on each progress notification
         * @return this builder
         */
        public Builder resetTimeoutOnProgress(boolean reset) {
            this.resetTimeoutOnProgress = reset;
            return this;
        }

        /**
         * Receives progress for this request.
         *
         * @param listener called with each {@code notifications/progress} of the request
         * @return this builder
         */
        public Builder progressListener(ProgressListener listener) {
            this.progressListener = listener;
            return this;
        }

        /**
         * The inbound request this request is made while serving.
         *
         * @param id the id of the inbound request, or null
         * @return this builder
         */
        public Builder relatedRequestId(RequestId id) {
            this.relatedRequestId = id;
            return this;
        }

        /**
         * Request fields for the transport to mirror outside the body (set by the client in the 2026 era).
         *
         * @param envelope the fields to mirror, e.g. into HTTP headers
         * @return this builder
         */
        public Builder envelope(MessageEnvelope envelope) {
            this.envelope = envelope == null ? MessageEnvelope.NONE : envelope;
            return this;
        }

        /**
         * Whether a cancellation or timeout is sent to the peer as {@code notifications/cancelled}; default true.
         * Pass false for {@code initialize}, which the specification forbids cancelling.
         *
         * @param cancellable {@code false} to never send {@code notifications/cancelled} for this request
         * @return this builder
         */
        public Builder cancellable(boolean cancellable) {
            this.cancellable = cancellable;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return a new {@code RequestOptions} with the values set on this builder
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
