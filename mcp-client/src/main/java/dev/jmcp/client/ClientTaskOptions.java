package dev.jmcp.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What the client offers as a task receiver (SEP-1686, 2025-11-25): the {@code tasks} capability it declares and
 * how it keeps the tasks a server creates by sending {@code sampling/createMessage} or {@code elicitation/create}
 * with a {@code task} param. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * McpClient.builder()
 *         .sampling(handler)
 *         .tasks(ClientTaskOptions.builder().sampling(true).list(true).cancel(true).build())
 * }</pre>
 */
public final class ClientTaskOptions {
    private final boolean list;
    private final boolean cancel;
    private final boolean sampling;
    private final boolean elicitation;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final Duration pollInterval;
    private final int maxTasks;

    private ClientTaskOptions(Builder b) {
        this.list = b.list;
        this.cancel = b.cancel;
        this.sampling = b.sampling;
        this.elicitation = b.elicitation;
        this.defaultTtl = b.defaultTtl;
        this.maxTtl = b.maxTtl;
        this.pollInterval = b.pollInterval;
        this.maxTasks = b.maxTasks;
    }

    /**
     * A new builder: nothing declared, default TTL 1 h, maximum TTL 1 h, poll interval 1 s, 1000 tasks.
     *
     * @return a new builder: nothing declared, default TTL 1 h, maximum TTL 1 h, poll interval 1 s, 1000 tasks
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code tasks/list} is offered ({@code tasks.list}).
     *
     * @return whether {@code tasks/list} is offered ({@code tasks.list})
     */
    public boolean list() {
        return list;
    }

    /**
     * Whether {@code tasks/cancel} is offered ({@code tasks.cancel}).
     *
     * @return whether {@code tasks/cancel} is offered ({@code tasks.cancel})
     */
    public boolean cancel() {
        return cancel;
    }

    /**
     * Whether {@code sampling/createMessage} may be task-augmented.
     *
     * @return whether {@code sampling/createMessage} may be task-augmented
     */
    public boolean sampling() {
        return sampling;
    }

    /**
     * Whether {@code elicitation/create} may be task-augmented.
     *
     * @return whether {@code elicitation/create} may be task-augmented
     */
    public boolean elicitation() {
        return elicitation;
    }

    /**
     * The retention of a task whose request asks for none.
     *
     * @return the retention of a task whose request asks for none
     */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /**
     * The longest retention granted, whatever the request asks.
     *
     * @return the longest retention granted, whatever the request asks
     */
    public Duration maxTtl() {
        return maxTtl;
    }

    /**
     * The polling interval suggested to the server.
     *
     * @return the polling interval suggested to the server
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * How many live tasks the client keeps at most; a task request beyond it is refused.
     *
     * @return how many live tasks the client keeps at most; a task request beyond it is refused
     */
    public int maxTasks() {
        return maxTasks;
    }

    /** Builds {@link ClientTaskOptions}. */
    public static final class Builder {
        private boolean list;
        private boolean cancel;
        private boolean sampling;
        private boolean elicitation;
        private Duration defaultTtl = Duration.ofHours(1);
        private Duration maxTtl = Duration.ofHours(1);
        private Duration pollInterval = Duration.ofSeconds(1);
        private int maxTasks = 1000;

        private Builder() {}

        /**
         * Offers {@code tasks/list}. Tasks ids are unguessable, but a server sees every task of the client.
         *
         * @param list whether list
         * @return this builder
         */
        public Builder list(boolean list) {
            this.list = list;
            return this;
        }

        /**
         * Offers {@code tasks/cancel}.
         *
         * @param cancel whether cancel
         * @return this builder
         */
        public Builder cancel(boolean cancel) {
            this.cancel = cancel;
            return this;
        }

        /**
         * Accepts task-augmented {@code sampling/createMessage} (needs a sampling handler).
         *
         * @param sampling whether sampling
         * @return this builder
         */
        public Builder sampling(boolean sampling) {
            this.sampling = sampling;
            return this;
        }

        /**
         * Accepts task-augmented {@code elicitation/create} (needs an elicitation handler).
         *
         * @param elicitation whether elicitation
         * @return this builder
         */
        public Builder elicitation(boolean elicitation) {
            this.elicitation = elicitation;
            return this;
        }

        /**
         * Retention of a task whose request asks for none; default 1 h.
         *
         * @param ttl retention of a task whose request asks for none; default 1 h
         * @return this builder
         */
        public Builder defaultTtl(Duration ttl) {
            this.defaultTtl = positive(ttl);
            return this;
        }

        /**
         * Longest retention granted; default 1 h.
         *
         * @param ttl longest retention granted; default 1 h
         * @return this builder
         */
        public Builder maxTtl(Duration ttl) {
            this.maxTtl = positive(ttl);
            return this;
        }

        /**
         * Polling interval suggested to the server; default 1 s.
         *
         * @param interval polling interval suggested to the server; default 1 s
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval);
            return this;
        }

        /**
         * Most live tasks kept; default 1000.
         *
         * @param maxTasks most live tasks kept; default 1000
         * @return this builder
         */
        public Builder maxTasks(int maxTasks) {
            if (maxTasks < 1) {
                throw new IllegalArgumentException("maxTasks must be at least 1");
            }
            this.maxTasks = maxTasks;
            return this;
        }

        /**
         * Builds the options; the default TTL is capped at the maximum.
         *
         * @return the built client task options
         */
        public ClientTaskOptions build() {
            if (defaultTtl.compareTo(maxTtl) > 0) {
                defaultTtl = maxTtl;
            }
            return new ClientTaskOptions(this);
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
