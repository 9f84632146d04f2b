package dev.jmcp.loadtest;

import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The MCP-deep scenarios that run <em>next to</em> the load, each with its own sessions (HTTP targets): each part is
 * {@code null} when not configured. TOML: the sections {@code [subscribe]}, {@code [idle_streams]},
 * {@code [resumption]} and {@code [idle_expiry]}. The era follows the run's session mode: {@code stateless} uses
 * 2026-07-28 ({@code subscriptions/listen}), the others the handshake era ({@code resources/subscribe}, the GET
 * stream).
 *
 * @param subscribe {@code resources/subscribe} fan-out latency, or {@code null}
 * @param idleStreams idle GET / {@code subscriptions/listen} streams held during the run, or {@code null}
 * @param resumption SSE streams dropped and resumed with {@code Last-Event-ID}, or {@code null}
 * @param idleExpiry sessions left idle past a time then reused, or {@code null}
 */
public record McpScenarioSettings(
        SubscribeFanOut subscribe, IdleStreams idleStreams, Resumption resumption, IdleExpiry idleExpiry) {
    /** None configured. */
    public static final McpScenarioSettings NONE = new McpScenarioSettings(null, null, null, null);

    /**
     * Whether no part is configured.
     *
     * @return true when every part is {@code null}
     */
    public boolean isEmpty() {
        return subscribe == null && idleStreams == null && resumption == null && idleExpiry == null;
    }

    /**
     * What updates the subscribed resource: a tool call, or any request by method.
     *
     * @param tool the tool to call, or {@code null} when {@code method} is set
     * @param arguments the tool's arguments (a JSON object), or {@code null}
     * @param method a JSON-RPC method to send instead of a tool call, or {@code null}
     * @param params that request's params, or {@code null}
     */
    public record Trigger(String tool, JsonNode arguments, String method, JsonNode params) {
        /**
         * Validates the values.
         *
         * @param tool see the record component
         * @param arguments see the record component
         * @param method see the record component
         * @param params see the record component
         */
        public Trigger {
            if ((tool == null) == (method == null)) {
                throw new IllegalArgumentException("a trigger names either a tool or a method");
            }
        }

        /**
         * A tool-call trigger.
         *
         * @param tool the tool
         * @param arguments its arguments, or {@code null}
         * @return the trigger
         */
        public static Trigger tool(String tool, JsonNode arguments) {
            return new Trigger(tool, arguments, null, null);
        }

        /**
         * A short label ({@code tools/call bump}).
         *
         * @return the label
         */
        public String label() {
            return tool != null ? "tools/call " + tool : method;
        }
    }

    /**
     * {@code [subscribe]}: {@code sessions} subscribers of {@code uri}; every {@code interval} the trigger is sent
     * by another session, and the time from it to each subscriber's {@code notifications/resources/updated} is
     * measured.
     *
     * @param sessions subscriber sessions (default 10)
     * @param uri the resource to subscribe to
     * @param trigger what updates it
     * @param interval time between triggers (default 1 s; keep it above the fan-out latency so notifications are
     *     matched to their trigger)
     */
    public record SubscribeFanOut(int sessions, String uri, Trigger trigger, Duration interval) {
        /**
         * Validates the values.
         *
         * @param sessions see the record component
         * @param uri see the record component
         * @param trigger see the record component
         * @param interval see the record component
         */
        public SubscribeFanOut {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(trigger, "trigger");
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            if (sessions < 1) {
                throw new IllegalArgumentException("subscribe.sessions must be at least 1");
            }
        }
    }

    /**
     * {@code [idle_streams]}: {@code sessions} sessions hold an idle stream (handshake era: the standalone GET
     * stream; 2026-07-28: {@code subscriptions/listen} for list changes) while the load runs.
     *
     * @param sessions streams to hold (default 100)
     */
    public record IdleStreams(int sessions) {
        /**
         * Validates the values.
         *
         * @param sessions see the record component
         */
        public IdleStreams {
            if (sessions < 1) {
                throw new IllegalArgumentException("idle_streams.sessions must be at least 1");
            }
        }
    }

    /**
     * {@code [resumption]} (handshake era, HTTP): {@code sessions} sessions subscribe to {@code uri} and hold their
     * GET stream; the trigger is sent every {@code interval}; every {@code dropEvery} each stream is dropped and
     * resumed with {@code Last-Event-ID}. Lost and duplicated events are counted.
     *
     * @param sessions sessions (default 4)
     * @param uri the resource whose updates are the stream's events
     * @param trigger what updates it
     * @param interval time between triggers (default 200 ms)
     * @param dropEvery time between drops of each stream (default 1 s)
     */
    public record Resumption(int sessions, String uri, Trigger trigger, Duration interval, Duration dropEvery) {
        /**
         * Validates the values.
         *
         * @param sessions see the record component
         * @param uri see the record component
         * @param trigger see the record component
         * @param interval see the record component
         * @param dropEvery see the record component
         */
        public Resumption {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(trigger, "trigger");
            interval = interval == null ? Duration.ofMillis(200) : interval;
            dropEvery = dropEvery == null ? Duration.ofSeconds(1) : dropEvery;
            if (sessions < 1) {
                throw new IllegalArgumentException("resumption.sessions must be at least 1");
            }
        }
    }

    /**
     * {@code [idle_expiry]}: {@code sessions} sessions each make a request, stay idle for {@code idle}, and make it
     * again, for the whole run. A 404 (session expired) and the client's re-initialisation are counted apart from
     * errors.
     *
     * @param sessions sessions (default 4)
     * @param idle how long each stays idle (set it past the server's session idle timeout)
     * @param tool the tool to call on reuse, or {@code null} for {@code ping}
     * @param arguments its arguments, or {@code null}
     */
    public record IdleExpiry(int sessions, Duration idle, String tool, JsonNode arguments) {
        /**
         * Validates the values.
         *
         * @param sessions see the record component
         * @param idle see the record component
         * @param tool see the record component
         * @param arguments see the record component
         */
        public IdleExpiry {
            Objects.requireNonNull(idle, "idle");
            if (sessions < 1) {
                throw new IllegalArgumentException("idle_expiry.sessions must be at least 1");
            }
        }
    }
}
