package dev.jmcp.core.protocol.lifecycle;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.ProgressToken;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reserved keys of a request's {@code _meta}: the 2026-07-28 per-request version, capabilities, client
 * info and log level, and the progress token of every era. Other keys are left alone.
 *
 * @param protocolVersion the protocol revision of the request ({@code io.modelcontextprotocol/protocolVersion}), null
 *     when absent
 * @param clientCapabilities the client's capabilities ({@code io.modelcontextprotocol/clientCapabilities}), null when
 *     absent
 * @param clientInfo the client's name and version ({@code io.modelcontextprotocol/clientInfo}), null when absent
 * @param logLevel the least severe log level the client wants ({@code io.modelcontextprotocol/logLevel}), null when
 *     absent
 * @param progressToken the token the receiver puts in its progress notifications ({@code progressToken}), null when
 *     absent
 */
public record RequestMeta(
        String protocolVersion,
        ClientCapabilities clientCapabilities,
        Implementation clientInfo,
        LoggingLevel logLevel,
        ProgressToken progressToken) {
    private static final RequestMeta NONE = new RequestMeta(null, null, null, null, null);

    /**
     * The stateless-request keys for the given version, capabilities and client (both may be null).
     *
     * @param protocolVersion the protocol revision of the request ({@code io.modelcontextprotocol/protocolVersion}),
     *     null when absent
     * @param capabilities the client's capabilities, or null
     * @param clientInfo the client's name and version ({@code io.modelcontextprotocol/clientInfo}), null when absent
     * @return the stateless-request keys for the given version, capabilities and client
     */
    public static RequestMeta of(String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
        return new RequestMeta(protocolVersion, capabilities, clientInfo, null, null);
    }

    /**
     * Reads the reserved keys of a {@code _meta} object; a null or non-object {@code _meta} gives all nulls.
     *
     * @param meta the request's {@code _meta} object, or null
     * @return the reserved keys found
     * @throws dev.jmcp.core.McpException when a reserved key holds a value of the wrong shape
     */
    public static RequestMeta from(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return NONE;
        }
        JsonNode version = meta.get(MetaKeys.PROTOCOL_VERSION);
        return new RequestMeta(
                version != null && version.isString() ? version.stringValue() : null,
                McpJson.fromTree(meta.get(MetaKeys.CLIENT_CAPABILITIES), ClientCapabilities.class),
                McpJson.fromTree(meta.get(MetaKeys.CLIENT_INFO), Implementation.class),
                McpJson.fromTree(meta.get(MetaKeys.LOG_LEVEL), LoggingLevel.class),
                McpJson.fromTree(meta.get(MetaKeys.PROGRESS_TOKEN), ProgressToken.class));
    }

    /**
     * Whether the keys a 2026-07-28 request must carry (version and capabilities) are present.
     *
     * @return {@code true} if the keys a 2026-07-28 request must carry (version and capabilities) are present
     */
    public boolean hasRequiredStatelessKeys() {
        return protocolVersion != null && clientCapabilities != null;
    }

    /**
     * Writes the non-null keys into a copy of {@code meta} (which may be null) and returns the copy; keys not
     * reserved here are kept untouched.
     *
     * @param meta the {@code _meta} object to copy, or null
     * @return the copy with these keys written
     */
    public ObjectNode writeTo(JsonNode meta) {
        ObjectNode out = meta != null && meta.isObject() ? ((ObjectNode) meta).deepCopy() : McpJson.object();
        if (protocolVersion != null) {
            out.put(MetaKeys.PROTOCOL_VERSION, protocolVersion);
        }
        if (clientCapabilities != null) {
            out.set(MetaKeys.CLIENT_CAPABILITIES, McpJson.toTree(clientCapabilities));
        }
        if (clientInfo != null) {
            out.set(MetaKeys.CLIENT_INFO, McpJson.toTree(clientInfo));
        }
        if (logLevel != null) {
            out.put(MetaKeys.LOG_LEVEL, logLevel.wire());
        }
        if (progressToken != null) {
            out.set(MetaKeys.PROGRESS_TOKEN, McpJson.toTree(progressToken));
        }
        return out;
    }

    /**
     * The keys as a new {@code _meta} object.
     *
     * @return the keys as a new {@code _meta} object
     */
    public ObjectNode toMeta() {
        return writeTo(null);
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RequestMeta}. */
    public static final class Builder {
        private String protocolVersion;
        private ClientCapabilities clientCapabilities;
        private Implementation clientInfo;
        private LoggingLevel logLevel;
        private ProgressToken progressToken;

        private Builder() {}

        /**
         * Sets {@code protocolVersion}: {@code io.modelcontextprotocol/protocolVersion}.
         *
         * @param protocolVersion the protocol revision of the request
         *     ({@code io.modelcontextprotocol/protocolVersion}), or null to leave it out
         * @return this builder
         */
        public Builder protocolVersion(String protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        /**
         * Sets {@code clientCapabilities}: {@code io.modelcontextprotocol/clientCapabilities}.
         *
         * @param clientCapabilities the client's capabilities ({@code io.modelcontextprotocol/clientCapabilities}), or
         *     null to leave it out
         * @return this builder
         */
        public Builder clientCapabilities(ClientCapabilities clientCapabilities) {
            this.clientCapabilities = clientCapabilities;
            return this;
        }

        /**
         * Sets {@code clientInfo}: {@code io.modelcontextprotocol/clientInfo}.
         *
         * @param clientInfo the client's name and version ({@code io.modelcontextprotocol/clientInfo}), or null to
         *     leave it out
         * @return this builder
         */
        public Builder clientInfo(Implementation clientInfo) {
            this.clientInfo = clientInfo;
            return this;
        }

        /**
         * Sets {@code logLevel}: {@code io.modelcontextprotocol/logLevel}.
         *
         * @param logLevel the least severe log level the client wants ({@code io.modelcontextprotocol/logLevel}), or
         *     null to leave it out
         * @return this builder
         */
        public Builder logLevel(LoggingLevel logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        /**
         * Sets {@code progressToken}: {@code progressToken}.
         *
         * @param progressToken the token the receiver puts in its progress notifications ({@code progressToken}), or
         *     null to leave it out
         * @return this builder
         */
        public Builder progressToken(ProgressToken progressToken) {
            this.progressToken = progressToken;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code RequestMeta} with the values set on this builder
         */
        public RequestMeta build() {
            return new RequestMeta(protocolVersion, clientCapabilities, clientInfo, logLevel, progressToken);
        }
    }
}
