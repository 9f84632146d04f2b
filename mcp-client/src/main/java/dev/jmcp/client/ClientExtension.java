package dev.jmcp.client;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.ExtensionIds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An extension a client supports (SEP-2133): its identifier, the settings it declares under
 * {@code capabilities.extensions} (in {@code initialize}, and in every 2026-07-28 request's {@code _meta}), the
 * handlers of the server-to-client requests and notifications it defines, and its {@code _meta} keys. Register it
 * with {@link McpClientBuilder#extension(ClientExtension)}; send the extension's own requests with {@link
 * McpClient#extensionRequest}.
 */
public final class ClientExtension {
    private final String id;
    private final JsonNode settings;
    private final Map<String, Request<?>> requests;
    private final Map<String, Notification<?>> notifications;
    private final Set<String> metaKeys;

    private ClientExtension(Builder b) {
        this.id = b.id;
        this.settings = b.settings.deepCopy();
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(b.requests));
        this.notifications = Collections.unmodifiableMap(new LinkedHashMap<>(b.notifications));
        this.metaKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.metaKeys));
    }

    /**
     * A builder for the extension {@code id}, e.g. {@code io.modelcontextprotocol/ui}.
     *
     * @param id the extension's identifier
     * @return a builder for the extension {@code id}, e.g. {@code io.modelcontextprotocol/ui}
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * An extension declared with {@code settings} and no handlers of its own.
     *
     * @param id the extension's identifier
     * @param settings the settings
     * @return an extension declared with {@code settings} and no handlers of its own
     */
    public static ClientExtension of(String id, JsonNode settings) {
        return builder(id).settings(settings).build();
    }

    /**
     * The extension identifier.
     *
     * @return the extension identifier
     */
    public String id() {
        return id;
    }

    /**
     * The declared settings (a copy; {@code {}} when none).
     *
     * @return the declared settings (a copy; {@code {}} when none)
     */
    public JsonNode settings() {
        return settings.deepCopy();
    }

    /**
     * The server-to-client request methods the extension answers, by method name.
     *
     * @return the server-to-client request methods the extension answers, by method name
     */
    public Map<String, Request<?>> requests() {
        return requests;
    }

    /**
     * The server notifications the extension receives, by method name.
     *
     * @return the server notifications the extension receives, by method name
     */
    public Map<String, Notification<?>> notifications() {
        return notifications;
    }

    /**
     * The {@code _meta} keys the extension defines.
     *
     * @return the {@code _meta} keys the extension defines
     */
    public Set<String> metaKeys() {
        return metaKeys;
    }

    /**
     * A server-to-client request method of the extension.
     *
     * @param name the method name
     * @param paramsType what its params are bound to
     * @param handler answers it
     * @param <P> the params type
     */
    public record Request<P>(String name, Class<P> paramsType, ClientExtensionRequestHandler<P> handler) {
        /**
         * Checks the members.
         *
         * @param name the method name
         * @param paramsType what its params are bound to
         * @param handler answers it
         */
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(paramsType, "paramsType");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /**
     * A server notification of the extension.
     *
     * @param name the method name
     * @param paramsType what its params are bound to
     * @param handler receives it
     * @param <P> the params type
     */
    public record Notification<P>(String name, Class<P> paramsType, ClientExtensionNotificationHandler<P> handler) {
        /**
         * Checks the members.
         *
         * @param name the method name
         * @param paramsType what its params are bound to
         * @param handler receives it
         */
        public Notification {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(paramsType, "paramsType");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /** Builds a {@link ClientExtension}. */
    public static final class Builder {
        private final String id;
        private JsonNode settings = McpJson.object();
        private final Map<String, Request<?>> requests = new LinkedHashMap<>();
        private final Map<String, Notification<?>> notifications = new LinkedHashMap<>();
        private final Set<String> metaKeys = new LinkedHashSet<>();

        private Builder(String id) {
            this.id = ExtensionIds.requireValid(id);
        }

        /**
         * The settings object; default {@code {}}.
         *
         * @param settings the settings object; default {@code {}}
         * @return this builder
         */
        public Builder settings(JsonNode settings) {
            Objects.requireNonNull(settings, "settings");
            if (!settings.isObject()) {
                throw new IllegalArgumentException("extension settings must be a JSON object: " + settings);
            }
            this.settings = settings.deepCopy();
            return this;
        }

        /**
         * The settings as any object Jackson writes as a JSON object (a record, a map).
         *
         * @param settings the settings as any object Jackson writes as a JSON object (a record, a map)
         * @return the settings as any object Jackson writes as a JSON object (a record, a map)
         */
        public Builder settings(Object settings) {
            return settings(McpJson.toTree(Objects.requireNonNull(settings, "settings")));
        }

        /**
         * Answers the server-to-client request {@code method} (handshake era) with params bound to the type.
         *
         * @param method the extension's method name
         * @param paramsType the class the params are bound to
         * @param handler the handler
         * @param <P> the type the request params are bound to
         * @return this builder
         */
        public <P> Builder request(String method, Class<P> paramsType, ClientExtensionRequestHandler<P> handler) {
            checkMethod(method);
            requests.put(method, new Request<>(method, paramsType, handler));
            return this;
        }

        /**
         * Receives the server notification {@code method} with params bound to {@code paramsType}.
         *
         * @param method the extension's method name
         * @param paramsType the class the params are bound to
         * @param handler the handler
         * @param <P> the type the notification params are bound to
         * @return this builder
         */
        public <P> Builder notification(
                String method, Class<P> paramsType, ClientExtensionNotificationHandler<P> handler) {
            checkMethod(method);
            notifications.put(method, new Notification<>(method, paramsType, handler));
            return this;
        }

        /**
         * Names a {@code _meta} key the extension defines.
         *
         * @param key a {@code _meta} key the extension defines
         * @return this builder
         */
        public Builder metaKey(String key) {
            metaKeys.add(ExtensionIds.requireValidMetaKey(key));
            return this;
        }

        private void checkMethod(String method) {
            Objects.requireNonNull(method, "method");
            if (method.isBlank()) {
                throw new IllegalArgumentException("method must not be blank");
            }
            if (requests.containsKey(method) || notifications.containsKey(method)) {
                throw new IllegalArgumentException(id + ": method " + method + " is registered twice");
            }
        }

        /**
         * Builds the extension.
         *
         * @return the built client extension
         */
        public ClientExtension build() {
            return new ClientExtension(this);
        }
    }
}
