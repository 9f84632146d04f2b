package dev.jmcp.server;

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
 * An extension a server offers (SEP-2133): its identifier, the settings it declares under
 * {@code capabilities.extensions}, when it is declared, its own request and notification methods with typed params,
 * and the {@code _meta} keys it defines. Register it with {@link McpServer.Builder#extension(ServerExtension)}.
 *
 * <pre>{@code
 * record Ping(String text) {}
 * record Pong(String echo) {}
 *
 * ServerExtension ext = ServerExtension.builder("com.example/echo")
 *         .settings(Map.of("maxLength", 100))
 *         .request("echo/say", Ping.class, (p, ctx) -> new Pong(p.text()))
 *         .build();
 * }</pre>
 *
 * <p>A handler learns whether the client declared the extension, and with which settings, from {@link
 * RequestContext#clientExtension(String)} (both eras); outside a request, {@link ServerSession#clientExtension}.
 */
public final class ServerExtension {
    private final String id;
    private final JsonNode settings;
    private final ExtensionDeclaration declaration;
    private final Map<String, Method<?>> requests;
    private final Map<String, Notification<?>> notifications;
    private final Set<String> metaKeys;

    private ServerExtension(Builder b) {
        this.id = b.id;
        this.settings = b.settings.deepCopy();
        this.declaration = b.declaration;
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(b.requests));
        this.notifications = Collections.unmodifiableMap(new LinkedHashMap<>(b.notifications));
        this.metaKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.metaKeys));
    }

    /**
     * A builder for the extension {@code id}, e.g. {@code com.example/my-extension}.
     *
     * @param id the extension's identifier
     * @return a builder for the extension {@code id}, e.g. {@code com.example/my-extension}
     */
    public static Builder builder(String id) {
        return new Builder(id);
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
     * The settings object declared under {@code capabilities.extensions[id]} (a copy; {@code {}} when none).
     *
     * @return the settings object declared under {@code capabilities.extensions[id]} (a copy; {@code {}} when none)
     */
    public JsonNode settings() {
        return settings.deepCopy();
    }

    /**
     * When the extension is declared.
     *
     * @return when the extension is declared
     */
    public ExtensionDeclaration declaration() {
        return declaration;
    }

    /**
     * The extension's request methods, by method name.
     *
     * @return the extension's request methods, by method name
     */
    public Map<String, Method<?>> requests() {
        return requests;
    }

    /**
     * The extension's client-to-server notifications, by method name.
     *
     * @return the extension's client-to-server notifications, by method name
     */
    public Map<String, Notification<?>> notifications() {
        return notifications;
    }

    /**
     * The {@code _meta} keys the extension defines (documentation and validation only).
     *
     * @return the {@code _meta} keys the extension defines (documentation and validation only)
     */
    public Set<String> metaKeys() {
        return metaKeys;
    }

    /**
     * One request method of an extension.
     *
     * @param name the JSON-RPC method name
     * @param paramsType what the params are bound to
     * @param handler serves it
     * @param <P> the params type
     */
    public record Method<P>(String name, Class<P> paramsType, ExtensionRequestHandler<P> handler) {
        /**
         * Checks the members.
         *
         * @param name the JSON-RPC method name
         * @param paramsType what the params are bound to
         * @param handler serves it
         */
        public Method {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(paramsType, "paramsType");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /**
     * One notification method of an extension.
     *
     * @param name the JSON-RPC method name
     * @param paramsType what the params are bound to
     * @param handler receives it
     * @param <P> the params type
     */
    public record Notification<P>(String name, Class<P> paramsType, ExtensionNotificationHandler<P> handler) {
        /**
         * Checks the members.
         *
         * @param name the JSON-RPC method name
         * @param paramsType what the params are bound to
         * @param handler receives it
         */
        public Notification {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(paramsType, "paramsType");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /** Builds a {@link ServerExtension}. */
    public static final class Builder {
        private final String id;
        private JsonNode settings = McpJson.object();
        private ExtensionDeclaration declaration = ExtensionDeclaration.ALWAYS;
        private final Map<String, Method<?>> requests = new LinkedHashMap<>();
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
         * When the extension is declared; default {@link ExtensionDeclaration#ALWAYS}.
         *
         * @param declaration when the extension is declared; default {@link ExtensionDeclaration#ALWAYS}
         * @return this builder
         */
        public Builder declaration(ExtensionDeclaration declaration) {
            this.declaration = Objects.requireNonNull(declaration, "declaration");
            return this;
        }

        /**
         * Serves the request method {@code method} with params bound to {@code paramsType} (unknown members are
         * ignored; params that cannot be bound answer {@code -32602}).
         *
         * @param method the extension's method name
         * @param paramsType the class the params are bound to
         * @param handler the handler
         * @param <P> the type the request params are bound to
         * @return this builder
         */
        public <P> Builder request(String method, Class<P> paramsType, ExtensionRequestHandler<P> handler) {
            checkMethod(method);
            requests.put(method, new Method<>(method, paramsType, handler));
            return this;
        }

        /**
         * Receives the client notification {@code method} with params bound to {@code paramsType}.
         *
         * @param method the extension's method name
         * @param paramsType the class the params are bound to
         * @param handler the handler
         * @param <P> the type the notification params are bound to
         * @return this builder
         */
        public <P> Builder notification(String method, Class<P> paramsType, ExtensionNotificationHandler<P> handler) {
            checkMethod(method);
            notifications.put(method, new Notification<>(method, paramsType, handler));
            return this;
        }

        /**
         * Names a {@code _meta} key the extension defines (validated as a {@code _meta} key name).
         *
         * @param key a {@code _meta} key the extension defines (validated as a {@code _meta} key name)
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
         * @return the built server extension
         */
        public ServerExtension build() {
            return new ServerExtension(this);
        }
    }
}
