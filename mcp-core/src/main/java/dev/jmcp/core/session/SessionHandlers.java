package dev.jmcp.core.session;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.McpMethods;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable dispatch table for sessions: request handlers by method, the fallback for other methods,
 * notification handlers, and notifications accepted without acting on them. Build it once and share it between
 * every session that serves the same methods (a server's sessions and stateless exchanges), so that opening a
 * session copies no table. {@code ping} is answered with an empty result unless a handler replaces it.
 */
public final class SessionHandlers {
    /** The default {@code ping}: an empty result, answered on the delivering thread (no hand-off). */
    private static final RequestHandler PING = new InlineRequestHandler() {
        @Override
        public tools.jackson.databind.JsonNode handle(InboundRequest request) {
            return McpJson.object();
        }

        @Override
        public boolean inline(InboundRequest request) {
            return true;
        }
    };

    private static final SessionHandlers EMPTY = builder().build();

    private final Map<String, RequestHandler> requestHandlers;
    private final RequestHandler fallback;
    private final Map<String, NotificationHandler> notificationHandlers;
    private final Set<String> ignoredNotifications;

    private SessionHandlers(
            Map<String, RequestHandler> requestHandlers,
            RequestHandler fallback,
            Map<String, NotificationHandler> notificationHandlers,
            Set<String> ignoredNotifications) {
        this.requestHandlers = Map.copyOf(requestHandlers);
        this.fallback = fallback;
        this.notificationHandlers = Map.copyOf(notificationHandlers);
        this.ignoredNotifications = Set.copyOf(ignoredNotifications);
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
     * The table with only the default {@code ping} handler.
     *
     * @return the table with only the default {@code ping} handler
     */
    public static SessionHandlers empty() {
        return EMPTY;
    }

    /** The handler of {@code method}: its own, else the fallback, else null. */
    RequestHandler requestHandler(String method) {
        RequestHandler h = requestHandlers.get(method);
        return h != null ? h : fallback;
    }

    /** The handler of notification {@code method}, or null. */
    NotificationHandler notificationHandler(String method) {
        return notificationHandlers.get(method);
    }

    /** Whether notification {@code method} is accepted without acting on it. */
    boolean ignores(String method) {
        return ignoredNotifications.contains(method);
    }

    /** A builder starting from this table. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.requestHandlers.putAll(requestHandlers);
        b.fallback = fallback;
        b.notificationHandlers.putAll(notificationHandlers);
        b.ignoredNotifications.addAll(ignoredNotifications);
        return b;
    }

    /** Builds a {@link SessionHandlers}. */
    public static final class Builder {
        private final Map<String, RequestHandler> requestHandlers = new HashMap<>();
        private final Map<String, NotificationHandler> notificationHandlers = new HashMap<>();
        private final Set<String> ignoredNotifications = new HashSet<>();
        private RequestHandler fallback;

        private Builder() {
            requestHandlers.put(McpMethods.PING, PING);
        }

        /**
         * Handles inbound requests of {@code method} (replacing any handler of it).
         *
         * @param method the request method, e.g. {@code tools/call}
         * @param handler handles the requests of {@code method}
         * @return this builder
         */
        public Builder requestHandler(String method, RequestHandler handler) {
            requestHandlers.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Handles request methods with no handler of their own; without one they get -32601.
         *
         * @param handler handles the requests of every method without a handler
         * @return this builder
         */
        public Builder fallbackRequestHandler(RequestHandler handler) {
            this.fallback = handler;
            return this;
        }

        /**
         * Handles inbound notifications of {@code method} (replacing any handler of it).
         *
         * @param method the notification method, e.g. {@code notifications/initialized}
         * @param handler handles the notifications of {@code method}
         * @return this builder
         */
        public Builder notificationHandler(String method, NotificationHandler handler) {
            notificationHandlers.put(
                    Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Accepts inbound notifications of {@code method} without acting on them: nothing is dispatched and
         * nothing is logged. A handler registered for the method takes precedence.
         *
         * @param method the notification method to ignore
         * @return this builder
         */
        public Builder ignoreNotification(String method) {
            ignoredNotifications.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * The immutable table.
         *
         * @return a new {@code SessionHandlers} with the values set on this builder
         */
        public SessionHandlers build() {
            return new SessionHandlers(requestHandlers, fallback, notificationHandlers, ignoredNotifications);
        }
    }
}
