package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
    private final BodyDecoder decoder = new BodyDecoder(JsonRpcCodec.defaults());

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bodyOverTheLimitGets413() {
        BodyDecoder.Body body = decoder.decode(null);
        assertThat(body.isRefused()).isTrue();
        assertThat(body.rejection().status()).isEqualTo(413);
        assertThat(body.rejection().body().id()).isNull();
    }

    @Test
    void bodyThatIsNotJsonGets400ParseError() {
        BodyDecoder.Body body = decoder.decode(bytes("{not json"));
        assertThat(body.rejection().status()).isEqualTo(400);
        assertThat(body.rejection().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    }

    @Test
    void singleMessageDecodes() {
        BodyDecoder.Body body = decoder.decode(bytes(Posts.request(1, "ping", "{}")));
        assertThat(body.isRefused()).isFalse();
        assertThat(body.batch()).isFalse();
        assertThat(body.messages()).hasSize(1);
    }

    @Test
    void arrayDecodesAsABatch() {
        String req = Posts.request(1, "ping", "{}");
        BodyDecoder.Body body = decoder.decode(bytes("[" + req + "," + Posts.request(2, "ping", "{}") + "]"));
        assertThat(body.batch()).isTrue();
        assertThat(body.messages()).hasSize(2);
    }
}
