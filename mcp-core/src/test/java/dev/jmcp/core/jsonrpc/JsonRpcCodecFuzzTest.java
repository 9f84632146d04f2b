package dev.jmcp.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.testsupport.Fuzz;
import dev.jmcp.testsupport.JsonMutations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the codec: whatever bytes a peer sends, decoding either yields messages that survive an
 * encode/decode round trip, or fails with {@link JsonRpcCodecException} carrying -32700 or -32600. No other
 * exception ever escapes. Inputs: random bytes, mutations of valid messages (bit flips, cuts, splices, type
 * swaps, deep nesting), and random JSON built from JSON-RPC keys; each decoded with the default limits and
 * with tight ones. {@link Fuzz#inputs()} inputs per loop (2,000 in the build, a million with {@code -Pfuzz}).
 */
class JsonRpcCodecFuzzTest {
    static final List<String> SEEDS = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},\"_meta\":{\"progressToken\":7}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3,\"reason\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"isError\":false}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\",\"data\":[1,2]}}",
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///a%20b?x=1\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775808,\"method\":\"server/discover\",\"params\":[]}");

    private final JsonRpcCodec codec = JsonRpcCodec.defaults();
    private final JsonRpcCodec tight = JsonRpcCodec.withLimits(new CodecLimits(512, 6));

    @Test
    void randomBytesOnlyEverFailWithTheCodecsOwnError() {
        Fuzz.run("codec, random bytes", r -> Fuzz.bytes(r, 600), this::decodesOrRefusesCleanly);
    }

    @Test
    void mutatedMessagesOnlyEverFailWithTheCodecsOwnError() {
        Fuzz.run("codec, mutated messages", JsonRpcCodecFuzzTest::mutatedMessage, this::decodesOrRefusesCleanly);
    }

    @Test
    void randomJsonOfRpcKeysOnlyEverFailsWithTheCodecsOwnError() {
        Fuzz.run(
                "codec, random JSON",
                r -> JsonMutations.json(r, 4).getBytes(StandardCharsets.UTF_8),
                this::decodesOrRefusesCleanly);
    }

    private void decodesOrRefusesCleanly(byte[] input) {
        decodesOrRefusesCleanly(codec, input);
        decodesOrRefusesCleanly(tight, input);
    }

    private static void decodesOrRefusesCleanly(JsonRpcCodec codec, byte[] input) {
        List<JsonRpcMessage> messages;
        try {
            messages = codec.decodeAll(input);
        } catch (JsonRpcCodecException e) {
            assertThat(e.error().code()).isIn(ErrorCodes.PARSE_ERROR, ErrorCodes.INVALID_REQUEST);
            return;
        }
        assertThat(messages).isNotEmpty();
        for (JsonRpcMessage m : messages) {
            assertThat(JsonRpcCodec.defaults().decode(codec.encode(m))).isEqualTo(m);
        }
        if (!JsonRpcCodec.looksLikeBatch(input)) {
            assertThat(codec.decode(input)).isEqualTo(messages.get(0));
        }
    }

    /** A valid message mutated one to three times. */
    static byte[] mutatedMessage(SplittableRandom r) {
        return JsonMutations.mutate(r, SEEDS.get(r.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8));
    }
}
