package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The 2026-07-28 {@code _meta} keys written from JSON converted once per log level. */
class StatelessMetaWriterTest {
    private final ClientConfig config = new ClientConfig(
            null,
            Implementation.of("meta-test", "1.0"),
            ClientCapabilities.none(),
            ClientCapabilities.builder().roots(true).build(),
            Map.of(),
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            3,
            false,
            null,
            null,
            null);
    private final StatelessMetaWriter writer = new StatelessMetaWriter(config);

    @Test
    void writesTheSameKeysAsTheProtocolRecordsOverTheRequestsOwnMeta() {
        ObjectNode own = McpJson.object().put("progressToken", 7).put(MetaKeys.PROTOCOL_VERSION, "stale");

        ObjectNode written = writer.writeTo(own, LoggingLevel.INFO);

        assertThat(written)
                .isEqualTo(StatelessMeta.of(config, LoggingLevel.INFO).writeTo(own));
        assertThat(written.get("progressToken").asInt()).isEqualTo(7);
        assertThat(written.get(MetaKeys.PROTOCOL_VERSION).asString()).isEqualTo("2026-07-28");
        assertThat(own.get(MetaKeys.PROTOCOL_VERSION).asString()).isEqualTo("stale"); // the request's own is copied
        assertThat(writer.writeTo(null, null))
                .isEqualTo(StatelessMeta.of(config, null).toMeta());
    }

    @Test
    void eachRequestGetsItsOwnCopySoChangingOneLeavesTheNextIntact() {
        ObjectNode first = writer.writeTo(null, null);
        ((ObjectNode) first.get(MetaKeys.CLIENT_INFO)).put("name", "changed by an interceptor");
        first.remove(MetaKeys.CLIENT_CAPABILITIES);

        ObjectNode second = writer.writeTo(null, null);

        assertThat(second.get(MetaKeys.CLIENT_INFO).get("name").asString()).isEqualTo("meta-test");
        assertThat(second.has(MetaKeys.CLIENT_CAPABILITIES)).isTrue();
    }

    @Test
    void aNewLogLevelIsWrittenFromTheNextRequestOn() {
        assertThat(writer.writeTo(null, null).has(MetaKeys.LOG_LEVEL)).isFalse();
        assertThat(writer.writeTo(null, LoggingLevel.DEBUG)
                        .get(MetaKeys.LOG_LEVEL)
                        .asString())
                .isEqualTo("debug");
        assertThat(writer.writeTo(null, null).has(MetaKeys.LOG_LEVEL)).isFalse();
    }
}
