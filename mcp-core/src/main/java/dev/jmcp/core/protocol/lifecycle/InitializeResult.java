package dev.jmcp.core.protocol.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code initialize}.
 *
 * @param protocolVersion the version the server chose
 * @param capabilities the optional features the server supports
 * @param serverInfo the server's name and version
 * @param instructions usage hints for the model, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record InitializeResult(
        String protocolVersion,
        ServerCapabilities capabilities,
        Implementation serverInfo,
        String instructions,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code protocolVersion}, {@code capabilities}, {@code serverInfo} are required.
     *
     * @param protocolVersion the version the server chose
     * @param capabilities the optional features the server supports
     * @param serverInfo the server's name and version
     * @param instructions usage hints for the model, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public InitializeResult {
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(serverInfo, "serverInfo");
    }

    /**
     * A builder with the required fields.
     *
     * @param protocolVersion the version the server chose
     * @param capabilities the optional features the server supports
     * @param serverInfo the server's name and version
     * @return a new builder
     */
    public static Builder builder(String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo) {
        return new Builder(protocolVersion, capabilities, serverInfo);
    }

    /** Builds a {@link InitializeResult}. */
    public static final class Builder {
        private final String protocolVersion;
        private final ServerCapabilities capabilities;
        private final Implementation serverInfo;
        private String instructions;
        private JsonNode meta;

        private Builder(String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo) {
            this.protocolVersion = protocolVersion;
            this.capabilities = capabilities;
            this.serverInfo = serverInfo;
        }

        /**
         * Sets {@code instructions}: usage hints for the model.
         *
         * @param instructions usage hints for the model, or null to leave it out
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
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
         * @return a new {@code InitializeResult} with the values set on this builder
         */
        public InitializeResult build() {
            return new InitializeResult(protocolVersion, capabilities, serverInfo, instructions, meta);
        }
    }
}
