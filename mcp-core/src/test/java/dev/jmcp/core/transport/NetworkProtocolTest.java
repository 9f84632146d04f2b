package dev.jmcp.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How HTTP stacks' protocol names map to the conventions' network values, and the metadata defaults. */
class NetworkProtocolTest {
    @Test
    void httpProtocolNamesMapToTheConventionsVersionsWithoutAllocating() {
        assertThat(NetworkProtocol.http("HTTP/1.1")).isSameAs(NetworkProtocol.HTTP_1_1);
        assertThat(NetworkProtocol.http("HTTP/2.0")).isSameAs(NetworkProtocol.HTTP_2);
        assertThat(NetworkProtocol.http("http/2")).isSameAs(NetworkProtocol.HTTP_2);
        assertThat(NetworkProtocol.http("HTTP/1.0")).isSameAs(NetworkProtocol.HTTP_1_0);
        assertThat(NetworkProtocol.http("HTTP/3")).isSameAs(NetworkProtocol.HTTP_3);
        assertThat(NetworkProtocol.HTTP_2.version()).isEqualTo("2");
        assertThat(NetworkProtocol.HTTP_2.transport()).isEqualTo("tcp");
        assertThat(NetworkProtocol.HTTP_3.transport()).isEqualTo("quic");
        assertThat(NetworkProtocol.http("SPDY/3")).isSameAs(NetworkProtocol.HTTP);
        assertThat(NetworkProtocol.http(null)).isSameAs(NetworkProtocol.HTTP);
    }

    @Test
    void metadataWithoutANetworkProtocolInfersItFromTheTransportName() {
        assertThat(TransportMetadata.of("stdio").network()).isSameAs(NetworkProtocol.PIPE);
        assertThat(new TransportMetadata("http", "127.0.0.1:1", Map.of("a", List.of("b"))).network())
                .isSameAs(NetworkProtocol.HTTP);
        assertThat(TransportMetadata.of("in-memory").network()).isSameAs(NetworkProtocol.UNKNOWN);
        assertThat(TransportMetadata.NONE.network()).isSameAs(NetworkProtocol.UNKNOWN);
        assertThat(TransportMetadata.of("stdio", NetworkProtocol.PIPE).network())
                .isSameAs(NetworkProtocol.PIPE);
        assertThat(new TransportMetadata("http", null, null, null).network()).isSameAs(NetworkProtocol.UNKNOWN);
    }
}
