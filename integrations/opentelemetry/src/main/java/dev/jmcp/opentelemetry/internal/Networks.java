package dev.jmcp.opentelemetry.internal;

import dev.jmcp.core.transport.NetworkProtocol;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import java.util.function.BiConsumer;

/**
 * Writes a transport's {@link NetworkProtocol} as the conventions' {@code network.transport}, {@code
 * network.protocol.name} and {@code network.protocol.version}; what the transport does not know is left out.
 */
public final class Networks {
    private Networks() {}

    /** Adds the known parts of {@code network} to a span about to start. */
    public static void addTo(SpanBuilder span, NetworkProtocol network) {
        forEachKnown(network, span::setAttribute);
    }

    /** Adds the known parts of {@code network} to a started span. */
    public static void addTo(Span span, NetworkProtocol network) {
        forEachKnown(network, span::setAttribute);
    }

    /** Adds the known parts of {@code network} to metric attributes. */
    public static void addTo(AttributesBuilder attributes, NetworkProtocol network) {
        forEachKnown(network, attributes::put);
    }

    private static void forEachKnown(NetworkProtocol network, BiConsumer<AttributeKey<String>, String> sink) {
        if (network.transport() != null) {
            sink.accept(Semconv.NETWORK_TRANSPORT, network.transport());
        }
        if (network.name() != null) {
            sink.accept(Semconv.NETWORK_PROTOCOL_NAME, network.name());
        }
        if (network.version() != null) {
            sink.accept(Semconv.NETWORK_PROTOCOL_VERSION, network.version());
        }
    }

    /** Whether the transport said nothing about its network. */
    public static boolean isUnknown(NetworkProtocol network) {
        return network.transport() == null && network.name() == null && network.version() == null;
    }
}
