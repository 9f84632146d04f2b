package dev.jmcp.core.protocol.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code initialize} (handshake era).
 *
 * @param protocolVersion the newest version the client speaks
 * @param capabilities the optional features the client supports
 * @param clientInfo the client's name and version
 * @param meta the {@code _meta} object, null when absent
 */
public record InitializeRequest(
        String protocolVersion,
        ClientCapabilities capabilities,
        Implementation clientInfo,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code protocolVersion}, {@code capabilities}, {@code clientInfo} are required.
     *
     * @param protocolVersion the newest version the client speaks
     * @param capabilities the optional features the client supports
     * @param clientInfo the client's name and version
     * @param meta the {@code _meta} object, null when absent
     */
    public InitializeRequest {
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(clientInfo, "clientInfo");
    }

    /**
     * A builder with the required fields.
     *
     * @param protocolVersion the newest version the client speaks
     * @param capabilities the optional features the client supports
     * @param clientInfo the client's name and version
     * @return a new builder
     */
    public static Builder builder(String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
        return new Builder(protocolVersion, capabilities, clientInfo);
    }

    /** Builds a {@link InitializeRequest}. */
    public static final class Builder {
        private final String protocolVersion;
        private final ClientCapabilities capabilities;
        private final Implementation clientInfo;
        private JsonNode meta;

        private Builder(String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
            this.protocolVersion = protocolVersion;
            this.capabilities = capabilities;
            this.clientInfo = clientInfo;
        }

        /**
         * Sets {@code _meta}: the {@code _meta} object.
         *
         * @param meta the {@code _meta} object, or null to leave it out
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code InitializeRequest} with the values set on this builder
         */
        public InitializeRequest build() {
            return new InitializeRequest(protocolVersion, capabilities, clientInfo, meta);
        }
    }
}
