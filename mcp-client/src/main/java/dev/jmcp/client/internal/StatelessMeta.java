package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.protocol.logging.LoggingLevel;

/** The {@code _meta} keys every 2026-07-28 request carries. */
final class StatelessMeta {
    private StatelessMeta() {}

    /** Version, capabilities and client info, plus the log level when one is set (may be null). */
    static RequestMeta of(ClientConfig config, LoggingLevel logLevel) {
        return RequestMeta.builder()
                .protocolVersion(ProtocolVersion.V2026_07_28.id())
                .clientCapabilities(config.statelessCapabilities())
                .clientInfo(config.clientInfo())
                .logLevel(logLevel)
                .build();
    }
}
